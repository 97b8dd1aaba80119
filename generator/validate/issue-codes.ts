/**
 * Every code a validation finding can carry, with what it means: the SARIF report's rule list,
 * and the codes `--ignore` accepts (a misspelt code would otherwise silence nothing, silently).
 */
import type { ProfileIssueCode } from './check-profile.js';

/** What each finding code means. A code added to `ProfileIssueCode` must be described here. */
export const ISSUE_CODES: Readonly<Record<ProfileIssueCode, string>> = {
  'missing-required': 'A required key is absent.',
  'wrong-type': 'A value has the wrong plist or JSON type.',
  'not-allowed': 'A value is not one the page allows.',
  'below-minimum': 'A number is below the page\'s minimum.',
  'above-maximum': 'A number is above the page\'s maximum.',
  'unknown-key': 'A key the page does not list.',
  'unavailable-on-platform': 'The key or payload type is not available on the target platform or version.',
  deprecated: 'The key is deprecated on the target platform or in the device\'s situation.',
  'requires-supervision': 'The key or payload type needs a supervised device.',
  'unknown-type': 'A document type the spec does not define.',
  'limit-exceeded': 'A value nested past the depth limit (one that contains itself) or too large to check: the check stopped there.',
  'duplicate-uuid': 'Two payloads share a PayloadUUID.',
  'duplicate-identifier': 'Two payloads share a PayloadIdentifier.',
  'identifier-reuses-profile': 'A payload reuses the profile\'s PayloadIdentifier.',
  'single-instance': 'A payload type that allows one instance per profile appears more than once.',
  'not-in-user-enrollment': 'A payload type that User Enrollment does not allow.',
  'dangling-reference': 'A payload UUID reference that matches no payload of the profile.',
  'signature-invalid': 'The signature does not match the signed content.',
  'signer-untrusted': 'The signer\'s certificate chain does not lead to a trusted anchor, or has expired.',
  'unknown-document': 'A file that is no document kind dmspec knows.',
  'trailing-bytes': 'Bytes follow the plist\'s closing tag.',
  timeout: 'Reading or validating the file was stopped by the time limit: what it did not reach was not checked.',
  malformed: 'The file cannot be read as a document: malformed, truncated, not a plist or JSON, or past a reading limit.',
  'ambiguous-document': 'The document has the marks of two kinds (a profile\'s keys and a command\'s or check-in message\'s): it is not checked as either.',
  'declarative-replacement': 'A key whose page names a declarative management configuration to use instead (an info).',
  'duplicate-declaration': 'Two declarations of a set share an Identifier.',
  'dangling-declaration-reference': 'A key that holds a declaration\'s Identifier names none of the set.',
  'reference-wrong-kind': 'A key that holds a declaration\'s Identifier names a declaration of a category or type its page does not allow.',
  'not-activated': 'A configuration no activation of the set names, or an asset no configuration names.',
  'predicate-syntax': 'An activation\'s predicate is not predicate format string syntax.',
  'unknown-status-item': 'A status subscription or predicate names a status item the spec does not define.',
  'unknown-extension-term': 'A predicate uses an extension term other than @status, @key and @property.',
  'unknown-management-property': 'A predicate reads a management property no declaration of the set defines.',
};

/**
 * Codes no filter may leave out: each says that a file, or part of it, was not checked, so
 * ignoring one would turn a file nobody checked into "0 errors". `--exclude` leaves a file out openly.
 */
export const UNIGNORABLE_CODES: ReadonlySet<ProfileIssueCode> = new Set(['timeout', 'malformed', 'ambiguous-document']);

/** True for a code a finding can carry. */
export function isIssueCode(code: string): code is ProfileIssueCode {
  return Object.prototype.hasOwnProperty.call(ISSUE_CODES, code);
}
