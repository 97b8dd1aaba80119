// Copied by dmspec from generator/runtime/validator/payload.ts. Do not edit: change that file and run "npm run generate".
import { missingRequired, notAllowed, wrongType } from "./report.js";
import { isInteger, OBJECT_PROTOTYPE, own } from "./values.js";
function payloadKeys(r, d, v, p, type, description, displayName, identifier, organization, payloadType, uuid, version) {
  let n = 0;
  if (description !== void 0 && (p && !("PayloadDescription" in OBJECT_PROTOTYPE) || own(v, "PayloadDescription"))) {
    n++;
    if (typeof description !== "string") wrongType(r, d, "PayloadDescription", "string", description);
  }
  if (displayName !== void 0 && (p && !("PayloadDisplayName" in OBJECT_PROTOTYPE) || own(v, "PayloadDisplayName"))) {
    n++;
    if (typeof displayName !== "string") wrongType(r, d, "PayloadDisplayName", "string", displayName);
  }
  if (identifier === void 0 || !(p && !("PayloadIdentifier" in OBJECT_PROTOTYPE) || own(v, "PayloadIdentifier"))) missingRequired(r, d, "PayloadIdentifier");
  else {
    n++;
    if (typeof identifier !== "string") wrongType(r, d, "PayloadIdentifier", "string", identifier);
  }
  if (organization !== void 0 && (p && !("PayloadOrganization" in OBJECT_PROTOTYPE) || own(v, "PayloadOrganization"))) {
    n++;
    if (typeof organization !== "string") wrongType(r, d, "PayloadOrganization", "string", organization);
  }
  if (payloadType === void 0 || !(p && !("PayloadType" in OBJECT_PROTOTYPE) || own(v, "PayloadType"))) missingRequired(r, d, "PayloadType");
  else {
    n++;
    if (typeof payloadType !== "string") wrongType(r, d, "PayloadType", "string", payloadType);
    else if (payloadType !== type) notAllowed(r, d, "PayloadType", [type], payloadType);
  }
  if (uuid === void 0 || !(p && !("PayloadUUID" in OBJECT_PROTOTYPE) || own(v, "PayloadUUID"))) missingRequired(r, d, "PayloadUUID");
  else {
    n++;
    if (typeof uuid !== "string") wrongType(r, d, "PayloadUUID", "string", uuid);
  }
  if (version === void 0 || !(p && !("PayloadVersion" in OBJECT_PROTOTYPE) || own(v, "PayloadVersion"))) missingRequired(r, d, "PayloadVersion");
  else {
    n++;
    if (!isInteger(version)) wrongType(r, d, "PayloadVersion", "integer", version);
    else if (version !== 1) notAllowed(r, d, "PayloadVersion", [1], version);
  }
  return n;
}
export {
  payloadKeys
};
