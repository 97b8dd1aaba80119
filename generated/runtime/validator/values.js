// Copied by dmspec from generator/runtime/validator/values.ts. Do not edit: change that file and run "npm run generate".
import { isPlistReal } from "../plist/values.js";
const hasOwn = Object.prototype.hasOwnProperty;
function own(v, key) {
  return hasOwn.call(v, key);
}
function isDict(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array) && !isPlistReal(v);
}
const OBJECT_PROTOTYPE = Object.prototype;
const protoOf = Object.getPrototypeOf;
function dictKind(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return 0;
  const p = protoOf(v);
  if (p === OBJECT_PROTOTYPE || p === null) return isPlistReal(v) ? 0 : 1;
  return v instanceof Date || v instanceof Uint8Array || isPlistReal(v) ? 0 : 2;
}
function isTaggedReal(v) {
  return isPlistReal(v);
}
function isInteger(v) {
  return typeof v === "number" && Number.isInteger(v) || typeof v === "bigint";
}
function isReal(v) {
  return typeof v === "number" || typeof v === "bigint" || isPlistReal(v);
}
function numberOf(v) {
  return isPlistReal(v) ? v.value : v;
}
function describeValue(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (v instanceof Date) return "date";
  if (v instanceof Uint8Array) return "data";
  if (isPlistReal(v)) return `real ${v.toString()}`;
  switch (typeof v) {
    case "string":
      return `string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}\u2026` : v)}`;
    case "number":
      return Number.isInteger(v) ? `integer ${v}` : `real ${v}`;
    case "bigint":
      return `integer ${v}`;
    case "boolean":
      return `boolean ${v}`;
    case "object":
      return "dictionary";
    default:
      return typeof v;
  }
}
function shown(v) {
  if (isPlistReal(v)) return v.value;
  if (typeof v === "bigint") return String(v);
  return typeof v === "object" && v !== null && !(v instanceof Date) ? describeValue(v) : v;
}
function keyIndex(names, payload = false) {
  const keys = /* @__PURE__ */ new Map();
  for (let i = 0; i < names.length; i++) keys.set(names[i], i);
  if (payload) for (const name of PAYLOAD_KEYS) keys.set(name, keys.size);
  return keys;
}
const PAYLOAD_KEYS = ["PayloadDescription", "PayloadDisplayName", "PayloadIdentifier", "PayloadOrganization", "PayloadType", "PayloadUUID", "PayloadVersion"];
export {
  OBJECT_PROTOTYPE,
  PAYLOAD_KEYS,
  describeValue,
  dictKind,
  isDict,
  isInteger,
  isReal,
  isTaggedReal,
  keyIndex,
  numberOf,
  own,
  shown
};
