// Copied by dmspec from generator/runtime/plist/text.ts. Do not edit: change that file and run "npm run generate".
import { PlistError } from "./budget.js";
const CHUNK = 8192;
const BAD_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const codePoint = (code) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
function decodeText(bytes, encoding) {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new PlistError(`the XML is not valid ${encoding}`);
  }
}
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
function decodeBase64(text) {
  const digits = [];
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (c === 61) {
      if (++padding > 2) return void 0;
      continue;
    }
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0 || padding > 0) return void 0;
    digits.push(v);
  }
  const rest = digits.length % 4;
  if (rest === 1 || padding > 0 && rest !== 0 && (digits.length + padding) % 4 !== 0) return void 0;
  const out = new Uint8Array(Math.floor(digits.length / 4) * 3 + (rest === 0 ? 0 : rest - 1));
  let o = 0;
  for (let i = 0; i < digits.length; i += 4) {
    const n = digits[i] << 18 | (digits[i + 1] ?? 0) << 12 | (digits[i + 2] ?? 0) << 6 | (digits[i + 3] ?? 0);
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = n >> 8 & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
function encodeBase64(bytes) {
  const parts = [];
  let line = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = bytes[i] << 16 | (bytes[i + 1] ?? 0) << 8 | (bytes[i + 2] ?? 0);
    line += ALPHABET[n >> 18] + ALPHABET[n >> 12 & 63] + (i + 1 < bytes.length ? ALPHABET[n >> 6 & 63] : "=") + (i + 2 < bytes.length ? ALPHABET[n & 63] : "=");
    if (line.length >= CHUNK) {
      parts.push(line);
      line = "";
    }
  }
  parts.push(line);
  return parts.join("");
}
export {
  BAD_CHAR,
  codePoint,
  decodeBase64,
  decodeText,
  encodeBase64
};
