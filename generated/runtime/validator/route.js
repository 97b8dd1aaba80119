// Copied by dmspec from generator/runtime/validator/route.ts. Do not edit: change that file and run "npm run generate".
import { at, budgetSpent, result, run, sharedBudget, VALUE_LIMIT } from "./run.js";
import { missingRequired, wrongType } from "./report.js";
import { isDict, own } from "./values.js";
import { severityOf } from "./severity.js";
import { closest } from "./suggest.js";
function nest(issues, prefix, inner) {
  for (const i of inner) {
    const path = prefix === "" ? i.path : i.path === "" ? prefix : i.path.startsWith("[") ? prefix + i.path : `${prefix}.${i.path}`;
    issues.push(path === i.path ? i : { ...i, path });
  }
}
function routeProfile(value, top, byType, common, o) {
  return sharedBudget(() => profileIssues(value, top, byType, common, o));
}
function profileIssues(value, top, byType, common, o) {
  const issues = [];
  nest(issues, "", top(value, o).issues);
  const content = isDict(value) && own(value, "PayloadContent") ? value["PayloadContent"] : void 0;
  if (!Array.isArray(content) || content.length > VALUE_LIMIT) return result(issues);
  for (let i = 0; i < content.length; i++) {
    if (budgetSpent()) {
      issues.push({ path: `PayloadContent[${i}]`, code: "limit-exceeded", severity: "error", message: `the value limit was reached: payloads ${i} to ${content.length - 1} are not checked` });
      break;
    }
    const item = content[i];
    if (!isDict(item)) continue;
    const type = own(item, "PayloadType") ? item["PayloadType"] : void 0;
    const validate = typeof type === "string" ? byType.get(type) : void 0;
    if (validate) {
      nest(issues, `PayloadContent[${i}]`, validate(item, o).issues);
      continue;
    }
    nest(issues, `PayloadContent[${i}]`, common(item, o).issues.filter((x) => x.code !== "unknown-key"));
    const likely = typeof type === "string" ? closest(type, byType.keys()) : void 0;
    if (likely) issues.push({ path: `PayloadContent[${i}].PayloadType`, code: "unknown-type", severity: severityOf("unknown-type", "payload"), message: `${JSON.stringify(type)} is not a payload type the spec defines; did you mean ${likely}? The payload is not checked`, expected: likely, actual: type });
  }
  return result(issues);
}
function routeDocument(value, route, o) {
  return sharedBudget(() => documentIssues(value, route, o));
}
function documentIssues(value, route, o) {
  const issues = [];
  if (!isDict(value)) return run((v, r, d) => wrongType(r, d, void 0, "dictionary", v), value, o);
  if (route.envelope) nest(issues, "", route.envelope(value, o).issues);
  const holder = route.under === void 0 ? value : own(value, route.under) ? value[route.under] : void 0;
  const where = route.under === void 0 ? "" : route.under;
  if (route.under !== void 0 && !isDict(holder)) {
    if (!route.envelope) issues.push(...run((v, r) => v === void 0 ? missingRequired(r, 0, where) : wrongType(r, 0, where, "dictionary", v), holder, o).issues);
    return result(issues);
  }
  const kind = isDict(holder) && own(holder, route.key) ? holder[route.key] : void 0;
  if (typeof kind !== "string") {
    if (!route.envelope) {
      const found = run((v, r) => {
        if (where !== "") r.p[0] = where;
        const d = where === "" ? 0 : 1;
        if (v === void 0) missingRequired(r, d, route.key);
        else wrongType(r, d, route.key, "string", v);
      }, kind, o);
      issues.push(...found.issues);
    }
    return result(issues);
  }
  const validate = route.routes.get(kind);
  if (!validate) {
    const likely = closest(kind, route.routes.keys());
    const guess = likely === void 0 ? ": not checked" : `; did you mean ${likely}? Not checked`;
    issues.push({ path: at(where, route.key), code: "unknown-type", severity: "warning", message: `${JSON.stringify(kind)} is not a ${route.what} the spec defines${guess}`, ...likely === void 0 ? {} : { expected: likely }, actual: kind });
    return result(issues);
  }
  if (route.inside === void 0) nest(issues, "", validate(value, o).issues);
  else if (own(value, route.inside)) {
    const inner = value[route.inside];
    if (isDict(inner) || !route.envelope) nest(issues, route.inside, validate(inner, o).issues);
  }
  return result(issues);
}
export {
  routeDocument,
  routeProfile
};
