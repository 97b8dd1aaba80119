/**
 * Building a configuration profile: the caller gives the keys that are theirs to choose, the
 * builder fills the ones that follow from them. `PayloadUUID`s are name-based (version 5) from
 * the identifiers, so building the same profile again gives the same UUIDs; `PayloadType` and
 * `PayloadVersion` take the values Apple's pages fix; a payload's `PayloadIdentifier`, when not
 * given, is the profile's followed by the payload's type (and its count, from the second payload
 * of a type on). Nothing given is changed, and the input is not modified.
 */
import { nameUuid } from '../uuid/name-uuid.js';

/** The payload keys the builder fills when they are not given. */
export type PayloadFilled = 'PayloadIdentifier' | 'PayloadUUID' | 'PayloadVersion';
/** The top-level keys the builder fills when they are not given. */
export type ProfileFilled = 'PayloadType' | 'PayloadUUID' | 'PayloadVersion';

/** `T` with the keys `F` optional; every other key, and an index signature, kept as it is. */
export type WithOptional<T, F extends PropertyKey> = { [K in keyof T as K extends F ? never : K]: T[K] } & { [K in keyof T as K extends F ? K : never]?: T[K] };

/** What the caller gives for one payload of type `P` (each member of a union on its own). */
export type PayloadInput<P> = P extends unknown ? WithOptional<P, PayloadFilled> : never;

/** What the caller gives for a profile whose top level is `Top`, holding payloads `P`. */
export type ProfileInput<Top, P> = WithOptional<Omit<Top, 'PayloadContent'>, ProfileFilled> & { PayloadContent: ReadonlyArray<PayloadInput<P>> };

/** The values the spec's pages fix, which the builder writes where the caller gave none. */
export interface FixedProfileKeys {
  /** The top level's `PayloadType` and `PayloadVersion` (`Configuration`, `1`). */
  profile: { readonly PayloadType?: string; readonly PayloadVersion?: number };
  /** Every payload's `PayloadVersion` (`1`). */
  payload: { readonly PayloadVersion?: number };
}

type Dict = Record<string, unknown>;

function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);
}

function has(d: Dict, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(d, key) && d[key] !== undefined;
}

/** Own keys of `from` into a new plain object: `__proto__` in the data stays a key, never a prototype. */
function copy(from: Dict): Dict {
  const out: Dict = {};
  for (const key of Object.keys(from)) Object.defineProperty(out, key, { value: from[key], enumerable: true, writable: true, configurable: true });
  return out;
}

/** The `PayloadUUID` of the profile whose `PayloadIdentifier` is `identifier` (name-based, `profile/IDENTIFIER`). */
export function profileUuid(identifier: string): string {
  return nameUuid(`profile/${identifier}`);
}

/** The `PayloadUUID` of the payload whose `PayloadIdentifier` is `identifier` (name-based, `payload/IDENTIFIER`). */
export function payloadUuid(identifier: string): string {
  return nameUuid(`payload/${identifier}`);
}

/** The profile `input` describes, its derived keys filled. Throws TypeError for an input that cannot name its UUIDs. */
export function buildProfile(input: unknown, fixed: FixedProfileKeys): Dict {
  if (!isDict(input)) throw new TypeError('createProfile takes a dictionary of the profile\'s keys');
  const id = input['PayloadIdentifier'];
  if (typeof id !== 'string' || id === '') throw new TypeError('createProfile needs the profile\'s PayloadIdentifier (a string): its UUID is named by it');
  const content = input['PayloadContent'];
  if (!Array.isArray(content)) throw new TypeError('createProfile needs PayloadContent, an array of payloads');
  const profile = copy(input);
  if (!has(profile, 'PayloadType') && fixed.profile.PayloadType !== undefined) profile['PayloadType'] = fixed.profile.PayloadType;
  if (!has(profile, 'PayloadVersion') && fixed.profile.PayloadVersion !== undefined) profile['PayloadVersion'] = fixed.profile.PayloadVersion;
  if (!has(profile, 'PayloadUUID')) profile['PayloadUUID'] = profileUuid(id);
  const seen = new Map<string, number>();
  profile['PayloadContent'] = content.map((item: unknown, i) => {
    if (!isDict(item)) throw new TypeError(`PayloadContent[${i}] is not a dictionary`);
    const type = item['PayloadType'];
    if (typeof type !== 'string' || type === '') throw new TypeError(`PayloadContent[${i}] needs its PayloadType (a string)`);
    const payload = copy(item);
    if (!has(payload, 'PayloadIdentifier')) {
      const n = (seen.get(type) ?? 0) + 1;
      seen.set(type, n);
      payload['PayloadIdentifier'] = n === 1 ? `${id}.${type}` : `${id}.${type}.${n}`;
    }
    const pid = payload['PayloadIdentifier'];
    if (!has(payload, 'PayloadUUID') && typeof pid === 'string') payload['PayloadUUID'] = payloadUuid(pid);
    if (!has(payload, 'PayloadVersion') && fixed.payload.PayloadVersion !== undefined) payload['PayloadVersion'] = fixed.payload.PayloadVersion;
    return payload;
  });
  return profile;
}
