// Copied by dmspec from generator/runtime/validator/guard.ts. Do not edit: change that file and run "npm run generate".
import { NO_OPTIONS } from "./types.js";
function plainOptions(o) {
  return o === NO_OPTIONS || o.strict !== true && o.platform === void 0 && o.supervised === void 0 && o.enrollment === void 0;
}
export {
  plainOptions
};
