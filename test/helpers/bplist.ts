/**
 * Binary plists built object by object, for files no writer would make: shared references,
 * cycles, deep nesting, wide integers, duplicate keys. Layout as in CFBinaryPList.c: "bplist00",
 * the objects, an offset table (4-byte offsets) and a 32-byte trailer.
 */

const u8 = (...b: number[]): Uint8Array => new Uint8Array(b);
const cat = (head: number[], body: Uint8Array): Uint8Array => new Uint8Array([...head, ...body]);

function withLength(high: number, n: number): number[] {
  if (n < 15) return [(high << 4) | n];
  return [(high << 4) | 0xf, 0x12, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function refBytes(ref: number, size: number): number[] {
  const out: number[] = [];
  for (let i = size - 1; i >= 0; i--) out.push((ref / 256 ** i) & 0xff);
  return out;
}

/** Object encoders; refs are written with `refSize` bytes (set the same in `bplist`). */
export const bp = {
  ascii: (s: string): Uint8Array => cat(withLength(0x5, s.length), Buffer.from(s, 'latin1')),
  utf16: (s: string): Uint8Array => u8(...withLength(0x6, s.length), ...[...s].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])),
  /** An integer of 2^nibble bytes, big-endian, from a bigint. */
  int: (n: bigint, nibble = 3): Uint8Array => {
    const size = 1 << nibble;
    const bytes: number[] = [];
    let v = BigInt.asUintN(size * 8, n);
    for (let i = 0; i < size; i++) { bytes.unshift(Number(v & 0xffn)); v >>= 8n; }
    return u8(0x10 | nibble, ...bytes);
  },
  bool: (b: boolean): Uint8Array => u8(b ? 0x09 : 0x08),
  array: (refs: readonly number[], refSize = 1): Uint8Array => u8(...withLength(0xa, refs.length), ...refs.flatMap((r) => refBytes(r, refSize))),
  dict: (keys: readonly number[], values: readonly number[], refSize = 1): Uint8Array =>
    u8(...withLength(0xd, keys.length), ...keys.flatMap((r) => refBytes(r, refSize)), ...values.flatMap((r) => refBytes(r, refSize))),
};

/** A whole file from its objects; `top` is the root's index. */
export function bplist(objects: readonly Uint8Array[], top = 0, refSize = 1): Uint8Array {
  const parts: number[] = [...Buffer.from('bplist00')];
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(parts.length);
    for (const b of o) parts.push(b);
  }
  const tableAt = parts.length;
  for (const off of offsets) parts.push(...refBytes(off, 4));
  const trailer = new Uint8Array(32);
  const view = new DataView(trailer.buffer);
  trailer[6] = 4;
  trailer[7] = refSize;
  view.setBigUint64(8, BigInt(objects.length));
  view.setBigUint64(16, BigInt(top));
  view.setBigUint64(24, BigInt(tableAt));
  const out = new Uint8Array(parts.length + 32);
  out.set(parts);
  out.set(trailer, parts.length);
  return out;
}

/** Arrays `levels` deep, each holding `width` references to the next: width^levels values from a few hundred bytes. */
export function referenceBomb(levels: number, width: number): Uint8Array {
  const objects: Uint8Array[] = [];
  for (let i = 0; i < levels; i++) objects.push(bp.array(Array(width).fill(i + 1)));
  objects.push(bp.bool(true));
  return bplist(objects);
}

/** Arrays nested `depth` deep, each holding the next. */
export function deepBinary(depth: number): Uint8Array {
  const objects: Uint8Array[] = [];
  for (let i = 0; i < depth; i++) objects.push(bp.array([i + 1], 2));
  objects.push(bp.bool(true));
  return bplist(objects, 0, 2);
}
