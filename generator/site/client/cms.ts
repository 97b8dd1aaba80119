/**
 * Opens a signed profile (a CMS SignedData envelope, DER or BER) to the content it carries, in
 * the browser. The signature is not verified here: the page says so. Every length is checked
 * against the bytes, nesting is bounded, and anything that is not the expected shape is an error.
 */
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const MAX_DEPTH = 40;

interface Tlv {
  tag: number;
  constructed: boolean;
  /** Content start and end (exclusive); for indefinite lengths, the end before the end-of-contents. */
  start: number;
  end: number;
  /** Where the next element starts. */
  next: number;
}

export class EnvelopeError extends Error {}

function readTlv(b: Uint8Array, at: number, limit: number, depth: number): Tlv {
  if (depth > MAX_DEPTH) throw new EnvelopeError(`the signed envelope nests deeper than ${MAX_DEPTH} levels`);
  if (at + 2 > limit) throw new EnvelopeError('the signed envelope is truncated');
  const tag = b[at]!;
  if ((tag & 0x1f) === 0x1f) throw new EnvelopeError('the signed envelope uses a multi-byte tag');
  const constructed = (tag & 0x20) !== 0;
  let i = at + 1;
  const first = b[i++]!;
  if (first === 0x80) {
    if (!constructed) throw new EnvelopeError('an indefinite length on a primitive element');
    // Indefinite length (BER): children up to an end-of-contents (00 00).
    let j = i;
    while (true) {
      if (j + 2 > limit) throw new EnvelopeError('the signed envelope is truncated');
      if (b[j] === 0 && b[j + 1] === 0) return { tag, constructed, start: i, end: j, next: j + 2 };
      j = readTlv(b, j, limit, depth + 1).next;
    }
  }
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4 || i + n > limit) throw new EnvelopeError('the signed envelope has an impossible length');
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + b[i++]!;
  }
  if (i + length > limit) throw new EnvelopeError('the signed envelope is truncated');
  return { tag, constructed, start: i, end: i + length, next: i + length };
}

function children(b: Uint8Array, t: Tlv, depth: number): Tlv[] {
  const out: Tlv[] = [];
  for (let at = t.start; at < t.end; ) {
    const c = readTlv(b, at, t.end, depth + 1);
    out.push(c);
    at = c.next;
  }
  return out;
}

function oid(b: Uint8Array, t: Tlv): string {
  const bytes = b.subarray(t.start, t.end);
  if (!bytes.length) return '';
  const parts = [Math.floor(bytes[0]! / 40), bytes[0]! % 40];
  let v = 0;
  for (const x of bytes.subarray(1)) {
    v = v * 128 + (x & 0x7f);
    if (!(x & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** An OCTET STRING's bytes, joining the chunks of a constructed (BER) one. */
function octets(b: Uint8Array, t: Tlv, depth: number): Uint8Array {
  if (!t.constructed) return b.subarray(t.start, t.end);
  const parts = children(b, t, depth).map((c) => octets(b, c, depth + 1));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Whether the bytes look like a CMS envelope (a DER SEQUENCE), not a plist or JSON. */
export function looksSigned(b: Uint8Array): boolean {
  return b.length > 2 && b[0] === 0x30;
}

/** The content of a SignedData envelope. */
export function openEnvelope(b: Uint8Array): Uint8Array {
  const info = readTlv(b, 0, b.length, 0);
  const [type, wrapped] = children(b, info, 0);
  if (!type || type.tag !== 0x06 || oid(b, type) !== SIGNED_DATA || !wrapped || wrapped.tag !== 0xa0) throw new EnvelopeError('not a CMS SignedData envelope');
  const [signedData] = children(b, wrapped, 1);
  if (!signedData || signedData.tag !== 0x30) throw new EnvelopeError('not a CMS SignedData envelope');
  const encap = children(b, signedData, 2)[2];
  if (!encap || encap.tag !== 0x30) throw new EnvelopeError('the envelope has no content');
  const [, explicit] = children(b, encap, 3);
  if (!explicit || explicit.tag !== 0xa0) throw new EnvelopeError('the envelope carries no content (a detached signature)');
  const [content] = children(b, explicit, 4);
  if (!content || (content.tag & 0x1f) !== 0x04) throw new EnvelopeError('the envelope content is not an OCTET STRING');
  return octets(b, content, 5);
}
