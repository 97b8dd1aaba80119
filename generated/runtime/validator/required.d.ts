// Copied by dmspec from generator/runtime/validator/required.ts. Do not edit: change that file and run "npm run generate".
/**
 * Requirements that hold in some conditions only: a key required in a user enrollment, on some
 * platforms, or when another key has a value. Generated code tests the conditions it can judge
 * with the options given; a condition it cannot judge (no `enrollment` given) requires nothing,
 * except that of a group of alternatives (`UDID` in a device enrollment, `EnrollmentID` in a user
 * enrollment) at least one is required whatever the enrollment.
 */
import type { Enrollment } from './types.js';
import type { Run } from './run.js';
/** The kind of enrollment the options name, as pages speak of it: Automated Device Enrollment is a device enrollment. */
export declare function enrollmentOf(enrollment: Enrollment | undefined): 'user' | 'device' | undefined;
/** A key required in the condition `why` ("in a user enrollment", "when FilterType is Plugin") is missing. */
export declare function missingWhen(r: Run, d: number, key: string, why: string): void;
/**
 * None of a group of keys of which one is required is present; `whys[i]` says when `keys[i]` is
 * required. A group that the options leave with one key is that key missing; a larger one is
 * reported on the dictionary.
 */
export declare function missingOneOf(r: Run, d: number, keys: readonly string[], whys: readonly string[]): void;
