/**
 * What a report may repeat, bounded the same way for every format (text, JSON, SARIF): a
 * document decides how long its keys and values are and how many findings it raises, and one
 * million-character key shared by 33 payloads would otherwise be written out in every finding
 * that names it, hundreds of megabytes of report. Long strings are cut in the middle with their
 * length said; past a number of findings or payloads per file (and findings per run) the rest
 * are counted by code instead of listed. Counts in the summary are always of everything.
 */
import type { PayloadReport, ProfileIssue } from './check-profile.js';
import type { FileReport } from './index.js';

export interface ReportBounds {
  /** Longest string shown, in characters; longer ones keep their start and end. */
  maxString: number;
  /** Findings listed per file. */
  maxFindingsPerFile: number;
  /** Payloads listed per file. */
  maxPayloadsPerFile: number;
  /** Findings listed per run, over all files. */
  maxFindingsPerRun: number;
}

/** GitHub code scanning takes at most 25,000 results per run; a person reads far fewer. */
export const DEFAULT_REPORT_BOUNDS: ReportBounds = { maxString: 1_000, maxFindingsPerFile: 1_000, maxPayloadsPerFile: 1_000, maxFindingsPerRun: 10_000 };

/** What a bounded file report left out. */
export interface Omitted {
  /** Findings not listed, and how many of each code. */
  findings: number;
  codes: Record<string, number>;
  /** Payloads not listed. */
  payloads: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** `start… [1,000,000 characters] …end` for a string over `max` characters; others as they are. */
export function cut(text: string, max: number = DEFAULT_REPORT_BOUNDS.maxString): string {
  if (text.length <= max) return text;
  const head = Math.ceil(max * 0.6);
  const tail = Math.floor(max * 0.3);
  return `${text.slice(0, head)}… [${fmt(text.length)} characters] …${text.slice(text.length - tail)}`;
}

function cutValue(v: unknown, max: number): unknown {
  if (typeof v === 'string') return cut(v, max);
  if (Array.isArray(v)) return v.map((x) => cutValue(x, max));
  return v;
}

function boundedIssue(i: ProfileIssue, max: number): ProfileIssue {
  const long = i.path.length > max || i.message.length > max || i.payloadType.length > max
    || (typeof i.actual === 'string' && i.actual.length > max) || (typeof i.expected === 'string' && i.expected.length > max) || Array.isArray(i.expected);
  if (!long) return i;
  const out: ProfileIssue = { ...i, path: cut(i.path, max), payloadType: cut(i.payloadType, max), message: cut(i.message, max) };
  if (i.expected !== undefined) out.expected = cutValue(i.expected, max);
  if (i.actual !== undefined) out.actual = cutValue(i.actual, max);
  return out;
}

function boundedPayload(p: PayloadReport, max: number): PayloadReport {
  return p.payloadType !== null && p.payloadType.length > max ? { ...p, payloadType: cut(p.payloadType, max) } : p;
}

/** The reports as formats list them: strings cut, findings and payloads past the bounds counted in `omitted`. */
export function boundReports(reports: readonly FileReport[], bounds: ReportBounds = DEFAULT_REPORT_BOUNDS): Array<FileReport & { omitted?: Omitted }> {
  let runLeft = bounds.maxFindingsPerRun;
  return reports.map((r) => {
    const room = Math.max(0, Math.min(bounds.maxFindingsPerFile, runLeft));
    const listed = r.issues.length > room ? r.issues.slice(0, room) : r.issues;
    runLeft -= listed.length;
    const out: FileReport & { omitted?: Omitted } = {
      ...r,
      issues: listed.map((i) => boundedIssue(i, bounds.maxString)),
      payloads: (r.payloads.length > bounds.maxPayloadsPerFile ? r.payloads.slice(0, bounds.maxPayloadsPerFile) : r.payloads).map((p) => boundedPayload(p, bounds.maxString)),
    };
    if (r.signed) out.signed = { ...r.signed, subject: cut(r.signed.subject, bounds.maxString), issuer: cut(r.signed.issuer, bounds.maxString) };
    if (r.documentType !== undefined) out.documentType = cut(r.documentType, bounds.maxString);
    const findings = r.issues.length - listed.length;
    const payloads = r.payloads.length - out.payloads.length;
    if (findings || payloads) {
      const codes: Record<string, number> = {};
      for (let n = listed.length; n < r.issues.length; n++) codes[r.issues[n]!.code] = (codes[r.issues[n]!.code] ?? 0) + 1;
      out.omitted = { findings, codes, payloads };
    }
    return out;
  });
}

/** `98,900 more findings not listed (unknown-key 98,000, wrong-type 900)`, for text and SARIF. */
export function omittedText(o: Omitted): string {
  const parts: string[] = [];
  if (o.findings) {
    const codes = Object.entries(o.codes).sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, n]) => `${c} ${fmt(n)}`).join(', ');
    parts.push(`${fmt(o.findings)} more ${o.findings === 1 ? 'finding' : 'findings'} not listed (${codes})`);
  }
  if (o.payloads) parts.push(`${fmt(o.payloads)} more ${o.payloads === 1 ? 'payload' : 'payloads'} not listed`);
  return `${parts.join('; ')}: the report lists at most ${fmt(DEFAULT_REPORT_BOUNDS.maxFindingsPerFile)} of each per file and ${fmt(DEFAULT_REPORT_BOUNDS.maxFindingsPerRun)} findings per run; the summary counts all`;
}
