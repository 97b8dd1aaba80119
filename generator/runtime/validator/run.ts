/**
 * One validation is one `Run`: where it is (a stack of keys, written only when the check
 * descends) and what it found. Runs are pooled and a finding is recorded only when something is
 * wrong, so a payload with no finding allocates nothing; the issues of a result, with their
 * messages, are built when `result.issues` is first read.
 */
import { NO_OPTIONS, type IssueCode, type ValidateOptions, type ValidationIssue, type ValidationResult } from './types.js';
import { closest } from './suggest.js';
import { describeValue, shown } from './values.js';

/**
 * The state of one validation. `p[0..d)` is the path of the value a check function is at:
 * generated code writes a key into `p[d]` just before it descends, and a path string is joined
 * only when an issue is reported.
 */
export class Run {
  o: ValidateOptions = NO_OPTIONS;
  strict = false;
  /** An option-dependent check is asked for (`platform`, `supervised` or `enrollment` given): the one flag generated code tests. */
  gated = false;
  /** Only the verdict is wanted (`is<Name>`): count errors, build no issue. */
  quick = false;
  errors = 0;
  /** The verdict is settled: check functions return at their next key. */
  halt = false;
  found: Finding[] | null = null;
  p: Array<string | number> = [];
  /** Values entered so far (dictionaries, array items, keys looked through): bounded by `VALUE_LIMIT`. */
  values = 0;
}

/**
 * How far a validation goes into a value of unknown origin. A property list nests at most 64
 * levels and holds at most 100,000 values as `parsePlist` reads it; a JavaScript value can
 * contain itself, share one array a million times or be a sparse array of length 2^32 - 1. Past
 * either limit the check stops with one `limit-exceeded` error, in time linear in the limit.
 */
export const DEPTH_LIMIT = 100;
export const VALUE_LIMIT = 1_000_000;

// Values already entered by an enclosing composite validation (a profile's payloads), or -1.
let shared = -1;

/**
 * Runs `f` with one value budget for every validation it starts, so a document routed part by
 * part (a profile's payloads) is bounded as a whole, not per part.
 */
export function sharedBudget<T>(f: () => T): T {
  const outer = shared;
  if (outer < 0) shared = 0;
  try {
    return f();
  } finally {
    if (outer < 0) shared = -1;
  }
}

/** True once a shared budget is spent: later parts are not checked. */
export function budgetSpent(): boolean {
  return shared > VALUE_LIMIT;
}

/**
 * What a check found, as cheaply as it can be kept: the raw value, no message. `note` is the key
 * of a missing or unknown key, or the sentence of a deprecation or availability finding.
 */
class Finding {
  constructor(
    readonly path: string,
    readonly code: IssueCode,
    readonly severity: 'error' | 'warning',
    readonly expected: unknown,
    readonly actual: unknown,
    readonly note: string,
  ) {}
}

/** The public issue of a finding, its message built now. */
function issueOf(f: Finding): ValidationIssue {
  const { path, code, severity, expected, actual } = f;
  switch (code) {
    case 'wrong-type':
      return { path, code, severity, message: `expected ${String(expected)}, got ${describeValue(actual)}`, expected, actual: shown(actual) };
    case 'not-allowed':
      return { path, code, severity, message: `${describeValue(actual)} is not one of ${(expected as readonly unknown[]).map((a) => JSON.stringify(a)).join(', ')}`, expected, actual: shown(actual) };
    case 'below-minimum':
      return { path, code, severity, message: `${describeValue(actual)} is below the minimum ${String(expected)}`, expected, actual: shown(actual) };
    case 'above-maximum':
      return { path, code, severity, message: `${describeValue(actual)} is above the maximum ${String(expected)}`, expected, actual: shown(actual) };
    case 'missing-required':
      // One of several keys (`expected` lists them), or a key required in a condition (`expected` says which).
      if (Array.isArray(expected)) return { path, code, severity, message: `one of ${expected.join(', ')} is required${f.note ? ` (${f.note})` : ''}`, expected };
      return { path, code, severity, message: `the required key ${f.note} is missing${typeof expected === 'string' && expected !== '' ? ` (required ${expected})` : ''}` };
    case 'unknown-key': {
      const likely = expected instanceof Map ? closest(f.note, (expected as ReadonlyMap<string, number>).keys()) : undefined;
      return likely === undefined
        ? { path, code, severity, message: `${f.note} is not a key of this dictionary` }
        : { path, code, severity, message: `${f.note} is not a key of this dictionary; did you mean ${likely}?`, expected: likely };
    }
    case 'unavailable-on-platform':
      return { path, code, severity, message: f.note, expected, actual };
    default:
      return { path, code, severity, message: f.note };
  }
}

