// Copied by dmspec from generator/runtime/validator/run.ts. Do not edit: change that file and run "npm run generate".
import { NO_OPTIONS } from "./types.js";
import { closest } from "./suggest.js";
import { describeValue, shown } from "./values.js";
class Run {
  o = NO_OPTIONS;
  strict = false;
  /** An option-dependent check is asked for (`platform`, `supervised` or `enrollment` given): the one flag generated code tests. */
  gated = false;
  /** Only the verdict is wanted (`is<Name>`): count errors, build no issue. */
  quick = false;
  errors = 0;
  /** The verdict is settled: check functions return at their next key. */
  halt = false;
  found = null;
  p = [];
  /** Values entered so far (dictionaries, array items, keys looked through): bounded by `VALUE_LIMIT`. */
  values = 0;
}
const DEPTH_LIMIT = 100;
const VALUE_LIMIT = 1e6;
let shared = -1;
function sharedBudget(f) {
  const outer = shared;
  if (outer < 0) shared = 0;
  try {
    return f();
  } finally {
    if (outer < 0) shared = -1;
  }
}
function budgetSpent() {
  return shared > VALUE_LIMIT;
}
class Finding {
  constructor(path, code, severity, expected, actual, note) {
    this.path = path;
    this.code = code;
    this.severity = severity;
    this.expected = expected;
    this.actual = actual;
    this.note = note;
  }
  path;
  code;
  severity;
  expected;
  actual;
  note;
}
function issueOf(f) {
  const { path, code, severity, expected, actual } = f;
  switch (code) {
    case "wrong-type":
      return { path, code, severity, message: `expected ${String(expected)}, got ${describeValue(actual)}`, expected, actual: shown(actual) };
    case "not-allowed":
      return { path, code, severity, message: `${describeValue(actual)} is not one of ${expected.map((a) => JSON.stringify(a)).join(", ")}`, expected, actual: shown(actual) };
    case "below-minimum":
      return { path, code, severity, message: `${describeValue(actual)} is below the minimum ${String(expected)}`, expected, actual: shown(actual) };
    case "above-maximum":
      return { path, code, severity, message: `${describeValue(actual)} is above the maximum ${String(expected)}`, expected, actual: shown(actual) };
    case "missing-required":
      if (Array.isArray(expected)) return { path, code, severity, message: `one of ${expected.join(", ")} is required${f.note ? ` (${f.note})` : ""}`, expected };
      return { path, code, severity, message: `the required key ${f.note} is missing${typeof expected === "string" && expected !== "" ? ` (required ${expected})` : ""}` };
    case "unknown-key": {
      const likely = expected instanceof Map ? closest(f.note, expected.keys()) : void 0;
      return likely === void 0 ? { path, code, severity, message: `${f.note} is not a key of this dictionary` } : { path, code, severity, message: `${f.note} is not a key of this dictionary; did you mean ${likely}?`, expected: likely };
    }
    case "unavailable-on-platform":
      return { path, code, severity, message: f.note, expected, actual };
    default:
      return { path, code, severity, message: f.note };
  }
}
class Findings {
  constructor(valid, found) {
    this.valid = valid;
    this.#found = found;
  }
  valid;
  #found;
  #issues;
  get issues() {
    return this.#issues ??= this.#found.map(issueOf);
  }
  set issues(issues) {
    this.#issues = issues;
  }
  toJSON() {
    return { valid: this.valid, issues: this.issues };
  }
}
let spare = null;
function begin(o, quick) {
  const r = spare ?? new Run();
  spare = null;
  r.o = o;
  r.strict = o.strict === true;
  r.gated = o.platform !== void 0 || o.supervised !== void 0 || o.enrollment !== void 0;
  r.quick = quick;
  r.errors = 0;
  r.halt = false;
  r.found = null;
  r.values = shared < 0 ? 0 : shared;
  return r;
}
const EMPTY = Object.freeze([]);
const VALID = Object.freeze({ valid: true, issues: EMPTY });
function finish(r) {
  const found = r.found;
  const valid = r.errors === 0;
  r.found = null;
  r.o = NO_OPTIONS;
  if (shared >= 0) shared = r.values;
  spare = r;
  return found === null ? VALID : new Findings(valid, found);
}
function verdict(r) {
  const valid = r.errors === 0;
  r.o = NO_OPTIONS;
  if (shared >= 0) shared = r.values;
  spare = r;
  return valid;
}
function run(check, value, options) {
  const r = begin(options, false);
  check(value, r, 0);
  return finish(r);
}
function test(check, value, options) {
  const r = begin(options, true);
  check(value, r, 0);
  return verdict(r);
}
function result(issues) {
  if (issues.length === 0) return VALID;
  let valid = true;
  for (const i of issues) if (i.severity === "error") valid = false;
  return { valid, issues };
}
function at(path, key) {
  return path === "" ? key : `${path}.${key}`;
}
function step(path, key) {
  return typeof key === "number" ? `${path}[${key}]` : at(path, key);
}
function pathOf(r, d, key) {
  let s = "";
  for (let i = 0; i < d; i++) s = step(s, r.p[i]);
  return key === void 0 ? s : step(s, key);
}
function error(r) {
  r.errors++;
  r.halt = r.quick;
}
function add(r, path, code, severity, expected, actual, note) {
  const f = new Finding(path, code, severity, expected, actual, note);
  if (r.found === null) r.found = [f];
  else r.found.push(f);
}
export {
  DEPTH_LIMIT,
  Run,
  VALID,
  VALUE_LIMIT,
  add,
  at,
  begin,
  budgetSpent,
  error,
  finish,
  pathOf,
  result,
  run,
  sharedBudget,
  test,
  verdict
};
