// Copied by dmspec from generator/runtime/validator/values.ts. Do not edit: change that file and run "npm run generate".
/**
 * How the validators see a value: dictionaries, own keys, plist integers and reals, and the words
 * messages use for a value (`string "no"`, `integer 1`, `array`).
 */
import type { Dict } from './types.js';
/** Own keys only: `__proto__` or `constructor` in the data are data, never the prototype's. */
export declare function own(v: Dict, key: string): boolean;
export declare function isDict(v: unknown): v is Dict;
/**
 * A value read from a plist `<real>` keeps that tag when the reader wraps it, so `<real>1</real>`
 * is not taken for an integer.
 */
export interface TaggedReal {
    readonly plistReal: number;
}
export declare function isTaggedReal(v: unknown): v is TaggedReal;
export declare function isInteger(v: unknown): v is number;
/** Any number: a plist `<real>` may be `nan` or `inf`, and Apple's parser reads both. */
export declare function isReal(v: unknown): v is number;
/**
 * The number a plist integer or real holds, for comparing allowed values and ranges: Apple's
 * `number` takes both, and `<real>2</real>` equals the allowed value `2`.
 */
export declare function numberOf(v: unknown): number;
/** `string "no"`, `integer 1`, `array`, … for messages. */
export declare function describeValue(v: unknown): string;
/** The `actual` of an issue: a scalar as it is, a container or data described in words. */
export declare function shown(v: unknown): unknown;
