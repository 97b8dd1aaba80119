// Copied by dmspec from generator/runtime/declarative/status-report.ts. Do not edit: change that file and run "npm run generate".
/**
 * A declarative-management status report (the JSON a device sends to the `status` endpoint),
 * read item by item. The report nests each item's value by the segments of its name
 * (`{ "device": { "model": { "family": "iPad" } } }` is `device.model.family`); the reader finds
 * every item the spec defines, gives each its value and the findings of the generated validator
 * under it, and lists apart the items the spec does not define (a newer device may send them: a
 * warning, never an error) and the report's `Errors`, each saying whether it names a known item.
 * The validator of the whole report (`validateStatusReport`) judges the values; this module only
 * sorts what it says by item, so one model decides what a value may be.
 */
import type { ValidationIssue, ValidationResult } from '../validator/types.js';
/** One status item the report carries. */
export interface StatusItemReading<N extends string = string> {
    /** The item's name: `device.model.family`. */
    name: N;
    /** Its path in the report: `StatusItems.device.model.family`. */
    path: string;
    value: unknown;
    /** The validator's findings at or under `path`. */
    issues: ValidationIssue[];
}
/** An entry of the report's `Errors`: a status item the device could not report. */
export interface StatusErrorReading {
    statusItem: unknown;
    reasons: unknown;
    /** The entry names a status item the spec defines. */
    known: boolean;
}
export interface StatusReportReading<N extends string = string> {
    /** The report has no error finding. */
    valid: boolean;
    /** `FullReport`, when it is a boolean: the report holds every subscribed item, not only changes. */
    fullReport?: boolean;
    /** The known items the report carries, in the report's order. */
    items: StatusItemReading<N>[];
    /** Paths under `StatusItems` that are no status item nor the start of one's name (`StatusItems.device.colour`). */
    unknownItems: string[];
    errors: StatusErrorReading[];
    /** Every finding of the validator, the unknown items' included. */
    issues: ValidationIssue[];
}
/** Reads `report` with `validate` (the generated `validateStatusReport`) and the names of the spec's status items. */
export declare function readStatusReport(report: unknown, validate: (value: unknown) => ValidationResult, statusItems: Iterable<string>): StatusReportReading;
