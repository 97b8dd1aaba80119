/**
 * Validation reports for people (lines like a compiler's) and for machines (JSON). Both are built
 * from the same FileReports; nothing here decides what is a problem.
 */
import type { FileReport } from './index.js';
import type { ProfileIssue } from './check-profile.js';
import { escapeTerminal, quoted } from '../terminal-text.js';

export interface ValidationSummary {
  files: number;
  unreadable: number;
  payloads: number;
  checked: number;
  notChecked: number;
  errors: number;
  warnings: number;
}

export function summarise(reports: readonly FileReport[]): ValidationSummary {
  const s: ValidationSummary = { files: reports.length, unreadable: 0, payloads: 0, checked: 0, notChecked: 0, errors: 0, warnings: 0 };
  for (const r of reports) {
    if (r.error !== undefined) s.unreadable++;
    s.payloads += r.payloads.length;
    for (const p of r.payloads) p.checked ? s.checked++ : s.notChecked++;
    for (const i of r.issues) i.severity === 'error' ? s.errors++ : s.warnings++;
  }
  return s;
}

const PAYLOAD = /^(PayloadContent\[\d+\])(?:\.(.*))?$/;

/** `PayloadContent[1] (com.apple.applicationaccess) allowAirDrop` */
function location(i: ProfileIssue): string {
  const m = PAYLOAD.exec(i.path);
  if (m) return `${m[1]} (${i.payloadType || 'no PayloadType'})${m[2] !== undefined ? ` ${m[2]}` : ''}`;
  return `(${i.payloadType}) ${i.path === '' ? '<profile>' : i.path}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line per finding, then a summary line. */
export function textReport(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.error !== undefined) {
      lines.push(`${r.file}: error: ${r.error}`);
      continue;
    }
    if (r.signed) {
      // The subject is the signer's own text: quoted, so it cannot pose as the verdict after it.
      const who = r.signed.subject ? quoted(r.signed.subject) : 'a signer without a certificate in the envelope';
      lines.push(`${r.file}: signed by ${who} (signature ${r.signed.signatureValid ? 'valid' : 'NOT valid'}; chain not checked)`);
    }
    for (const p of r.payloads) {
      if (!p.checked) lines.push(`${r.file}: PayloadContent[${p.index}] (${p.payloadType ?? 'no PayloadType'}): not checked: ${p.reason ?? ''}`);
    }
    for (const i of r.issues) {
      lines.push(`${r.file}: ${location(i)}: ${i.severity === 'warning' ? 'warning ' : ''}${i.code}: ${i.message}`);
    }
  }
  const s = summarise(reports);
  const read = s.unreadable ? `; ${plural(s.unreadable, 'file')} could not be read` : '';
  lines.push(`${plural(s.files, 'file')}, ${plural(s.payloads, 'payload')} (${s.checked} checked, ${s.notChecked} not checked): ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}${read}`);
  // Keys, payload types, messages and file names come from the profile: one line each, escaped.
  return `${lines.map(escapeTerminal).join('\n')}\n`;
}

/** The `--json` shape: `{ files: [...], summary }`. */
export function jsonValidationReport(reports: readonly FileReport[]): { files: FileReport[]; summary: ValidationSummary } {
  return { files: reports.map((r) => ({ ...r })), summary: summarise(reports) };
}

/** 2 when a file could not be read, 1 when an error was found, else 0. */
export function validationExitCode(reports: readonly FileReport[]): number {
  const s = summarise(reports);
  return s.unreadable > 0 ? 2 : s.errors > 0 ? 1 : 0;
}
