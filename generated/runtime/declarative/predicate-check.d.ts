// Copied by dmspec from generator/runtime/declarative/predicate-check.ts. Do not edit: change that file and run "npm run generate".
import type { SetFindingCode } from './set-codes.js';
export interface PredicateFinding {
    code: SetFindingCode;
    severity: 'error' | 'warning';
    message: string;
    /** The offset in the predicate string the finding is about. */
    offset: number;
}
/**
 * The findings of one predicate. `statusItems` are the names the spec defines (undefined: not
 * known, not checked); `properties` the keys of the set's management properties declarations.
 */
export declare function predicateIssues(text: string, statusItems: ReadonlySet<string> | undefined, properties: ReadonlySet<string>): PredicateFinding[];
