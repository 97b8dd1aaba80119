// Copied by dmspec from generator/runtime/validator/report.ts. Do not edit: change that file and run "npm run generate".
/**
 * What generated check functions call when a value is wrong: one reporter per finding code, its
 * severity from `severity.ts` (what a device does). Each reporter of an error counts it first; a
 * `quick` run (`is<Name>`) keeps nothing more.
 */
import type { Dict, IssueCode, KeyFacts } from './types.js';
import { type Run } from './run.js';
/** Counts (when its severity is an error) and records one finding at `p[0..d)` + `key`. */
export declare function flag(r: Run, d: number, key: string | number | undefined, code: IssueCode, expected: unknown, actual: unknown, note: string, severity?: 'error' | 'warning'): void;
/**
 * Called by a check function as it enters a dictionary at depth `d`: true when it must not
 * (the validation has stopped, or this is past a limit, which it reports).
 */
export declare function enterValue(r: Run, d: number): boolean;
/** Before a loop over `count` items or keys at `p[0..d)` + `key`: true when it may run. */
export declare function enterItems(r: Run, d: number, key: string | number | undefined, count: number): boolean;
export declare function wrongType(r: Run, d: number, key: string | number | undefined, expected: string, actual: unknown): void;
/**
 * `wrongType` for the commonest expected types: generated code calls these, so the label is
 * written once here rather than at every key.
 */
export declare function notString(r: Run, d: number, key: string | number | undefined, actual: unknown): void;
export declare function notBoolean(r: Run, d: number, key: string | number | undefined, actual: unknown): void;
export declare function notInteger(r: Run, d: number, key: string | number | undefined, actual: unknown): void;
export declare function notDictionary(r: Run, d: number, key: string | number | undefined, actual: unknown): void;
export declare function notStrings(r: Run, d: number, key: string | number | undefined, actual: unknown): void;
/** An array of strings with no allowed values at `p[0..d)` + `key`: each item checked, a wrong one reported at its index. */
export declare function stringItems(r: Run, d: number, key: string | number, x: unknown): void;
/** An array of dictionaries of one object (`label` its type, `array of …`): each item checked by the object's `check`. */
export declare function dictItems(r: Run, d: number, key: string | number, x: unknown, check: (u: unknown, r: Run, d: number) => void, label: string): void;
/**
 * A check function's start on value `u` at depth `d`: its `dictKind` (1 a plain dictionary, 2
 * another), or 0 when it is no dictionary (reported) or must not be entered (see `enterValue`).
 */
export declare function enterDict(u: unknown, r: Run, d: number): number;
/**
 * When a check function found fewer of its keys in `v` than `v` has (`count`, which it counted
 * itself): reports each own key `keys` lacks (keys looked through count against the limit, so
 * one huge dictionary shared many times is bounded).
 */
export declare function unknownKeys(r: Run, d: number, v: Dict, count: number, keys: ReadonlyMap<string, number>): void;
export declare function missingRequired(r: Run, d: number, key: string): void;
/** Reports each of `required` that `v` lacks: called only when fewer required keys were found than listed. */
export declare function missingKeys(r: Run, d: number, v: Dict, required: readonly string[]): void;
export declare function notAllowed(r: Run, d: number, key: string | number, allowed: readonly unknown[], actual: unknown): void;
export declare function belowMinimum(r: Run, d: number, key: string | number, minimum: number, actual: unknown): void;
export declare function aboveMaximum(r: Run, d: number, key: string | number, maximum: number, actual: unknown): void;
/**
 * A key the dictionary's object does not list (a key `v` only inherits is not one of its keys).
 * `keys` are the object's keys: the message names the one the key most likely meant, worked out
 * only when the issue is read.
 */
export declare function unknownKey(r: Run, d: number, v: Dict, key: string, keys?: ReadonlyMap<string, number>): void;
/**
 * A deprecated key. With `facts.deprecatedIn` (the version each platform deprecates it in) and a
 * platform, only that platform's deprecation counts, and only from its version on; without a
 * platform, `text` names every platform. Without `deprecatedIn` the key is deprecated everywhere.
 */
export declare function deprecated(r: Run, d: number, key: string, text: string, facts?: KeyFacts): void;
