// Copied by dmspec from generator/runtime/declarative/set-check.ts. Do not edit: change that file and run "npm run generate".
import { predicateIssues } from "./predicate-check.js";
import { payloadValues } from "./set-facts.js";
const MANAGEMENT_PROPERTIES = "com.apple.management.properties";
const MISSING_REASON = {
  configuration: "Error.MissingConfigurations",
  asset: "Error.MissingAssets"
};
const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isDict = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function str(v, k) {
  const x = own(v, k) ? v[k] : void 0;
  return typeof x === "string" ? x : void 0;
}
function declarationCategory(type) {
  const m = /^com\.apple\.(activation|asset|configuration|management)\./.exec(type);
  return m ? m[1] : void 0;
}
function entry(value, index, registry, where) {
  if (!isDict(value)) return void 0;
  const type = str(value, "Type") ?? "";
  const payload = own(value, "Payload") && isDict(value["Payload"]) ? value["Payload"] : void 0;
  const e = { index, type, payload, facts: registry.declarationTypeFacts?.get(type), category: declarationCategory(type), where, referencedBy: [] };
  const identifier = str(value, "Identifier");
  if (identifier !== void 0) e.identifier = identifier;
  const token = str(value, "ServerToken");
  if (token !== void 0) e.token = token;
  return e;
}
function referencesKnown(e) {
  return e.facts !== void 0 && !e.facts.missing?.length;
}
function checkDeclarationSet(declarations, registry, options = {}) {
  const out = [];
  const add = (e, path, code, severity, message, extra = {}) => {
    out.push({ index: e.index, path, code, severity, message, ...extra });
  };
  const where = options.where ?? ((i) => `[${i}]`);
  const entries = declarations.flatMap((d, i) => entry(d, i, registry, where(i)) ?? []);
  const byId = /* @__PURE__ */ new Map();
  for (const e of entries) {
    if (e.identifier === void 0) continue;
    const first = byId.get(e.identifier);
    if (first === void 0) {
      byId.set(e.identifier, e);
      continue;
    }
    e.duplicate = true;
    const tokens = first.token !== void 0 && e.token !== void 0 ? ` (ServerToken ${JSON.stringify(first.token)} there, ${JSON.stringify(e.token)} here)` : "";
    add(e, "Identifier", "duplicate-declaration", "error", `Identifier ${JSON.stringify(e.identifier)} is also the identifier of ${first.where}${tokens}: the device keys declarations by Identifier, so the set cannot hold both`, { actual: e.identifier });
  }
  const reference = (e, ref, path, id) => {
    const target = byId.get(id);
    if (target === void 0) {
      const reason = MISSING_REASON[ref.category];
      add(e, path, "dangling-declaration-reference", "error", `names the ${ref.category} ${JSON.stringify(id)}, which no declaration of the set has${reason ? ` (the device reports ${reason})` : ""}`, { actual: id });
      return;
    }
    target.referencedBy.push(e);
    if (target.category !== void 0 && target.category !== ref.category) {
      add(e, path, "reference-wrong-kind", "error", `names ${JSON.stringify(id)}, a ${target.category} (${target.type} in ${target.where}), where its page (${ref.source}) asks for a ${ref.category}`, { expected: ref.category, actual: target.type });
    } else if (ref.types && target.category !== void 0 && !ref.types.includes(target.type)) {
      add(e, path, "reference-wrong-kind", "error", `names ${JSON.stringify(id)}, a ${target.type} (in ${target.where}), where its page (${ref.source}) asks for ${ref.types.join(" or ")}`, { expected: ref.types, actual: target.type });
    }
  };
  const statusItems = registry.objectsByStatusItem ? new Set(registry.objectsByStatusItem.keys()) : void 0;
  const properties = managementProperties(entries);
  for (const e of entries) {
    if (!e.facts || !e.payload) continue;
    for (const ref of e.facts.references ?? []) {
      for (const [path, value] of payloadValues(e.payload, ref.path)) if (typeof value === "string") reference(e, ref, `Payload.${path}`, value);
    }
    for (const at of e.facts.predicates ?? []) {
      for (const [path, value] of payloadValues(e.payload, at)) {
        if (typeof value === "string") for (const f of predicateIssues(value, statusItems, properties)) add(e, `Payload.${path}`, f.code, f.severity, f.message, { offset: f.offset, actual: value });
      }
    }
    if (statusItems) {
      for (const at of e.facts.statusItems ?? []) {
        for (const [path, value] of payloadValues(e.payload, at)) {
          if (typeof value === "string" && !statusItems.has(value)) add(e, `Payload.${path}`, "unknown-status-item", "warning", `${JSON.stringify(value)} is no status item the spec defines: the device reports nothing for it unless it knows the item`, { actual: value });
        }
      }
    }
  }
  unreferenced(entries, add);
  return out;
}
function unreferenced(entries, add) {
  const known = (category) => entries.some((e) => e.category === category) && entries.every((e) => e.category !== category || referencesKnown(e));
  const activationsKnown = known("activation");
  const configurationsKnown = known("configuration");
  for (const e of entries) {
    if (e.identifier === void 0 || e.duplicate) continue;
    if (e.category === "configuration" && activationsKnown && !e.referencedBy.some((r) => r.category === "activation")) {
      add(e, "Identifier", "not-activated", "warning", "no activation of the set names this configuration: the device keeps it but does not apply it (Info.NotReferencedByActivation)");
    } else if (e.category === "asset" && configurationsKnown && !e.referencedBy.some((r) => r.category === "configuration")) {
      add(e, "Identifier", "not-activated", "warning", "no configuration of the set references this asset: the device keeps it but does not use it (Info.NotReferencedByConfiguration)");
    }
  }
}
function managementProperties(entries) {
  return new Set(entries.flatMap((e) => e.type === MANAGEMENT_PROPERTIES && e.payload ? Object.keys(e.payload) : []));
}
export {
  MANAGEMENT_PROPERTIES,
  checkDeclarationSet,
  declarationCategory
};
