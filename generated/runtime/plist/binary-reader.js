// Copied by dmspec from generator/runtime/plist/binary-reader.ts. Do not edit: change that file and run "npm run generate".
import { PlistError, raise } from "./budget.js";
import { PlistPositions } from "./positions.js";
import { exactInteger } from "./scalars.js";
import { fromUnits, hexDigits } from "./text.js";
import { APPLE_EPOCH_MS, appearsTwice, PlistReal, plistTypeOf, SAFE_MAX } from "./values.js";
const bad = (what) => raise(`the binary plist ${what}`);
const broken = (what) => bad(`is truncated or malformed (${what})`);
const trailerGives = (what) => broken(`its trailer gives ${what}`);
const notPlist = (what) => bad(`holds ${what}, which property lists do not have`);
const hex = (marker) => `0x${hexDigits(marker, 2)}`;
const isBinaryPlist = (bytes) => {
  return fromUnits(bytes.subarray(0, 8)) === "bplist00";
};
const readBinaryPlist = (bytes, budget, safeOnly) => {
  if (bytes.length < 8 + 1 + 32) bad("is truncated");
  const [, , countNode, countString, countData] = budget;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const uint = (at, size) => {
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + bytes[at + i];
    return n;
  };
  const trailer = bytes.length - 32;
  const offsetSize = bytes[trailer + 6];
  const refSize = bytes[trailer + 7];
  const safe = (at, what) => {
    const n = view.getBigUint64(trailer + at);
    if (n > SAFE_MAX) trailerGives(`${what} ${n}`);
    return Number(n);
  };
  const count = safe(8, "an object count of");
  const top = safe(16, "a top object of");
  const objectsEnd = safe(24, "an offset table at");
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) trailerGives("impossible integer sizes");
  if (count < 1 || top >= count) trailerGives("an impossible object count");
  if (objectsEnd < 8 || objectsEnd + count * offsetSize > trailer) broken("offset table");
  const positions = new PlistPositions("binary");
  const offsetOf = (ref) => {
    if (ref >= count) bad(`refers to object ${ref} of ${count}`);
    const off = uint(objectsEnd + ref * offsetSize, offsetSize);
    if (off < 8 || off >= objectsEnd) bad(`object ${ref} lies outside the object area`);
    return off;
  };
  const need = (at, n) => {
    if (at + n > objectsEnd) broken("an object runs past the object area");
  };
  const refAt = (start2, i) => uint(start2 + i * refSize, refSize);
  let start = 0;
  const lengthAt = (at) => {
    const nibble = bytes[at] & 15;
    start = at + 1;
    if (nibble !== 15) return nibble;
    need(start, 1);
    const m = bytes[start];
    if ((m & 240) !== 16 || (m & 15) > 3) bad("has a malformed length");
    const size = 1 << (m & 15);
    need(at + 2, size);
    const length = uint(at + 2, size);
    if (length > objectsEnd) bad("has a length past its end");
    start = at + 2 + size;
    return length;
  };
  const onPath = /* @__PURE__ */ new Set();
  const strings = /* @__PURE__ */ new Map();
  const read = (ref, depth) => {
    countNode(depth);
    const at = offsetOf(ref);
    const marker = bytes[at];
    const low = marker & 15;
    const size = 1 << low;
    const body = at + 1;
    switch (marker >> 4) {
      case 0:
        if (marker === 8 || marker === 9) return marker === 9;
        notPlist(`a value (marker ${hex(marker)})`);
      case 1: {
        if (low > 4) bad(`has an integer of ${size} bytes`);
        need(body, size);
        if (size <= 4) return uint(body, size);
        const high = view.getBigInt64(body);
        return exactInteger(size === 8 ? high : high << 64n | view.getBigUint64(body + 8), safeOnly);
      }
      case 2: {
        if (size !== 4 && size !== 8) bad(`has a real of ${size} bytes`);
        need(body, size);
        const n = size === 4 ? view.getFloat32(body) : view.getFloat64(body);
        return Number.isInteger(n) ? new PlistReal(n) : n;
      }
      case 3: {
        if (marker !== 51) bad("has a malformed date");
        need(body, 8);
        const seconds = view.getFloat64(body);
        const date = new Date(APPLE_EPOCH_MS + Math.round(seconds * 1e3));
        if (isNaN(+date)) bad(`has a date out of range (${seconds} s)`);
        return date;
      }
      case 4: {
        const length = lengthAt(at);
        countData(length);
        need(start, length);
        return bytes.slice(start, start + length);
      }
      case 5:
      case 6: {
        const utf16 = marker >> 4 === 6;
        const length = lengthAt(at);
        countString(length);
        const known = strings.get(at);
        if (known != null) return known;
        need(start, utf16 ? length * 2 : length);
        const units = utf16 ? new Uint16Array(length) : bytes.subarray(start, start + length);
        if (utf16) for (let i = 0; i < length; i++) units[i] = view.getUint16(start + 2 * i);
        else for (const b of units) if (b > 127) bad("has an ASCII string holding a byte over 0x7F");
        const s = fromUnits(units);
        strings.set(at, s);
        return s;
      }
      case 10:
      case 13: {
        const dict = marker >> 4 === 13;
        const length = lengthAt(at);
        const first = start;
        need(first, (dict ? 2 : 1) * length * refSize);
        onPath.add(ref);
        const items = [];
        const offsets = [];
        for (let i = 0; i < length; i++) {
          let key;
          if (dict) {
            const keyRef = refAt(first, i);
            key = child(keyRef, depth);
            if (typeof key !== "string") {
              const type = plistTypeOf(key);
              bad(`has a dictionary key that is ${/^[aeiou]/.test(type) ? "an" : "a"} ${type}, not a string`);
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
          throw new PlistError(appearsTwice(`the key ${JSON.stringify(key)}`, `entry ${a + 1} of object ${ref} and entry ${b + 1} of object ${ref}`), positions.at(offsets[2 * b]));
        } : void 0);
      }
      case 8:
        bad("holds a UID (a keyed archive), which profiles do not have");
      case 12:
        notPlist("a set");
      default:
        bad(`has an unknown marker ${hex(marker)}`);
    }
  };
  const child = (ref, depth) => {
    if (onPath.has(ref)) bad(`object ${ref} contains itself`);
    return read(ref, depth + 1);
  };
  return positions.setRoot(read(top, 0), offsetOf(top));
};
export {
  isBinaryPlist,
  readBinaryPlist
};
