// Copied by dmspec from generator/runtime/build/command.ts. Do not edit: change that file and run "npm run generate".
export interface CommandOptions {
    /** The command's UUID, as the server recorded it. */
    CommandUUID?: string;
    /** A name the UUID is derived from (a version-5 UUID), when `CommandUUID` is not given. */
    seed?: string;
}
/** The keys of a command's `Command` dictionary the caller gives: all but `RequestType`. */
export type CommandFields<C> = C extends {
    Command: infer D;
} ? Omit<D, 'RequestType'> : never;
/** The arguments after the request type: the fields (optional when none is required), then the options. */
export type CommandArgs<C> = {} extends CommandFields<C> ? [fields?: CommandFields<C>, options?: CommandOptions] : [fields: CommandFields<C>, options?: CommandOptions];
/** The command envelope for `requestType` with `fields`. Throws TypeError for a UUID that is not one. */
export declare function buildCommand(requestType: string, fields?: unknown, options?: CommandOptions): {
    Command: Record<string, unknown>;
    CommandUUID: string;
};
