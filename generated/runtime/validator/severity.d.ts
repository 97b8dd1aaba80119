// Copied by dmspec from generator/runtime/validator/severity.ts. Do not edit: change that file and run "npm run generate".
/**
 * A finding's severity follows what a device does with the document: where it refuses to install
 * the profile (or the payload), the finding is an error; where it installs it and ignores the key
 * or value, a warning. One table says it per finding code, and where a key and a whole payload
 * type differ (a key the platform lacks is ignored; a payload type it lacks is refused), per
 * scope. Every reporter of the runtime takes its severity from here.
 */
import type { IssueCode } from './types.js';
/** What a device does with a document that has the finding. */
export type DeviceAction = 'refuses' | 'ignores' | 'installs';
export interface SeverityRule {
    /** What the device does: refuses the profile, installs it and ignores the key, or installs it as it is. */
    device: DeviceAction;
    severity: 'error' | 'warning';
}
/** The rule of each code a key, a value or a dictionary can carry. */
export declare const KEY_SEVERITY: Readonly<Record<IssueCode, SeverityRule>>;
/** The rule of a code raised on a whole payload (its `PayloadType`), where it differs from a key's. */
export declare const PAYLOAD_SEVERITY: Readonly<Partial<Record<IssueCode, SeverityRule>>>;
/** The severity of a finding of `code` on a key, or on a whole payload type. */
export declare function severityOf(code: IssueCode, scope?: 'key' | 'payload'): 'error' | 'warning';
