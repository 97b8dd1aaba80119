/**
 * Building an MDM command: the envelope `{ Command: { RequestType, … }, CommandUUID }` a server
 * sends. The `CommandUUID` is the caller's when given, name-based from the caller's `seed` when
 * one is given (the same seed gives the same UUID, for a server that derives it from its own
 * record of the command), and random (version 4) otherwise: two commands sent never share one
 * by accident.
 */
import { nameUuid } from '../uuid/name-uuid.js';
import type { ValidateOptions } from '../validator/types.js';

/** How a command is built: its UUID, and the options it is validated with. */
export interface CommandOptions extends ValidateOptions {
  /** The command's UUID, as the server recorded it. */
  CommandUUID?: string;
  /** A name the UUID is derived from (name-based, `command/SEED`), when `CommandUUID` is not given. */
  seed?: string;
}

/** The keys of a command's `Command` dictionary the caller gives: all but `RequestType`. */
export type CommandFields<C> = C extends { Command: infer D } ? Omit<D, 'RequestType'> : never;

/** The arguments after the request type: the fields (optional when none is required), then the options. */
export type CommandArgs<C> = {} extends CommandFields<C> ? [fields?: CommandFields<C>, options?: CommandOptions] : [fields: CommandFields<C>, options?: CommandOptions];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `s` is a UUID in its 36-character text form (any version). */
export function isUuid(s: unknown): s is string {
  return typeof s === 'string' && UUID.test(s);
}

/** A random version-4 UUID, upper-case, from the platform's cryptographic random source (Web Crypto's `getRandomValues`). */
export function randomUuid(): string {
  const source = (globalThis as { crypto?: { getRandomValues?: (b: Uint8Array) => Uint8Array } }).crypto;
  if (typeof source?.getRandomValues !== 'function') throw new Error('no cryptographic random source (crypto.getRandomValues) here: give a CommandUUID or a seed');
  const b = source.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The `CommandUUID` a seed names. */
export function commandUuid(seed: string): string {
  return nameUuid(`command/${seed}`);
}

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
  const uuid = given ?? (options.seed !== undefined ? commandUuid(options.seed) : randomUuid());
  return { Command: command, CommandUUID: uuid };
}
