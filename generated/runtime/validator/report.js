// Copied by dmspec from generator/runtime/validator/report.ts. Do not edit: change that file and run "npm run generate".
import { add, error, pathOf } from "./run.js";
import { own } from "./values.js";
import { compareVersions } from "./gated.js";
function wrongType(r, d, key, expected, actual) {
  error(r);
  if (!r.quick) add(r, pathOf(r, d, key), "wrong-type", "error", expected, actual, "");
}
function missingRequired(r, d, key) {
  error(r);
  if (!r.quick) add(r, pathOf(r, d, key), "missing-required", "error", void 0, void 0, key);
}
function missingKeys(r, d, v, required) {
  for (const key of required) if (!own(v, key) || v[key] === void 0) missingRequired(r, d, key);
}
function notAllowed(r, d, key, allowed, actual) {
  error(r);
  if (!r.quick) add(r, pathOf(r, d, key), "not-allowed", "error", allowed, actual, "");
}
function belowMinimum(r, d, key, minimum, actual) {
  error(r);
  if (!r.quick) add(r, pathOf(r, d, key), "below-minimum", "error", minimum, actual, "");
}
function aboveMaximum(r, d, key, maximum, actual) {
  error(r);
  if (!r.quick) add(r, pathOf(r, d, key), "above-maximum", "error", maximum, actual, "");
}
function unknownKey(r, d, v, key) {
  if (!own(v, key)) return;
  if (r.strict) error(r);
  if (!r.quick) add(r, pathOf(r, d, key), "unknown-key", r.strict ? "error" : "warning", void 0, void 0, key);
}
function deprecated(r, d, key, text, facts) {
  if (r.quick) return;
  const where = facts?.deprecatedIn;
  const platform = r.o.platform;
  if (where === void 0 || platform === void 0) return add(r, pathOf(r, d, key), "deprecated", "warning", void 0, void 0, text);
  const version = where[platform];
  const osVersion = r.o.osVersion;
  if (version === void 0 || osVersion !== void 0 && compareVersions(osVersion, version) < 0) return;
  add(r, pathOf(r, d, key), "deprecated", "warning", void 0, void 0, `deprecated in ${platform} ${version}${facts?.instead ? `: ${facts.instead}` : ""}`);
}
export {
  aboveMaximum,
  belowMinimum,
  deprecated,
  missingKeys,
  missingRequired,
  notAllowed,
  unknownKey,
  wrongType
};
