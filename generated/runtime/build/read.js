// Copied by dmspec from generator/runtime/build/read.ts. Do not edit: change that file and run "npm run generate".
import { parsePlist } from "../plist/index.js";
import { NO_OPTIONS } from "../validator/types.js";
import { isDict, own } from "../validator/values.js";
function stringAt(value, key) {
  const v = isDict(value) && own(value, key) ? value[key] : void 0;
  return typeof v === "string" ? v : void 0;
}
function envelopeOf(value) {
  const out = {};
  for (const key of ["CommandUUID", "Status", "UDID", "EnrollmentID"]) {
    const v = stringAt(value, key);
    if (v !== void 0) out[key] = v;
  }
  return out;
}
function readResponseWith(input, requestType, validate, options = NO_OPTIONS) {
  const doc = parsePlist(input, options.plist);
  const value = doc.value;
  const type = typeof requestType === "function" ? requestType(envelopeOf(value)) : requestType;
  const info = { value, format: doc.format, positions: doc.positions, status: stringAt(value, "Status") };
  if (type === void 0) {
    const uuid = stringAt(value, "CommandUUID");
    const message = uuid === void 0 ? "the response names no CommandUUID the server knows: not checked" : `no command is known by CommandUUID ${JSON.stringify(uuid)}: the response is not checked`;
    return { ...info, valid: false, requestType: void 0, issues: [{ path: "CommandUUID", code: "unknown-type", severity: "error", message, ...uuid === void 0 ? {} : { actual: uuid } }] };
  }
  const checked = validate(value, type, options);
  return { ...info, valid: checked.valid, requestType: type, issues: checked.issues };
}
function readCheckInWith(input, validate, known, options = NO_OPTIONS) {
  const doc = parsePlist(input, options.plist);
  const value = doc.value;
  const type = stringAt(value, "MessageType");
  const checked = validate(value, options);
  return { value, format: doc.format, positions: doc.positions, valid: checked.valid, messageType: type !== void 0 && known.has(type) ? type : void 0, issues: checked.issues };
}
export {
  readCheckInWith,
  readResponseWith
};
