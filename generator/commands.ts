/**
 * The CLI's commands as functions from arguments to a result to print. They read and write
 * files through the library but never print or exit: `cli.ts` does that.
 */
import { parseSpecDir } from './parse/index.js';
import { CHECK_RECORD_DIR, checkGenerated, generate, writeGenerated } from './pipeline.js';
import { irJson } from './emit/ir-json.js';
import { escapeJsonText } from './terminal-text.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPackageInfo, writePackageInfo } from './project-config.js';
import { updateSpec } from './update-spec.js';
import { assertNotOverSpec, assertReplaceable } from './emit/output-ownership.js';
import { diffIr, historyJson, historyMarkdown, historyOf, jsonReport, loadGitSide, loadSide, markdownReport, splitRange, type DiffReport, type PageLinks } from './diff/index.js';
import { dirname, join, resolve, sep } from 'node:path';
import type { Diagnostic } from './model/diagnostics.js';
import { PLATFORMS, type Platform } from './model/ir.js';
import { CollectError, DOCUMENT_EXTENSIONS, readIgnoreRule, readPemCertificates, TrustError, validateProfileFiles, validatorsFor, type TrustAnchors } from './validate/index.js';
import { jsonValidationReport, plural, summarise, summaryLine, textReport, validationExitCode } from './validate/report.js';
import { sarifReport } from './validate/sarif.js';
import { ConfigError, findConfigFile, readConfigFile, type ValidateConfig } from './validate/config-file.js';
import { ioReason } from './validate/io-reason.js';
import { siteCommand } from './site/site-command.js';
import type { Enrollment } from '@dmspec/apple/validators';

export const USAGE = `Usage: dmspec <command> [options]

Commands:
  ir --spec DIR [--out FILE]          write the IR of every page under DIR as JSON
  generate [--spec DIR] [--out DIR]   write every output (defaults: spec/ and generated/)
  generate --check                    exit 1 and name the files when the output folder is stale
  diff OLD NEW                        what changed between two spec versions (directories or IR files)
  diff --git-range REV1..REV2 [--spec DIR]
                                      the same for the spec directory at two git revisions
  history --spec-versions DIR...      per object and key, the version in which each fact changed
  history --git-revs REV,REV,... [--spec DIR]
                                      the same for the spec directory at several git revisions
  validate [options] FILE|DIR...      check profiles (XML, binary or signed), declarations, MDM commands
                                      and check-in messages; directories are searched recursively
  site --out DIR [--from DIR] [--history FILE]
                                      the reference site (HTML, search, validator page) of a generated
                                      package (default generated/) and spec/history.json, to DIR
  update-spec --from DIR [--label L] [--reports DIR]
                                      replace spec/'s pages with DIR's, regenerate, bump the package
                                      version and write reports/spec-L.md (or DIR/spec-L.md);
                                      exit 1 on breaking changes

Diff options:
  --format md|json        the report's format (default md)
  --fail-on breaking|any  exit 1 when a breaking change (or any change) exists
  --out FILE              write the report to FILE instead of stdout
  --docs-base BASE        link each change to its page lines: BASE + the side's directory (or
                          REV/DIR with --git-range) + file#Lline, e.g. https://github.com/o/r/blob/
  --max-lines N           fit the Markdown into N lines (summary and breaking changes kept whole)

History options (oldest version first; DIR may also be an IR file):
  --object NAME           only this object, with every fact it states
  --key KEY               only keys of this name, with every fact they state
  --format md|json        the report's format (default md); --out FILE as for diff

Validate options:
  --spec DIR              validate against this spec directory (default: the checked-in validators)
  --platform P            the target platform: ${PLATFORMS.join(', ')}
  --os-version V          with --platform: report keys not yet there, removed or deprecated by V
  --supervised, --unsupervised
                          the device's supervision: report keys that need supervision, and
                          deprecations for unsupervised devices
  --enrollment E          device, user (User Enrollment) or automated
  --trust FILE            PEM certificates: verify each signer's chain to them
  --allow-key KEY         never report KEY as unknown (repeatable), e.g. PayloadEnabled
  --ignore CODE[:PATH]    leave out findings of CODE (at PATH; * matches within a key) (repeatable)
  --format text|json|sarif
                          the report's format (default text); --json is --format json
  --out FILE              write the report to FILE (its folder is created)
  --strict                unknown keys are errors, not warnings
  --config FILE, --no-config
                          options from FILE instead of the nearest .dmspecrc.json, or from none
  Exit 0 clean, 1 problems found, 2 a file could not be read.

Options:
  --json        print diagnostics as JSON
  --quiet       print only error diagnostics
  --verbose     also print notes (info diagnostics), which are counted but not listed by default
  --version     print dmspec's version
  -h, --help    show this help
`;

