/**
 * What generated check functions call when a value is wrong: one reporter per finding code, its
 * severity from `severity.ts` (what a device does). Each reporter of an error counts it first; a
 * `quick` run (`is<Name>`) keeps nothing more.
 */
import type { Dict, IssueCode, KeyFacts } from './types.js';
import { add, DEPTH_LIMIT, error, pathOf, VALUE_LIMIT, type Run } from './run.js';
import { dictKind, own } from './values.js';
import { compareVersions } from './gated.js';
import { severityOf } from './severity.js';

/** Counts (when its severity is an error) and records one finding at `p[0..d)` + `key`. */
export function flag(r: Run, d: number, key: string | number | undefined, code: IssueCode, expected: unknown, actual: unknown, note: string, severity: 'error' | 'warning' = severityOf(code)): void {
  if (severity === 'error') error(r);
  if (!r.quick) add(r, pathOf(r, d, key), code, severity, expected, actual, note);
}

/** Stops the validation at a limit: one error, and every check function returns at its next step. */
function limitExceeded(r: Run, d: number, key: string | number | undefined, note: string): true {
  flag(r, d, key, 'limit-exceeded', undefined, undefined, note, 'error');
  r.halt = true;
  return true;
}

const TOO_MANY = `more than ${VALUE_LIMIT.toLocaleString('en-US')} values to check (a value shared many times, or a huge or sparse array): the rest is not checked`;

/**
 * Called by a check function as it enters a dictionary at depth `d`: true when it must not
 * (the validation has stopped, or this is past a limit, which it reports).
 */
export function enterValue(r: Run, d: number): boolean {
  if (r.halt) return true;
  if (d > DEPTH_LIMIT) return limitExceeded(r, d, undefined, `nested deeper than ${DEPTH_LIMIT} levels (a value that contains itself?): not checked`);
  if (++r.values > VALUE_LIMIT) return limitExceeded(r, d, undefined, TOO_MANY);
  return false;
}

/** Before a loop over `count` items or keys at `p[0..d)` + `key`: true when it may run. */
export function enterItems(r: Run, d: number, key: string | number | undefined, count: number): boolean {
  if (r.halt) return false;
  r.values += count;
  return r.values <= VALUE_LIMIT || !limitExceeded(r, d, key, TOO_MANY);
}

export function wrongType(r: Run, d: number, key: string | number | undefined, expected: string, actual: unknown): void {
  flag(r, d, key, 'wrong-type', expected, actual, '');
}

/**
 * `wrongType` for the commonest expected types: generated code calls these, so the label is
 * written once here rather than at every key.
 */
export function notString(r: Run, d: number, key: string | number | undefined, actual: unknown): void {
  wrongType(r, d, key, 'string', actual);
}

export function notBoolean(r: Run, d: number, key: string | number | undefined, actual: unknown): void {
  wrongType(r, d, key, 'boolean', actual);
}

export function notInteger(r: Run, d: number, key: string | number | undefined, actual: unknown): void {
  wrongType(r, d, key, 'integer', actual);
}

export function notDictionary(r: Run, d: number, key: string | number | undefined, actual: unknown): void {
  wrongType(r, d, key, 'dictionary', actual);
}

export function notStrings(r: Run, d: number, key: string | number | undefined, actual: unknown): void {
  wrongType(r, d, key, 'array of string', actual);
}

/** An array of strings with no allowed values at `p[0..d)` + `key`: each item checked, a wrong one reported at its index. */
export function stringItems(r: Run, d: number, key: string | number, x: unknown): void {
  if (!Array.isArray(x)) return wrongType(r, d, key, 'array of string', x);
  if (!enterItems(r, d, key, x.length)) return;
  r.p[d] = key;
  for (let i = 0; i < x.length; i++) {
    const item: unknown = x[i];
    if (typeof item !== 'string') wrongType(r, d + 1, i, 'string', item);
  }
}

