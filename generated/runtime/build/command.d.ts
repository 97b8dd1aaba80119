// Copied by dmspec from generator/runtime/build/command.ts. Do not edit: change that file and run "npm run generate".
import type { ValidateOptions } from '../validator/types.js';
/** How a command is built: its UUID, and the options it is validated with. */
export interface CommandOptions extends ValidateOptions {
    /** The command's UUID, as the server recorded it. */
    CommandUUID?: string;
    /** A name the UUID is derived from (name-based, `command/SEED`), when `CommandUUID` is not given. */
    seed?: string;
}
/** The keys of a command's `Command` dictionary the caller gives: all but `RequestType`. */
export type CommandFields<C> = C extends {
    Command: infer D;
} ? Omit<D, 'RequestType'> : never;
/** The arguments after the request type: the fields (optional when none is required), then the options. */
export type CommandArgs<C> = {} extends CommandFields<C> ? [fields?: CommandFields<C>, options?: CommandOptions] : [fields: CommandFields<C>, options?: CommandOptions];
/** True when `s` is a UUID in its 36-character text form (any version). */
export declare function isUuid(s: unknown): s is string;
/** A random version-4 UUID, upper-case, from the platform's cryptographic random source (Web Crypto's `getRandomValues`). */
export declare function randomUuid(): string;
/** The `CommandUUID` a seed names. */
export declare function commandUuid(seed: string): string;
/** The command envelope for `requestType` with `fields`. Throws TypeError for a UUID that is not one. */
export declare function buildCommand(requestType: string, fields?: unknown, options?: CommandOptions): {
    Command: Record<string, unknown>;
    CommandUUID: string;
};
