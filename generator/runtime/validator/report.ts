/**
 * What generated check functions call when a value is wrong: one reporter per finding code. Each
 * reporter of an error counts it first; a `quick` run (`is<Name>`) keeps nothing more.
 */
import type { Dict, KeyFacts } from './types.js';
import { add, error, pathOf, type Run } from './run.js';
import { own } from './values.js';
import { compareVersions } from './gated.js';

export function wrongType(r: Run, d: number, key: string | number | undefined, expected: string, actual: unknown): void {
  error(r);
  if (!r.quick) add(r, pathOf(r, d, key), 'wrong-type', 'error', expected, actual, '');
}

export function missingRequired(r: Run, d: number, key: string): void {
  error(r);
  if (!r.quick) add(r, pathOf(r, d, key), 'missing-required', 'error', undefined, undefined, key);
}

/** Reports each of `required` that `v` lacks: called only when fewer required keys were found than listed. */
export function missingKeys(r: Run, d: number, v: Dict, required: readonly string[]): void {
  for (const key of required) if (!own(v, key) || v[key] === undefined) missingRequired(r, d, key);
}

export function notAllowed(r: Run, d: number, key: string | number, allowed: readonly unknown[], actual: unknown): void {
  error(r);
  if (!r.quick) add(r, pathOf(r, d, key), 'not-allowed', 'error', allowed, actual, '');
}

export function belowMinimum(r: Run, d: number, key: string | number, minimum: number, actual: unknown): void {
  error(r);
  if (!r.quick) add(r, pathOf(r, d, key), 'below-minimum', 'error', minimum, actual, '');
}

export function aboveMaximum(r: Run, d: number, key: string | number, maximum: number, actual: unknown): void {
  error(r);
  if (!r.quick) add(r, pathOf(r, d, key), 'above-maximum', 'error', maximum, actual, '');
}

/** A key the dictionary's object does not list (a key `v` only inherits is not one of its keys). */
export function unknownKey(r: Run, d: number, v: Dict, key: string): void {
  if (!own(v, key)) return;
  if (r.strict) error(r);
  if (!r.quick) add(r, pathOf(r, d, key), 'unknown-key', r.strict ? 'error' : 'warning', undefined, undefined, key);
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
  if (where === undefined || platform === undefined) return add(r, pathOf(r, d, key), 'deprecated', 'warning', undefined, undefined, text);
  const version = where[platform];
  const osVersion = r.o.osVersion;
  if (version === undefined || (osVersion !== undefined && compareVersions(osVersion, version) < 0)) return;
  add(r, pathOf(r, d, key), 'deprecated', 'warning', undefined, undefined, `deprecated in ${platform} ${version}${facts?.instead ? `: ${facts.instead}` : ''}`);
}
