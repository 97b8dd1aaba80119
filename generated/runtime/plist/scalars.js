// Copied by dmspec from generator/runtime/plist/scalars.ts. Do not edit: change that file and run "npm run generate".
import { quoted, raise as fail } from "./budget.js";
import { decodeBase64, isoSeconds } from "./text.js";
import { INTEGER_MAX, INTEGER_MIN, PlistReal, SAFE_MAX } from "./values.js";
const INTEGER = /^([+-]?)(0[xX][\da-fA-F]+|\d+)$/;
const REAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_REAL = /^([+-]?)(?:(nan)|inf(?:inity)?)$/i;
const exactInteger = (n, safeOnly) => {
  if (n <= SAFE_MAX && n >= -SAFE_MAX) return Number(n);
  if (safeOnly || n < INTEGER_MIN || n > INTEGER_MAX) fail(`the integer ${n} ${safeOnly ? "cannot be checked exactly (beyond \xB12^53); it was not rounded" : "is outside the 64-bit range property lists hold"}`);
  return n;
};
const readScalar = (tag, text, safeOnly) => {
  if (tag === "string") return text;
  if (tag === "data") return decodeBase64(text) ?? fail("<data> is not valid base64");
  const t = text.trim();
  let why = "";
  if (tag === "integer") {
    const m = INTEGER.exec(t);
    if (m) {
      const n = BigInt(m[2]);
      return exactInteger(m[1] === "-" ? -n : n, safeOnly);
    }
  } else if (tag === "real") {
    const special = SPECIAL_REAL.exec(t);
    if (special) return special[2] ? NaN : special[1] === "-" ? -Infinity : Infinity;
    if (REAL.test(t)) {
      const n = Number(t);
      return Number.isInteger(n) ? new PlistReal(n) : n;
    }
  } else if (tag === "date") {
    const d = new Date(t);
    if (!isNaN(+d) && isoSeconds(d) === t) return d;
    why = ", not a date as YYYY-MM-DDTHH:MM:SSZ (UTC)";
  } else {
    if (!t) return tag === "true";
    why = "; it must be empty";
  }
  return fail(`<${tag}> holds ${quoted(t)}${why}`);
};
export {
  exactInteger,
  readScalar
};