/** An array of dictionaries of one object (`label` its type, `array of …`): each item checked by the object's `check`. */
export function dictItems(r: Run, d: number, key: string | number, x: unknown, check: (u: unknown, r: Run, d: number) => void, label: string): void {
  if (!Array.isArray(x)) return wrongType(r, d, key, label, x);
  if (!enterItems(r, d, key, x.length)) return;
  r.p[d] = key;
  for (let i = 0; i < x.length; i++) {
    r.p[d + 1] = i;
    check(x[i], r, d + 2);
  }
}

/**
 * A check function's start on value `u` at depth `d`: its `dictKind` (1 a plain dictionary, 2
 * another), or 0 when it is no dictionary (reported) or must not be entered (see `enterValue`).
 */
export function enterDict(u: unknown, r: Run, d: number): number {
  const c = dictKind(u);
  if (c === 0) {
    wrongType(r, d, undefined, 'dictionary', u);
    return 0;
  }
  return enterValue(r, d) ? 0 : c;
}

/**
 * When a check function found fewer of its keys in `v` than `v` has (`count`, which it counted
 * itself): reports each own key `keys` lacks (keys looked through count against the limit, so
 * one huge dictionary shared many times is bounded).
 */
export function unknownKeys(r: Run, d: number, v: Dict, count: number, keys: ReadonlyMap<string, number>): void {
  if (!enterItems(r, d, undefined, count)) return;
  for (const k in v) {
    const x = v[k];
    if (x === undefined || keys.has(k) || !own(v, k)) continue;
    unknownKey(r, d, v, k, keys);
  }
}

export function missingRequired(r: Run, d: number, key: string): void {
  flag(r, d, key, 'missing-required', undefined, undefined, key);
}

/** Reports each of `required` that `v` lacks: called only when fewer required keys were found than listed. */
export function missingKeys(r: Run, d: number, v: Dict, required: readonly string[]): void {
  for (const key of required) if (!own(v, key) || v[key] === undefined) missingRequired(r, d, key);
}

export function notAllowed(r: Run, d: number, key: string | number, allowed: readonly unknown[], actual: unknown): void {
  // A copy: generated code passes one list for every finding of a key (and keys that share it).
  flag(r, d, key, 'not-allowed', r.quick ? allowed : allowed.slice(), actual, '');
}

export function belowMinimum(r: Run, d: number, key: string | number, minimum: number, actual: unknown): void {
  flag(r, d, key, 'below-minimum', minimum, actual, '');
}

export function aboveMaximum(r: Run, d: number, key: string | number, maximum: number, actual: unknown): void {
  flag(r, d, key, 'above-maximum', maximum, actual, '');
}

/**
 * A key the dictionary's object does not list (a key `v` only inherits is not one of its keys).
 * `keys` are the object's keys: the message names the one the key most likely meant, worked out
 * only when the issue is read.
 */
export function unknownKey(r: Run, d: number, v: Dict, key: string, keys?: ReadonlyMap<string, number>): void {
  if (!own(v, key)) return;
  flag(r, d, key, 'unknown-key', keys, undefined, key, r.strict ? 'error' : severityOf('unknown-key'));
}

/**
 * A deprecated key. With `facts.deprecatedIn` (the version each platform deprecates it in) and a
 * platform, only that platform's deprecation counts, and only from its version on; without a
 * platform, `text` names every platform. Without `deprecatedIn` the key is deprecated everywhere.
 */
export function deprecated(r: Run, d: number, key: string, text: string, facts?: KeyFacts): void {
  if (r.quick) return;
  const where = facts?.deprecatedIn;
  const platform = r.o.platform;
  if (where === undefined || platform === undefined) return flag(r, d, key, 'deprecated', undefined, undefined, text);
  const version = where[platform];
  const osVersion = r.o.osVersion;
  if (version === undefined || (osVersion !== undefined && compareVersions(osVersion, version) < 0)) return;
  flag(r, d, key, 'deprecated', undefined, undefined, `deprecated in ${platform} ${version}${facts?.instead ? `: ${facts.instead}` : ''}`);
}
