// Copied by dmspec from generator/runtime/declarative/set-facts.ts. Do not edit: change that file and run "npm run generate".
/**
 * What set checks read about declaration types: the registry's `declarationTypeFacts` (every
 * field optional, so facts generated before a field existed still serve) and the walk that finds
 * the values a fact's path names in a payload.
 */
/** A key holding identifiers of other declarations. */
export interface ReferenceFactView {
    /** Relative to `Payload`: `A.B`, `A[]` (each item), `A.*.B` (any key of a free-form dictionary). */
    readonly path: string;
    readonly category: string;
    readonly types?: readonly string[];
    readonly source: string;
}
/** A declaration type's facts within a set. */
export interface DeclarationFactsView {
    readonly category?: string;
    readonly references?: readonly ReferenceFactView[];
    readonly statusItems?: readonly string[];
    readonly predicates?: readonly string[];
    /** Nested objects whose pages the spec lacks: keys under them are not known. */
    readonly missing?: readonly string[];
    readonly source?: string;
}
/**
 * The values at `path` in `payload`, each with its concrete path (`Passwords[2].AssetReference`).
 * Own properties only; a part that is absent or of another shape yields nothing (the validators
 * report shapes).
 */
export declare function payloadValues(payload: Record<string, unknown>, path: string): Array<[string, unknown]>;
