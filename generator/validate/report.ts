/**
 * Validation reports for people (lines like a compiler's) and for machines (JSON; SARIF in
 * `sarif.ts`). All are built from the same FileReports; nothing here decides what is a problem.
 * Every string that comes from a document (file names, keys, types, values, signer subjects) is
 * escaped for the terminal before it is printed.
 */
import type { FileReport, SkippedFile } from './index.js';
import type { ProfileIssue } from './check-profile.js';
import { escapeTerminal, quoted } from '../terminal-text.js';
import { boundReports, omittedText, type Omitted } from './report-bounds.js';

/** What a run adds to its files' reports: the configuration file obeyed, the files walks skipped. */
export interface ReportContext {
  /** The configuration file whose options were applied; named in every format. */
  config?: string;
  skipped?: readonly SkippedFile[];
}

export interface ValidationSummary {
  /** Files reported. */
  files: number;
  /** Files dmspec could not read (missing, not regular, permission): the run exits 2. */
  unreadable: number;
  /** Files that are no readable document: each has a `malformed` (or reading `timeout`) error. */
  malformed: number;
  /** Files a directory walk found that are no device-management document: not reported. */
  skipped: number;
  /** Files by document kind: `{ profile: 3, declaration: 1 }`. */
  kinds: Record<string, number>;
  payloads: number;
  checked: number;
  partlyChecked: number;
  notChecked: number;
  errors: number;
  warnings: number;
  /** Notes (`info` findings: a declarative replacement), which are not problems. */
  infos: number;
  /** Findings left out by `allowKeys` and `ignore`. */
  suppressed: number;
}

export function summarise(reports: readonly FileReport[], context: ReportContext = {}): ValidationSummary {
  const s: ValidationSummary = { files: reports.length, unreadable: 0, malformed: 0, skipped: context.skipped?.length ?? 0, kinds: {}, payloads: 0, checked: 0, partlyChecked: 0, notChecked: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0 };
  for (const r of reports) {
    if (r.error !== undefined) s.unreadable++;
    if (r.kind === undefined && r.issues.some((i) => i.path === '' && (i.code === 'malformed' || i.code === 'timeout'))) s.malformed++;
    if (r.kind !== undefined) s.kinds[r.kind] = (s.kinds[r.kind] ?? 0) + 1;
    s.payloads += r.payloads.length;
    for (const p of r.payloads) {
      if (p.coverage === 'partly checked') s.partlyChecked++;
      else if (p.checked) s.checked++;
      else s.notChecked++;
    }
    for (const i of r.issues) i.severity === 'error' ? s.errors++ : i.severity === 'info' ? s.infos++ : s.warnings++;
    s.suppressed += r.suppressed ?? 0;
  }
  return s;
}

const PAYLOAD = /^(PayloadContent\[(\d+)\])(?:\.(.*))?$/s;

/** `PayloadContent[1] (com.apple.applicationaccess) allowAirDrop`, `(Configuration) PayloadScope`; empty for the file itself. */
function location(i: ProfileIssue): string {
  const m = PAYLOAD.exec(i.path);
  if (m) return `${m[1]} (${i.payloadType || 'no PayloadType'})${m[3] !== undefined ? ` ${m[3]}` : ''}`;
  if (i.path === '' && i.payloadType === '') return '';
  return `(${i.payloadType || 'document'}) ${i.path !== '' ? i.path : i.payloadType === 'Configuration' ? '<profile>' : '<document>'}`;
}

