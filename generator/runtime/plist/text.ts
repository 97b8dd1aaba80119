/**
 * Text and data encodings the plist readers and writers need: strict UTF-8 and UTF-16 decoding
 * of XML bytes by the platform's `TextDecoder` in its fatal mode (a malformed sequence is an
 * error, never U+FFFD), the characters XML does not allow, and base64 both ways (written
 * out, so that its strictness is this module's own; see `decodeBase64`).
 */
import { PlistError } from './budget.js';

const CHUNK = 8192;

/** A character XML does not allow (an unpaired surrogate included). */
export const BAD_CHAR: RegExp = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A character's name in a message: `U+0000`. */
export const codePoint = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The platform's decoder (every browser and server runtime has one; the ES library types do not name it). */
declare const TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };

/**
 * XML bytes to a string, strictly: a malformed sequence (an overlong form, a lone surrogate, a
 * value past U+10FFFF, an odd UTF-16 length) is an error, never U+FFFD; a leading BOM is dropped.
 */
export function decodeText(bytes: Uint8Array, encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new PlistError(`the XML is not valid ${encoding}`);
  }
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
