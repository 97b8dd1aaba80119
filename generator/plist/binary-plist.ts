/**
 * A strict reader of binary property lists (`bplist00`), written to the layout CoreFoundation
 * documents in CFBinaryPList.c: a header, objects, an offset table and a 32-byte trailer.
 *
 * Why not a library: libplist (WebAssembly) expands shared references without a limit (a 606-byte
 * file hangs it), returns `<array/>` for arrays nested thousands deep, leaves its instance broken
 * after a stack overflow, and reads 16-byte integers as 0; the JavaScript readers on npm
 * (bplist-parser and its forks) lose the integer/real distinction and have no budgets either.
 * This reader counts every value each time it is reached (see budget.ts), refuses cycles, keeps
 * integers exact (or refuses them), keeps no state between files and recurses at most
 * `maxDepth` levels.
 */
import { PlistBudget, PlistError } from './budget.js';
import { APPLE_EPOCH_MS, checkedDict, exactInteger, type PlistValue } from './plist-value.js';

interface Trailer {
  offsetSize: number;
  refSize: number;
  count: number;
  top: number;
  tableAt: number;
}

const HEADER = 'bplist00';

function uint(bytes: Uint8Array, at: number, size: number): number {
  let n = 0;
  for (let i = 0; i < size; i++) n = n * 256 + bytes[at + i]!;
  return n;
}

function uint64Safe(bytes: Uint8Array, at: number, what: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 8);
  const n = view.getBigUint64(0);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new PlistError(`the binary plist is truncated or malformed (its trailer gives ${what} ${n})`);
  return Number(n);
}

function readTrailer(bytes: Uint8Array): Trailer {
  if (bytes.length < HEADER.length + 32 + 1) throw new PlistError('the binary plist is truncated');
  const at = bytes.length - 32;
  const offsetSize = bytes[at + 6]!;
  const refSize = bytes[at + 7]!;
  const count = uint64Safe(bytes, at + 8, 'an object count of');
  const top = uint64Safe(bytes, at + 16, 'a top object of');
  const tableAt = uint64Safe(bytes, at + 24, 'an offset table at');
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) throw new PlistError('the binary plist is truncated or malformed (its trailer gives impossible integer sizes)');
  if (count < 1 || top >= count) throw new PlistError('the binary plist is truncated or malformed (its trailer gives an impossible object count)');
  if (tableAt < HEADER.length || tableAt + count * offsetSize > at) throw new PlistError('the binary plist is truncated or malformed (offset table)');
  return { offsetSize, refSize, count, top, tableAt };
}

