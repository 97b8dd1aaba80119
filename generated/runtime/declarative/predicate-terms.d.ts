// Copied by dmspec from generator/runtime/declarative/predicate-terms.ts. Do not edit: change that file and run "npm run generate".
/**
 * The extension terms of a parsed predicate, in the order they appear: `@status(…)` names a
 * status item, `@property(…)` a management property, and `@key(…)` a key of an item of a status
 * item's array, read through a `SUBQUERY` variable (`SUBQUERY(@status(app.managed.list), $app,
 * $app.@key(state) == "managed")`): such a term carries the status item its variable ranges over.
 */
import type { PredicateNode, Span } from './predicate-parser.js';
export interface ExtensionTerm {
    /** `status`, `key`, `property`, or another name the pages do not define. */
    name: string;
    argument: string;
    /** The argument's place in the predicate string. */
    span: Span;
    /** For `@key` through a `SUBQUERY` variable over `@status(item)`: that item. */
    item?: string;
}
/** Every extension term of `predicate`; walked without recursion, so depth is no concern here. */
export declare function extensionTerms(predicate: PredicateNode): ExtensionTerm[];
