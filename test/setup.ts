/** Runs in every test file: what a test file's `tempDir` calls made is removed after it. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/temp.js';

afterAll(removeTempDirs);
