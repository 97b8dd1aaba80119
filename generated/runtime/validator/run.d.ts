// Copied by dmspec from generator/runtime/validator/run.ts. Do not edit: change that file and run "npm run generate".
/**
 * One validation is one `Run`: where it is (a stack of keys, written only when the check
 * descends) and what it found. Runs are pooled and a finding is recorded only when something is
 * wrong, so a payload with no finding allocates nothing; the issues of a result, with their
 * messages, are built when `result.issues` is first read.
 */
import { type IssueCode, type ValidateOptions, type ValidationIssue, type ValidationResult } from './types.js';
/**
 * The state of one validation. `p[0..d)` is the path of the value a check function is at:
 * generated code writes a key into `p[d]` just before it descends, and a path string is joined
 * only when an issue is reported.
 */
export declare class Run {
    o: ValidateOptions;
    strict: boolean;
    /** An option-dependent check is asked for (`platform`, `supervised` or `enrollment` given): the one flag generated code tests. */
    gated: boolean;
    /** Only the verdict is wanted (`is<Name>`): count errors, build no issue. */
    quick: boolean;
    errors: number;
    /** The verdict is settled: check functions return at their next key. */
    halt: boolean;
    found: Finding[] | null;
    p: Array<string | number>;
    /** Values entered so far (dictionaries, array items, keys looked through): bounded by `VALUE_LIMIT`. */
    values: number;
}
/**
 * How far a validation goes into a value of unknown origin. A property list nests at most 64
 * levels and holds at most 100,000 values as `parsePlist` reads it; a JavaScript value can
 * contain itself, share one array a million times or be a sparse array of length 2^32 - 1. Past
 * either limit the check stops with one `limit-exceeded` error, in time linear in the limit.
 */
export declare const DEPTH_LIMIT = 100;
export declare const VALUE_LIMIT = 1000000;
/**
 * Runs `f` with one value budget for every validation it starts, so a document routed part by
 * part (a profile's payloads) is bounded as a whole, not per part.
 */
export declare function sharedBudget<T>(f: () => T): T;
/** True once a shared budget is spent: later parts are not checked. */
export declare function budgetSpent(): boolean;
/**
 * What a check found, as cheaply as it can be kept: the raw value, no message. `note` is the key
 * of a missing or unknown key, or the sentence of a deprecation or availability finding.
 */
declare class Finding {
    readonly path: string;
    readonly code: IssueCode;
    readonly severity: 'error' | 'warning';
    readonly expected: unknown;
    readonly actual: unknown;
    readonly note: string;
    constructor(path: string, code: IssueCode, severity: 'error' | 'warning', expected: unknown, actual: unknown, note: string);
}
/** Starts a validation. */
export declare function begin(o: ValidateOptions, quick: boolean): Run;
/** The result of a validation with no finding: one shared, frozen object. */
export declare const VALID: ValidationResult;
/** Ends a validation: its result. */
export declare function finish(r: Run): ValidationResult;
/** Ends a validation run for its verdict alone. */
export declare function verdict(r: Run): boolean;
/** `validate<Name>` of a check function. */
export declare function run(check: (v: unknown, r: Run, d: number) => void, value: unknown, options: ValidateOptions): ValidationResult;
/** `is<Name>` of a check function. */
export declare function test(check: (v: unknown, r: Run, d: number) => void, value: unknown, options: ValidateOptions): boolean;
/** A result from issues made elsewhere: valid unless one is an error. */
export declare function result(issues: ValidationIssue[]): ValidationResult;
export declare function at(path: string, key: string): string;
/** The path of `p[0..d)`, then `key` when one is given. */
export declare function pathOf(r: Run, d: number, key: string | number | undefined): string;
/** Counts an error; in a `quick` run that settles the verdict, and check functions stop. */
export declare function error(r: Run): void;
/** Records a finding. */
export declare function add(r: Run, path: string, code: IssueCode, severity: 'error' | 'warning', expected: unknown, actual: unknown, note: string): void;
export {};
