/**
 * fast-check arbitraries of property-list values as `parsePlist` returns them: every kind, with
 * whole-number reals (`PlistReal`, -0 included), nan and infinities, integers past 2^53 as
 * bigints up to the 64-bit range, dates and data. `xml` limits strings to what XML can hold and
 * dates to whole seconds.
 */
import fc from 'fast-check';
import { PlistReal, type PlistValue } from '../../generator/runtime/plist/index.js';

const XML_UNSAFE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const YEAR_0 = -62167219200000;
const YEAR_9999_END = 253402300799000;

export function plistValues(format: 'xml' | 'binary', maxDepth = 3): fc.Arbitrary<PlistValue> {
  const text = format === 'xml'
    ? fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', '\r\n', ' a\rb ', ']]>', '&lt;', '__proto__', 'a.b', '\u{1F600}')).filter((s) => !XML_UNSAFE.test(s))
    : fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', '\u0000', '\uD800', 'é', '__proto__'));
  const integer = fc.oneof(
    fc.integer(),
    fc.maxSafeInteger(),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }).filter((n) => n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)),
  );
  const real = fc.oneof(
    fc.double().filter((n) => !Number.isInteger(n)),
    fc.double().filter((n) => Number.isInteger(n)).map((n) => new PlistReal(n)),
    fc.constantFrom(NaN, Infinity, -Infinity, 0.5).map((n) => n),
    fc.constantFrom(0, -0, 1, 2 ** 60, -(2 ** 70)).map((n) => new PlistReal(n)),
  );
  const date = format === 'xml'
    ? fc.integer({ min: YEAR_0 / 1000, max: YEAR_9999_END / 1000 }).map((s) => new Date(s * 1000))
    : fc.integer({ min: YEAR_0, max: YEAR_9999_END }).map((ms) => new Date(ms));
  const scalar: fc.Arbitrary<PlistValue> = fc.oneof(text, integer, real, fc.boolean(), date, fc.uint8Array({ maxLength: 80 }));
  const { value } = fc.letrec<{ value: PlistValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth },
      scalar,
      fc.array(tie('value'), { maxLength: 5 }),
      fc.array(fc.tuple(text, tie('value')), { maxLength: 5 }).map((entries) => Object.fromEntries(entries) as PlistValue),
    ),
  }));
  return value;
}
