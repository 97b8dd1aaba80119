// Copied by dmspec from generator/runtime/plist/scalars.ts. Do not edit: change that file and run "npm run generate".
import { PlistError, quoted } from "./budget.js";
import { decodeBase64, isoSeconds } from "./text.js";
import { INTEGER_MAX, INTEGER_MIN, PlistReal } from "./values.js";
const INTEGER = /^[+-]?(?:0[xX][0-9a-fA-F]+|[0-9]+)$/;
const REAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const SPECIAL_REAL = /^([+-]?)(?:(nan)|inf(?:inity)?)$/i;
const fail = (message) => {
  throw new PlistError(message);
};
const holds = (tag, t, why = "") => fail(`<${tag}> holds ${quoted(t)}${why}`);
function exactInteger(n, safeOnly) {
  if (n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER)) return Number(n);
  if (safeOnly) throw new PlistError(`the integer ${n} cannot be checked exactly (beyond \xB12^53); it was not rounded`);
  if (n < INTEGER_MIN || n > INTEGER_MAX) throw new PlistError(`the integer ${n} is outside the 64-bit range property lists hold`);
  return n;
}
function integer(t, safeOnly) {
  if (!INTEGER.test(t)) holds("integer", t);
  const n = BigInt(t.replace(/^[+-]/, ""));
  return exactInteger(t.startsWith("-") ? -n : n, safeOnly);
}
function real(t) {
  const special = SPECIAL_REAL.exec(t);
  if (special) return special[2] ? NaN : special[1] === "-" ? -Infinity : Infinity;
  if (!REAL.test(t)) holds("real", t);
  const n = Number(t);
  return Number.isInteger(n) ? new PlistReal(n) : n;
}
function date(t) {
  const d = new Date(t);
  if (Number.isNaN(d.getTime()) || isoSeconds(d) !== t) holds("date", t, ", not a date as YYYY-MM-DDTHH:MM:SSZ (UTC)");
  return d;
}
function readScalar(tag, text, safeOnly) {
  if (tag === "string") return text;
  if (tag === "data") return decodeBase64(text) ?? fail("<data> is not valid base64");
  const t = text.trim();
  switch (tag) {
    case "integer":
      return integer(t, safeOnly);
    case "real":
      return real(t);
    case "true":
    case "false":
      if (t !== "") holds(tag, t, "; it must be empty");
      return tag === "true";
    case "date":
      return date(t);
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
