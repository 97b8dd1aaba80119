/**
 * Values to a binary property list (`bplist00`), in CoreFoundation's layout (CFBinaryPList.c):
 * the header, the objects, an offset table and the trailer. Deterministic: objects are numbered
 * depth first from the root, dictionary keys sorted, equal strings stored once, and offsets and
 * references take the fewest bytes that hold them. Integers take the smallest of CoreFoundation's
 * widths (1, 2 and 4 bytes unsigned, 8 signed, 16 for unsigned values past 2^63), reals and
 * dates 8 bytes (a 4-byte real would round), strings ASCII when every character is, else UTF-16.
 */
import { checkInteger } from './xml-writer.js';
import { APPLE_EPOCH_MS, entriesToWrite, isPlistReal, pathTo, plistTypeOf, unwritable, WRITE_MAX_DEPTH } from './values.js';

type Obj = { bytes: number[] | Uint8Array } | { marker: number; refs: number[] };

/** A marker with a length: in its low nibble below 15, else 0xF and an integer object. */
function withLength(out: number[], high: number, length: number): void {
  if (length < 15) out.push((high << 4) | length);
  else {
    out.push((high << 4) | 0xf);
    integerBytes(out, length);
  }
}

function bigEndian(out: number[], n: bigint, size: number): void {
  for (let i = size - 1; i >= 0; i--) out.push(Number((n >> BigInt(i * 8)) & 0xffn));
}

/** A reference or offset (below 2^53) in `size` bytes. */
function uintBytes(out: number[], n: number, size: number): void {
  for (let i = size - 1; i >= 0; i--) out.push(Math.floor(n / 256 ** i) % 256);
}

function integerBytes(out: number[], n: number | bigint): void {
  if (typeof n === 'number' && n >= 0 && n < 2 ** 32) {
    const size = n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : 4;
    out.push(0x10 | (size === 1 ? 0 : size === 2 ? 1 : 2));
    uintBytes(out, n, size);
    return;
  }
  const b = BigInt(n);
  if (b >= -(1n << 63n) && b < 1n << 63n) {
    out.push(0x13);
    bigEndian(out, BigInt.asUintN(64, b), 8);
  } else {
    out.push(0x14);
    bigEndian(out, b, 16);
  }
}

function float64(out: number[], marker: number, n: number): void {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  out.push(marker);
  for (let i = 0; i < 8; i++) out.push(view.getUint8(i));
}

function stringBytes(s: string): number[] {
  const out: number[] = [];
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) if (s.charCodeAt(i) > 0x7f) ascii = false;
  withLength(out, ascii ? 0x5 : 0x6, s.length);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (ascii) out.push(u);
    else out.push(u >> 8, u & 0xff);
  }
  return out;
}

const sizeFor = (n: number): number => (n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : n < 2 ** 32 ? 4 : 8);

/**
 * A binary property list of `value` (see `values.ts` for what each JavaScript value becomes).
 * Throws TypeError for a value with no plist form (null, a function, a class instance, a cycle,
 * nesting past 64 levels).
 */
export function toBinaryPlist(value: unknown): Uint8Array {
  const objects: Obj[] = [];
  const strings = new Map<string, number>();
  const ancestors = new Set<object>();
  const string = (s: string): number => {
    let ref = strings.get(s);
    if (ref === undefined) {
      ref = objects.push({ bytes: stringBytes(s) }) - 1;
      strings.set(s, ref);
    }
    return ref;
  };
  const add = (v: unknown, path: string): number => {
    const type = plistTypeOf(v);
    const out: number[] = [];
    switch (type) {
      case 'string':
        return string(v as string);
      case 'integer':
        checkInteger(v as number | bigint, path);
        integerBytes(out, v as number | bigint);
        break;
      case 'real':
        float64(out, 0x23, isPlistReal(v) ? v.value : (v as number));
        break;
      case 'boolean':
        out.push(v ? 0x09 : 0x08);
        break;
      case 'date': {
        const ms = (v as Date).getTime();
        if (Number.isNaN(ms)) unwritable(path, 'an invalid Date');
        float64(out, 0x33, (ms - APPLE_EPOCH_MS) / 1000);
        break;
      }
      case 'data': {
        const data = v as Uint8Array;
        withLength(out, 0x4, data.length);
        const bytes = new Uint8Array(out.length + data.length);
        bytes.set(out);
        bytes.set(data, out.length);
        return objects.push({ bytes }) - 1;
      }
      case 'array':
      case 'dict': {
        const container = v as object;
        if (ancestors.has(container)) unwritable(path, 'the value contains itself');
        if (ancestors.size >= WRITE_MAX_DEPTH) unwritable(path, `nesting deeper than ${WRITE_MAX_DEPTH} levels`);
        ancestors.add(container);
        const obj = { marker: type === 'array' ? 0xa : 0xd, refs: [] as number[] };
        const ref = objects.push(obj) - 1;
        if (type === 'array') {
          const array = container as unknown[];
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
        unwritable(path, `${v === null ? 'null' : typeof v === 'object' ? 'an object that is not a plain dictionary' : typeof v} has no plist form`);
    }
    return objects.push({ bytes: out }) - 1;
  };
  add(value, '');

  const refSize = sizeFor(objects.length);
  const chunks: Array<number[] | Uint8Array> = [[0x62, 0x70, 0x6c, 0x69, 0x73, 0x74, 0x30, 0x30]];
  const offsets: number[] = [];
  let at = 8;
  for (const o of objects) {
    offsets.push(at);
    let bytes: number[] | Uint8Array;
    if ('bytes' in o) bytes = o.bytes;
    else {
      bytes = [];
      const count = o.marker === 0xd ? o.refs.length / 2 : o.refs.length;
      withLength(bytes, o.marker, count);
      for (const r of o.refs) uintBytes(bytes, r, refSize);
    }
    chunks.push(bytes);
    at += bytes.length;
  }
  const offsetSize = sizeFor(at);
  const table: number[] = [];
  for (const off of offsets) uintBytes(table, off, offsetSize);
  const trailer: number[] = [0, 0, 0, 0, 0, 0, offsetSize, refSize];
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
