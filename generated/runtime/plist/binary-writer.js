// Copied by dmspec from generator/runtime/plist/binary-writer.ts. Do not edit: change that file and run "npm run generate".
import { checkInteger } from "./xml-writer.js";
import { APPLE_EPOCH_MS, entriesToWrite, isPlistReal, pathTo, plistTypeOf, unwritable, WRITE_MAX_DEPTH } from "./values.js";
function withLength(out, high, length) {
  if (length < 15) out.push(high << 4 | length);
  else {
    out.push(high << 4 | 15);
    integerBytes(out, length);
  }
}
function bigEndian(out, n, size) {
  for (let i = size - 1; i >= 0; i--) out.push(Number(n >> BigInt(i * 8) & 0xffn));
}
function uintBytes(out, n, size) {
  for (let i = size - 1; i >= 0; i--) out.push(Math.floor(n / 256 ** i) % 256);
}
function integerBytes(out, n) {
  if (typeof n === "number" && n >= 0 && n < 2 ** 32) {
    const size = n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : 4;
    out.push(16 | (size === 1 ? 0 : size === 2 ? 1 : 2));
    uintBytes(out, n, size);
    return;
  }
  const b = BigInt(n);
  if (b >= -(1n << 63n) && b < 1n << 63n) {
    out.push(19);
    bigEndian(out, BigInt.asUintN(64, b), 8);
  } else {
    out.push(20);
    bigEndian(out, b, 16);
  }
}
function float64(out, marker, n) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  out.push(marker);
  for (let i = 0; i < 8; i++) out.push(view.getUint8(i));
}
function stringBytes(s) {
  const out = [];
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) if (s.charCodeAt(i) > 127) ascii = false;
  withLength(out, ascii ? 5 : 6, s.length);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (ascii) out.push(u);
    else out.push(u >> 8, u & 255);
  }
  return out;
}
const sizeFor = (n) => n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : n < 2 ** 32 ? 4 : 8;
function toBinaryPlist(value) {
  const objects = [];
  const strings = /* @__PURE__ */ new Map();
  const ancestors = /* @__PURE__ */ new Set();
  const string = (s) => {
    let ref = strings.get(s);
    if (ref === void 0) {
      ref = objects.push({ bytes: stringBytes(s) }) - 1;
      strings.set(s, ref);
    }
    return ref;
  };
  const add = (v, path) => {
    const type = plistTypeOf(v);
    const out2 = [];
    switch (type) {
      case "string":
        return string(v);
      case "integer":
        checkInteger(v, path);
        integerBytes(out2, v);
        break;
      case "real":
        float64(out2, 35, isPlistReal(v) ? v.value : v);
        break;
      case "boolean":
        out2.push(v ? 9 : 8);
        break;
      case "date": {
        const ms = v.getTime();
        if (Number.isNaN(ms)) unwritable(path, "an invalid Date");
        float64(out2, 51, (ms - APPLE_EPOCH_MS) / 1e3);
        break;
      }
      case "data": {
        const data = v;
        withLength(out2, 4, data.length);
        const bytes = new Uint8Array(out2.length + data.length);
        bytes.set(out2);
        bytes.set(data, out2.length);
        return objects.push({ bytes }) - 1;
      }
      case "array":
      case "dict": {
        const container = v;
        if (ancestors.has(container)) unwritable(path, "the value contains itself");
        if (ancestors.size >= WRITE_MAX_DEPTH) unwritable(path, `nesting deeper than ${WRITE_MAX_DEPTH} levels`);
        ancestors.add(container);
        const obj = { marker: type === "array" ? 10 : 13, refs: [] };
        const ref = objects.push(obj) - 1;
        if (type === "array") {
          const array = container;
          for (let i = 0; i < array.length; i++) obj.refs.push(add(array[i], pathTo(path, i)));
        } else {
          const entries = entriesToWrite(container);
          const keys = entries.map(([k]) => string(k));
          const values = entries.map(([k, item]) => add(item, pathTo(path, k)));
          obj.refs.push(...keys, ...values);
        }
        ancestors.delete(container);
        return ref;
      }
      default:
        unwritable(path, `${v === null ? "null" : typeof v === "object" ? "an object that is not a plain dictionary" : typeof v} has no plist form`);
    }
    return objects.push({ bytes: out2 }) - 1;
  };
  add(value, "");
  const refSize = sizeFor(objects.length);
  const chunks = [[98, 112, 108, 105, 115, 116, 48, 48]];
  const offsets = [];
  let at = 8;
  for (const o2 of objects) {
    offsets.push(at);
    let bytes;
    if ("bytes" in o2) bytes = o2.bytes;
    else {
      bytes = [];
      const count = o2.marker === 13 ? o2.refs.length / 2 : o2.refs.length;
      withLength(bytes, o2.marker, count);
      for (const r of o2.refs) uintBytes(bytes, r, refSize);
    }
    chunks.push(bytes);
    at += bytes.length;
  }
  const offsetSize = sizeFor(at);
  const table = [];
  for (const off of offsets) uintBytes(table, off, offsetSize);
  const trailer = [0, 0, 0, 0, 0, 0, offsetSize, refSize];
  uintBytes(trailer, objects.length, 8);
  uintBytes(trailer, 0, 8);
  uintBytes(trailer, at, 8);
  chunks.push(table, trailer);
  const out = new Uint8Array(at + table.length + trailer.length);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
export {
  toBinaryPlist
};