/** Reads a binary plist's bytes into a tagged value, within `budget`. Throws PlistError. */
export function parseBinaryPlist(bytes: Uint8Array, budget: PlistBudget = new PlistBudget()): PlistValue {
  for (let i = 0; i < HEADER.length; i++) if (bytes[i] !== HEADER.charCodeAt(i)) throw new PlistError('not a binary plist (no bplist00 header)');
  const t = readTrailer(bytes);
  const objectsEnd = t.tableAt;
  const offsetOf = (ref: number): number => {
    if (ref >= t.count) throw new PlistError(`the binary plist refers to object ${ref} of ${t.count}`);
    const off = uint(bytes, t.tableAt + ref * t.offsetSize, t.offsetSize);
    if (off < HEADER.length || off >= objectsEnd) throw new PlistError(`the binary plist's object ${ref} lies outside the object area`);
    return off;
  };
  const need = (at: number, n: number): void => {
    if (at + n > objectsEnd) throw new PlistError('the binary plist is truncated or malformed (an object runs past the object area)');
  };
  /** The length nibble of a marker, or the integer object that follows when it is 0xF. */
  const lengthAt = (at: number): { length: number; start: number } => {
    const nibble = bytes[at]! & 0x0f;
    if (nibble !== 0x0f) return { length: nibble, start: at + 1 };
    need(at + 1, 1);
    const m = bytes[at + 1]!;
    if ((m & 0xf0) !== 0x10 || (m & 0x0f) > 3) throw new PlistError('the binary plist has a malformed length');
    const size = 1 << (m & 0x0f);
    need(at + 2, size);
    const length = uint(bytes, at + 2, size);
    if (length > objectsEnd) throw new PlistError('the binary plist has a length past its end');
    return { length, start: at + 2 + size };
  };
  // Objects on the path from the root: a reference back to one of them is a cycle, which Apple's
  // writer never produces and which would otherwise only stop at the node budget.
  const onPath = new Set<number>();

  const read = (ref: number, depth: number): PlistValue => {
    budget.node(depth);
    const at = offsetOf(ref);
    const marker = bytes[at]!;
    const high = marker >> 4;
    switch (high) {
      case 0x0:
        if (marker === 0x08 || marker === 0x09) return { tag: 'boolean', value: marker === 0x09 };
        throw new PlistError(`the binary plist holds a value (marker 0x${marker.toString(16).padStart(2, '0')}) that property lists do not have`);
      case 0x1:
        return readInteger(at, marker & 0x0f);
      case 0x2: {
        const size = 1 << (marker & 0x0f);
        if (size !== 4 && size !== 8) throw new PlistError(`the binary plist has a real of ${size} bytes`);
        need(at + 1, size);
        const view = new DataView(bytes.buffer, bytes.byteOffset + at + 1, size);
        return { tag: 'real', value: size === 4 ? view.getFloat32(0) : view.getFloat64(0) };
      }
      case 0x3: {
        if (marker !== 0x33) throw new PlistError('the binary plist has a malformed date');
        need(at + 1, 8);
        const seconds = new DataView(bytes.buffer, bytes.byteOffset + at + 1, 8).getFloat64(0);
        const date = new Date(APPLE_EPOCH_MS + seconds * 1000);
        if (Number.isNaN(date.getTime())) throw new PlistError(`the binary plist has a date out of range (${seconds} s)`);
        return { tag: 'date', value: date, text: date.toISOString().replace(/\.000Z$/, 'Z') };
      }
      case 0x4: {
        const { length, start } = lengthAt(at);
        budget.data(length);
        need(start, length);
        return { tag: 'data', value: bytes.slice(start, start + length) };
      }
      case 0x5:
      case 0x6:
        return { tag: 'string', value: readString(at, high === 0x6) };
      case 0xa: {
        const { length, start } = lengthAt(at);
        need(start, length * t.refSize);
        onPath.add(ref);
        const items: PlistValue[] = [];
        for (let i = 0; i < length; i++) items.push(child(uint(bytes, start + i * t.refSize, t.refSize), depth));
        onPath.delete(ref);
        return { tag: 'array', items };
      }
      case 0xd: {
        const { length, start } = lengthAt(at);
        need(start, 2 * length * t.refSize);
        onPath.add(ref);
        const entries: Array<[string, PlistValue]> = [];
        for (let i = 0; i < length; i++) {
          const key = child(uint(bytes, start + i * t.refSize, t.refSize), depth);
          if (key.tag !== 'string') throw new PlistError(`the binary plist has a dictionary key that is ${key.tag === 'integer' ? 'an' : 'a'} ${key.tag}, not a string`);
          entries.push([key.value, child(uint(bytes, start + (length + i) * t.refSize, t.refSize), depth)]);
        }
        onPath.delete(ref);
        return checkedDict(entries, (i) => `entry ${i + 1} of object ${ref}`);
      }
      case 0x8:
        throw new PlistError('the binary plist holds a UID (a keyed archive), which profiles do not have');
      case 0xc:
        throw new PlistError('the binary plist holds a set, which property lists do not have');
      default:
        throw new PlistError(`the binary plist has an unknown marker 0x${marker.toString(16).padStart(2, '0')}`);
    }
  };

  const child = (ref: number, depth: number): PlistValue => {
    if (onPath.has(ref)) throw new PlistError(`the binary plist's object ${ref} contains itself`);
    return read(ref, depth + 1);
  };

  /**
   * Integers as CFBinaryPList writes them: 1, 2 and 4 bytes unsigned, 8 bytes signed, 16 bytes
   * signed (CoreFoundation writes these only for unsigned values past 2^63). A value a JavaScript
   * number cannot hold exactly is refused rather than rounded.
   */
  const readInteger = (at: number, nibble: number): PlistValue => {
    if (nibble > 4) throw new PlistError(`the binary plist has an integer of ${1 << nibble} bytes`);
    const size = 1 << nibble;
    need(at + 1, size);
    let n: bigint;
    if (size <= 4) n = BigInt(uint(bytes, at + 1, size));
    else {
      n = 0n;
      for (let i = 0; i < size; i++) n = (n << 8n) | BigInt(bytes[at + 1 + i]!);
      const bits = BigInt(size * 8);
      if (n >= 1n << (bits - 1n)) n -= 1n << bits; // two's complement
    }
    return { tag: 'integer', value: exactInteger(n) };
  };

  const readString = (at: number, utf16: boolean): string => {
    const { length, start } = lengthAt(at);
    budget.string(length);
    const size = utf16 ? length * 2 : length;
    need(start, size);
    const slice = bytes.subarray(start, start + size);
    if (!utf16) {
      // CFBinaryPList writes a string as ASCII only when every character is below 0x80.
      for (const b of slice) if (b > 0x7f) throw new PlistError('the binary plist has an ASCII string holding a byte over 0x7F');
      return Buffer.from(slice).toString('latin1');
    }
    return new TextDecoder('utf-16be').decode(slice);
  };

  return read(t.top, 0);
}
