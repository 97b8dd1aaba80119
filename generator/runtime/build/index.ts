/**
 * Builders: documents made from the keys that are the caller's to choose, the others filled as
 * Apple's pages and the protocol fix them. The generated `builders/index.js` types them with the
 * spec's interfaces (`createProfile`, `createCommand`).
 *
 * - `sha1.ts` — SHA-1, synchronously, for name-based UUIDs
 * - `uuid.ts` — version-5 (name-based) and version-4 (random) UUIDs
 * - `profile.ts` — a profile with its payloads' identifiers, UUIDs and fixed keys
 * - `command.ts` — an MDM command's envelope with its `CommandUUID`
 */
export { sha1 } from './sha1.js';
export { COMMAND_NAMESPACE, isUuid, PAYLOAD_NAMESPACE, PROFILE_NAMESPACE, randomUuid, uuidV5 } from './uuid.js';
export { buildProfile, type FixedProfileKeys, type PayloadFilled, type PayloadInput, type ProfileFilled, type ProfileInput, type WithOptional } from './profile.js';
export { buildCommand, type CommandArgs, type CommandFields, type CommandOptions } from './command.js';
