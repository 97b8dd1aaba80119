/**
 * The validation report as SARIF 2.1.0, the format code-scanning tools read: one run of the
 * `dmspec` tool, one rule per finding code, one result per finding located at its file (paths as
 * given, relative to where dmspec ran) with the key path as a logical location. Files that could
 * not be read are tool execution notifications, as SARIF intends.
 */
import type { FileReport } from './index.js';
import type { ProfileIssue } from './check-profile.js';
import { escapeJsonText } from '../terminal-text.js';

/** What each finding code means, for the rule list. */
const RULES: Record<string, string> = {
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
  timeout: 'Validation of the file was stopped by the time limit.',
};

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function result(file: string, i: ProfileIssue, ruleIndex: number): object {
  return {
    ruleId: i.code,
    ruleIndex,
    level: i.severity === 'error' ? 'error' : 'warning',
    message: { text: i.path === '' ? i.message : `${i.path}: ${i.message}` },
    locations: [{
      physicalLocation: { artifactLocation: { uri: toUri(file) } },
      ...(i.path !== '' ? { logicalLocations: [{ fullyQualifiedName: i.path, kind: 'member' }] } : {}),
    }],
    ...(i.payloadType ? { properties: { payloadType: i.payloadType } } : {}),
  };
}

/** A relative URI for a path as given: separators as `/`, each segment percent-encoded. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map((s) => encodeURIComponent(s)).join('/');
}

/** The SARIF log of a validation run, as JSON text. */
export function sarifReport(reports: readonly FileReport[], tool: { version: string }): string {
  const used = [...new Set(reports.flatMap((r) => r.issues.map((i) => i.code)))].sort();
  const index = new Map(used.map((c, n) => [c, n]));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'dmspec',
          version: tool.version,
          rules: used.map((id) => ({ id, shortDescription: { text: RULES[id] ?? id } })),
        },
      },
      invocations: [{
        executionSuccessful: reports.every((r) => r.error === undefined),
        toolExecutionNotifications: reports.filter((r) => r.error !== undefined).map((r) => ({
          level: 'error',
          message: { text: r.error },
          locations: [{ physicalLocation: { artifactLocation: { uri: toUri(r.file) } } }],
        })),
      }],
      results: reports.flatMap((r) => r.issues.map((i) => result(r.file, i, index.get(i.code)!))),
    }],
  };
  return `${escapeJsonText(JSON.stringify(log, null, 2))}\n`;
}
