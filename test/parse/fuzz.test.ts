/**
 * Property-based tests: real pages from the corpus, mutated (lines deleted, duplicated, swapped,
 * sections reordered, truncation, Unicode and zero-width characters, CRLF, BOMs, very long lines,
 * deep lists), must always give an IR and diagnostics: no throw, every key it reports present in
 * the input, the same IR twice, and a generate that either type-checks or fails cleanly without
 * touching the output folder.
 *
 * CI runs a fixed seed and a bounded number of runs. Run longer with, for example:
 *   FUZZ_RUNS=2000 FUZZ_SEED=$RANDOM npx vitest run test/parse/fuzz.test.ts
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { diffTree } from '../../generator/emit/output-tree.js';
import { hasErrors } from '../../generator/model/diagnostics.js';
import { normaliseText, parsePage } from '../../generator/parse/parse-page.js';
import { generateFromPages, writeGenerated } from '../../generator/pipeline.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261122);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const GENERATE_RUNS = Math.max(4, Math.round(RUNS / 15));

/** A spread of real pages: every tenth page of each flavour folder, small and large. */
function samplePages(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  for (const dir of ['changelog-2026-08-18', 'rendered-2025-04', 'samples/listing', 'samples/snapshot']) {
    const root = join(CORPUS, dir);
    const files = readdirSync(root).filter((f) => f.endsWith('.md') && statSync(join(root, f)).isFile()).sort();
    files.filter((_, i) => i % (dir.startsWith('samples') ? 3 : 40) === 0).forEach((f) => out.push({ file: `${dir}/${f}`, text: readFileSync(join(root, f), 'utf8') }));
  }
  return out;
}

type Mutation = (lines: string[]) => string[];

const NOISE = ['\u200B', '\u200D', '\uFEFF', '\u202E', '\u0301', '\uFFFD', '😀', '\u2028', '\t', '`', '**', '|', '<!--', '{{', '${', '\\'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 })).map(([at, n]): Mutation => (l) => { const i = at % (l.length + 1); return [...l.slice(0, i), ...l.slice(i + n)]; }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 })).map(([at, n]): Mutation => (l) => { const i = at % (l.length + 1); return [...l.slice(0, i + n), ...l.slice(i, i + n), ...l.slice(i + n)]; }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (l) => { const c = [...l]; const i = a % (c.length || 1); const j = b % (c.length || 1); [c[i], c[j]] = [c[j] ?? '', c[i] ?? '']; return c; }),
  fc.nat().map((k): Mutation => (l) => {
    // Swap two `##` / `###` sections whole.
    const starts = l.map((x, i) => (/^#{2,3} /.test(x) ? i : -1)).filter((i) => i >= 0);
    if (starts.length < 2) return l;
    const a = k % (starts.length - 1);
    const [s1, s2, s3] = [starts[a]!, starts[a + 1]!, starts[a + 2] ?? l.length];
    return [...l.slice(0, s1), ...l.slice(s2, s3), ...l.slice(s1, s2), ...l.slice(s3)];
  }),
  fc.nat().map((at): Mutation => (l) => l.slice(0, at % (l.length + 1))),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...NOISE), fc.string({ unit: 'grapheme', maxLength: 8 })).map(([line, col, noise, s]): Mutation => (l) => {
    const c = [...l];
    const i = line % (c.length || 1);
    const x = c[i] ?? '';
    const j = col % (x.length + 1);
    c[i] = x.slice(0, j) + noise + s + x.slice(j);
    return c;
  }),
  fc.constant<Mutation>((l) => l.join('\r\n').split('\n')),
  fc.constant<Mutation>((l) => ['\uFEFF' + (l[0] ?? ''), ...l.slice(1)]),
  fc.tuple(fc.nat(), fc.integer({ min: 1000, max: 30_000 })).map(([at, n]): Mutation => (l) => { const i = at % (l.length + 1); return [...l.slice(0, i), 'x'.repeat(n), ...l.slice(i)]; }),
  fc.tuple(fc.nat(), fc.integer({ min: 2, max: 60 })).map(([at, depth]): Mutation => (l) => {
    const i = at % (l.length + 1);
    return [...l.slice(0, i), ...Array.from({ length: depth }, (_, d) => `${'  '.repeat(d)}- level ${d}`), ...l.slice(i)];
  }),
);

describeCorpus('fuzzing the parser with mutated corpus pages', () => {
  const pages = samplePages();
  const mutated = fc.tuple(fc.nat({ max: pages.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([i, ms]) => {
    const page = pages[i]!;
    return { file: page.file, text: ms.reduce((lines, m) => m(lines), page.text.split('\n')).join('\n') };
  });

  it(`never throws, reports only keys in the input, and is deterministic (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(mutated, (page) => {
        const first = parsePage(page);
        expect(Array.isArray(first.diagnostics)).toBe(true);
        const text = normaliseText(page.text);
        for (const p of first.object?.properties ?? []) {
          if (p.name !== 'ANY') expect(text.includes(p.name) || text.replace(/\\(.)/g, '$1').includes(p.name), `${page.file}: key ${p.name}`).toBe(true);
        }
        expect(parsePage({ ...page })).toEqual(first);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 300_000);

  it(`generates code that type-checks, or fails cleanly leaving the output folder untouched (${GENERATE_RUNS} runs)`, () => {
    const out = join(tempDir('fuzz'), 'generated');
    const before = new Map([['marker.txt', 'the previous output\n']]);
    writeGenerated(out, { ir: { irVersion: 1, objects: [], diagnostics: [] }, files: before, diagnostics: [] });
    fc.assert(
      fc.property(fc.array(mutated, { minLength: 1, maxLength: 3 }), (batch) => {
        const result = generateFromPages(batch.map((p, i) => ({ file: `${i}-${p.file.replace(/\//g, '_')}`, text: p.text })));
        expect(result.diagnostics.filter((d) => d.code === 'generated-code-error' || d.code === 'template-error')).toEqual([]);
        if (hasErrors(result.diagnostics)) {
          expect(writeGenerated(out, result)).toBe(false);
          expect(diffTree(out, before)).toEqual({ changed: [], missing: [], extra: [] });
        }
      }),
      { seed: SEED, numRuns: GENERATE_RUNS },
    );
    writeFileSync(join(out, '..', 'done'), '');
  }, 300_000);
});
