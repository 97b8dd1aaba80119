// Copied by dmspec from generator/runtime/validator/report.ts. Do not edit: change that file and run "npm run generate".
/**
 * What generated check functions call when a value is wrong: one reporter per finding code. Each
 * reporter of an error counts it first; a `quick` run (`is<Name>`) keeps nothing more.
 */
import type { Dict, KeyFacts } from './types.js';
import { type Run } from './run.js';
export declare function wrongType(r: Run, d: number, key: string | number | undefined, expected: string, actual: unknown): void;
export declare function missingRequired(r: Run, d: number, key: string): void;
/** Reports each of `required` that `v` lacks: called only when fewer required keys were found than listed. */
export declare function missingKeys(r: Run, d: number, v: Dict, required: readonly string[]): void;
export declare function notAllowed(r: Run, d: number, key: string | number, allowed: readonly unknown[], actual: unknown): void;
export declare function belowMinimum(r: Run, d: number, key: string | number, minimum: number, actual: unknown): void;
export declare function aboveMaximum(r: Run, d: number, key: string | number, maximum: number, actual: unknown): void;
/** A key the dictionary's object does not list (a key `v` only inherits is not one of its keys). */
export declare function unknownKey(r: Run, d: number, v: Dict, key: string): void;
/**
 * A deprecated key. With `facts.deprecatedIn` (the version each platform deprecates it in) and a
 * platform, only that platform's deprecation counts, and only from its version on; without a
 * platform, `text` names every platform. Without `deprecatedIn` the key is deprecated everywhere.
 */
export declare function deprecated(r: Run, d: number, key: string, text: string, facts?: KeyFacts): void;
