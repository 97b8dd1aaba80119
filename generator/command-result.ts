/**
 * What every command returns to `cli-main.ts` to print, and the error a command throws for bad
 * arguments (printed in one line, exit 2).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from './model/diagnostics.js';
import { plural } from './validate/report.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CommandResult {
  diagnostics: Diagnostic[];
  /** Extra lines for stderr (summaries, file lists). */
  messages: string[];
  stdout?: string | Uint8Array;
  /** `stdout` is a document's own bytes, not text for a terminal: refused when stdout is one. */
  rawStdout?: boolean;
  outFile?: string;
  outText?: string | Uint8Array;
  /** What `--json` prints instead of the diagnostics. */
  jsonReport?: unknown;
  /** Set when the exit code is not just "1 if any error diagnostic". */
  exitCode?: number;
}

/**
 * Diagnostics name pages relative to the spec root; print them relative to where the user is. A
 * generated-code error names a generated file, which is not under the spec.
 */
export function underSpec(specDir: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.code === 'generated-code-error' ? d : { ...d, file: join(specDir, d.file).split(sep).join('/') }));
}

/** `1 error, 2 warnings, 3 notes`. */
export function counts(diagnostics: readonly Diagnostic[]): string {
  const n = (s: string): number => diagnostics.filter((d) => d.severity === s).length;
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'note')}`;
}

/** dmspec's own version, from its package.json. */
export function toolVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = join(here, existsSync(join(here, '../package.json')) ? '../package.json' : '../../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
