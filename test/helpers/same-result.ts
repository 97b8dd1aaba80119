/**
 * Two generate results are the same: the same files with the same bytes, the same diagnostics.
 * How the regenerate-from-cache tests compare a cached run with a fresh one.
 */
import { expect } from 'vitest';
import type { GenerateResult } from '../../generator/pipeline.js';

/** Asserts `actual` has `expected`'s files, byte for byte, and its diagnostics. */
export function expectSameResult(actual: GenerateResult, expected: GenerateResult): void {
  expect([...actual.files.keys()].sort()).toEqual([...expected.files.keys()].sort());
  for (const [path, text] of expected.files) expect(actual.files.get(path), path).toBe(text);
  expect(actual.diagnostics).toEqual(expected.diagnostics);
}
