// Copied by dmspec from generator/runtime/plist/text.ts. Do not edit: change that file and run "npm run generate".
/** UTF-8 to a string, strictly (no overlong forms, surrogates or values past U+10FFFF); a leading BOM is dropped. */
export declare function decodeUtf8(b: Uint8Array): string;
/** UTF-16 to a string, strictly (whole code units, surrogates paired); a leading BOM is dropped. */
export declare function decodeUtf16(b: Uint8Array, littleEndian: boolean): string;
/**
 * Strict base64: the alphabet and `=` padding at the end only (padding past complete groups is
 * ignored, as all readers ignore it), whitespace (line breaks every 68 characters in Apple's
 * writer) anywhere. CoreFoundation skips other characters; this reader
 * refuses them, as a reader that skips and one that stops would see different bytes.
 */
export declare function decodeBase64(text: string): Uint8Array | undefined;
/** Base64 with padding, in one line. */
export declare function encodeBase64(bytes: Uint8Array): string;
