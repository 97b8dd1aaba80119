// Copied by dmspec from generator/runtime/validator/payload.ts. Do not edit: change that file and run "npm run generate".
/**
 * The keys every payload of a profile has (`PayloadDescription` … `PayloadVersion`), checked by
 * one function for all of them. Each payload's own code reads the seven values by their names
 * (a load V8 caches for that payload's dictionaries) and passes them here, so the loads stay
 * monomorphic while the checks are written once; the keys are constants here too, so a plain
 * dictionary's `!(key in OBJECT_PROTOTYPE)` still folds. The checks and their order are those a
 * payload's code would run for each key: optional strings, required strings, the payload type
 * `type`, version 1.
 */
import type { Dict } from './types.js';
import type { Run } from './run.js';
/** How many of the seven keys `v` has; `p` is `dictKind(v) === 1` (a plain dictionary). */
export declare function payloadKeys(r: Run, d: number, v: Dict, p: boolean, type: string, description: unknown, displayName: unknown, identifier: unknown, organization: unknown, payloadType: unknown, uuid: unknown, version: unknown): number;
