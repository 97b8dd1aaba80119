/**
 * Temporary folders for tests: made under the OS temp folder with a `dmspec-` prefix and removed
 * after the test file that made them (`test/setup.ts` registers the clean-up for every file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty folder, removed when the current test file is done. */
export function tempDir(purpose: string): string {
  const dir = mkdtempSync(join(tmpdir(), `dmspec-${purpose}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this process. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