/**
 * The result of a validation with findings. `issues` is built from them on first read (and is
 * then an ordinary array); `JSON.stringify` sees `{ valid, issues }`.
 */
class Findings implements ValidationResult {
  #found: readonly Finding[];
  #issues: ValidationIssue[] | undefined;
  constructor(readonly valid: boolean, found: readonly Finding[]) {
    this.#found = found;
  }
  get issues(): ValidationIssue[] {
    return (this.#issues ??= this.#found.map(issueOf));
  }
  set issues(issues: ValidationIssue[]) {
    this.#issues = issues;
  }
  toJSON(): { valid: boolean; issues: ValidationIssue[] } {
    return { valid: this.valid, issues: this.issues };
  }
}

// One spare run: a validation takes it and gives it back, so a call allocates none. A nested call
// (a getter in the data that validates) finds no spare and makes its own.
let spare: Run | null = null;

/** Starts a validation. */
export function begin(o: ValidateOptions, quick: boolean): Run {
  const r = spare ?? new Run();
  spare = null;
  r.o = o;
  r.strict = o.strict === true;
  r.gated = o.platform !== undefined || o.supervised !== undefined || o.enrollment !== undefined;
  r.quick = quick;
  r.errors = 0;
  r.halt = false;
  r.found = null;
  r.values = shared < 0 ? 0 : shared;
  return r;
}

const EMPTY: ValidationIssue[] = Object.freeze([]) as unknown as ValidationIssue[];

/** The result of a validation with no finding: one shared, frozen object. */
export const VALID: ValidationResult = Object.freeze({ valid: true, issues: EMPTY });

/** Ends a validation: its result. */
export function finish(r: Run): ValidationResult {
  const found = r.found;
  const valid = r.errors === 0;
  r.found = null;
  r.o = NO_OPTIONS;
  if (shared >= 0) shared = r.values;
  spare = r;
  return found === null ? VALID : new Findings(valid, found);
}

/** Ends a validation run for its verdict alone. */
export function verdict(r: Run): boolean {
  const valid = r.errors === 0;
  r.o = NO_OPTIONS;
  if (shared >= 0) shared = r.values;
  spare = r;
  return valid;
}

/** `validate<Name>` of a check function. */
export function run(check: (v: unknown, r: Run, d: number) => void, value: unknown, options: ValidateOptions): ValidationResult {
  const r = begin(options, false);
  check(value, r, 0);
  return finish(r);
}

/** `is<Name>` of a check function. */
export function test(check: (v: unknown, r: Run, d: number) => void, value: unknown, options: ValidateOptions): boolean {
  const r = begin(options, true);
  check(value, r, 0);
  return verdict(r);
}

/** A result from issues made elsewhere: valid unless one is an error. */
export function result(issues: ValidationIssue[]): ValidationResult {
  if (issues.length === 0) return VALID;
  let valid = true;
  for (const i of issues) if (i.severity === 'error') valid = false;
  return { valid, issues };
}

export function at(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function step(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : at(path, key);
}

/** The path of `p[0..d)`, then `key` when one is given. */
export function pathOf(r: Run, d: number, key: string | number | undefined): string {
  let s = '';
  for (let i = 0; i < d; i++) s = step(s, r.p[i]!);
  return key === undefined ? s : step(s, key);
}

/** Counts an error; in a `quick` run that settles the verdict, and check functions stop. */
export function error(r: Run): void {
  r.errors++;
  r.halt = r.quick;
}

/** Records a finding. */
export function add(r: Run, path: string, code: IssueCode, severity: 'error' | 'warning', expected: unknown, actual: unknown, note: string): void {
  const f = new Finding(path, code, severity, expected, actual, note);
  if (r.found === null) r.found = [f];
  else r.found.push(f);
}
