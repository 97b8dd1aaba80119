// Copied by dmspec from generator/runtime/validator/values.ts. Do not edit: change that file and run "npm run generate".
/**
 * How the validators see a value: dictionaries, own keys, plist integers and reals, and the words
 * messages use for a value (`string "no"`, `integer 1`, `array`).
 */
import { type PlistReal } from '../plist/values.js';
import type { Dict } from './types.js';
/** Own keys only: `__proto__` or `constructor` in the data are data, never the prototype's. */
export declare function own(v: Dict, key: string): boolean;
/** A dictionary: an object that is no array, date, data or `PlistReal` (a real is never an empty dictionary). */
export declare function isDict(v: unknown): v is Dict;
/**
 * `Object.prototype`, for generated code's test of whether a key found on a plain dictionary is
 * its own: `key in OBJECT_PROTOTYPE` is false for every key the spec names unless the prototype
 * was polluted, and V8 folds the test to a constant, where `hasOwnProperty` costs a lookup per key.
 */
export declare const OBJECT_PROTOTYPE: object;
/**
 * What `isDict` says, and how a key on the value can be read: 0 for no dictionary, 1 for a
 * dictionary whose prototype is `Object.prototype` or null (what `JSON.parse`, `parsePlist` and
 * object literals make: a key it has that `Object.prototype` lacks is its own), 2 for any other
 * dictionary (a class instance, `Object.create(p)`), whose keys must each be looked up as own.
 */
export declare function dictKind(v: unknown): 0 | 1 | 2;
/**
 * A plist `<real>` holding a whole number, as `parsePlist` returns it (`PlistReal`), so
 * `<real>1</real>` is not taken for an integer. Recognised by a brand no document can spell: a
 * dictionary `{ plistReal: 1 }` in a profile is a dictionary.
 */
export type TaggedReal = PlistReal;
export declare function isTaggedReal(v: unknown): v is TaggedReal;
/** A whole number: a safe integer, or a bigint (`parsePlist` keeps an integer past ±2^53 exact). */
export declare function isInteger(v: unknown): v is number | bigint;
/** Any number: a plist `<real>` may be `nan` or `inf`, and Apple's parser reads both. */
export declare function isReal(v: unknown): v is number | bigint | PlistReal;
/**
 * The number a plist integer or real holds, for comparing allowed values and ranges: Apple's
 * `number` takes both, and `<real>2</real>` equals the allowed value `2`. A bigint (an integer
 * past ±2^53) stays one: ranges compare it exactly (`2n ** 60n > 100` is true).
 */
export declare function numberOf(v: unknown): number | bigint;
/** `string "no"`, `integer 1`, `array`, … for messages. */
export declare function describeValue(v: unknown): string;
/** The `actual` of an issue: a scalar as it is (a bigint as its digits, so it survives JSON), a container or data described in words. */
export declare function shown(v: unknown): unknown;
/**
 * An object's key map, from its keys in the page's order: each key's index is its position.
 * Generated validators build theirs from a list of names (half the text of `[name, index]` pairs);
 * `payload` appends the seven keys every payload has.
 */
export declare function keyIndex(names: readonly string[], payload?: boolean): ReadonlyMap<string, number>;
/** The keys every payload has, in the order pages list them (last). */
export declare const PAYLOAD_KEYS: readonly string[];
