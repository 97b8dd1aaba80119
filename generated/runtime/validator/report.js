// Copied by dmspec from generator/runtime/validator/report.ts. Do not edit: change that file and run "npm run generate".
import { add, DEPTH_LIMIT, error, pathOf, VALUE_LIMIT } from "./run.js";
import { dictKind, own } from "./values.js";
import { compareVersions } from "./gated.js";
import { severityOf } from "./severity.js";
function flag(r, d, key, code, expected, actual, note, severity = severityOf(code)) {
  if (severity === "error") error(r);
  if (!r.quick) add(r, pathOf(r, d, key), code, severity, expected, actual, note);
}
function limitExceeded(r, d, key, note) {
  flag(r, d, key, "limit-exceeded", void 0, void 0, note, "error");
  r.halt = true;
  return true;
}
const TOO_MANY = `more than ${VALUE_LIMIT.toLocaleString("en-US")} values to check (a value shared many times, or a huge or sparse array): the rest is not checked`;
function enterValue(r, d) {
  if (r.halt) return true;
  if (d > DEPTH_LIMIT) return limitExceeded(r, d, void 0, `nested deeper than ${DEPTH_LIMIT} levels (a value that contains itself?): not checked`);
  if (++r.values > VALUE_LIMIT) return limitExceeded(r, d, void 0, TOO_MANY);
  return false;
}
function enterItems(r, d, key, count) {
  if (r.halt) return false;
  r.values += count;
  return r.values <= VALUE_LIMIT || !limitExceeded(r, d, key, TOO_MANY);
}
function wrongType(r, d, key, expected, actual) {
  flag(r, d, key, "wrong-type", expected, actual, "");
}
function notString(r, d, key, actual) {
  wrongType(r, d, key, "string", actual);
}
function notBoolean(r, d, key, actual) {
  wrongType(r, d, key, "boolean", actual);
}
function notInteger(r, d, key, actual) {
  wrongType(r, d, key, "integer", actual);
}
function notDictionary(r, d, key, actual) {
  wrongType(r, d, key, "dictionary", actual);
}
function notStrings(r, d, key, actual) {
  wrongType(r, d, key, "array of string", actual);
}
function stringItems(r, d, key, x) {
  if (!Array.isArray(x)) return wrongType(r, d, key, "array of string", x);
  if (!enterItems(r, d, key, x.length)) return;
  r.p[d] = key;
  for (let i = 0; i < x.length; i++) {
    const item = x[i];
    if (typeof item !== "string") wrongType(r, d + 1, i, "string", item);
  }
}
function dictItems(r, d, key, x, check, label) {
  if (!Array.isArray(x)) return wrongType(r, d, key, label, x);
  if (!enterItems(r, d, key, x.length)) return;
  r.p[d] = key;
  for (let i = 0; i < x.length; i++) {
    r.p[d + 1] = i;
    check(x[i], r, d + 2);
  }
}
function enterDict(u, r, d) {
  const c = dictKind(u);
  if (c === 0) {
    wrongType(r, d, void 0, "dictionary", u);
    return 0;
  }
  return enterValue(r, d) ? 0 : c;
}
function unknownKeys(r, d, v, count, keys) {
  if (!enterItems(r, d, void 0, count)) return;
  for (const k in v) {
    const x = v[k];
    if (x === void 0 || keys.has(k) || !own(v, k)) continue;
    unknownKey(r, d, v, k, keys);
  }
}
function missingRequired(r, d, key) {
  flag(r, d, key, "missing-required", void 0, void 0, key);
}
function missingKeys(r, d, v, required) {
  for (const key of required) if (!own(v, key) || v[key] === void 0) missingRequired(r, d, key);
}
function notAllowed(r, d, key, allowed, actual) {
  flag(r, d, key, "not-allowed", r.quick ? allowed : allowed.slice(), actual, "");
}
function belowMinimum(r, d, key, minimum, actual) {
  flag(r, d, key, "below-minimum", minimum, actual, "");
}
function aboveMaximum(r, d, key, maximum, actual) {
  flag(r, d, key, "above-maximum", maximum, actual, "");
}
function unknownKey(r, d, v, key, keys) {
  if (!own(v, key)) return;
  flag(r, d, key, "unknown-key", keys, void 0, key, r.strict ? "error" : severityOf("unknown-key"));
}
function deprecated(r, d, key, text, facts) {
  if (r.quick) return;
  const where = facts?.deprecatedIn;
  const platform = r.o.platform;
  if (where === void 0 || platform === void 0) return flag(r, d, key, "deprecated", void 0, void 0, text);
  const version = where[platform];
  const osVersion = r.o.osVersion;
  if (version === void 0 || osVersion !== void 0 && compareVersions(osVersion, version) < 0) return;
  flag(r, d, key, "deprecated", void 0, void 0, `deprecated in ${platform} ${version}${facts?.instead ? `: ${facts.instead}` : ""}`);
}
export {
  aboveMaximum,
  belowMinimum,
  deprecated,
  dictItems,
  enterDict,
  enterItems,
  enterValue,
  flag,
  missingKeys,
  missingRequired,
  notAllowed,
  notBoolean,
  notDictionary,
  notInteger,
  notString,
  notStrings,
  stringItems,
  unknownKey,
  unknownKeys,
  wrongType
};
