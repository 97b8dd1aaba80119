/**
 * The severity of every finding code, from what a device does with the document (see the
 * runtime's `severity.ts` for the codes a key or value can carry): a device that refuses the
 * profile makes an error, one that installs it (ignoring a key, or as it is) a warning. A few
 * codes are the caller's policy rather than the device's (a signer `--trust` does not reach, a
 * time limit): those say so.
 */
import { KEY_SEVERITY, PAYLOAD_SEVERITY, type SeverityRule } from '../runtime/validator/severity.js';
import type { ProfileIssueCode } from './check-profile.js';

export interface FindingRule {
  /**
   * What a device does: `policy` where the finding is the caller's rule, not a device's; `unread`
   * where the file is not read; `note` for advice about a document the device installs as it is.
   */
  device: SeverityRule['device'] | 'policy' | 'unread' | 'note';
  severity: 'error' | 'warning' | 'info';
  /** The severity of the code on a whole payload type, where it differs from a key's. */
  payload?: 'error' | 'warning';
}

const rule = (device: FindingRule['device'], severity: FindingRule['severity']): FindingRule => ({ device, severity });

/** The codes of the rules about a profile as a whole and about documents. */
const PROFILE_RULES: Readonly<Record<Exclude<ProfileIssueCode, keyof typeof KEY_SEVERITY>, FindingRule>> = {
  'duplicate-uuid': rule('refuses', 'error'),
  'duplicate-identifier': rule('refuses', 'error'),
  // Apple asks payload identifiers to be unique; a profile reusing the profile's own installs.
  'identifier-reuses-profile': rule('installs', 'warning'),
  'single-instance': rule('refuses', 'error'),
  // The profile installs; the payload that names a missing certificate fails to use it.
  'dangling-reference': rule('installs', 'warning'),
  'signature-invalid': rule('refuses', 'error'),
  'signer-untrusted': rule('policy', 'error'),
  'unknown-document': rule('unread', 'error'),
  'trailing-bytes': rule('installs', 'warning'),
  timeout: rule('policy', 'error'),
  malformed: rule('unread', 'error'),
  'ambiguous-document': rule('unread', 'error'),
  // A note, not a problem: the page names a declaration to use instead.
  'declarative-replacement': rule('note', 'info'),
  // A set's declarations: the device refuses a set that keys two by one Identifier, or a
  // reference to a declaration it lacks or of the wrong kind (it reports the error and does not
  // apply the declaration); a predicate it cannot parse is not activated.
  'duplicate-declaration': rule('refuses', 'error'),
  'dangling-declaration-reference': rule('refuses', 'error'),
  'reference-wrong-kind': rule('refuses', 'error'),
  'predicate-syntax': rule('refuses', 'error'),
  // Kept, not applied (Info.NotReferencedByActivation); and terms the device evaluates as unknown.
  'not-activated': rule('installs', 'warning'),
  'unknown-status-item': rule('installs', 'warning'),
  'unknown-extension-term': rule('installs', 'warning'),
  'unknown-management-property': rule('installs', 'warning'),
};

/** Every finding code's rule: the runtime's for keys and payload types, this module's for the rest. */
export const FINDING_RULES: Readonly<Record<ProfileIssueCode, FindingRule>> = {
  ...Object.fromEntries(Object.entries(KEY_SEVERITY).map(([code, r]) => {
    const payload = PAYLOAD_SEVERITY[code as keyof typeof KEY_SEVERITY];
    return [code, { device: r.device, severity: r.severity, ...(payload && payload.severity !== r.severity ? { payload: payload.severity } : {}) }];
  })) as Record<keyof typeof KEY_SEVERITY, FindingRule>,
  ...PROFILE_RULES,
};

/** The severity of a finding of `code`; `payload` for one raised on a whole payload type. */
export function findingSeverity(code: ProfileIssueCode, scope: 'key' | 'payload' = 'key'): 'error' | 'warning' | 'info' {
  const r = FINDING_RULES[code];
  return scope === 'payload' ? (r.payload ?? r.severity) : r.severity;
}