/** The payload an issue is about, or -1 for the profile (or document) itself: profile-level findings come first. */
function payloadIndex(i: ProfileIssue): number {
  const m = PAYLOAD.exec(i.path);
  return m ? Number(m[2]) : -1;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Lists longer than this are shortened in text (JSON keeps them whole). */
const LIST_SHOWN = 8;

/** A `not-allowed` message with its list of values shortened: `… and 34 more`. */
function shortened(i: ProfileIssue): string {
  if (i.code !== 'not-allowed' || !Array.isArray(i.expected) || i.expected.length <= LIST_SHOWN) return i.message;
  const cutAt = i.message.indexOf(' is not one of ');
  if (cutAt < 0) return i.message;
  const shown = i.expected.slice(0, LIST_SHOWN).map((v) => JSON.stringify(v)).join(', ');
  return `${i.message.slice(0, cutAt)} is not one of ${shown}, … (${i.expected.length - LIST_SHOWN} more; --format json lists all ${i.expected.length})`;
}

function signerLine(r: FileReport): string | undefined {
  const s = r.signed;
  if (!s) return undefined;
  // The subject is the signer's own text: quoted, so it cannot pose as the verdict after it.
  const who = s.subject ? quoted(s.subject) : 'a signer without a certificate in the envelope';
  const chain = s.chain === undefined ? 'chain not checked' : s.chain.trusted ? 'chain trusted' : 'chain NOT trusted';
  return `info signed by ${who} (signature ${s.signatureValid ? 'valid' : 'NOT valid'}; ${chain})`;
}

/**
 * `file:line:col` when the finding has a line; `file:@0x1a2` when it has a byte offset (a binary
 * plist has no lines; the hexadecimal offset is what hex dumps show and `xxd -s 0x1a2` takes,
 * and no `:digit` follows the file name, so nothing reads it as a line); else `file`.
 */
function where(file: string, i?: { line?: number; column?: number; byteOffset?: number }): string {
  if (i?.line !== undefined) return `${file}:${i.line}:${i.column ?? 1}`;
  return i?.byteOffset !== undefined ? `${file}:@0x${i.byteOffset.toString(16)}` : file;
}

/** One finding: `severity code location: message`, or `severity code: message` for the file itself. */
function issueLine(i: ProfileIssue): string {
  const at = location(i);
  return `${i.severity} ${i.code}${at ? ` ${at}` : ''}: ${shortened(i)}`;
}

/** One file's lines, each after its `file[:line:col]: `: the signer, the profile's own findings, then each payload's coverage and findings in order. */
function fileLines(r: FileReport & { omitted?: Omitted }): string[] {
  const f = r.file;
  if (r.error !== undefined) return [`${f}: error unreadable: ${r.error}`];
  const lines: string[] = [];
  const signer = signerLine(r);
  if (signer) lines.push(`${f}: ${signer}`);
  const byPayload = new Map<number, ProfileIssue[]>();
  for (const i of r.issues) {
    const k = payloadIndex(i);
    const list = byPayload.get(k);
    if (list) list.push(i);
    else byPayload.set(k, [i]);
  }
  // Looked up by index once each: a profile may hold 100,000 payloads.
  const payloads = new Map(r.payloads.map((p) => [p.index, p]));
  for (const i of byPayload.get(-1) ?? []) lines.push(`${where(f, i)}: ${issueLine(i)}`);
  const indexes = new Set([...r.payloads.map((p) => p.index), ...byPayload.keys()]);
  for (const index of [...indexes].filter((k) => k >= 0).sort((a, b) => a - b)) {
    const p = payloads.get(index);
    const at = `PayloadContent[${index}] (${p?.payloadType ?? 'no PayloadType'})`;
    if (p && !p.checked) lines.push(`${f}: info not-checked ${at}: ${p.reason ?? ''}`);
    if (p?.judgedAgainst) lines.push(`${f}: info judged-against ${at}: ${p.judgedAgainst.object}, of the pages ${p.payloadType ?? ''} shares: ${p.judgedAgainst.reason}`);
    if (p?.missing?.length) lines.push(`${f}: info partly-checked ${at}: the spec has no page for ${p.missing.join(', ')}; keys under ${p.missing.length === 1 ? 'it' : 'them'} are not checked`);
    if (p?.partialKeys) lines.push(`${f}: info partly-checked ${at}: its page lists only some of its keys; keys it does not list are not checked`);
    for (const i of byPayload.get(index) ?? []) lines.push(`${where(f, i)}: ${issueLine(i)}`);
  }
  if (r.omitted) lines.push(`${f}: info omitted: ${omittedText(r.omitted)}`);
  return lines;
}

/** The summary line: files (by kind when not all are profiles), payloads by coverage, findings. */
export function summaryLine(s: ValidationSummary): string {
  const kinds = Object.entries(s.kinds);
  const kindText = kinds.length > 1 || (kinds.length === 1 && kinds[0]![0] !== 'profile')
    ? ` (${kinds.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => plural(n, KIND_WORDS[k] ?? k, KIND_PLURALS[k])).join(', ')})`
    : '';
  const partly = s.partlyChecked ? `, ${s.partlyChecked} partly checked` : '';
  const malformed = s.malformed ? `; ${plural(s.malformed, 'file')} not a readable document` : '';
  const read = s.unreadable ? `; ${plural(s.unreadable, 'file')} could not be read` : '';
  const suppressed = s.suppressed ? ` (${plural(s.suppressed, 'finding')} suppressed)` : '';
  const notes = s.infos ? `, ${plural(s.infos, 'note')}` : '';
  return `${plural(s.files, 'file')}${kindText}, ${plural(s.payloads, 'payload')} (${s.checked} checked${partly}, ${s.notChecked} not checked): ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}${notes}${suppressed}${malformed}${read}`;
}

const KIND_WORDS: Record<string, string> = { profile: 'profile', declaration: 'declaration', 'declaration-set': 'declaration set', command: 'command', 'check-in': 'check-in message', 'status-report': 'status report', unknown: 'unknown document' };
const KIND_PLURALS: Record<string, string> = { 'check-in': 'check-in messages', unknown: 'unknown documents' };

/** One line per finding, each with its severity, grouped by file; the configuration file obeyed; a summary line. */
export function textReport(reports: readonly FileReport[], context: ReportContext = {}): string {
  const lines: string[] = [];
  for (const r of boundReports(reports)) for (const line of fileLines(r)) lines.push(line);
  if (context.config !== undefined) lines.push(`options from ${context.config}`);
  lines.push(summaryLine(summarise(reports, context)));
  // Keys, payload types, messages and file names come from the documents: one line each, escaped.
  return `${lines.map(escapeTerminal).join('\n')}\n`;
}

/** The `--format json` shape: `{ files: [...], config?, summary }`. */
export function jsonValidationReport(reports: readonly FileReport[], context: ReportContext = {}): { files: FileReport[]; config?: string; summary: ValidationSummary } {
  return {
    files: boundReports(reports).map((r) => ({ ...r, issues: r.issues.map(finiteInJson) })),
    ...(context.config !== undefined ? { config: context.config } : {}),
    summary: summarise(reports, context),
  };
}

/** JSON has no NaN or infinity (`JSON.stringify` writes `null`): a plist real's value is kept as its plist spelling. */
function finiteInJson(i: ProfileIssue): ProfileIssue {
  const a = i.actual;
  if (typeof a !== 'number' || Number.isFinite(a)) return i;
  return { ...i, actual: Number.isNaN(a) ? 'nan' : a > 0 ? 'inf' : '-inf' };
}

/**
 * 2 when dmspec could not read a file; 1 when an error was found (a malformed file is one) or
 * there are more warnings than `maxWarnings`; else 0.
 */
export function validationExitCode(reports: readonly FileReport[], options: { maxWarnings?: number } = {}): number {
  const s = summarise(reports);
  if (s.unreadable > 0) return 2;
  if (s.errors > 0) return 1;
  return options.maxWarnings !== undefined && s.warnings > options.maxWarnings ? 1 : 0;
}
