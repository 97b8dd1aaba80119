// Copied by dmspec from generator/runtime/plist/index.ts. Do not edit: change that file and run "npm run generate".
import { plistBudget, PlistError, raise } from "./budget.js";
import { isBinaryPlist, readBinaryPlist } from "./binary-reader.js";
import { decodeText } from "./text.js";
import { readXmlPlist } from "./xml-reader.js";
import { DEFAULT_BUDGET_LIMITS, PlistError as PlistError2, PlistTimeoutError } from "./budget.js";
import { PlistPositions } from "./positions.js";
import { isPlistReal, PlistReal, plistReal, plistTypeOf } from "./values.js";
import { toXmlPlist } from "./xml-writer.js";
import { toBinaryPlist } from "./binary-writer.js";
function xmlText(bytes) {
  const head = bytes[0] * 256 + bytes[1];
  const be = head === 65279 || head === 60;
  const le = head === 65534 || head === 15360;
  return decodeText(bytes, be ? "UTF-16BE" : le ? "UTF-16LE" : "UTF-8");
}
function parsePlist(input, options = {}) {
  const deadline = options.deadline ?? (options.timeoutMs === void 0 ? Infinity : Date.now() + options.timeoutMs);
  const budget = plistBudget(options.limits, deadline, options.timeoutMs);
  const safeOnly = options.safeIntegers === true;
  const isText = typeof input === "string";
  const binary = !isText && isBinaryPlist(input);
  try {
    budget.input(input.length, isText ? "characters" : "bytes");
    if (isText && input.startsWith("bplist00")) raise("a binary plist must be given as bytes, not as a string");
    if (input.length === 0) raise("the input is empty");
    const read = binary ? readBinaryPlist(input, budget, safeOnly) : readXmlPlist(isText ? input : xmlText(input), budget, safeOnly);
    return { value: read.value, format: binary ? "binary" : "xml", positions: read.positions };
  } catch (e) {
    if (e instanceof RangeError) throw new PlistError(`the ${binary ? "binary plist" : "XML"} cannot be read (${e.message})`);
    throw e;
  }
}
export {
  DEFAULT_BUDGET_LIMITS,
  PlistError2 as PlistError,
  PlistPositions,
  PlistReal,
  PlistTimeoutError,
  isPlistReal,
  parsePlist,
  plistReal,
  plistTypeOf,
  toBinaryPlist,
  toXmlPlist
};
