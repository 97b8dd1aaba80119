/**
 * Text and data encodings the plist readers and writers need, written out because the package
 * depends on nothing (not even a platform's text decoder): strict UTF-8 and UTF-16
 * decoding of XML bytes (a malformed sequence is an error, never U+FFFD), and base64 both ways.
 */
import { PlistError } from './budget.js';

const CHUNK = 8192;

/** Joins char codes in chunks: `String.fromCharCode(...many)` would overflow the stack. */
class Units {
  private parts: string[] = [];
  private buf: number[] = [];
  push(u: number): void {
    this.buf.push(u);
    if (this.buf.length >= CHUNK) this.flush();
  }
  ascii(bytes: Uint8Array, from: number, to: number): void {
    this.flush();
    for (let i = from; i < to; i += CHUNK) this.parts.push(String.fromCharCode.apply(null, bytes.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[]));
  }
  flush(): void {
    if (this.buf.length) this.parts.push(String.fromCharCode.apply(null, this.buf));
    this.buf = [];
  }
  text(): string {
    this.flush();
    return this.parts.join('');
  }
}

/** UTF-8 to a string, strictly (no overlong forms, surrogates or values past U+10FFFF); a leading BOM is dropped. */
export function decodeUtf8(b: Uint8Array): string {
  const bad = (): never => {
    throw new PlistError('the XML is not valid UTF-8');
  };
  const out = new Units();
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const end = b.length;
  const cont = (at: number): number => {
    const c = at < end ? b[at]! : 0;
    if ((c & 0xc0) !== 0x80) bad();
    return c & 0x3f;
  };
  while (i < end) {
    let j = i;
    while (j < end && b[j]! < 0x80) j++;
    if (j > i) {
      out.ascii(b, i, j);
      i = j;
      if (i >= end) break;
    }
    const c = b[i]!;
    let cp: number;
    if (c >= 0xc2 && c <= 0xdf) {
      cp = ((c & 0x1f) << 6) | cont(i + 1);
      i += 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      cp = ((c & 0x0f) << 12) | (cont(i + 1) << 6) | cont(i + 2);
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) bad();
      i += 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      cp = ((c & 0x07) << 18) | (cont(i + 1) << 12) | (cont(i + 2) << 6) | cont(i + 3);
      if (cp < 0x10000 || cp > 0x10ffff) bad();
      i += 4;
    } else return bad();
    if (cp >= 0x10000) {
      out.push(0xd800 + ((cp - 0x10000) >> 10));
      out.push(0xdc00 + ((cp - 0x10000) & 0x3ff));
    } else out.push(cp);
  }
  return out.text();
}

/** UTF-16 to a string, strictly (whole code units, surrogates paired); a leading BOM is dropped. */
export function decodeUtf16(b: Uint8Array, littleEndian: boolean): string {
  const name = littleEndian ? 'UTF-16LE' : 'UTF-16BE';
  if (b.length % 2 !== 0) throw new PlistError(`the XML is not valid ${name}`);
  const unit = (i: number): number => (littleEndian ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!);
  const out = new Units();
  let i = b.length >= 2 && unit(0) === 0xfeff ? 2 : 0;
  for (; i < b.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 2 < b.length ? unit(i + 2) : 0;
      if (next < 0xdc00 || next > 0xdfff) throw new PlistError(`the XML is not valid ${name}`);
      out.push(u);
      out.push(next);
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) throw new PlistError(`the XML is not valid ${name}`);
    else out.push(u);
  }
  return out.text();
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/**
 * Strict base64: the alphabet and `=` padding at the end only (padding past complete groups is
 * ignored, as all readers ignore it), whitespace (line breaks every 68 characters in Apple's
 * writer) anywhere. CoreFoundation skips other characters; this reader
 * refuses them, as a reader that skips and one that stops would see different bytes.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const digits: number[] = [];
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c === 0x3d) {
      if (++padding > 2) return undefined;
      continue;
    }
    const v = c < 128 ? VALUE[c]! : -1;
    if (v < 0 || padding > 0) return undefined;
    digits.push(v);
  }
  const rest = digits.length % 4;
  // Padding after complete groups (`…w==` where `…w` ends a group, as Apple's own examples have it)
  // is ignored by CoreFoundation and every other decoder alike; padding inside a group must complete it.
  if (rest === 1 || (padding > 0 && rest !== 0 && (digits.length + padding) % 4 !== 0)) return undefined;
  const out = new Uint8Array(Math.floor(digits.length / 4) * 3 + (rest === 0 ? 0 : rest - 1));
  let o = 0;
  for (let i = 0; i < digits.length; i += 4) {
    const n = (digits[i]! << 18) | ((digits[i + 1] ?? 0) << 12) | ((digits[i + 2] ?? 0) << 6) | (digits[i + 3] ?? 0);
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}

/** Base64 with padding, in one line. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    line += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? ALPHABET[n & 63]! : '=');
    if (line.length >= CHUNK) {
      parts.push(line);
      line = '';
    }
  }
  parts.push(line);
  return parts.join('');
}