/**
 * `dmspec COMMAND --help`: the command's lines of `USAGE`, its own options and the common ones,
 * cut from `USAGE` itself so the two cannot disagree; undefined for a command `USAGE` lacks.
 */
export function commandUsage(command: string): string | undefined {
  const blocks = USAGE.split('\n\n');
  const mine: string[] = [];
  let inMine = false;
  for (const line of blocks.find((b) => b.startsWith('Commands:'))?.split('\n').slice(1) ?? []) {
    // A command's first line starts two spaces in; its continuation lines further.
    if (/^ {2}\S/.test(line)) inMine = line.trim().split(' ')[0] === command;
    if (inMine) mine.push(line);
  }
  if (!mine.length) return undefined;
  const own = blocks.find((b) => b.startsWith(`${command[0]!.toUpperCase()}${command.slice(1)} options`));
  const common = blocks.find((b) => b.startsWith('Options:')) ?? '';
  return [`Usage: dmspec ${command} [options]`, '', ...mine, '', ...(own ? [own, ''] : []), common.endsWith('\n') ? common : `${common}\n`].join('\n');
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CommandResult {
  diagnostics: Diagnostic[];
  /** Extra lines for stderr (summaries, file lists). */
  messages: string[];
  stdout?: string;
  outFile?: string;
  outText?: string;
  /** What `--json` prints instead of the diagnostics. */
  jsonReport?: unknown;
  /** Set when the exit code is not just "1 if any error diagnostic". */
  exitCode?: number;
}

export interface CommandOptions {
  spec?: string | undefined;
  out?: string | undefined;
  check?: boolean | undefined;
  json?: boolean | undefined;
  format?: string | undefined;
  'fail-on'?: string | undefined;
  'git-range'?: string | undefined;
  'docs-base'?: string | undefined;
  'max-lines'?: string | undefined;
  'spec-versions'?: string[] | undefined;
  'git-revs'?: string | undefined;
  object?: string | undefined;
  key?: string | undefined;
  platform?: string | undefined;
  'os-version'?: string | undefined;
  strict?: boolean | undefined;
  from?: string | undefined;
  label?: string | undefined;
  reports?: string | undefined;
  supervised?: boolean | undefined;
  unsupervised?: boolean | undefined;
  enrollment?: string | undefined;
  trust?: string | undefined;
  'allow-key'?: string[] | undefined;
  ignore?: string[] | undefined;
  config?: string | undefined;
  'no-config'?: boolean | undefined;
  history?: string | undefined;
}

/**
 * Diagnostics name pages relative to the spec root; print them relative to where the user is. A
 * generated-code error names a generated file, which is not under the spec.
 */
function underSpec(specDir: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.code === 'generated-code-error' ? d : { ...d, file: join(specDir, d.file).split(sep).join('/') }));
}

