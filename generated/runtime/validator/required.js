// Copied by dmspec from generator/runtime/validator/required.ts. Do not edit: change that file and run "npm run generate".
import { flag } from "./report.js";
function enrollmentOf(enrollment) {
  return enrollment === void 0 ? void 0 : enrollment === "user" ? "user" : "device";
}
function missingWhen(r, d, key, why) {
  flag(r, d, key, "missing-required", why, void 0, key);
}
function missingOneOf(r, d, keys, whys) {
  if (keys.length === 1) return missingWhen(r, d, keys[0], whys[0] ?? "");
  const note = keys.map((k, i) => whys[i] ? `${k} ${whys[i]}` : "").filter((w) => w !== "").join("; ");
  flag(r, d, void 0, "missing-required", keys, void 0, note);
}
export {
  enrollmentOf,
  missingOneOf,
  missingWhen
};
