/**
 * The values a property list holds, as `parsePlist` returns them and the writers take them:
 *
 * | plist | JavaScript |
 * |---|---|
 * | `<string>` | `string` |
 * | `<integer>` | `number` when it is a safe integer, else `bigint` (exact, from -2^63 to 2^64-1) |
 * | `<real>` | `number` when it is not a whole number (`nan` and `inf` included), else a `PlistReal` |
 * | `<true/>`, `<false/>` | `boolean` |
 * | `<date>` | `Date` |
 * | `<data>` | `Uint8Array` |
 * | `<array>` | an array |
 * | `<dict>` | a plain object (`__proto__` is an own key like any other) |
 *
 * A whole-number `<real>` cannot be a plain number: `<real>1</real>` would then read as
 * `<integer>1</integer>`, which a device does not do. It comes back as a frozen `PlistReal`,
 * recognised by a brand no document can spell (a registered symbol, as an own property): a
 * dictionary `{ value: 7 }` or `{ plistReal: 7 }` in a document is a dictionary, never a real.
 */

/** The brand of a `PlistReal`: registered, so copies of this module (a bundle, the toolchain) agree. */
const BRAND: unique symbol = Symbol.for('@dmspec/apple/plist.real');

/** A plist `<real>` whose value is a whole number (`<real>1</real>`): not an `<integer>`. */
export class PlistReal {
  declare readonly value: number;
  constructor(value: number) {
    if (typeof value !== 'number') throw new TypeError(`a PlistReal holds a number, not ${typeof value}`);
    this.value = value;
    // A descriptor without a prototype: a polluted Object.prototype (`get`, `value`) cannot change it.
    Object.defineProperty(this, BRAND, { __proto__: null, value: true } as PropertyDescriptor);
    Object.freeze(this);
  }
  /** The number, so comparisons (`real < 10`) see it. */
  valueOf(): number {
    return this.value;
  }
  toJSON(): number {
    return this.value;
  }
  toString(): string {
    return Object.is(this.value, -0) ? '-0' : String(this.value);
  }
}

/** True for a `PlistReal` made by this module or a copy of it; never for a dictionary of a document. */
export function isPlistReal(v: unknown): v is PlistReal {
  return typeof v === 'object' && v !== null && BRAND in v && Object.hasOwn(v, BRAND) && typeof (v as { value?: unknown }).value === 'number';
}

/** A real to write: a `PlistReal` for a whole number (so it stays a `<real>`), the number otherwise. */
export function plistReal(value: number): PlistReal | number {
  return Number.isInteger(value) ? new PlistReal(value) : value;
}

export type PlistDict = { [key: string]: PlistValue };

export type PlistValue = string | number | bigint | boolean | Date | Uint8Array | PlistReal | PlistValue[] | PlistDict;

/** The plist type of a value: what element it is written as. */
export type PlistType = 'string' | 'integer' | 'real' | 'boolean' | 'date' | 'data' | 'array' | 'dict';

/** The plist type of `v`, or undefined when `v` has no plist form (null, undefined, a function…). */
export function plistTypeOf(v: unknown): PlistType | undefined {
  const type = typeof v;
  return type === 'string' || type === 'boolean' ? type
    : type === 'bigint' ? 'integer'
    : type === 'number' ? (Number.isInteger(v) && !Object.is(v, -0) ? 'integer' : 'real')
    : type !== 'object' || v === null ? undefined
    : Array.isArray(v) ? 'array'
    : v instanceof Date ? 'date'
    : v instanceof Uint8Array ? 'data'
    : isPlistReal(v) ? 'real'
    // An object literal's kind: prototype `Object.prototype` or null.
    : [null, Object.prototype].includes(Object.getPrototypeOf(v)) ? 'dict' : undefined;
}

/** The message of a repeated key: `the key "a"`, and where its two entries are. */
export const appearsTwice = (key: string, where: string): string => `${key} appears twice in one dictionary (${where}); readers disagree on which value counts`;

/** The range of plist integers: 64-bit signed, and unsigned above 2^63 as CoreFoundation writes them. */
export const INTEGER_MIN: bigint = -(2n ** 63n);
export const INTEGER_MAX: bigint = 2n ** 64n - 1n;
/** 2^53 - 1: past ±this, an integer is a bigint. */
export const SAFE_MAX: bigint = BigInt(Number.MAX_SAFE_INTEGER);

/** Nesting the writers refuse to go past: the readers' default depth, so what is written reads back. */
export const WRITE_MAX_DEPTH = 64;

/** Throws the TypeError of a value the writers cannot write, naming where it is (`PayloadContent[0].Foo`). */
export const unwritable: (path: string, why: string) => never = (path, why) => {
  throw new TypeError(`${path || 'the value'}: ${why}`);
};

/** A path one step further, as the validators write paths. */
export const pathTo = (path: string, key: string | number): string => {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
};

/**
 * A dictionary's entries to write: its own enumerable string keys, sorted by code unit (so the
 * same dictionary gives the same bytes however it was built), keys whose value is `undefined`
 * left out, as `JSON.stringify` does.
 */
export const entriesToWrite = (dict: object): Array<[string, unknown]> =>
  // The default sort compares UTF-16 code units; each value is read once, in that order.
  Object.keys(dict).sort().map((key): [string, unknown] => [key, (dict as Record<string, unknown>)[key]]).filter((entry) => entry[1] !== undefined);

/** 1 January 2001, 00:00 UTC: the reference date of binary plist dates. */
export const APPLE_EPOCH_MS: number = Date.UTC(2001, 0, 1);
