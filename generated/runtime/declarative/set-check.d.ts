// Copied by dmspec from generator/runtime/declarative/set-check.ts. Do not edit: change that file and run "npm run generate".
import type { SetFinding } from './set-codes.js';
import { type DeclarationFactsView } from './set-facts.js';
/** What set checks read from the generated registry; every part is optional (older validators lack them). */
export interface SetRegistry {
    readonly declarationTypeFacts?: ReadonlyMap<string, DeclarationFactsView>;
    /** The status items the spec defines (its keys); absent: status items are not checked. */
    readonly objectsByStatusItem?: ReadonlyMap<string, unknown>;
}
export interface SetCheckOptions {
    /** How a declaration is named in messages (`dir/a.json`, `set.json[3]`); `[index]` unless given. */
    where?: (index: number) => string;
}
/** The declaration type whose keys `@property(…)` reads. */
export declare const MANAGEMENT_PROPERTIES = "com.apple.management.properties";
/** `activation`, `asset`, `configuration` or `management` for a type of Apple's, else undefined. */
export declare function declarationCategory(type: string): string | undefined;
/** The findings of a set of declarations (any values: what is no dictionary is skipped), in the order found. */
export declare function checkDeclarationSet(declarations: readonly unknown[], registry: SetRegistry, options?: SetCheckOptions): SetFinding[];
