/**
 * The `dmspec` command as a function: parses arguments, calls the library, prints to the streams
 * it is given and returns the exit code (0 success, 1 an error diagnostic or a failed check, 2 a
 * usage error or unreadable input). `cli.ts` runs it on the process; tests run it in-process.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatDiagnostic, hasErrors, type Diagnostic } from './model/diagnostics.js';
import { commandUsage, runCommand, toolVersion, USAGE, UsageError, type CommandResult } from './commands.js';
import { escapeJsonText, escapeTerminal } from './terminal-text.js';
import { didYouMean, nearNames } from './near-names.js';
import { writeOutFile } from './validate/write-file.js';

/** Where the command prints: the process's streams, or a test's buffers. */
export interface CliStreams {
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  /** stdout is a terminal: a document's raw bytes are not written to it. */
  stdoutIsTerminal?: boolean;
}

// Every line printed may carry text from a page or a profile: escapes and bidi overrides are shown, not obeyed.
function print(io: CliStreams, result: CommandResult, json: boolean): void {
  if (result.stdout !== undefined) io.stdout(result.stdout);
  if (json && result.jsonReport !== undefined) {
    io.stdout(`${escapeJsonText(JSON.stringify(result.jsonReport, null, 2))}\n`);
  } else {
    for (const d of result.diagnostics) io.stderr(`${escapeTerminal(formatDiagnostic(d))}\n`);
    for (const line of result.messages) io.stderr(`${escapeTerminal(line)}\n`);
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
  cert: { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  verbose: { type: 'boolean', short: 'v', default: false },
  from: { type: 'string' },
  label: { type: 'string' },
  reports: { type: 'string' },
  force: { type: 'boolean' },
  supervised: { type: 'boolean' },
  unsupervised: { type: 'boolean' },
  enrollment: { type: 'string' },
  trust: { type: 'string' },
  'allow-key': { type: 'string', multiple: true },
  ignore: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  history: { type: 'string' },
  version: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/**
 * parseArgs' own message for an unknown option ends in advice about positionals that does not
 * apply here: say which option, and the one it was likely meant to be.
 */
function argumentError(e: Error & { code?: string }): string {
  const unknown = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /Unknown option '([^']+)'/.exec(e.message)?.[1] : undefined;
  if (unknown === undefined) return e.message;
  const name = unknown.replace(/^-+/, '');
  return `unknown option ${unknown}${didYouMean(nearNames(name, Object.keys(OPTIONS), 1), (o) => `--${o}`)}`;
}

/** Errors with `--quiet`; errors, warnings and notes with `--verbose` or `--json`; else errors and warnings. */
function shownDiagnostics(all: readonly Diagnostic[], o: { quiet: boolean; verbose: boolean; json: boolean }): Diagnostic[] {
  if (o.quiet) return all.filter((d) => d.severity === 'error');
  if (o.verbose || o.json) return [...all];
  return all.filter((d) => d.severity !== 'info');
}

/** A usage error names the bad argument in one line, and where help is, rather than printing all of it. */
function usageError(io: CliStreams, message: string): number {
  io.stderr(`dmspec: ${escapeTerminal(message)}\nRun "dmspec --help" for usage.\n`);
  return 2;
}

/** Runs `dmspec ARGV...`; returns the exit code. Never exits the process. */
export async function runCli(argv: readonly string[], io: CliStreams): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return usageError(io, argumentError(e as Error));
  }
  if (parsed.values.version) {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    io.stdout((command && commandUsage(command)) || USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  try {
    const result = await runCommand(command, rest, parsed.values);
    // A profile's bytes may hold control sequences a terminal obeys; they go to a file or a pipe.
    if (result.rawStdout && io.stdoutIsTerminal) throw new UsageError(`${command} writes the profile's bytes: give --out FILE, or send stdout to a file or a pipe`);
    if (result.outFile !== undefined && result.outText !== undefined) writeOutFile(result.outFile, result.outText);
    const shown = shownDiagnostics(result.diagnostics, parsed.values);
    const hidden = result.diagnostics.length - shown.length;
    // Hundreds of notes (article pages, sentences not read) would bury the warnings and the summary.
    const messages = hidden && !parsed.values.quiet ? [...result.messages, `${hidden} ${hidden === 1 ? 'note' : 'notes'} not shown (--verbose lists them)`] : result.messages;
    print(io, { ...result, diagnostics: shown, messages }, parsed.values.json);
    if (result.exitCode !== undefined) return result.exitCode;
    return hasErrors(result.diagnostics) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, e.message);
    io.stderr(`dmspec: ${escapeTerminal((e as Error).message)}\n`);
    return 2;
  }
}

