/**
 * Requirements that hold in some conditions only: a key required in a user enrollment, on some
 * platforms, or when another key has a value. Generated code tests the conditions it can judge
 * with the options given; a condition it cannot judge (no `enrollment` given) requires nothing,
 * except that of a group of alternatives (`UDID` in a device enrollment, `EnrollmentID` in a user
 * enrollment) at least one is required whatever the enrollment.
 */
import type { Enrollment } from './types.js';
import { flag } from './report.js';
import type { Run } from './run.js';

/** The kind of enrollment the options name, as pages speak of it: Automated Device Enrollment is a device enrollment. */
export function enrollmentOf(enrollment: Enrollment | undefined): 'user' | 'device' | undefined {
  return enrollment === undefined ? undefined : enrollment === 'user' ? 'user' : 'device';
}

/** A key required in the condition `why` ("in a user enrollment", "when FilterType is Plugin") is missing. */
export function missingWhen(r: Run, d: number, key: string, why: string): void {
  flag(r, d, key, 'missing-required', why, undefined, key);
}

/**
 * None of a group of keys of which one is required is present; `whys[i]` says when `keys[i]` is
 * required. A group that the options leave with one key is that key missing; a larger one is
 * reported on the dictionary.
 */
export function missingOneOf(r: Run, d: number, keys: readonly string[], whys: readonly string[]): void {
  if (keys.length === 1) return missingWhen(r, d, keys[0]!, whys[0] ?? '');
  const note = keys.map((k, i) => (whys[i] ? `${k} ${whys[i]}` : '')).filter((w) => w !== '').join('; ');
  flag(r, d, undefined, 'missing-required', keys, undefined, note);
}
