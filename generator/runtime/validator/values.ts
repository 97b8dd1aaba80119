/**
 * How the validators see a value: dictionaries, own keys, plist integers and reals, and the words
 * messages use for a value (`string "no"`, `integer 1`, `array`).
 */
import { isPlistReal, type PlistReal } from '../plist/values.js';
import type { Dict } from './types.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** Own keys only: `__proto__` or `constructor` in the data are data, never the prototype's. */
export function own(v: Dict, key: string): boolean {
  return hasOwn.call(v, key);
}

/** A dictionary: an object that is no array, date, data or `PlistReal` (a real is never an empty dictionary). */
export function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array) && !isPlistReal(v);
}

/**
 * `Object.prototype`, for generated code's test of whether a key found on a plain dictionary is
 * its own: `key in OBJECT_PROTOTYPE` is false for every key the spec names unless the prototype
 * was polluted, and V8 folds the test to a constant, where `hasOwnProperty` costs a lookup per key.
 */
export const OBJECT_PROTOTYPE: object = Object.prototype;

const protoOf = Object.getPrototypeOf;

/**
 * What `isDict` says, and how a key on the value can be read: 0 for no dictionary, 1 for a
 * dictionary whose prototype is `Object.prototype` or null (what `JSON.parse`, `parsePlist` and
 * object literals make: a key it has that `Object.prototype` lacks is its own), 2 for any other
 * dictionary (a class instance, `Object.create(p)`), whose keys must each be looked up as own.
 */
export function dictKind(v: unknown): 0 | 1 | 2 {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 0;
  const p: unknown = protoOf(v);
  // Nothing on such a prototype chain is a Date or a Uint8Array.
  if (p === OBJECT_PROTOTYPE || p === null) return isPlistReal(v) ? 0 : 1;
  return v instanceof Date || v instanceof Uint8Array || isPlistReal(v) ? 0 : 2;
}

/**
 * A plist `<real>` holding a whole number, as `parsePlist` returns it (`PlistReal`), so
 * `<real>1</real>` is not taken for an integer. Recognised by a brand no document can spell: a
 * dictionary `{ plistReal: 1 }` in a profile is a dictionary.
 */
export type TaggedReal = PlistReal;

export function isTaggedReal(v: unknown): v is TaggedReal {
  return isPlistReal(v);
}

/** A whole number: a safe integer, or a bigint (`parsePlist` keeps an integer past ±2^53 exact). */
export function isInteger(v: unknown): v is number | bigint {
  return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}

/** Any number: a plist `<real>` may be `nan` or `inf`, and Apple's parser reads both. */
export function isReal(v: unknown): v is number | bigint | PlistReal {
  return typeof v === 'number' || typeof v === 'bigint' || isPlistReal(v);
}

/**
 * The number a plist integer or real holds, for comparing allowed values and ranges: Apple's
 * `number` takes both, and `<real>2</real>` equals the allowed value `2`. A bigint (an integer
 * past ±2^53) stays one: ranges compare it exactly (`2n ** 60n > 100` is true).
 */
export function numberOf(v: unknown): number | bigint {
  return isPlistReal(v) ? v.value : (v as number | bigint);
}

/** `string "no"`, `integer 1`, `array`, … for messages. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof Uint8Array) return 'data';
  if (isPlistReal(v)) return `real ${v.toString()}`;
  switch (typeof v) {
    case 'string':
      return `string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)}`;
    case 'number':
      return Number.isInteger(v) ? `integer ${v}` : `real ${v}`;
    case 'bigint':
      return `integer ${v}`;
    case 'boolean':
      return `boolean ${v}`;
    case 'object':
      return 'dictionary';
    default:
      return typeof v;
  }
}

/** The `actual` of an issue: a scalar as it is (a bigint as its digits, so it survives JSON), a container or data described in words. */
export function shown(v: unknown): unknown {
  if (isPlistReal(v)) return v.value;
  if (typeof v === 'bigint') return String(v);
  return typeof v === 'object' && v !== null && !(v instanceof Date) ? describeValue(v) : v;
}

/**
 * An object's key map, from its keys in the page's order: each key's index is its position.
 * Generated validators build theirs from a list of names (half the text of `[name, index]` pairs);
 * `payload` appends the seven keys every payload has.
 */
export function keyIndex(names: readonly string[], payload = false): ReadonlyMap<string, number> {
  const keys = new Map<string, number>();
  for (let i = 0; i < names.length; i++) keys.set(names[i]!, i);
  // A payload's last keys, the seven every payload has.
  if (payload) for (const name of PAYLOAD_KEYS) keys.set(name, keys.size);
  return keys;
}

/** The keys every payload has, in the order pages list them (last). */
export const PAYLOAD_KEYS: readonly string[] = ['PayloadDescription', 'PayloadDisplayName', 'PayloadIdentifier', 'PayloadOrganization', 'PayloadType', 'PayloadUUID', 'PayloadVersion'];
