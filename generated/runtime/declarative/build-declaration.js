// Copied by dmspec from generator/runtime/declarative/build-declaration.ts. Do not edit: change that file and run "npm run generate".
import { nameUuid } from "../uuid/name-uuid.js";
const MAX_DEPTH = 64;
const isDict = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function canonicalJson(value) {
  const seen = /* @__PURE__ */ new Set();
  const write = (v, depth, at) => {
    if (depth > MAX_DEPTH) throw new TypeError(`${at || "the value"} is nested more than ${MAX_DEPTH} levels deep`);
    if (v === null || typeof v === "boolean" || typeof v === "string") return JSON.stringify(v);
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new TypeError(`${at || "the value"} is ${v}, which JSON cannot hold`);
      return JSON.stringify(v);
    }
    if (typeof v !== "object") throw new TypeError(`${at || "the value"} is a ${typeof v}, which JSON cannot hold`);
    const proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) throw new TypeError(`${at || "the value"} is a ${v.constructor?.name ?? "object"}, which a declaration's JSON cannot hold`);
    if (seen.has(v)) throw new TypeError(`${at || "the value"} contains itself`);
    seen.add(v);
    let out;
    if (Array.isArray(v)) {
      out = `[${Array.from({ length: v.length }, (_, i) => write(v[i], depth + 1, `${at}[${i}]`)).join(",")}]`;
    } else {
      const keys = Object.keys(v).sort();
      const parts = [];
      for (const k of keys) {
        const x = v[k];
        if (x !== void 0) parts.push(`${JSON.stringify(k)}:${write(x, depth + 1, at === "" ? k : `${at}.${k}`)}`);
      }
      out = `{${parts.join(",")}}`;
    }
    seen.delete(v);
    return out;
  };
  return write(value, 0, "");
}
function copy(from) {
  const out = {};
  for (const key of Object.keys(from)) Object.defineProperty(out, key, { value: from[key], enumerable: true, writable: true, configurable: true });
  return out;
}
function optionalString(options, key) {
  const v = options[key];
  if (v === void 0) return void 0;
  if (typeof v !== "string" || v === "") throw new TypeError(`createDeclaration's ${key} must be a non-empty string`);
  return v;
}
function buildDeclaration(type, payload = {}, options = {}) {
  if (typeof type !== "string" || type === "") throw new TypeError("createDeclaration needs the declaration's Type (a string)");
  if (!isDict(payload)) throw new TypeError("createDeclaration takes the declaration's Payload as a dictionary");
  if (!isDict(options)) throw new TypeError("createDeclaration's options must be a dictionary");
  const Payload = copy(payload);
  const body = canonicalJson(Payload);
  const seed = optionalString(options, "seed");
  const Identifier = optionalString(options, "Identifier") ?? nameUuid(seed !== void 0 ? `declaration/${seed}` : `declaration/${JSON.stringify(type)}/${body}`);
  const ServerToken = optionalString(options, "ServerToken") ?? nameUuid(`server-token/${JSON.stringify(type)}/${JSON.stringify(Identifier)}/${body}`);
  return { Type: type, Identifier, ServerToken, Payload };
}
export {
  buildDeclaration,
  canonicalJson
};
