// Copied by dmspec from generator/runtime/plist/budget.ts. Do not edit: change that file and run "npm run generate".
/**
 * One place for every limit on a property list, counted on the decoded structure while it is
 * read (XML and binary alike) so no document can make a reader allocate or loop past them. A
 * binary plist's shared references count each time they are reached: a few hundred bytes of
 * arrays that refer to the same arrays decode to billions of values, and that is what is counted.
 *
 * The defaults are set from real profiles with a wide margin. Real profiles are small (the 49 of
 * the project's test set have at most 35 values, 9 levels, strings of 130 characters); the
 * largest seen in use are content-filter and managed-app profiles with lists of some tens of
 * thousands of entries, and font or certificate payloads with a few megabytes of data. So:
 * 16 MiB of input, 100,000 values, 64 levels, 1,000,000 characters per string, 16 MiB per data
 * value and 64 MiB of strings and data together. Files of up to 16 MiB made to hit each limit
 * stay under 500 MB and 10 s in `dmspec validate`; at 250,000 values one reached 875 MB.
 */
import type { PlistPosition } from './positions.js';
export interface PlistBudgetLimits {
    /** Largest input: bytes, or characters of a string. */
    maxBytes: number;
    /** Values (every dictionary, array and scalar, each time it is reached). */
    maxNodes: number;
    /** Deepest nesting of arrays and dictionaries. */
    maxDepth: number;
    /** Longest string or key, in characters (UTF-16 code units). */
    maxStringLength: number;
    /** Largest data value, in bytes. */
    maxDataBytes: number;
    /** Strings and data together, in bytes (a string counts 2 bytes a character), each time reached. */
    maxTotalBytes: number;
}
export declare const DEFAULT_BUDGET_LIMITS: Readonly<PlistBudgetLimits>;
/**
 * A property list that cannot be read: malformed, or past a budget. `position` says where, when
 * known; `message` names the line in XML (`line 6: …`), `reason` is the same without it, for
 * reports that give the line and column on their own.
 */
export declare class PlistError extends Error {
    name: string;
    readonly position: PlistPosition | undefined;
    readonly reason: string;
    constructor(message: string, position?: PlistPosition, reason?: string);
}
/** The time limit passed while reading. */
export declare class PlistTimeoutError extends PlistError {
    name: string;
}
/** A number in a message: `100,000`. */
export declare const fmt: (n: number) => string;
/** Text from the document in a message, cut after `n` characters. */
export declare const clip: (s: string, n?: number) => string;
/** Text from the document in a message: quoted, cut after 40 characters (or `n`). */
export declare const quoted: (s: string, n?: number) => string;
/** Throws a PlistError without a position (a reader gives it the place it is at). */
export declare const raise: (message: string) => never;
/**
 * Counts what one read decodes; throws PlistError at the first limit passed. One per document.
 * A tuple, not an object, so a minifier shortens the names its parts are read into: the limits;
 * the input's size, checked before anything is decoded; one more value at nesting `depth` (the
 * root is 0); a string or key of `length` characters; a data value of `length` bytes.
 */
export type PlistBudget = [
    limits: PlistBudgetLimits,
    input: (size: number, unit: 'bytes' | 'characters') => void,
    node: (depth: number) => void,
    string: (length: number) => void,
    data: (length: number) => void
];
/** What sets a budget: its limits, and a time limit (`timeoutMs` from now, or a `Date.now()` value). */
export interface PlistBudgetOptions {
    limits?: Partial<PlistBudgetLimits>;
    timeoutMs?: number;
    deadline?: number;
}
/**
 * A budget of `options.limits` (each defaulting to `DEFAULT_BUDGET_LIMITS`), stopping at
 * `options.deadline` or after `options.timeoutMs` (none without either; the options read in
 * that order). Its counts and limits are local variables of closures.
 */
export declare const plistBudget: (options: PlistBudgetOptions) => PlistBudget;
