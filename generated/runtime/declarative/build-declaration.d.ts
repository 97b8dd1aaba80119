// Copied by dmspec from generator/runtime/declarative/build-declaration.ts. Do not edit: change that file and run "npm run generate".
/** The options of one declaration: its identifier and server token, or what names them. */
export interface DeclarationOptions {
    /** The declaration's `Identifier`, as the server recorded it. */
    Identifier?: string;
    /** The declaration's `ServerToken`, as the server recorded it. */
    ServerToken?: string;
    /** A name the `Identifier` is derived from (a version-5 UUID), when `Identifier` is not given. */
    seed?: string;
}
/** A built declaration, untyped: the generated builders give it its type. */
export interface BuiltDeclaration {
    Type: string;
    Identifier: string;
    ServerToken: string;
    Payload: Record<string, unknown>;
}
/** The arguments after the type: the payload (optional when none of its keys is required), then the options. */
export type DeclarationArgs<P> = {} extends P ? [payload?: P, options?: DeclarationOptions] : [payload: P, options?: DeclarationOptions];
/**
 * `value` as canonical JSON: keys sorted by UTF-16 code units, no spaces; `undefined` members of
 * a dictionary left out, as JSON.stringify does. Throws TypeError for what JSON cannot hold.
 */
export declare function canonicalJson(value: unknown): string;
/** The declaration of `type` with `payload`, its `Identifier` and `ServerToken` filled. Throws TypeError for input that cannot be one. */
export declare function buildDeclaration(type: string, payload?: unknown, options?: DeclarationOptions): BuiltDeclaration;
