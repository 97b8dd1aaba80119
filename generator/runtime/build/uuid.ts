/**
 * UUIDs for built documents. A name-based UUID (RFC 9562 version 5: SHA-1 of a namespace and a
 * name) is the same every time it is made from the same name, so a profile built again from the
 * same identifiers keeps its UUIDs and a device sees an update, not a new profile. A random UUID
 * (version 4) is for what must differ each time, such as a command sent twice.
 */
import { sha1 } from './sha1.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `s` is a UUID in its 36-character text form (any version). */
export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as `TextEncoder` does. */
function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
    else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

function bytesOf(uuid: string): Uint8Array {
  if (!isUuid(uuid)) throw new TypeError(`not a UUID: ${JSON.stringify(uuid)}`);
  const hex = uuid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** 16 bytes as an upper-case UUID, the way Apple's tools write `PayloadUUID`s. */
function textOf(b: Uint8Array): string {
  const hex = Array.from(b.subarray(0, 16), (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function stamp(b: Uint8Array, version: number): string {
  b[6] = (b[6]! & 0x0f) | (version << 4);
  b[8] = (b[8]! & 0x3f) | 0x80;
  return textOf(b);
}

/** The version-5 UUID of `name` (UTF-8) in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const ns = bytesOf(namespace);
  const text = utf8(name);
  const input = new Uint8Array(16 + text.length);
  input.set(ns);
  input.set(text, 16);
  return stamp(sha1(input), 5);
}

/** A random version-4 UUID, from the platform's cryptographic random source (Web Crypto's `getRandomValues`). */
export function randomUuid(): string {
  const source = (globalThis as { crypto?: { getRandomValues?: (b: Uint8Array) => Uint8Array } }).crypto;
  if (typeof source?.getRandomValues !== 'function') throw new Error('no cryptographic random source (crypto.getRandomValues) here: give a CommandUUID or a seed');
  const b = new Uint8Array(16);
  source.getRandomValues(b);
  return stamp(b, 4);
}

// The namespaces are themselves version-5 UUIDs, of `https://dmspec.invalid/namespace/<kind>` in
// RFC 9562's URL namespace (test/runtime/build.test.ts makes them again).

/** The namespace of profiles' `PayloadUUID`s, named by the profile's `PayloadIdentifier`. */
export const PROFILE_NAMESPACE = '0749F6EF-7FB7-5D6F-90A2-8A1B15B20ED0';
/** The namespace of payloads' `PayloadUUID`s, named by the payload's `PayloadIdentifier`. */
export const PAYLOAD_NAMESPACE = '20DD3B36-6CAF-54A0-B891-96DCA77DBD67';
/** The namespace of `CommandUUID`s made from a caller's seed. */
export const COMMAND_NAMESPACE = 'D01DEDD0-80CD-5298-8215-4FC72D4FEDC2';