function counts(diagnostics: readonly Diagnostic[]): string {
  const n = (s: string): number => diagnostics.filter((d) => d.severity === s).length;
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'note')}`;
}

function irCommand(args: string[], o: CommandOptions): CommandResult {
  if (args.length) throw new UsageError(`unexpected argument ${args[0]}`);
  if (!o.spec) throw new UsageError('ir needs --spec DIR');
  const ir = parseSpecDir(o.spec);
  const text = irJson(ir);
  const shown = underSpec(o.spec, ir.diagnostics);
  const base = { diagnostics: shown, messages: [`${ir.objects.length} objects, ${counts(ir.diagnostics)}`] };
  // --json names files as the text does: relative to where dmspec runs.
  if (o.out) return { ...base, outFile: o.out, outText: text, jsonReport: { diagnostics: shown } };
  // Without --out the IR is the output, --json or not: it holds its diagnostics. On stdout the
  // JSON may reach a terminal: a page's bidi or C1 control characters are printed as escapes (the same JSON value).
  return { ...base, stdout: escapeJsonText(text) };
}

function generateCommand(args: string[], o: CommandOptions): CommandResult {
  if (args.length) throw new UsageError(`unexpected argument ${args[0]}`);
  const specDir = o.spec ?? 'spec';
  const outDir = o.out ?? 'generated';
  if (!o.check) {
    assertNotOverSpec(outDir, specDir);
    assertReplaceable(outDir, 'not-yet-known');
  }
  const result = generate(specDir, { package: readPackageInfo('.'), ...(existsSync('node_modules') ? { checkRecordDir: CHECK_RECORD_DIR } : {}) });
  const report = { diagnostics: underSpec(specDir, result.diagnostics) };
  if (o.check) {
    const drift = checkGenerated(outDir, result);
    const messages = [
      ...drift.changed.map((f) => `changed: ${outDir}/${f}`),
      ...drift.missing.map((f) => `missing: ${outDir}/${f}`),
      ...drift.extra.map((f) => `extra:   ${outDir}/${f}`),
      drift.clean ? `${outDir}/ is up to date` : `${outDir}/ is stale: run "npm run generate"`,
    ];
    return { diagnostics: report.diagnostics, messages, jsonReport: { ...report, drift }, exitCode: drift.clean ? 0 : 1 };
  }
  const written = writeGenerated(outDir, result);
  const messages = written
    ? [`wrote ${result.files.size} files to ${outDir}/ (${counts(result.diagnostics)})`]
    : [`${outDir}/ left as it was: generation raised errors (${counts(result.diagnostics)})`];
  return { diagnostics: report.diagnostics, messages, jsonReport: report, exitCode: written ? 0 : 1 };
}

/** `./spec/` → `spec/`: a directory as a prefix of page paths in links. */
function pagesPrefix(dir: string): string {
  const d = dir.split(sep).join('/').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  return d && d !== '.' ? `${d}/` : '';
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function diffCommand(args: string[], o: CommandOptions): CommandResult {
  const format = o.format ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format takes md or json, not ${format}`);
  const failOn = o['fail-on'];
  if (failOn !== undefined && failOn !== 'breaking' && failOn !== 'any') throw new UsageError(`--fail-on takes breaking or any, not ${failOn}`);
  const maxLines = o['max-lines'] === undefined ? undefined : Number(o['max-lines']);
  if (maxLines !== undefined && !(Number.isInteger(maxLines) && maxLines > 0)) throw new UsageError(`--max-lines takes a positive whole number, not ${o['max-lines']}`);
  if (maxLines !== undefined && format === 'json') throw new UsageError('--max-lines fits the Markdown report; the JSON report always lists every change');
  let report: DiffReport;
  // With --docs-base, page lines link to BASE + the side's directory (or REV/DIR) + file.
  const docsBase = o['docs-base'];
  const links: PageLinks = {};
  if (o['git-range'] !== undefined) {
    if (args.length) throw new UsageError('--git-range takes no OLD NEW arguments');
    const [a, b] = splitRange(o['git-range']);
    const spec = o.spec ?? 'spec';
    report = diffIr(loadGitSide(a, spec), loadGitSide(b, spec), { old: `${a}:${spec}`, new: `${b}:${spec}` });
    if (docsBase !== undefined) Object.assign(links, { old: `${docsBase}${a}/${pagesPrefix(spec)}`, new: `${docsBase}${b}/${pagesPrefix(spec)}` });
  } else {
    if (args.length !== 2) throw new UsageError('diff takes OLD and NEW (spec directories or IR files), or --git-range');
    const [a, b] = args as [string, string];
    report = diffIr(loadSide(a), loadSide(b), { old: a, new: b });
    if (docsBase !== undefined) {
      if (isDirectory(a)) links.old = `${docsBase}${pagesPrefix(a)}`;
      if (isDirectory(b)) links.new = `${docsBase}${pagesPrefix(b)}`;
    }
  }
  const text = format === 'json' ? jsonReport(report) : markdownReport(report, { links, ...(maxLines !== undefined ? { maxLines } : {}) });
  const failing = failOn === 'any' ? report.changes.length > 0 : failOn === 'breaking' ? report.summary.breaking > 0 : false;
  const summary = `${report.summary.breaking} breaking, ${report.summary.additive} additive, ${report.summary.informational} informational, ${plural(report.summary.descriptionOnly, 'description-only change')}`;
  const base = { diagnostics: [], messages: [summary], exitCode: failing ? 1 : 0 };
  return o.out ? { ...base, outFile: o.out, outText: text } : { ...base, stdout: text };
}

