// Copied by dmspec from generator/runtime/validator/response.ts. Do not edit: change that file and run "npm run generate".
import { NO_OPTIONS } from "./types.js";
import { result, run } from "./run.js";
import { wrongType } from "./report.js";
import { isDict, own } from "./values.js";
function carriesResult(value) {
  const status = isDict(value) && own(value, "Status") ? value["Status"] : void 0;
  return typeof status !== "string" || status === "Acknowledged";
}
function routeResponse(value, requestType, route, o = NO_OPTIONS) {
  if (!isDict(value)) return run((v, r, d) => wrongType(r, d, void 0, "dictionary", v), value, o);
  const validate = route.routes.get(requestType);
  if (!validate) {
    return result([{ path: "", code: "unknown-type", severity: "warning", message: `${JSON.stringify(requestType)} is not a request type the spec defines: the response is not checked`, actual: requestType }]);
  }
  const checked = validate(value, o);
  if (carriesResult(value)) return checked;
  const ofEnvelope = (i) => Array.isArray(i.expected) ? i.expected.every((k) => route.envelope.includes(String(k))) : route.envelope.includes(i.path);
  const sent = Object.keys(value);
  const inside = (path) => sent.some((k) => path.startsWith(`${k}.`) || path.startsWith(`${k}[`));
  const excused = (i) => i.code === "missing-required" && !ofEnvelope(i) && !inside(i.path);
  const issues = checked.issues.filter((i) => !excused(i));
  return issues.length === checked.issues.length ? checked : result(issues);
}
export {
  carriesResult,
  routeResponse
};
