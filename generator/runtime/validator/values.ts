/**
 * How the validators see a value: dictionaries, own keys, plist integers and reals, and the words
 * messages use for a value (`string "no"`, `integer 1`, `array`).
 */
import type { Dict } from './types.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** Own keys only: `__proto__` or `constructor` in the data are data, never the prototype's. */
export function own(v: Dict, key: string): boolean {
  return hasOwn.call(v, key);
}

export function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);
}

/**
 * A value read from a plist `<real>` keeps that tag when the reader wraps it, so `<real>1</real>`
 * is not taken for an integer.
 */
export interface TaggedReal {
  readonly plistReal: number;
}

export function isTaggedReal(v: unknown): v is TaggedReal {
  return typeof v === 'object' && v !== null && typeof (v as { plistReal?: unknown }).plistReal === 'number';
}

export function isInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** Any number: a plist `<real>` may be `nan` or `inf`, and Apple's parser reads both. */
export function isReal(v: unknown): v is number {
  return typeof v === 'number' || isTaggedReal(v);
}

/**
 * The number a plist integer or real holds, for comparing allowed values and ranges: Apple's
 * `number` takes both, and `<real>2</real>` equals the allowed value `2`.
 */
export function numberOf(v: unknown): number {
  return isTaggedReal(v) ? v.plistReal : (v as number);
}

/** `string "no"`, `integer 1`, `array`, … for messages. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof Uint8Array) return 'data';
  if (isTaggedReal(v)) return `real ${v.plistReal}`;
  switch (typeof v) {
    case 'string':
      return `string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)}`;
    case 'number':
      return Number.isInteger(v) ? `integer ${v}` : `real ${v}`;
    case 'boolean':
      return `boolean ${v}`;
    case 'object':
      return 'dictionary';
    default:
      return typeof v;
  }
}

/** The `actual` of an issue: a scalar as it is, a container or data described in words. */
export function shown(v: unknown): unknown {
  return isTaggedReal(v) ? v.plistReal : typeof v === 'object' && v !== null && !(v instanceof Date) ? describeValue(v) : v;
}