function historyCommand(args: string[], o: CommandOptions): CommandResult {
  const format = o.format ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format takes md or json, not ${format}`);
  let versions;
  if (o['git-revs'] !== undefined) {
    if (args.length || o['spec-versions']?.length) throw new UsageError('--git-revs takes no spec directories');
    const spec = o.spec ?? 'spec';
    const revs = o['git-revs'].split(',').map((r) => r.trim()).filter(Boolean);
    if (revs.length < 2) throw new UsageError('--git-revs takes at least two revisions, separated by commas');
    versions = revs.map((rev) => ({ label: `${rev}:${spec}`, ir: loadGitSide(rev, spec) }));
  } else {
    // `--spec-versions A B C`: the option takes A, B and C follow as arguments; order is kept.
    const dirs = [...(o['spec-versions'] ?? []), ...args];
    if (dirs.length < 2) throw new UsageError('history takes at least two spec versions (--spec-versions DIR DIR...), or --git-revs');
    versions = dirs.map((d) => ({ label: d, ir: loadSide(d) }));
  }
  const report = historyOf(versions, { ...(o.object !== undefined ? { object: o.object } : {}), ...(o.key !== undefined ? { property: o.key } : {}) });
  const text = format === 'json' ? historyJson(report) : historyMarkdown(report);
  const keys = report.entries.filter((e) => e.property !== undefined).length;
  const base = { diagnostics: [], messages: [`${plural(report.entries.length - keys, 'object entry', 'object entries')} and ${plural(keys, 'key entry', 'key entries')} across ${plural(versions.length, 'version')}`], exitCode: 0 };
  return o.out ? { ...base, outFile: o.out, outText: text } : { ...base, stdout: text };
}

function platformOption(value: string | undefined): Platform | undefined {
  if (value === undefined) return undefined;
  const found = PLATFORMS.find((p) => p.toLowerCase() === value.toLowerCase());
  if (!found) throw new UsageError(`--platform takes one of ${PLATFORMS.join(', ')}, not ${value}`);
  return found;
}

/** Reads `--trust FILE`'s PEM certificates; a file that holds none is a usage error. */
function trustOption(file: string | undefined): TrustAnchors | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--trust ${file}: cannot read it: ${ioReason(e)}`);
  }
  try {
    return readPemCertificates(text, file);
  } catch (e) {
    if (e instanceof TrustError) throw new UsageError(`--trust ${e.message}`);
    throw e;
  }
}

