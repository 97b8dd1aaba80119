/**
 * Reading what a device sends: a check-in message or a command response, as plist bytes (or
 * the text of an XML plist), parsed with the package's plist codec, routed by its type and
 * validated by that type's page. The result says what was read, and is typed only when it is
 * valid: a value with an error stays `unknown`, as a guard would leave it.
 *
 * A response does not name the command it answers: the caller gives the request type, or a
 * function that finds it from the response's `CommandUUID` (the server's record of what it sent).
 */
import { parsePlist, type ParsePlistOptions, type PlistPositions } from '../plist/index.js';
import { NO_OPTIONS, type ValidateOptions, type ValidationIssue, type ValidationResult, type Validator } from '../validator/types.js';
import { isDict, own } from '../validator/values.js';

/** How a document is read: the validators' options, and the plist reader's limits. */
export interface ReadOptions extends ValidateOptions {
  /** The plist reader's limits and time budget (each defaults to the codec's). */
  plist?: ParsePlistOptions;
}

/** What every read gives: the findings, and where the document's values are. */
export interface ReadInfo {
  /** The validators' findings (warnings included; no error when `valid`). */
  issues: ValidationIssue[];
  /** The plist's format. */
  format: 'xml' | 'binary';
  /** Where each value is (`positions.locate('QueryResponses.OSVersion')`), for reports. */
  positions: PlistPositions;
}

/** The keys of a response the caller's lookup is given, each only when it is a string. */
export interface ResponseEnvelope {
  CommandUUID?: string;
  Status?: string;
  UDID?: string;
  EnrollmentID?: string;
}

/** Finds the request type of the command a response answers (`undefined` when the server knows of no such command). */
export type RequestTypeLookup<R extends string = string> = (response: ResponseEnvelope) => R | undefined;

/** A response read (untyped): see the generated `readResponse`. */
export interface ResponseReading extends ReadInfo {
  valid: boolean;
  value: unknown;
  /** The request type it was judged by; `undefined` when the lookup found none. */
  requestType: string | undefined;
  /** The response's `Status` (`Acknowledged`, `Error`, `NotNow`, `CommandFormatError`, `Idle`) when it is a string. */
  status: string | undefined;
}

/** A check-in message read (untyped): see the generated `readCheckIn`. */
export interface CheckInReading extends ReadInfo {
  valid: boolean;
  value: unknown;
  /** The message's `MessageType` when the spec defines it; `undefined` for any other. */
  messageType: string | undefined;
}

function stringAt(value: unknown, key: string): string | undefined {
  const v = isDict(value) && own(value, key) ? value[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

function envelopeOf(value: unknown): ResponseEnvelope {
  const out: ResponseEnvelope = {};
  for (const key of ['CommandUUID', 'Status', 'UDID', 'EnrollmentID'] as const) {
    const v = stringAt(value, key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** A response: parsed (throws the codec's `PlistError` for bytes that are no plist), its request type found, and validated by that command's response page. */
export function readResponseWith(
  input: Uint8Array | string,
  requestType: string | RequestTypeLookup,
  validate: (value: unknown, requestType: string, options?: ValidateOptions) => ValidationResult,
  options: ReadOptions = NO_OPTIONS,
): ResponseReading {
  const doc = parsePlist(input, options.plist);
  const value: unknown = doc.value;
  const type = typeof requestType === 'function' ? requestType(envelopeOf(value)) : requestType;
  const info = { value, format: doc.format, positions: doc.positions, status: stringAt(value, 'Status') };
  if (type === undefined) {
    const uuid = stringAt(value, 'CommandUUID');
    const message = uuid === undefined ? 'the response names no CommandUUID the server knows: not checked' : `no command is known by CommandUUID ${JSON.stringify(uuid)}: the response is not checked`;
    return { ...info, valid: false, requestType: undefined, issues: [{ path: 'CommandUUID', code: 'unknown-type', severity: 'error', message, ...(uuid === undefined ? {} : { actual: uuid }) }] };
  }
  const checked = validate(value, type, options);
  return { ...info, valid: checked.valid, requestType: type, issues: checked.issues };
}

/** A check-in message: parsed (throws the codec's `PlistError` for bytes that are no plist), routed by `MessageType` and validated by its page. */
export function readCheckInWith(
  input: Uint8Array | string,
  validate: Validator,
  known: ReadonlyMap<string, unknown>,
  options: ReadOptions = NO_OPTIONS,
): CheckInReading {
  const doc = parsePlist(input, options.plist);
  const value: unknown = doc.value;
  const type = stringAt(value, 'MessageType');
  const checked = validate(value, options);
  return { value, format: doc.format, positions: doc.positions, valid: checked.valid, messageType: type !== undefined && known.has(type) ? type : undefined, issues: checked.issues };
}
