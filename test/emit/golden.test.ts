/**
 * Generated output for the seeds, byte for byte against test/fixtures/emit/seeds/ (the goldens are
 * under tsconfig, so `npm test` type-checks them too). Update with `npm run test:update`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { SEED_PAGES } from '../helpers/corpus.js';
import { expectGolden, updating } from '../helpers/golden.js';

const GOLDEN = join(import.meta.dirname, '../fixtures/emit/seeds');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)).split(sep).join('/'))
    .sort();
}

describe('generated output for the seeds', () => {
  const result = generate(SEED_PAGES);

  it('has no error diagnostics (the ts-morph check passed)', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('lists exactly the golden files', () => {
    if (updating) return;
    expect([...result.files.keys()].sort()).toEqual(listFiles(GOLDEN));
  });

  for (const [path, text] of [...result.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    it(`${path} matches its golden`, () => expectGolden(join(GOLDEN, path), text));
  }

  it('is byte-identical when generated twice', () => {
    const again = generate(SEED_PAGES);
    expect([...again.files]).toEqual([...result.files]);
  });

  it('uses LF line ends, a final newline and no timestamp', () => {
    for (const [path, text] of result.files) {
      expect(text, path).not.toMatch(/\r/);
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), path).toBe(true);
      expect(text, path).not.toMatch(/20\d\d-\d\d-\d\dT/);
    }
  });
});
