// Copied by dmspec from generator/runtime/plist/scalars.ts. Do not edit: change that file and run "npm run generate".
import { type PlistValue } from './values.js';
export type ScalarTag = 'string' | 'integer' | 'real' | 'true' | 'false' | 'date' | 'data';
/**
 * An integer exactly: a number when it is a safe integer, else a bigint within the 64-bit range
 * plists hold. With `safeOnly`, an integer past ±2^53 is refused instead (for callers that need
 * every integer as a number).
 */
export declare const exactInteger: (n: bigint, safeOnly: boolean) => number | bigint;
/**
 * The value of a scalar element holding `text` (already free of nested elements). Its errors
 * have no position: the reader gives them the element's. Every tag but `<string>` and `<data>`
 * is read from its text trimmed, as CoreFoundation skips whitespace around it (and reads 0x as
 * hexadecimal); what does not read is `<tag> holds "text"`, with why where the text alone does
 * not say.
 */
export declare const readScalar: (tag: ScalarTag, text: string, safeOnly: boolean) => PlistValue;
