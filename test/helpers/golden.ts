/**
 * Golden files: compared byte for byte, rewritten only when the run sets UPDATE=1
 * (`npm run test:update`). A missing golden fails; it never creates itself.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export const updating = process.env['UPDATE'] === '1';

export function expectGolden(path: string, actual: string): void {
  if (updating) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    expect.fail(`golden file ${path} is missing: run "npm run test:update" and review the diff`);
  }
  expect(actual, `${path} differs: run "npm run test:update" if the change is intended`).toBe(readFileSync(path, 'utf8'));
}
