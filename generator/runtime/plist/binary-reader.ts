/**
 * A strict reader of binary property lists (`bplist00`), written to the layout CoreFoundation
 * documents in CFBinaryPList.c: a header, objects, an offset table and a 32-byte trailer.
 *
 * Why not a library: libplist (WebAssembly) expands shared references without a limit (a 606-byte
 * file hangs it), returns `<array/>` for arrays nested thousands deep, and reads 16-byte integers
 * as 0; the JavaScript readers on npm (bplist-parser and its forks) lose the integer/real
 * distinction and have no budgets either. This reader counts every value each time it is reached
 * (see budget.ts), refuses cycles, keeps integers exact, keeps no state between documents and
 * recurses at most `maxDepth` levels. Each value's position is its object's byte offset.
 */
import { PlistBudget, PlistError } from './budget.js';
import { PlistPositions } from './positions.js';
import { exactInteger } from './scalars.js';
import { APPLE_EPOCH_MS, dictOf, PlistReal, plistTypeOf, type PlistValue } from './values.js';

interface Trailer {
  offsetSize: number;
  refSize: number;
  count: number;
  top: number;
  tableAt: number;
}


/** The reader's errors, composed: `the binary plist has …`, `… is truncated or malformed (…)`. */
const bad = (what: string): PlistError => new PlistError(`the binary plist ${what}`);
const broken = (what: string): PlistError => bad(`is truncated or malformed (${what})`);
const hex = (marker: number): string => `0x${marker.toString(16).padStart(2, '0')}`;

const HEADER = [0x62, 0x70, 0x6c, 0x69, 0x73, 0x74, 0x30, 0x30]; // "bplist00"

/** True when the bytes start with the binary plist header. */
export function isBinaryPlist(bytes: Uint8Array): boolean {
  return HEADER.every((b, i) => bytes[i] === b);
}

function uint(bytes: Uint8Array, at: number, size: number): number {
  let n = 0;
  for (let i = 0; i < size; i++) n = n * 256 + bytes[at + i]!;
  return n;
}

function uint64Safe(bytes: Uint8Array, at: number, what: string): number {
  const n = new DataView(bytes.buffer, bytes.byteOffset + at, 8).getBigUint64(0);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw broken(`its trailer gives ${what} ${n}`);
  return Number(n);
}

function readTrailer(bytes: Uint8Array): Trailer {
  if (bytes.length < HEADER.length + 32 + 1) throw bad('is truncated');
  const at = bytes.length - 32;
  const offsetSize = bytes[at + 6]!;
  const refSize = bytes[at + 7]!;
  const count = uint64Safe(bytes, at + 8, 'an object count of');
  const top = uint64Safe(bytes, at + 16, 'a top object of');
  const tableAt = uint64Safe(bytes, at + 24, 'an offset table at');
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) throw broken('its trailer gives impossible integer sizes');
  if (count < 1 || top >= count) throw broken('its trailer gives an impossible object count');
  if (tableAt < HEADER.length || tableAt + count * offsetSize > at) throw broken('offset table');
  return { offsetSize, refSize, count, top, tableAt };
}

