// Copied by dmspec from generator/runtime/declarative/status-report.ts. Do not edit: change that file and run "npm run generate".
import { VALUE_LIMIT } from "../validator/run.js";
const isDict = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
function readStatusReport(report, validate, statusItems) {
  const names = new Set(statusItems);
  const prefixes = /* @__PURE__ */ new Set();
  for (const n of names) {
    const parts = n.split(".");
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join("."));
  }
  const result = validate(report);
  const out = { valid: result.valid, items: [], unknownItems: [], errors: [], issues: result.issues };
  if (!isDict(report)) return out;
  if (own(report, "FullReport") && typeof report["FullReport"] === "boolean") out.fullReport = report["FullReport"];
  const walk = (node, name, depth) => {
    for (const key of Object.keys(node)) {
      const here = name === "" ? key : `${name}.${key}`;
      const path = `StatusItems.${here}`;
      if (names.has(here)) {
        const under = `${path}.`;
        out.items.push({ name: here, path, value: node[key], issues: result.issues.filter((i) => i.path === path || i.path.startsWith(under)) });
      } else if (prefixes.has(here) && isDict(node[key]) && depth < 16) {
        walk(node[key], here, depth + 1);
      } else if (!prefixes.has(here)) {
        out.unknownItems.push(path);
      }
    }
  };
  if (own(report, "StatusItems") && isDict(report["StatusItems"])) walk(report["StatusItems"], "", 0);
  const errors = own(report, "Errors") ? report["Errors"] : void 0;
  if (Array.isArray(errors)) {
    const n = Math.min(errors.length, VALUE_LIMIT);
    for (let i = 0; i < n; i++) {
      if (!own(errors, String(i))) continue;
      const e = errors[i];
      const statusItem = isDict(e) && own(e, "StatusItem") ? e["StatusItem"] : void 0;
      out.errors.push({ statusItem, reasons: isDict(e) && own(e, "Reasons") ? e["Reasons"] : void 0, known: typeof statusItem === "string" && names.has(statusItem) });
    }
  }
  return out;
}
export {
  readStatusReport
};
