// Copied by dmspec from generator/runtime/plist/binary-reader.ts. Do not edit: change that file and run "npm run generate".
import { PlistError } from "./budget.js";
import { PlistPositions } from "./positions.js";
import { exactInteger } from "./scalars.js";
import { APPLE_EPOCH_MS, duplicateKey, PlistReal, plistTypeOf } from "./values.js";
const bad = (what) => new PlistError(`the binary plist ${what}`);
const broken = (what) => bad(`is truncated or malformed (${what})`);
const hex = (marker) => `0x${marker.toString(16).padStart(2, "0")}`;
const HEADER = [98, 112, 108, 105, 115, 116, 48, 48];
function isBinaryPlist(bytes) {
  return HEADER.every((b, i) => bytes[i] === b);
}
function uint(bytes, at, size) {
  let n = 0;
  for (let i = 0; i < size; i++) n = n * 256 + bytes[at + i];
  return n;
}
function uint64Safe(bytes, at, what) {
  const n = new DataView(bytes.buffer, bytes.byteOffset + at, 8).getBigUint64(0);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw broken(`its trailer gives ${what} ${n}`);
  return Number(n);
}
function readTrailer(bytes) {
  if (bytes.length < HEADER.length + 32 + 1) throw bad("is truncated");
  const at = bytes.length - 32;
  const offsetSize = bytes[at + 6];
  const refSize = bytes[at + 7];
  const count = uint64Safe(bytes, at + 8, "an object count of");
  const top = uint64Safe(bytes, at + 16, "a top object of");
  const tableAt = uint64Safe(bytes, at + 24, "an offset table at");
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) throw broken("its trailer gives impossible integer sizes");
  if (count < 1 || top >= count) throw broken("its trailer gives an impossible object count");
  if (tableAt < HEADER.length || tableAt + count * offsetSize > at) throw broken("offset table");
  return { offsetSize, refSize, count, top, tableAt };
}
function fromUnits(units) {
  let s = "";
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, i + 8192));
  return s;
}
function readBinaryPlist(bytes, budget, safeOnly) {
  if (!isBinaryPlist(bytes)) throw new PlistError("not a binary plist (no bplist00 header)");
  const t = readTrailer(bytes);
  const positions = new PlistPositions("binary");
  const objectsEnd = t.tableAt;
  const offsetOf = (ref) => {
    if (ref >= t.count) throw bad(`refers to object ${ref} of ${t.count}`);
    const off = uint(bytes, t.tableAt + ref * t.offsetSize, t.offsetSize);
    if (off < HEADER.length || off >= objectsEnd) throw bad(`object ${ref} lies outside the object area`);
    return off;
  };
  const need = (at, n) => {
    if (at + n > objectsEnd) throw broken("an object runs past the object area");
  };
  const lengthAt = (at) => {
    const nibble = bytes[at] & 15;
    if (nibble !== 15) return { length: nibble, start: at + 1 };
    need(at + 1, 1);
    const m = bytes[at + 1];
    if ((m & 240) !== 16 || (m & 15) > 3) throw bad("has a malformed length");
    const size = 1 << (m & 15);
    need(at + 2, size);
    const length = uint(bytes, at + 2, size);
    if (length > objectsEnd) throw bad("has a length past its end");
    return { length, start: at + 2 + size };
  };
  const onPath = /* @__PURE__ */ new Set();
  const read = (ref, depth) => {
    budget.node(depth);
    const at = offsetOf(ref);
    const marker = bytes[at];
    const high = marker >> 4;
    switch (high) {
      case 0:
        if (marker === 8 || marker === 9) return marker === 9;
        throw bad(`holds a value (marker ${hex(marker)}) that property lists do not have`);
      case 1:
        return readInteger(at, marker & 15);
      case 2: {
        const size = 1 << (marker & 15);
        if (size !== 4 && size !== 8) throw bad(`has a real of ${size} bytes`);
        need(at + 1, size);
        const view = new DataView(bytes.buffer, bytes.byteOffset + at + 1, size);
        const n = size === 4 ? view.getFloat32(0) : view.getFloat64(0);
        return Number.isInteger(n) ? new PlistReal(n) : n;
      }
      case 3: {
        if (marker !== 51) throw bad("has a malformed date");
        need(at + 1, 8);
        const seconds = new DataView(bytes.buffer, bytes.byteOffset + at + 1, 8).getFloat64(0);
        const date = new Date(APPLE_EPOCH_MS + Math.round(seconds * 1e3));
        if (Number.isNaN(date.getTime())) throw bad(`has a date out of range (${seconds} s)`);
        return date;
      }
      case 4: {
        const { length, start } = lengthAt(at);
        budget.data(length);
        need(start, length);
        return bytes.slice(start, start + length);
      }
      case 5:
      case 6:
        return readString(at, high === 6);
      case 10: {
        const { length, start } = lengthAt(at);
        need(start, length * t.refSize);
        onPath.add(ref);
        const items = [];
        const offsets = [];
        for (let i = 0; i < length; i++) {
          const r = uint(bytes, start + i * t.refSize, t.refSize);
          items.push(child(r, depth));
          offsets.push(offsetOf(r));
        }
        onPath.delete(ref);
        positions.record(items, offsets);
        return items;
      }
      case 13: {
        const { length, start } = lengthAt(at);
        need(start, 2 * length * t.refSize);
        onPath.add(ref);
        const entries = [];
        const offsets = [];
        const keyOffsets = [];
        for (let i = 0; i < length; i++) {
          const keyRef = uint(bytes, start + i * t.refSize, t.refSize);
          const key = child(keyRef, depth);
          if (typeof key !== "string") {
            const type = plistTypeOf(key);
            throw bad(`has a dictionary key that is ${/^[aeiou]/.test(type) ? "an" : "a"} ${type}, not a string`);
          }
          const valueRef = uint(bytes, start + (length + i) * t.refSize, t.refSize);
          entries.push([key, child(valueRef, depth)]);
          keyOffsets.push(offsetOf(keyRef));
          offsets.push(offsetOf(valueRef));
        }
        onPath.delete(ref);
        const dict = Object.fromEntries(entries);
        if (Object.keys(dict).length !== entries.length) {
          const [first, second] = duplicateKey(entries);
          throw new PlistError(`the key ${JSON.stringify(entries[second][0])} appears twice in one dictionary (entry ${first + 1} of object ${ref} and entry ${second + 1} of object ${ref}); readers disagree on which value counts`, { format: "binary", offset: keyOffsets[second] });
        }
        positions.record(dict, offsets, entries, keyOffsets);
        return dict;
      }
      case 8:
        throw bad("holds a UID (a keyed archive), which profiles do not have");
      case 12:
        throw bad("holds a set, which property lists do not have");
      default:
        throw bad(`has an unknown marker ${hex(marker)}`);
    }
  };
  const child = (ref, depth) => {
    if (onPath.has(ref)) throw bad(`object ${ref} contains itself`);
    return read(ref, depth + 1);
  };
  const readInteger = (at, nibble) => {
    if (nibble > 4) throw bad(`has an integer of ${1 << nibble} bytes`);
    const size = 1 << nibble;
    need(at + 1, size);
    if (size <= 4) return uint(bytes, at + 1, size);
    let n = 0n;
    for (let i = 0; i < size; i++) n = n << 8n | BigInt(bytes[at + 1 + i]);
    const bits = BigInt(size * 8);
    if (n >= 1n << bits - 1n) n -= 1n << bits;
    return exactInteger(n, safeOnly);
  };
  const strings = /* @__PURE__ */ new Map();
  const readString = (at, utf16) => {
    const { length, start } = lengthAt(at);
    budget.string(length);
    const known = strings.get(at);
    if (known !== void 0) return known;
    const s = decodeString(start, length, utf16);
    strings.set(at, s);
    return s;
  };
  const decodeString = (start, length, utf16) => {
    const size = utf16 ? length * 2 : length;
    need(start, size);
    if (!utf16) {
      const slice = bytes.subarray(start, start + size);
      for (const b of slice) if (b > 127) throw bad("has an ASCII string holding a byte over 0x7F");
      return fromUnits(slice);
    }
    const units = new Uint16Array(length);
    for (let i = 0; i < length; i++) units[i] = bytes[start + 2 * i] << 8 | bytes[start + 2 * i + 1];
    return fromUnits(units);
  };
  const value = read(t.top, 0);
  positions.setRoot(value, offsetOf(t.top));
  return { value, positions };
}
export {
  isBinaryPlist,
  readBinaryPlist
};
