/**
 * Runs once per `vitest run`, before any test file: makes the run's cache folder (see
 * `test/helpers/run-cache.ts`), tells every worker where it is, and removes it when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder this run's workers share results in; empty when there is none. */
    dmspecRunCache: string;
  }
}

export default function setup(project: TestProject): () => void {
  // Made 0700 by mkdtemp: only this user's processes read or write what is kept in it.
  const dir = mkdtempSync(join(tmpdir(), 'dmspec-run-cache-'));
  project.provide('dmspecRunCache', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
