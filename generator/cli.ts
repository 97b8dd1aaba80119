#!/usr/bin/env node
/**
 * The `dmspec` command: parses arguments, calls the library, prints. Nothing else lives here.
 * Exit codes: 0 success, 1 an error diagnostic or a failed check, 2 a usage error or unreadable input.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatDiagnostic, hasErrors, type Diagnostic } from './model/diagnostics.js';
import { runCommand, toolVersion, USAGE, UsageError, type CommandResult } from './commands.js';
import { escapeJsonText, escapeTerminal } from './terminal-text.js';

// Every line printed may carry text from a page or a profile: escapes and bidi overrides are shown, not obeyed.
function print(result: CommandResult, json: boolean): void {
  if (result.stdout !== undefined) process.stdout.write(result.stdout);
  if (json && result.jsonReport !== undefined) {
    process.stdout.write(`${escapeJsonText(JSON.stringify(result.jsonReport, null, 2))}\n`);
  } else {
    for (const d of result.diagnostics) process.stderr.write(`${escapeTerminal(formatDiagnostic(d))}\n`);
    for (const line of result.messages) process.stderr.write(`${escapeTerminal(line)}\n`);
  }
}

const OPTIONS = {
  spec: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  check: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  platform: { type: 'string' },
  'os-version': { type: 'string' },
  strict: { type: 'boolean', default: false },
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  'git-range': { type: 'string' },
  'docs-base': { type: 'string' },
  'max-lines': { type: 'string' },
  'spec-versions': { type: 'string', multiple: true },
  'git-revs': { type: 'string' },
  object: { type: 'string' },
  key: { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  from: { type: 'string' },
  label: { type: 'string' },
  reports: { type: 'string' },
  supervised: { type: 'boolean' },
  unsupervised: { type: 'boolean' },
  enrollment: { type: 'string' },
  trust: { type: 'string' },
  'allow-key': { type: 'string', multiple: true },
  ignore: { type: 'string', multiple: true },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  version: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** A usage error names the bad argument in one line, and where help is, rather than printing all of it. */
function usageError(message: string): number {
  process.stderr.write(`dmspec: ${escapeTerminal(message)}\nRun "dmspec --help" for usage.\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return usageError((e as Error).message);
  }
  if (parsed.values.version) {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    process.stdout.write(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  try {
    const result = await runCommand(command, rest, parsed.values);
    if (result.outFile !== undefined && result.outText !== undefined) {
      mkdirSync(dirname(result.outFile), { recursive: true });
      writeFileSync(result.outFile, result.outText);
    }
    const shown: Diagnostic[] = parsed.values.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    print({ ...result, diagnostics: shown }, parsed.values.json);
    if (result.exitCode !== undefined) return result.exitCode;
    return hasErrors(result.diagnostics) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message);
    process.stderr.write(`dmspec: ${escapeTerminal((e as Error).message)}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
