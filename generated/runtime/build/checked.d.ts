// Copied by dmspec from generator/runtime/build/checked.ts. Do not edit: change that file and run "npm run generate".
/**
 * What a builder gives back is valid: a built document is validated by the spec's validators
 * before it is returned, and one with an error is refused with its findings, so a profile or
 * command that a device would refuse is never handed to the caller as if it were fine.
 */
import type { ValidationIssue, ValidationResult } from '../validator/types.js';
/** A document a builder made does not validate: `issues` are its findings (errors and warnings). */
export declare class DocumentError extends Error {
    readonly issues: readonly ValidationIssue[];
    constructor(what: string, issues: readonly ValidationIssue[]);
}
/** `document` when `validation` found no error; else throws `DocumentError`. */
export declare function checked<T>(what: string, document: T, validation: ValidationResult): T;
