// Copied by dmspec from generator/runtime/plist/values.ts. Do not edit: change that file and run "npm run generate".
const BRAND = /* @__PURE__ */ Symbol.for("@dmspec/apple/plist.real");
class PlistReal {
  constructor(value) {
    if (typeof value !== "number") throw new TypeError(`a PlistReal holds a number, not ${typeof value}`);
    this.value = value;
    Object.defineProperty(this, BRAND, { __proto__: null, value: true });
    Object.freeze(this);
  }
  /** The number, so comparisons (`real < 10`) see it. */
  valueOf() {
    return this.value;
  }
  toJSON() {
    return this.value;
  }
  toString() {
    return Object.is(this.value, -0) ? "-0" : String(this.value);
  }
}
function isPlistReal(v) {
  return typeof v === "object" && v !== null && BRAND in v && Object.hasOwn(v, BRAND) && typeof v.value === "number";
}
function plistReal(value) {
  return Number.isInteger(value) ? new PlistReal(value) : value;
}
function plistTypeOf(v) {
  const type = typeof v;
  if (type === "string" || type === "boolean") return type;
  if (type === "bigint") return "integer";
  if (type === "number") return Number.isInteger(v) && !Object.is(v, -0) ? "integer" : "real";
  if (type !== "object" || v === null) return void 0;
  if (Array.isArray(v)) return "array";
  if (v instanceof Date) return "date";
  if (v instanceof Uint8Array) return "data";
  if (isPlistReal(v)) return "real";
  return isPlainObject(v) ? "dict" : void 0;
}
function isPlainObject(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype;
}
function dictOf(entries, twice) {
  const dict = Object.fromEntries(entries);
  if (Object.keys(dict).length !== entries.length) {
    const seen = /* @__PURE__ */ new Map();
    entries.forEach(([key], i) => seen.has(key) ? twice(key, seen.get(key), i) : seen.set(key, i));
  }
  return dict;
}
const appearsTwice = (key, where) => `${key} appears twice in one dictionary (${where}); readers disagree on which value counts`;
const INTEGER_MIN = -(2n ** 63n);
const INTEGER_MAX = 2n ** 64n - 1n;
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);
const WRITE_MAX_DEPTH = 64;
function unwritable(path, why) {
  throw new TypeError(`${path === "" ? "the value" : path}: ${why}`);
}
function pathTo(path, key) {
  return typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;
}
function entriesToWrite(dict) {
  const out = [];
  for (const key of Object.keys(dict).sort()) {
    const v = dict[key];
    if (v !== void 0) out.push([key, v]);
  }
  return out;
}
const APPLE_EPOCH_MS = Date.UTC(2001, 0, 1);
export {
  APPLE_EPOCH_MS,
  INTEGER_MAX,
  INTEGER_MIN,
  PlistReal,
  SAFE_MAX,
  WRITE_MAX_DEPTH,
  appearsTwice,
  dictOf,
  entriesToWrite,
  isPlainObject,
  isPlistReal,
  pathTo,
  plistReal,
  plistTypeOf,
  unwritable
};
