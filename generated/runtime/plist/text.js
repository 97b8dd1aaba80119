// Copied by dmspec from generator/runtime/plist/text.ts. Do not edit: change that file and run "npm run generate".
import { PlistError } from "./budget.js";
const CHUNK = 8192;
class Units {
  parts = [];
  buf = [];
  push(u) {
    this.buf.push(u);
    if (this.buf.length >= CHUNK) this.flush();
  }
  ascii(bytes, from, to) {
    this.flush();
    for (let i = from; i < to; i += CHUNK) this.parts.push(String.fromCharCode.apply(null, bytes.subarray(i, Math.min(to, i + CHUNK))));
  }
  flush() {
    if (this.buf.length) this.parts.push(String.fromCharCode.apply(null, this.buf));
    this.buf = [];
  }
  text() {
    this.flush();
    return this.parts.join("");
  }
}
function decodeUtf8(b) {
  const bad = () => {
    throw new PlistError("the XML is not valid UTF-8");
  };
  const out = new Units();
  let i = b[0] === 239 && b[1] === 187 && b[2] === 191 ? 3 : 0;
  const end = b.length;
  const cont = (at) => {
    const c = at < end ? b[at] : 0;
    if ((c & 192) !== 128) bad();
    return c & 63;
  };
  while (i < end) {
    let j = i;
    while (j < end && b[j] < 128) j++;
    if (j > i) {
      out.ascii(b, i, j);
      i = j;
      if (i >= end) break;
    }
    const c = b[i];
    let cp;
    if (c >= 194 && c <= 223) {
      cp = (c & 31) << 6 | cont(i + 1);
      i += 2;
    } else if (c >= 224 && c <= 239) {
      cp = (c & 15) << 12 | cont(i + 1) << 6 | cont(i + 2);
      if (cp < 2048 || cp >= 55296 && cp <= 57343) bad();
      i += 3;
    } else if (c >= 240 && c <= 244) {
      cp = (c & 7) << 18 | cont(i + 1) << 12 | cont(i + 2) << 6 | cont(i + 3);
      if (cp < 65536 || cp > 1114111) bad();
      i += 4;
    } else return bad();
    if (cp >= 65536) {
      out.push(55296 + (cp - 65536 >> 10));
      out.push(56320 + (cp - 65536 & 1023));
    } else out.push(cp);
  }
  return out.text();
}
function decodeUtf16(b, littleEndian) {
  const name = littleEndian ? "UTF-16LE" : "UTF-16BE";
  if (b.length % 2 !== 0) throw new PlistError(`the XML is not valid ${name}`);
  const unit = (i2) => littleEndian ? b[i2] | b[i2 + 1] << 8 : b[i2] << 8 | b[i2 + 1];
  const out = new Units();
  let i = b.length >= 2 && unit(0) === 65279 ? 2 : 0;
  for (; i < b.length; i += 2) {
    const u = unit(i);
    if (u >= 55296 && u <= 56319) {
      const next = i + 2 < b.length ? unit(i + 2) : 0;
      if (next < 56320 || next > 57343) throw new PlistError(`the XML is not valid ${name}`);
      out.push(u);
      out.push(next);
      i += 2;
    } else if (u >= 56320 && u <= 57343) throw new PlistError(`the XML is not valid ${name}`);
    else out.push(u);
  }
  return out.text();
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
  decodeBase64,
  decodeUtf16,
  decodeUtf8,
  encodeBase64
};
