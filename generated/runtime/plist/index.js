// Copied by dmspec from generator/runtime/plist/index.ts. Do not edit: change that file and run "npm run generate".
import { plistBudget, PlistError, raise } from "./budget.js";
import { isBinaryPlist, readBinaryPlist } from "./binary-reader.js";
import { decodeXml } from "./text.js";
import { readXmlPlist } from "./xml-reader.js";
import { DEFAULT_BUDGET_LIMITS, PlistError as PlistError2, PlistTimeoutError } from "./budget.js";
import { PlistPositions } from "./positions.js";
import { isPlistReal, PlistReal, plistReal, plistTypeOf } from "./values.js";
import { toXmlPlist } from "./xml-writer.js";
import { toBinaryPlist } from "./binary-writer.js";
function parsePlist(input, options = {}) {
  const budget = plistBudget(options);
  const safeOnly = options.safeIntegers === true;
  const isText = typeof input === "string";
  const binary = !isText && isBinaryPlist(input);
  try {
    budget[1](input.length, isText ? "characters" : "bytes");
    if (isText && input.startsWith("bplist00")) raise("a binary plist must be given as bytes, not as a string");
    if (input.length === 0) raise("the input is empty");
    return binary ? readBinaryPlist(input, budget, safeOnly) : readXmlPlist(isText ? input : decodeXml(input), budget, safeOnly);
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