/** Code units to a string, in chunks (a spread of a million arguments would overflow the stack). */
function fromUnits(units: Uint8Array | Uint16Array): string {
  let s = '';
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

/** Reads a binary plist's bytes within `budget`. Throws PlistError. */
export function readBinaryPlist(bytes: Uint8Array, budget: PlistBudget, safeOnly: boolean): { value: PlistValue; positions: PlistPositions } {
  if (!isBinaryPlist(bytes)) throw new PlistError('not a binary plist (no bplist00 header)');
  const t = readTrailer(bytes);
  const positions = new PlistPositions('binary');
  const objectsEnd = t.tableAt;
  const offsetOf = (ref: number): number => {
    if (ref >= t.count) throw bad(`refers to object ${ref} of ${t.count}`);
    const off = uint(bytes, t.tableAt + ref * t.offsetSize, t.offsetSize);
    if (off < HEADER.length || off >= objectsEnd) throw bad(`object ${ref} lies outside the object area`);
    return off;
  };
  const need = (at: number, n: number): void => {
    if (at + n > objectsEnd) throw broken('an object runs past the object area');
  };
  /** The length nibble of a marker, or the integer object that follows when it is 0xF. */
  const lengthAt = (at: number): { length: number; start: number } => {
    const nibble = bytes[at]! & 0x0f;
    if (nibble !== 0x0f) return { length: nibble, start: at + 1 };
    need(at + 1, 1);
    const m = bytes[at + 1]!;
    if ((m & 0xf0) !== 0x10 || (m & 0x0f) > 3) throw bad('has a malformed length');
    const size = 1 << (m & 0x0f);
    need(at + 2, size);
    const length = uint(bytes, at + 2, size);
    if (length > objectsEnd) throw bad('has a length past its end');
    return { length, start: at + 2 + size };
  };
  // Objects on the path from the root: a reference back to one of them is a cycle, which Apple's
  // writer never produces and which would otherwise only stop at the value budget.
  const onPath = new Set<number>();

  const read = (ref: number, depth: number): PlistValue => {
    budget.node(depth);
    const at = offsetOf(ref);
    const marker = bytes[at]!;
    const high = marker >> 4;
    switch (high) {
      case 0x0:
        if (marker === 0x08 || marker === 0x09) return marker === 0x09;
        throw bad(`holds a value (marker ${hex(marker)}) that property lists do not have`);
      case 0x1:
        return readInteger(at, marker & 0x0f);
      case 0x2: {
        const size = 1 << (marker & 0x0f);
        if (size !== 4 && size !== 8) throw bad(`has a real of ${size} bytes`);
        need(at + 1, size);
        const view = new DataView(bytes.buffer, bytes.byteOffset + at + 1, size);
        const n = size === 4 ? view.getFloat32(0) : view.getFloat64(0);
        return Number.isInteger(n) ? new PlistReal(n) : n;
      }
      case 0x3: {
        if (marker !== 0x33) throw bad('has a malformed date');
        need(at + 1, 8);
        const seconds = new DataView(bytes.buffer, bytes.byteOffset + at + 1, 8).getFloat64(0);
        // Rounded to the millisecond a Date holds, so a date written from a Date reads back equal.
        const date = new Date(APPLE_EPOCH_MS + Math.round(seconds * 1000));
        if (Number.isNaN(date.getTime())) throw bad(`has a date out of range (${seconds} s)`);
        return date;
      }
      case 0x4: {
        const { length, start } = lengthAt(at);
        budget.data(length);
        need(start, length);
        return bytes.slice(start, start + length);
      }
      case 0x5:
      case 0x6:
        return readString(at, high === 0x6);
      case 0xa: {
        const { length, start } = lengthAt(at);
        need(start, length * t.refSize);
        onPath.add(ref);
        const items: PlistValue[] = [];
        const offsets: number[] = [];
        for (let i = 0; i < length; i++) {
          const r = uint(bytes, start + i * t.refSize, t.refSize);
          items.push(child(r, depth));
          offsets.push(offsetOf(r));
        }
        onPath.delete(ref);
        positions.record(items, offsets);
        return items;
      }
      case 0xd: {
        const { length, start } = lengthAt(at);
        need(start, 2 * length * t.refSize);
        onPath.add(ref);
        const entries: Array<[string, PlistValue]> = [];
        const offsets: number[] = [];
        const keyOffsets: number[] = [];
        for (let i = 0; i < length; i++) {
          const keyRef = uint(bytes, start + i * t.refSize, t.refSize);
          const key = child(keyRef, depth);
          if (typeof key !== 'string') {
            const type = plistTypeOf(key)!;
            throw bad(`has a dictionary key that is ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}, not a string`);
          }
          const valueRef = uint(bytes, start + (length + i) * t.refSize, t.refSize);
          entries.push([key, child(valueRef, depth)]);
          keyOffsets.push(offsetOf(keyRef));
          offsets.push(offsetOf(valueRef));
        }
        onPath.delete(ref);
        const dict = dictOf(entries, (key, first, second) => {
          throw new PlistError(`the key ${JSON.stringify(key)} appears twice in one dictionary (entry ${first + 1} of object ${ref} and entry ${second + 1} of object ${ref}); readers disagree on which value counts`, positions.at(keyOffsets[second]!));
        });
        positions.record(dict, offsets, entries, keyOffsets);
        return dict;
      }
      case 0x8:
        throw bad('holds a UID (a keyed archive), which profiles do not have');
      case 0xc:
        throw bad('holds a set, which property lists do not have');
      default:
        throw bad(`has an unknown marker ${hex(marker)}`);
    }
  };

  const child = (ref: number, depth: number): PlistValue => {
    if (onPath.has(ref)) throw bad(`object ${ref} contains itself`);
    return read(ref, depth + 1);
  };

  /**
   * Integers as CFBinaryPList writes them: 1, 2 and 4 bytes unsigned, 8 bytes signed, 16 bytes
   * signed (CoreFoundation writes these only for unsigned values past 2^63). Kept exact: a
   * number when it is safe, else a bigint; a value past the 64-bit range is refused.
   */
  const readInteger = (at: number, nibble: number): number | bigint => {
    if (nibble > 4) throw bad(`has an integer of ${1 << nibble} bytes`);
    const size = 1 << nibble;
    need(at + 1, size);
    if (size <= 4) return uint(bytes, at + 1, size);
    let n = 0n;
    for (let i = 0; i < size; i++) n = (n << 8n) | BigInt(bytes[at + 1 + i]!);
    const bits = BigInt(size * 8);
    if (n >= 1n << (bits - 1n)) n -= 1n << bits; // two's complement
    return exactInteger(n, safeOnly);
  };

  // A string object reached again (a key every payload shares) is decoded once; it is still
  // counted against the budget each time it is reached.
  const strings = new Map<number, string>();
  const readString = (at: number, utf16: boolean): string => {
    const { length, start } = lengthAt(at);
    budget.string(length);
    const known = strings.get(at);
    if (known !== undefined) return known;
    const s = decodeString(start, length, utf16);
    strings.set(at, s);
    return s;
  };

  const decodeString = (start: number, length: number, utf16: boolean): string => {
    const size = utf16 ? length * 2 : length;
    need(start, size);
    if (!utf16) {
      const slice = bytes.subarray(start, start + size);
      // CFBinaryPList writes a string as ASCII only when every character is below 0x80.
      for (const b of slice) if (b > 0x7f) throw bad('has an ASCII string holding a byte over 0x7F');
      return fromUnits(slice);
    }
    // UTF-16 code units, big-endian, taken as they are: a string holds exactly these units.
    const units = new Uint16Array(length);
    for (let i = 0; i < length; i++) units[i] = (bytes[start + 2 * i]! << 8) | bytes[start + 2 * i + 1]!;
    return fromUnits(units);
  };

  const value = read(t.top, 0);
  positions.setRoot(value, offsetOf(t.top));
  return { value, positions };
}
