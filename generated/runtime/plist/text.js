// Copied by dmspec from generator/runtime/plist/text.ts. Do not edit: change that file and run "npm run generate".
import { raise } from "./budget.js";
const NOT_XML = "\\0-\\b\\v\\f\\x0E-\\x1F\\uD800-\\uDFFF\\uFFFE\\uFFFF";
const BAD_CHAR = new RegExp(`[${NOT_XML}]`, "u");
const hexDigits = (n, width) => n.toString(16).padStart(width, "0");
const codePoint = (c) => `U+${hexDigits(c.charCodeAt(0), 4).toUpperCase()}`;
const decodeXml = (bytes) => {
  const head = bytes[0] * 256 + bytes[1];
  const encoding = head === 65279 || head === 60 ? "UTF-16BE" : head === 65534 || head === 15360 ? "UTF-16LE" : "UTF-8";
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return raise(`the XML is not valid ${encoding}`);
  }
};
const fromUnits = (units) => {
  let s = "";
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, i + 8192));
  return s;
};
const decodeBase64 = (text) => {
  const t = text.replace(/[ \t\n\r]+/g, "");
  const padding = /^[A-Za-z\d+/]*(={0,2})$/.exec(t)?.[1];
  if (padding == null) return void 0;
  const digits = t.length - padding.length;
  const rest = digits % 4;
  if (rest === 1 || padding && rest && t.length % 4) return void 0;
  const binary = atob(t.slice(0, digits));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < out.length; i++) out[i] = binary.charCodeAt(i);
  return out;
};
const encodeBase64 = (bytes) => {
  return btoa(fromUnits(bytes));
};
const isoSeconds = (d) => `${d.toISOString().slice(0, 19)}Z`;
export {
  BAD_CHAR,
  NOT_XML,
  codePoint,
  decodeBase64,
  decodeXml,
  encodeBase64,
  fromUnits,
  hexDigits,
  isoSeconds
};