const ENROLLMENTS = ['device', 'user', 'automated'] as const;

/** The configuration file (`--config FILE`, else the nearest `.dmspecrc.json`), unless `--no-config`. */
function configFor(o: CommandOptions): ValidateConfig | undefined {
  if (o['no-config']) return undefined;
  const file = o.config ?? findConfigFile(process.cwd());
  if (file === undefined) return undefined;
  try {
    return readConfigFile(file);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

async function validateCommand(args: string[], o: CommandOptions): Promise<CommandResult> {
  if (!args.length) throw new UsageError('validate needs at least one FILE or DIRECTORY');
  const config = configFor(o);
  const platform = platformOption(o.platform ?? config?.platform);
  const osVersion = o['os-version'] ?? config?.osVersion;
  if (osVersion !== undefined && !/^\d+(\.\d+)*$/.test(osVersion)) throw new UsageError(`--os-version takes a version such as 17.4, not ${osVersion}`);
  if (osVersion !== undefined && platform === undefined) throw new UsageError('--os-version needs --platform');
  if (o.supervised && o.unsupervised) throw new UsageError('--supervised and --unsupervised exclude each other');
  const supervised = o.supervised ? true : o.unsupervised ? false : config?.supervised;
  const enrollment = o.enrollment ?? config?.enrollment;
  if (enrollment !== undefined && !(ENROLLMENTS as readonly string[]).includes(enrollment)) throw new UsageError(`--enrollment takes ${ENROLLMENTS.join(', ')}, not ${enrollment}`);
  if (enrollment === 'user' && supervised === true) throw new UsageError('--enrollment user describes an unsupervised device: drop --supervised');
  const format = o.json ? 'json' : (o.format ?? config?.format ?? 'text');
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format takes text, json or sarif, not ${format}`);
  const ignore = [...(config?.ignore ?? []), ...(o.ignore ?? []).map((t) => {
    const rule = readIgnoreRule(t);
    if (typeof rule === 'string') throw new UsageError(`--ignore: ${rule}`);
    return rule;
  })];
  const allowKeys = [...(config?.allowKeys ?? []), ...(o['allow-key'] ?? [])];
  const trust = trustOption(o.trust ?? config?.trust);
  const loaded = await validatorsFor(o.spec !== undefined ? { spec: o.spec } : {});
  const diagnostics = o.spec !== undefined ? underSpec(o.spec, loaded.diagnostics).filter((d) => d.severity === 'error') : [];
  if (!loaded.validators) {
    return { diagnostics, messages: [`cannot validate: the spec ${o.spec ?? ''} has errors`], exitCode: 2 };
  }
  let reports;
  try {
    reports = await validateProfileFiles(args, loaded.validators, {
      ...(platform !== undefined ? { platform } : {}),
      ...(osVersion !== undefined ? { osVersion } : {}),
      ...(o.strict || config?.strict ? { strict: true } : {}),
      ...(supervised !== undefined ? { supervised } : {}),
      ...(enrollment !== undefined ? { enrollment: enrollment as Enrollment } : {}),
      ...(trust ? { trust } : {}),
      ...(allowKeys.length || ignore.length ? { filters: { allowKeys, ignore } } : {}),
      timeoutMs: 10_000,
    });
  } catch (e) {
    if (e instanceof CollectError) throw new UsageError(e.message);
    throw e;
  }
  const text = format === 'sarif' ? sarifReport(reports, { version: toolVersion() }) : format === 'json' ? `${JSON.stringify(jsonValidationReport(reports), null, 2)}\n` : textReport(reports);
  const exitCode = validationExitCode(reports);
  const messages = emptyDirectories(args, reports).map((dir) => `warning: ${dir} holds no documents (files ending in ${DOCUMENT_EXTENSIONS.join(', ')}; hidden entries and node_modules are skipped)`);
  if (o.out !== undefined) messages.push(summaryLine(summarise(reports)));
  return o.out !== undefined
    ? { diagnostics, messages, outFile: o.out, outText: text, exitCode }
    : { diagnostics, messages, stdout: text, exitCode };
}

/** The directories among `args` that gave no file to validate: most likely a wrong path, said so rather than a clean "0 files". */
function emptyDirectories(args: readonly string[], reports: readonly { file: string }[]): string[] {
  return args.filter((arg) => {
    try {
      if (!statSync(arg).isDirectory()) return false;
    } catch {
      return false;
    }
    // Collected paths are joined (`./x` becomes `x`): compare whole paths.
    const prefix = `${resolve(arg)}${sep}`.replace(/[/\\]+$/, sep);
    return !reports.some((r) => resolve(r.file).startsWith(prefix));
  });
}

/** dmspec's own version, from its package.json. */
export function toolVersion(): string {
  const file = join(dirname(fileURLToPath(import.meta.url)), existsSync(join(dirname(fileURLToPath(import.meta.url)), '../package.json')) ? '../package.json' : '../../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function updateSpecCommand(args: string[], o: CommandOptions): CommandResult {
  if (args.length) throw new UsageError(`unexpected argument ${args[0]}`);
  if (!o.from) throw new UsageError('update-spec needs --from DIR (a folder of pages or a mirror checkout)');
  const specDir = o.spec ?? 'spec';
  const r = updateSpec({
    from: o.from, specDir, outDir: o.out ?? 'generated', reportsDir: o.reports ?? 'reports',
    package: readPackageInfo('.'), ...(o.label !== undefined ? { label: o.label } : {}),
  });
  const diagnostics = underSpec(o.from, r.diagnostics);
  if (!r.updated || !r.package || !r.report) {
    return { diagnostics, messages: [`${specDir}/ and the output left as they were: generation raised errors (${counts(r.diagnostics)})`], exitCode: 2 };
  }
  if (existsSync('package.json')) writePackageInfo('.', r.package);
  const s = r.report.summary;
  return {
    diagnostics,
    messages: [
      `${specDir}/ now holds the pages of ${o.from}; ${r.package.name} ${r.package.version} (${r.bump} bump)`,
      `${s.breaking} breaking, ${s.additive} additive, ${s.informational} informational, ${s.descriptionOnly} description-only changes: ${r.reportFiles?.join(', ')}`,
    ],
    jsonReport: { bump: r.bump, package: r.package, summary: s, reports: r.reportFiles, diagnostics: r.diagnostics },
    exitCode: s.breaking > 0 ? 1 : 0,
  };
}

async function siteCommandOf(args: string[], o: CommandOptions): Promise<CommandResult> {
  if (args.length) throw new UsageError(`unexpected argument ${args[0]}`);
  if (!o.out) throw new UsageError('site needs --out DIR (npm run site writes dist/site)');
  const from = o.from ?? 'generated';
  const info = readPackageInfo('.');
  const result = await siteCommand({ from, out: o.out, spec: o.spec ?? 'spec', specLabel: info.spec, ...(o.history !== undefined ? { history: o.history } : {}) });
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  return { diagnostics: result.diagnostics, messages: [failed ? `${o.out}/ left as it was: the site could not be built` : `wrote ${result.files.size} files to ${o.out}/ (open ${o.out}/index.html)`], exitCode: failed ? 1 : 0 };
}

/** Runs one command. Throws `UsageError` for bad arguments. */
export async function runCommand(command: string, args: string[], options: CommandOptions): Promise<CommandResult> {
  switch (command) {
    case 'ir':
      return irCommand(args, options);
    case 'generate':
      return generateCommand(args, options);
    case 'diff':
      return diffCommand(args, options);
    case 'history':
      return historyCommand(args, options);
    case 'validate':
      return validateCommand(args, options);
    case 'update-spec':
      return updateSpecCommand(args, options);
    case 'site':
      return siteCommandOf(args, options);
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}
