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
import { type PlistBudget, PlistError, raise } from './budget.js';
import { PlistPositions } from './positions.js';
import { exactInteger } from './scalars.js';
import { fromUnits, hexDigits } from './text.js';
import { APPLE_EPOCH_MS, appearsTwice, PlistReal, plistTypeOf, SAFE_MAX, type PlistValue } from './values.js';

/** The reader's errors, composed: `the binary plist has …`, `… is truncated or malformed (…)`. */
const bad: (what: string) => never = (what) => raise(`the binary plist ${what}`);
const broken: (what: string) => never = (what) => bad(`is truncated or malformed (${what})`);
const trailerGives = (what: string): never => broken(`its trailer gives ${what}`);
const notPlist: (what: string) => never = (what) => bad(`holds ${what}, which property lists do not have`);
const hex = (marker: number): string => `0x${hexDigits(marker, 2)}`;

/** True when the bytes start with the binary plist header. */
export const isBinaryPlist = (bytes: Uint8Array): boolean => {
  return fromUnits(bytes.subarray(0, 8)) === 'bplist00';
};

/** Reads the bytes of a binary plist (`isBinaryPlist`) within `budget`. Throws PlistError. */
export const readBinaryPlist = (bytes: Uint8Array, budget: PlistBudget, safeOnly: boolean): { value: PlistValue; format: 'xml' | 'binary'; positions: PlistPositions } => {
  // The header, at least one object and the 32-byte trailer.
  if (bytes.length < 8 + 1 + 32) bad('is truncated');
  const [, , countNode, countString, countData] = budget;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const uint = (at: number, size: number): number => {
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + bytes[at + i]!;
    return n;
  };

  // The trailer: sizes of offsets and references, the object count, the top object, the offset table.
  const trailer = bytes.length - 32;
  const offsetSize = bytes[trailer + 6]!;
  const refSize = bytes[trailer + 7]!;
  const safe = (at: number, what: string): number => {
    const n = view.getBigUint64(trailer + at);
    if (n > SAFE_MAX) trailerGives(`${what} ${n}`);
    return Number(n);
  };
  const count = safe(8, 'an object count of');
  const top = safe(16, 'a top object of');
  const objectsEnd = safe(24, 'an offset table at');
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) trailerGives('impossible integer sizes');
  if (count < 1 || top >= count) trailerGives('an impossible object count');
  if (objectsEnd < 8 || objectsEnd + count * offsetSize > trailer) broken('offset table');

  const positions = new PlistPositions('binary');
  const offsetOf = (ref: number): number => {
    if (ref >= count) bad(`refers to object ${ref} of ${count}`);
    const off = uint(objectsEnd + ref * offsetSize, offsetSize);
    if (off < 8 || off >= objectsEnd) bad(`object ${ref} lies outside the object area`);
    return off;
  };
  const need = (at: number, n: number): void => {
    if (at + n > objectsEnd) broken('an object runs past the object area');
  };
  /** The `i`th reference of an array or dictionary whose references start at `start`. */
  const refAt = (start: number, i: number): number => uint(start + i * refSize, refSize);
  /** The length of the object at `at`: its marker's low nibble, or the integer object that follows when that is 0xF. Sets `start` to where its content is. */
  let start = 0;
  const lengthAt = (at: number): number => {
    const nibble = bytes[at]! & 0x0f;
    start = at + 1;
    if (nibble !== 0x0f) return nibble;
    need(start, 1);
    const m = bytes[start]!;
    if ((m & 0xf0) !== 0x10 || (m & 0x0f) > 3) bad('has a malformed length');
    const size = 1 << (m & 0x0f);
    need(at + 2, size);
    const length = uint(at + 2, size);
    if (length > objectsEnd) bad('has a length past its end');
    start = at + 2 + size;
    return length;
  };
  // Objects on the path from the root: a reference back to one of them is a cycle, which Apple's
  // writer never produces and which would otherwise only stop at the value budget.
  const onPath = new Set<number>();
  // A string object reached again (a key every payload shares) is decoded once; it is still
  // counted against the budget each time it is reached.
  const strings = new Map<number, string>();

  const read = (ref: number, depth: number): PlistValue => {
    countNode(depth);
    const at = offsetOf(ref);
    const marker = bytes[at]!;
    const low = marker & 0x0f;
    // An integer's, a real's or a date's size, and where it starts.
    const size = 1 << low;
    const body = at + 1;
    switch (marker >> 4) {
      case 0x0:
        if (marker === 0x08 || marker === 0x09) return marker === 0x09;
        notPlist(`a value (marker ${hex(marker)})`);
      case 0x1: {
        // Integers as CFBinaryPList writes them: 1, 2 and 4 bytes unsigned, 8 bytes signed, 16
        // bytes signed (CoreFoundation writes these only for unsigned values past 2^63). Kept
        // exact: a number when it is safe, else a bigint; a value past the 64-bit range is refused.
        if (low > 4) bad(`has an integer of ${size} bytes`);
        need(body, size);
        if (size <= 4) return uint(body, size);
        // Two's complement: the high 8 bytes signed, the low 8 of a 16-byte integer unsigned.
        const high = view.getBigInt64(body);
        return exactInteger(size === 8 ? high : (high << 64n) | view.getBigUint64(body + 8), safeOnly);
      }
      case 0x2: {
        if (size !== 4 && size !== 8) bad(`has a real of ${size} bytes`);
        need(body, size);
        const n = size === 4 ? view.getFloat32(body) : view.getFloat64(body);
        return Number.isInteger(n) ? new PlistReal(n) : n;
      }
      case 0x3: {
        if (marker !== 0x33) bad('has a malformed date');
        need(body, 8);
        const seconds = view.getFloat64(body);
        // Rounded to the millisecond a Date holds, so a date written from a Date reads back equal.
        const date = new Date(APPLE_EPOCH_MS + Math.round(seconds * 1000));
        // The global isNaN, shorter than Number.isNaN and the same on a number.
        if (isNaN(+date)) bad(`has a date out of range (${seconds} s)`);
        return date;
      }
      case 0x4: {
        const length = lengthAt(at);
        countData(length);
        need(start, length);
        return bytes.slice(start, start + length);
      }
      case 0x5:
      case 0x6: {
        const utf16 = marker >> 4 === 0x6;
        const length = lengthAt(at);
        countString(length);
        const known = strings.get(at);
        if (known != null) return known;
        need(start, utf16 ? length * 2 : length);
        // UTF-16 code units, big-endian, taken as they are: a string holds exactly these units.
        const units = utf16 ? new Uint16Array(length) : bytes.subarray(start, start + length);
        if (utf16) for (let i = 0; i < length; i++) units[i] = view.getUint16(start + 2 * i);
        // CFBinaryPList writes a string as ASCII only when every character is below 0x80.
        else for (const b of units) if (b > 0x7f) bad('has an ASCII string holding a byte over 0x7F');
        const s = fromUnits(units);
        strings.set(at, s);
        return s;
      }
      case 0xa:
      case 0xd: {
        const dict = marker >> 4 === 0xd;
        const length = lengthAt(at);
        const first = start;
        need(first, (dict ? 2 : 1) * length * refSize);
        onPath.add(ref);
        const items: unknown[] = [];
        // Where each value is; in a dictionary, each entry's key and then its value.
        const offsets: number[] = [];
        for (let i = 0; i < length; i++) {
          // A dictionary's references: its keys', then its values' (the references past `length`).
          let key: PlistValue | undefined;
          if (dict) {
            const keyRef = refAt(first, i);
            key = child(keyRef, depth);
            if (typeof key !== 'string') {
              const type = plistTypeOf(key)!;
              bad(`has a dictionary key that is ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}, not a string`);
            }
            offsets.push(offsetOf(keyRef));
          }
          const r = refAt(first, dict ? length + i : i);
          const v = child(r, depth);
          items.push(dict ? [key, v] : v);
          offsets.push(offsetOf(r));
        }
        onPath.delete(ref);
        return positions.record(items, offsets, dict ? (key, a, b) => {
          throw new PlistError(appearsTwice(`the key ${JSON.stringify(key)}`, `entry ${a + 1} of object ${ref} and entry ${b + 1} of object ${ref}`), positions.at(offsets[2 * b]!));
        } : undefined);
      }
      case 0x8:
        bad('holds a UID (a keyed archive), which profiles do not have');
      case 0xc:
        notPlist('a set');
      default:
        bad(`has an unknown marker ${hex(marker)}`);
    }
  };

  const child = (ref: number, depth: number): PlistValue => {
    if (onPath.has(ref)) bad(`object ${ref} contains itself`);
    return read(ref, depth + 1);
  };

  return positions.setRoot(read(top, 0), offsetOf(top));
};
