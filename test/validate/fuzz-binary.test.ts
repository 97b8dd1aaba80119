/**
 * Property test of the binary plist reader on generated hostile files: random object tables
 * whose arrays and dictionaries refer to any object (shared references, cycles, chains deep
 * enough to pass any limit), random integer widths, strings, data and trailers. Every file gives
 * a report or a clear error, never a throw, and what is decoded never passes the value budget
 * (which is what bounds memory and time). Seeded like the other fuzz tests.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { readError } from '../helpers/reports.js';
import * as checkedIn from '../fixtures/emit/seeds/validators/registry.js';
import { validateProfileBytes } from '../../generator/validate/index.js';
import { DEFAULT_BUDGET_LIMITS, parsePlist, PlistError, plistTypeOf, type PlistDict, type PlistValue } from '../../generator/runtime/plist/index.js';
import { bp, bplist } from '../helpers/bplist.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261123);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const LIMITS = { ...DEFAULT_BUDGET_LIMITS, maxNodes: 20_000, maxDepth: 32 };

function count(v: PlistValue): number {
  if (Array.isArray(v)) return 1 + v.reduce((n: number, i) => n + count(i), 0);
  // A dictionary's keys are values too, as the reader counts them.
  if (plistTypeOf(v) === 'dict') return 1 + Object.values(v as PlistDict).reduce((n: number, c) => n + 1 + count(c), 0);
  return 1;
}

const objects = fc.integer({ min: 1, max: 40 }).chain((n) => {
  const ref = fc.nat({ max: n + 2 }); // now and then past the table
  const object: fc.Arbitrary<Uint8Array> = fc.oneof(
    fc.boolean().map(bp.bool),
    fc.tuple(fc.bigInt({ min: -(1n << 127n), max: (1n << 127n) - 1n }), fc.integer({ min: 0, max: 5 })).map(([v, nibble]) => bp.int(v, nibble)),
    fc.string({ maxLength: 20 }).map((s) => (/^[\x00-\x7f]*$/.test(s) ? bp.ascii(s) : bp.utf16(s))),
    fc.constantFrom('PayloadType', 'PayloadContent', 'PayloadVersion', 'PayloadUUID').map(bp.ascii),
    fc.array(ref, { maxLength: 30 }).map((refs) => bp.array(refs)),
    fc.array(fc.tuple(ref, ref), { maxLength: 12 }).map((kv) => bp.dict(kv.map(([k]) => k), kv.map(([, v]) => v))),
    fc.uint8Array({ maxLength: 12 }), // raw bytes: any marker
  );
  return fc.tuple(fc.array(object, { minLength: n, maxLength: n }), fc.nat({ max: n }), fc.option(fc.tuple(fc.nat({ max: 31 }), fc.nat({ max: 255 }))));
}).map(([objs, top, flip]) => {
  const file = bplist(objs, Math.min(top, objs.length - 1));
  if (flip) file[file.length - 32 + flip[0]] = flip[1]; // a trailer byte changed
  return file;
});

it(`reads generated hostile binary plists without a throw and within the budget (${RUNS} runs, seed ${SEED})`, async () => {
  await fc.assert(
    fc.asyncProperty(objects, async (file) => {
      try {
        const root = parsePlist(file, { limits: LIMITS }).value;
        expect(count(root)).toBeLessThanOrEqual(LIMITS.maxNodes);
      } catch (e) {
        expect(e).toBeInstanceOf(PlistError);
        expect((e as Error).message.length).toBeLessThan(300);
      }
      const r = await validateProfileBytes('p.mobileconfig', file, checkedIn, { timeoutMs: 10_000 });
      expect(readError(r) === undefined || readError(r)!.length > 0).toBe(true);
    }),
    { seed: SEED, numRuns: RUNS },
  );
}, 300_000);
