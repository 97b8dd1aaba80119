/**
 * The validation report as SARIF 2.1.0, the format code-scanning tools read: one run of the
 * `dmspec` tool, one rule per finding code, one result per finding located at its file (paths as
 * given, relative to where dmspec ran) with the key path as a logical location. Files that could
 * not be read are tool execution notifications, as SARIF intends.
 */
import type { FileReport } from './index.js';
import type { ProfileIssue } from './check-profile.js';
import { escapeJsonText } from '../terminal-text.js';
import { ISSUE_CODES } from './issue-codes.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function result(file: string, i: ProfileIssue, ruleIndex: number): object {
  return {
    ruleId: i.code,
    ruleIndex,
    level: i.severity === 'error' ? 'error' : i.severity === 'info' ? 'note' : 'warning',
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
          rules: used.map((id) => ({ id, shortDescription: { text: ISSUE_CODES[id] } })),
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
