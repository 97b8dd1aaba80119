// Copied by dmspec from generator/runtime/plist/scalars.ts. Do not edit: change that file and run "npm run generate".
import { PlistError, quoted } from "./budget.js";
import { decodeBase64 } from "./text.js";
import { INTEGER_MAX, INTEGER_MIN, PlistReal } from "./values.js";
const INTEGER = /^[+-]?(?:0[xX][0-9a-fA-F]+|[0-9]+)$/;
const REAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const SPECIAL_REALS = /* @__PURE__ */ new Map([
  ["nan", NaN],
  ["+nan", NaN],
  ["-nan", NaN],
  ["inf", Infinity],
  ["+inf", Infinity],
  ["-inf", -Infinity],
  ["infinity", Infinity],
  ["+infinity", Infinity],
  ["-infinity", -Infinity]
]);
const DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
function exactInteger(n, safeOnly) {
  if (n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER)) return Number(n);
  if (safeOnly) throw new PlistError(`the integer ${n} cannot be checked exactly (beyond \xB12^53); it was not rounded`);
  if (n < INTEGER_MIN || n > INTEGER_MAX) throw new PlistError(`the integer ${n} is outside the 64-bit range property lists hold`);
  return n;
}
function integer(text, where, safeOnly) {
  const t = text.trim();
  if (!INTEGER.test(t)) throw new PlistError(`${where()}: <integer> holds ${quoted(t)}`);
  const negative = t.startsWith("-");
  const n = BigInt(t.replace(/^[+-]/, ""));
  try {
    return exactInteger(negative ? -n : n, safeOnly);
  } catch (e) {
    throw new PlistError(`${where()}: ${e.message}`);
  }
}
function real(text, where) {
  const t = text.trim();
  const special = SPECIAL_REALS.get(t.toLowerCase());
  if (special !== void 0) return special;
  if (!REAL.test(t)) throw new PlistError(`${where()}: <real> holds ${quoted(t)}`);
  const n = Number(t);
  return Number.isInteger(n) ? new PlistReal(n) : n;
}
function daysIn(year, month) {
  const d = /* @__PURE__ */ new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}
function date(text, where) {
  const t = text.trim();
  const m = DATE.exec(t);
  const [y, mo, d, h, mi, s] = (m ?? []).slice(1).map(Number);
  if (!m || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) {
    throw new PlistError(`${where()}: <date> holds ${quoted(t)}, not a date as YYYY-MM-DDTHH:MM:SSZ (UTC)`);
  }
  const out = /* @__PURE__ */ new Date(0);
  out.setUTCFullYear(y, mo - 1, d);
  out.setUTCHours(h, mi, s, 0);
  return out;
}
function readScalar(tag, text, where, safeOnly) {
  switch (tag) {
    case "string":
      return text;
    case "integer":
      return integer(text, where, safeOnly);
    case "real":
      return real(text, where);
    case "true":
    case "false":
      if (text.trim() !== "") throw new PlistError(`${where()}: <${tag}> holds ${quoted(text.trim())}; it must be empty`);
      return tag === "true";
    case "date":
      return date(text, where);
    case "data": {
      const bytes = decodeBase64(text);
      if (bytes === void 0) throw new PlistError(`${where()}: <data> is not valid base64`);
      return bytes;
    }
    default: {
      const never = tag;
      return never;
    }
  }
}
export {
  exactInteger,
  readScalar
};
