/**
 * Building an MDM command: the envelope `{ Command: { RequestType, … }, CommandUUID }` a server
 * sends. The `CommandUUID` is the caller's when given, name-based (version 5) from the caller's
 * `seed` when one is given (the same seed gives the same UUID, for a server that derives it from
 * its own record of the command), and random (version 4) otherwise: two commands sent never
 * share one by accident.
 */
import { COMMAND_NAMESPACE, isUuid, randomUuid, uuidV5 } from './uuid.js';

export interface CommandOptions {
  /** The command's UUID, as the server recorded it. */
  CommandUUID?: string;
  /** A name the UUID is derived from (a version-5 UUID), when `CommandUUID` is not given. */
  seed?: string;
}

/** The keys of a command's `Command` dictionary the caller gives: all but `RequestType`. */
export type CommandFields<C> = C extends { Command: infer D } ? Omit<D, 'RequestType'> : never;

/** The arguments after the request type: the fields (optional when none is required), then the options. */
export type CommandArgs<C> = {} extends CommandFields<C> ? [fields?: CommandFields<C>, options?: CommandOptions] : [fields: CommandFields<C>, options?: CommandOptions];

/** The command envelope for `requestType` with `fields`. Throws TypeError for a UUID that is not one. */
export function buildCommand(requestType: string, fields: unknown = {}, options: CommandOptions = {}): { Command: Record<string, unknown>; CommandUUID: string } {
  if (typeof requestType !== 'string' || requestType === '') throw new TypeError('createCommand needs the request type (a string)');
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new TypeError('createCommand takes the command\'s keys as a dictionary');
  const given = options.CommandUUID;
  if (given !== undefined && !isUuid(given)) throw new TypeError(`CommandUUID ${JSON.stringify(given)} is not a UUID`);
  const command: Record<string, unknown> = { RequestType: requestType };
  for (const key of Object.keys(fields)) {
    if (key === 'RequestType') continue;
    Object.defineProperty(command, key, { value: (fields as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
  }
  const uuid = given ?? (options.seed !== undefined ? uuidV5(options.seed, COMMAND_NAMESPACE) : randomUuid());
  return { Command: command, CommandUUID: uuid };
}
