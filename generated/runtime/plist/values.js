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
  return type === "string" || type === "boolean" ? type : type === "bigint" ? "integer" : type === "number" ? Number.isInteger(v) && !Object.is(v, -0) ? "integer" : "real" : type !== "object" || v === null ? void 0 : Array.isArray(v) ? "array" : v instanceof Date ? "date" : v instanceof Uint8Array ? "data" : isPlistReal(v) ? "real" : [null, Object.prototype].includes(Object.getPrototypeOf(v)) ? "dict" : void 0;
}
const appearsTwice = (key, where) => `${key} appears twice in one dictionary (${where}); readers disagree on which value counts`;
const INTEGER_MIN = -(2n ** 63n);
const INTEGER_MAX = 2n ** 64n - 1n;
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);
const WRITE_MAX_DEPTH = 64;
const unwritable = (path, why) => {
  throw new TypeError(`${path || "the value"}: ${why}`);
};
const pathTo = (path, key) => {
  return typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;
};
const entriesToWrite = (dict) => (
  // The default sort compares UTF-16 code units; each value is read once, in that order.
  Object.keys(dict).sort().map((key) => [key, dict[key]]).filter((entry) => entry[1] !== void 0)
);
const APPLE_EPOCH_MS = Date.UTC(2001, 0, 1);
export {
  APPLE_EPOCH_MS,
  INTEGER_MAX,
  INTEGER_MIN,
  PlistReal,
  SAFE_MAX,
  WRITE_MAX_DEPTH,
  appearsTwice,
  entriesToWrite,
  isPlistReal,
  pathTo,
  plistReal,
  plistTypeOf,
  unwritable
};
