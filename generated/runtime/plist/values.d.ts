// Copied by dmspec from generator/runtime/plist/values.ts. Do not edit: change that file and run "npm run generate".
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
/** A plist `<real>` whose value is a whole number (`<real>1</real>`): not an `<integer>`. */
export declare class PlistReal {
    readonly value: number;
    constructor(value: number);
    /** The number, so comparisons (`real < 10`) see it. */
    valueOf(): number;
    toJSON(): number;
    toString(): string;
}
/** True for a `PlistReal` made by this module or a copy of it; never for a dictionary of a document. */
export declare function isPlistReal(v: unknown): v is PlistReal;
/** A real to write: a `PlistReal` for a whole number (so it stays a `<real>`), the number otherwise. */
export declare function plistReal(value: number): PlistReal | number;
export type PlistDict = {
    [key: string]: PlistValue;
};
export type PlistValue = string | number | bigint | boolean | Date | Uint8Array | PlistReal | PlistValue[] | PlistDict;
/** The plist type of a value: what element it is written as. */
export type PlistType = 'string' | 'integer' | 'real' | 'boolean' | 'date' | 'data' | 'array' | 'dict';
/** The plist type of `v`, or undefined when `v` has no plist form (null, undefined, a function…). */
export declare function plistTypeOf(v: unknown): PlistType | undefined;
/** The message of a repeated key: `the key "a"`, and where its two entries are. */
export declare const appearsTwice: (key: string, where: string) => string;
/** The range of plist integers: 64-bit signed, and unsigned above 2^63 as CoreFoundation writes them. */
export declare const INTEGER_MIN: bigint;
export declare const INTEGER_MAX: bigint;
/** 2^53 - 1: past ±this, an integer is a bigint. */
export declare const SAFE_MAX: bigint;
/** Nesting the writers refuse to go past: the readers' default depth, so what is written reads back. */
export declare const WRITE_MAX_DEPTH = 64;
/** Throws the TypeError of a value the writers cannot write, naming where it is (`PayloadContent[0].Foo`). */
export declare const unwritable: (path: string, why: string) => never;
/** A path one step further, as the validators write paths. */
export declare const pathTo: (path: string, key: string | number) => string;
/**
 * A dictionary's entries to write: its own enumerable string keys, sorted by code unit (so the
 * same dictionary gives the same bytes however it was built), keys whose value is `undefined`
 * left out, as `JSON.stringify` does.
 */
export declare const entriesToWrite: (dict: object) => Array<[string, unknown]>;
/** 1 January 2001, 00:00 UTC: the reference date of binary plist dates. */
export declare const APPLE_EPOCH_MS: number;
