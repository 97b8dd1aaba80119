/**
 * Builders: documents made from the keys that are the caller's to choose, the others filled as
 * Apple's pages and the protocol fix them, validated before they are returned. The generated
 * `builders/index.js` types them with the spec's interfaces (`createProfile`, `createCommand`,
 * `readResponse`, `readCheckIn`).
 *
 * - `profile.ts` — a profile with its payloads' identifiers, UUIDs and fixed keys
 * - `command.ts` — an MDM command's envelope with its `CommandUUID`
 * - `checked.ts` — a built document refused, with its findings, when it does not validate
 * - `read.ts` — check-in messages and command responses read from plist bytes, routed and validated
 */
export { buildProfile, payloadUuid, profileUuid, type FixedProfileKeys, type PayloadFilled, type PayloadInput, type ProfileFilled, type ProfileInput, type WithOptional } from './profile.js';
export { buildCommand, commandUuid, isUuid, randomUuid, type CommandArgs, type CommandFields, type CommandOptions } from './command.js';
export { checked, DocumentError } from './checked.js';
export { readCheckInWith, readResponseWith, type CheckInReading, type ReadInfo, type ReadOptions, type RequestTypeLookup, type ResponseEnvelope, type ResponseReading } from './read.js';
