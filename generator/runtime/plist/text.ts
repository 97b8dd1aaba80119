/**
 * Text and data encodings the plist readers and writers need: strict UTF-8 and UTF-16 decoding
 * of XML bytes by the platform's `TextDecoder` in its fatal mode (a malformed sequence is an
 * error, never U+FFFD), the characters XML does not allow, and base64 both ways by the
 * platform's `atob` and `btoa`, the strictness of what is decoded checked here first (see
 * `decodeBase64`).
 */
import { raise } from './budget.js';

/**
 * The characters XML does not allow, for a regular expression's class with the `u` flag (under
 * which a surrogate pair is one character, so only an unpaired surrogate is in the range):
 * `\0-\b` is U+0000 to U+0008, `\v` U+000B, `\f` U+000C.
 */
export const NOT_XML = '\\0-\\b\\v\\f\\x0E-\\x1F\\uD800-\\uDFFF\\uFFFE\\uFFFF';

/** A character XML does not allow (an unpaired surrogate included). */
export const BAD_CHAR: RegExp = new RegExp(`[${NOT_XML}]`, 'u');

/** Hexadecimal digits of `n`, at least `width` of them. */
export const hexDigits = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** The name in a message of the character (the UTF-16 code unit) that `c` starts with: `U+0000`. */
export const codePoint = (c: string): string => `U+${hexDigits(c.charCodeAt(0), 4).toUpperCase()}`;

/** The platform's decoder (every browser and server runtime has one; the ES library types do not name it). */
declare const TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };

/**
 * XML bytes to a string: UTF-16 when a BOM or the zero bytes around the first `<` say so, else
 * UTF-8. Strictly: a malformed sequence (an overlong form, a lone surrogate, a value past U+10FFFF,
 * an odd UTF-16 length) is an error, never U+FFFD; a leading BOM is dropped.
 */
export const decodeXml = (bytes: Uint8Array): string => {
  // The first two bytes as one number (NaN for a single byte).
  const head = bytes[0]! * 256 + bytes[1]!;
  const encoding = head === 0xfeff || head === 0x003c ? 'UTF-16BE' : head === 0xfffe || head === 0x3c00 ? 'UTF-16LE' : 'UTF-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return raise(`the XML is not valid ${encoding}`);
  }
};

/** The platform's base64 (every browser and server runtime has it; the ES library types do not name it). */
declare function atob(text: string): string;
declare function btoa(binary: string): string;

/** Code units to a string, in chunks (a spread of a million arguments would overflow the stack). */
export const fromUnits = (units: Uint8Array | Uint16Array): string => {
  let s = '';
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  return s;
};

/**
 * Strict base64: the alphabet and `=` padding at the end only (padding past complete groups is
 * ignored, as all readers ignore it), whitespace (line breaks every 68 characters in Apple's
 * writer) anywhere. CoreFoundation skips other characters; this reader refuses them, as a reader
 * that skips and one that stops would see different bytes. What passes is decoded by `atob`.
 */
export const decodeBase64 = (text: string): Uint8Array | undefined => {
  const t = text.replace(/[ \t\n\r]+/g, '');
  const padding = /^[A-Za-z\d+/]*(={0,2})$/.exec(t)?.[1];
  if (padding == null) return undefined;
  const digits = t.length - padding.length;
  const rest = digits % 4;
  // Padding after complete groups (`…w==` where `…w` ends a group, as Apple's own examples have it)
  // is ignored by CoreFoundation and every other decoder alike; padding inside a group must complete it.
  if (rest === 1 || (padding && rest && t.length % 4)) return undefined;
  const binary = atob(t.slice(0, digits));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < out.length; i++) out[i] = binary.charCodeAt(i);
  return out;
};

/** Base64 with padding, in one line. */
export const encodeBase64 = (bytes: Uint8Array): string => {
  return btoa(fromUnits(bytes));
};

/**
 * A date as XML plists hold it, `YYYY-MM-DDTHH:MM:SSZ` in UTC, as CoreFoundation's parseDateTag
 * reads it (no offset, no fraction); for the years 0 to 9999, which have four digits.
 */
export const isoSeconds = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;
