// Copied by dmspec from generator/runtime/declarative/build-set.ts. Do not edit: change that file and run "npm run generate".
import { type BuiltDeclaration, type DeclarationOptions } from './build-declaration.js';
import { type SetRegistry } from './set-check.js';
import type { SetFinding } from './set-codes.js';
/** The options of a set: the name its declarations' identifiers are derived from. */
export interface DeclarationSetOptions {
    seed: string;
}
/** A set that passed `build()`: its declarations in the order added, and the warnings about it. */
export interface DeclarationSetResult<D = BuiltDeclaration> {
    declarations: D[];
    warnings: SetFinding[];
}
/** A set `build()` refused: `findings` are its errors, each with the index of its declaration and the path in it. */
export declare class DeclarationSetError extends Error {
    readonly findings: readonly SetFinding[];
    constructor(findings: readonly SetFinding[], declarations: readonly BuiltDeclaration[]);
}
/** The untyped set builder the generated `createDeclarationSet` types. */
export interface DeclarationSetBuilder {
    /** Adds a declaration of `type` and returns it, `Identifier` and `ServerToken` filled. */
    add(type: string, payload?: unknown, options?: DeclarationOptions): BuiltDeclaration;
    /** The declarations added so far, in order. */
    readonly declarations: readonly BuiltDeclaration[];
    /** The set checked: its declarations and warnings, or a `DeclarationSetError` for its errors. */
    build(): DeclarationSetResult;
}
/** A set builder checking with `registry`'s facts. Throws TypeError for a seed that is not a non-empty string. */
export declare function declarationSet(registry: SetRegistry, options: DeclarationSetOptions): DeclarationSetBuilder;
