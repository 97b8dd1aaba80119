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

const refuses: SeverityRule = { device: 'refuses', severity: 'error' };
const ignores: SeverityRule = { device: 'ignores', severity: 'warning' };
const installs: SeverityRule = { device: 'installs', severity: 'warning' };

/** The rule of each code a key, a value or a dictionary can carry. */
export const KEY_SEVERITY: Readonly<Record<IssueCode, SeverityRule>> = Object.freeze({
  'missing-required': refuses,
  'wrong-type': refuses,
  'not-allowed': refuses,
  'below-minimum': refuses,
  'above-maximum': refuses,
  // `strict` makes it an error: a policy of the caller, not what the device does.
  'unknown-key': ignores,
  'unavailable-on-platform': ignores,
  deprecated: installs,
  'requires-supervision': ignores,
  'not-in-user-enrollment': ignores,
  'unknown-type': installs,
  // A value nested past any plist's depth (one that contains itself) or too large to check: no
  // property list holds it, so no device installs it; and it is not checked, so it cannot pass.
  'limit-exceeded': refuses,
});

/** The rule of a code raised on a whole payload (its `PayloadType`), where it differs from a key's. */
export const PAYLOAD_SEVERITY: Readonly<Partial<Record<IssueCode, SeverityRule>>> = Object.freeze({
  'unavailable-on-platform': refuses,
  'requires-supervision': refuses,
  'not-in-user-enrollment': refuses,
  // A payload type no page defines that is one edit from Apple's: most likely a typo, which a
  // device would not recognise; warned, with the likely name, since third-party types are valid.
  'unknown-type': installs,
});

/** The severity of a finding of `code` on a key, or on a whole payload type. */
export function severityOf(code: IssueCode, scope: 'key' | 'payload' = 'key'): 'error' | 'warning' {
  return (scope === 'payload' ? PAYLOAD_SEVERITY[code] : undefined)?.severity ?? KEY_SEVERITY[code].severity;
}
