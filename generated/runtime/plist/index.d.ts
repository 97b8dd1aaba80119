// Copied by dmspec from generator/runtime/plist/index.ts. Do not edit: change that file and run "npm run generate".
/**
 * `@dmspec/apple/plist`: property lists read and written exactly, with no dependency and in any
 * JavaScript runtime.
 *
 * ```ts
 * import { parsePlist, toXmlPlist, toBinaryPlist } from '@dmspec/apple/plist';
 * const doc = parsePlist(bytes);                        // XML (UTF-8 or UTF-16) or binary
 * doc.value;                                            // plain values (see values.ts)
 * doc.positions.locate('PayloadContent[0].PayloadType'); // { value: { format: 'xml', line, column, offset }, key, exact }
 * toXmlPlist(doc.value);                                // the same value, as Apple lays XML out
 * ```
 *
 * Reading is strict, as a device reads: a repeated key (naming both places), a date that is not
 * `YYYY-MM-DDTHH:MM:SSZ` or does not exist, data that is not base64, an integer past the 64-bit
 * range, an XML entity declaration, malformed XML or UTF-8/UTF-16 are errors, never guesses. It is
 * bounded: the input's size, the values (shared binary references counted each time), depth,
 * each string and data value, all strings and data, and optionally the time are limited while
 * reading (`DEFAULT_BUDGET_LIMITS`); the first limit passed is a `PlistError`.
 *
 * Modules: `values.ts` (the values, `PlistReal`), `budget.ts` (limits, errors), `positions.ts`
 * (where each value is), `text.ts` (UTF-8, UTF-16, base64), `xml-reader.ts`
 * (XML), `scalars.ts` (XML scalars as Apple reads them), `binary-reader.ts`, `xml-writer.ts`,
 * `binary-writer.ts`.
 */
import { type PlistBudgetLimits } from './budget.js';
import type { PlistPositions } from './positions.js';
import type { PlistValue } from './values.js';
export { DEFAULT_BUDGET_LIMITS, PlistError, PlistTimeoutError, type PlistBudgetLimits } from './budget.js';
export { PlistPositions, type PlistLocation, type PlistPosition } from './positions.js';
export { isPlistReal, PlistReal, plistReal, plistTypeOf, type PlistDict, type PlistType, type PlistValue } from './values.js';
export { toXmlPlist } from './xml-writer.js';
export { toBinaryPlist } from './binary-writer.js';
export interface ParsePlistOptions {
    /** Limits past which reading stops (each defaults to `DEFAULT_BUDGET_LIMITS`). */
    limits?: Partial<PlistBudgetLimits>;
    /** Stop reading once this many milliseconds have passed (a `PlistTimeoutError`). */
    timeoutMs?: number;
    /** Or at this `Date.now()` value. */
    deadline?: number;
    /** Refuse integers past ±2^53 instead of returning them as bigints. */
    safeIntegers?: boolean;
}
/** A parsed property list: its value, its format, and where each of its values is. */
export interface PlistDocument {
    readonly value: PlistValue;
    readonly format: 'xml' | 'binary';
    readonly positions: PlistPositions;
}
/**
 * Reads a property list: bytes of an XML or binary plist, or the text of an XML one. Throws
 * `PlistError` (with `position` where the problem is known to be) for anything malformed or past
 * a limit, and nothing else for bad input.
 */
export declare function parsePlist(input: Uint8Array | string, options?: ParsePlistOptions): PlistDocument;
