/**
 * The validation report as SARIF 2.1.0, the format code-scanning tools read: one run of the
 * `dmspec` tool, one rule per finding code, one result per finding located at its file (relative
 * to `%SRCROOT%`, the folder dmspec ran in, when the file is under it; else an absolute `file:`
 * URI), at its line and column when the reader knows them, with the key path as a logical
 * location and a fix where a finding suggests an exact edit (an unknown key's likely name). A
 * file that is no readable document is a result of its own rule (`malformed`), as code scanning
 * shows it; only files dmspec could not read at all are tool execution notifications, as SARIF
 * intends.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileReport } from './index.js';
import type { ProfileIssue } from './check-profile.js';
import type { Fix } from './places.js';
import { escapeJsonText } from '../terminal-text.js';
import { ISSUE_CODES } from './issue-codes.js';
import type { ReportContext } from './report.js';
import { boundReports, omittedText } from './report-bounds.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export interface SarifContext extends ReportContext {
  /** The folder `%SRCROOT%` stands for (default: the working directory). */
  root?: string;
}

/** An artifact location: relative to `%SRCROOT%` when under it, else an absolute `file:` URI. */
function artifact(file: string, root: string): { uri: string; uriBaseId?: string } {
  const abs = resolve(root, file);
  const rel = relative(root, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map((s) => encodeURIComponent(s)).join('/'), uriBaseId: SRCROOT };
}

function result(file: { uri: string; uriBaseId?: string }, i: ProfileIssue, ruleIndex: number): object {
  return {
    ruleId: i.code,
    ruleIndex,
    level: i.severity === 'error' ? 'error' : i.severity === 'info' ? 'note' : 'warning',
    message: { text: i.path === '' ? i.message : `${i.path}: ${i.message}` },
    locations: [{
      physicalLocation: {
        artifactLocation: file,
        ...(i.line !== undefined ? { region: { startLine: i.line, startColumn: i.column ?? 1 } } : i.byteOffset !== undefined ? { region: { byteOffset: i.byteOffset } } : {}),
      },
      ...(i.path !== '' ? { logicalLocations: [{ fullyQualifiedName: i.path, kind: 'member' }] } : {}),
    }],
    ...(i.fix ? { fixes: [fix(file, i.fix)] } : {}),
    ...(i.payloadType ? { properties: { payloadType: i.payloadType } } : {}),
  };
}

/** A finding's suggestion as a SARIF fix: the span of text it replaces, and what with. */
function fix(file: { uri: string; uriBaseId?: string }, f: Fix): object {
  const { line, column, length } = f.span;
  return {
    description: { text: f.description },
    artifactChanges: [{
      artifactLocation: file,
      replacements: [{ deletedRegion: { startLine: line, startColumn: column, endLine: line, endColumn: column + length }, insertedContent: { text: f.text } }],
    }],
  };
}

/** The SARIF log of a validation run, as JSON text. */
export function sarifReport(reports: readonly FileReport[], tool: { version: string }, context: SarifContext = {}): string {
  const root = resolve(context.root ?? process.cwd());
  const bounded = boundReports(reports);
  const used = [...new Set(bounded.flatMap((r) => r.issues.map((i) => i.code)))].sort();
  const index = new Map(used.map((c, n) => [c, n]));
  const notifications = bounded.flatMap((r) => {
    const at = [{ physicalLocation: { artifactLocation: artifact(r.file, root) } }];
    if (r.error !== undefined) return [{ level: 'error', message: { text: r.error }, locations: at }];
    return r.omitted ? [{ level: 'note', message: { text: omittedText(r.omitted) }, locations: at }] : [];
  });
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
      originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
      invocations: [{
        executionSuccessful: reports.every((r) => r.error === undefined),
        toolExecutionNotifications: notifications,
        ...(context.config !== undefined ? { properties: { configFile: context.config } } : {}),
      }],
      results: bounded.flatMap((r) => {
        const file = artifact(r.file, root);
        return r.issues.map((i) => result(file, i, index.get(i.code)!));
      }),
    }],
  };
  return `${escapeJsonText(JSON.stringify(log, null, 2))}\n`;
}
