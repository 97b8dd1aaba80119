// Copied by dmspec from generator/runtime/plist/text.ts. Do not edit: change that file and run "npm run generate".
/**
 * The characters XML does not allow, for a regular expression's class with the `u` flag (under
 * which a surrogate pair is one character, so only an unpaired surrogate is in the range):
 * `\0-\b` is U+0000 to U+0008, `\v` U+000B, `\f` U+000C.
 */
export declare const NOT_XML = "\\0-\\b\\v\\f\\x0E-\\x1F\\uD800-\\uDFFF\\uFFFE\\uFFFF";
/** A character XML does not allow (an unpaired surrogate included). */
export declare const BAD_CHAR: RegExp;
/** Hexadecimal digits of `n`, at least `width` of them. */
export declare const hexDigits: (n: number, width: number) => string;
/** The name in a message of the character (the UTF-16 code unit) that `c` starts with: `U+0000`. */
export declare const codePoint: (c: string) => string;
/**
 * XML bytes to a string: UTF-16 when a BOM or the zero bytes around the first `<` say so, else
 * UTF-8. Strictly: a malformed sequence (an overlong form, a lone surrogate, a value past U+10FFFF,
 * an odd UTF-16 length) is an error, never U+FFFD; a leading BOM is dropped.
 */
export declare const decodeXml: (bytes: Uint8Array) => string;
/** Code units to a string, in chunks (a spread of a million arguments would overflow the stack). */
export declare const fromUnits: (units: Uint8Array | Uint16Array) => string;
/**
 * Strict base64: the alphabet and `=` padding at the end only (padding past complete groups is
 * ignored, as all readers ignore it), whitespace (line breaks every 68 characters in Apple's
 * writer) anywhere. CoreFoundation skips other characters; this reader refuses them, as a reader
 * that skips and one that stops would see different bytes. What passes is decoded by `atob`.
 */
export declare const decodeBase64: (text: string) => Uint8Array | undefined;
/** Base64 with padding, in one line. */
export declare const encodeBase64: (bytes: Uint8Array) => string;
/**
 * A date as XML plists hold it, `YYYY-MM-DDTHH:MM:SSZ` in UTC, as CoreFoundation's parseDateTag
 * reads it (no offset, no fraction); for the years 0 to 9999, which have four digits.
 */
export declare const isoSeconds: (d: Date) => string;
