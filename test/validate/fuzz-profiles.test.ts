/**
 * Property-based tests of `validate` on the shared real profiles, mutated (bytes flipped or cut,
 * tags and text spliced in, deep nesting, binary and signed wrappers of mutated content): a
 * report or a clear error every time, never a throw. Seeded like test/parse/fuzz.test.ts.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as checkedIn from '../fixtures/emit/seeds/validators/registry.js';
import { validateProfileBytes } from '../../generator/validate/index.js';
import { describeWith, PROFILES, profileFiles } from '../helpers/corpus.js';
import { signed } from '../helpers/profiles.js';
import { readError } from '../helpers/reports.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261122);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);

const SPLICES = ['<dict>', '</dict>', '<array>', '<key>__proto__</key>', '<integer>x</integer>', '<real>1e999</real>', '<date>never</date>',
  '<!ENTITY a "b">', '&a;', '<![CDATA[', '\u0000', '\uFEFF', '<data>!!!</data>', `${'<array>'.repeat(100)}`, '<true/>'];

describeWith(PROFILES, 'fuzzing validate with mutated real profiles', () => {
  const all: Uint8Array[] = profileFiles().map((f) => new Uint8Array(readFileSync(f)));
  type Mutation = (b: Uint8Array) => Uint8Array;
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.nat().map((at): Mutation => (b) => b.subarray(0, at % (b.length + 1))),
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, v]): Mutation => (b) => { const c = b.slice(); if (c.length) c[at % c.length] = v; return c; }),
    fc.tuple(fc.nat(), fc.constantFrom(...SPLICES)).map(([at, s]): Mutation => (b) => {
      const i = at % (b.length + 1);
      return new Uint8Array([...b.subarray(0, i), ...new TextEncoder().encode(s), ...b.subarray(i)]);
    }),
    fc.constant<Mutation>((b) => signed(b)),
  );
  const mutated = fc.tuple(fc.nat({ max: all.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([i, ms]) => ms.reduce((b, m) => m(b), all[i]!));

  it(`gives a report or a clear error for every mutated profile (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (bytes) => {
        const r = await validateProfileBytes('p.mobileconfig', bytes, checkedIn);
        const error = readError(r);
        if (error !== undefined) {
          expect(error.length).toBeGreaterThan(0);
          // A file that is no readable document has that one finding, and nothing else was checked.
          expect(r.issues.map((i) => i.code)).toEqual([expect.stringMatching(/^(malformed|timeout)$/)]);
        }
        for (const i of r.issues) expect(typeof i.message).toBe('string');
        expect(await validateProfileBytes('p.mobileconfig', bytes, checkedIn)).toEqual(r);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 300_000);
});
