/**
 * Diagnostics are collected, never thrown: each has a stable rule id (`code`) and a place,
 * and prints like a compiler message.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable kebab-case rule id, e.g. `unresolved-ref`. */
  code: string;
  message: string;
  /** Path relative to the spec root (or as given by the caller). */
  file: string;
  line?: number;
  column?: number;
}

/** Collects diagnostics for one unit of work (a page, a run). */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  constructor(private readonly file: string) {}

  add(severity: Severity, code: string, message: string, line?: number, column?: number): void {
    const d: Diagnostic = { severity, code, message, file: this.file };
    if (line !== undefined) d.line = line;
    if (column !== undefined) d.column = column;
    this.items.push(d);
  }

  error(code: string, message: string, line?: number): void {
    this.add('error', code, message, line);
  }

  warning(code: string, message: string, line?: number): void {
    this.add('warning', code, message, line);
  }

  info(code: string, message: string, line?: number): void {
    this.add('info', code, message, line);
  }
}

/** `spec/vpn.md:12:3: warning unresolved-ref: VPN.VPN.OnDemandRulesElement is not in the spec` */
export function formatDiagnostic(d: Diagnostic): string {
  let place = d.file;
  if (d.line !== undefined) place += `:${d.line}`;
  if (d.line !== undefined && d.column !== undefined) place += `:${d.column}`;
  return `${place}: ${d.severity} ${d.code}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A stable order: by file, line, then severity and code, so output never depends on timing. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    cmp(a.code, b.code) ||
    cmp(a.message, b.message)
  );
}

/** Plain code-unit string comparison: locale-independent, so output is the same everywhere. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
