// Copied by dmspec from generator/runtime/validator/gated.ts. Do not edit: change that file and run "npm run generate".
/**
 * The checks that depend on options: a key's availability on the target platform and version,
 * and the device's situation (supervision, User Enrollment). Generated code calls `gated` only
 * when a run asks for them, so a validation without these options never looks at the facts.
 */
import type { KeyFacts, Platform, PlatformAvailability } from './types.js';
import { type Run } from './run.js';
/**
 * A key's availability from the compact text generated validators hold (half the size of the
 * object literal): platforms in the page's order, separated by `,`, each its name followed by
 * `:introduced`, `-removed`, `~availableThrough`, `!` (not available) or `+` (available).
 * `iOS:7,macOS:10.9-12` is `{ iOS: { introduced: '7' }, macOS: { introduced: '10.9', removed: '12' } }`.
 */
export declare function availabilityOf(text: string): Partial<Record<Platform, PlatformAvailability>>;
/** A key's facts that state its availability alone (`availabilityOf`'s text), and whether the page's list of platforms is exhaustive. */
export declare function availabilityFacts(text: string, exhaustive?: boolean): KeyFacts;
/** Compares dotted versions numerically: `14` equals `14.0`, `10.15` is above `10.9`. */
export declare function compareVersions(a: string, b: string): number;
/**
 * The checks that depend on options, for one key: generated code calls it only when `r.gated`.
 * Availability needs `platform`, and `osVersion` for versions; where the page's list of platforms
 * is `exhaustive`, a platform it omits does not have the key, otherwise an omitted platform is not
 * judged. The device's situation needs `supervised` or `enrollment`.
 */
export declare function gated(r: Run, d: number, key: string, facts: KeyFacts): void;
