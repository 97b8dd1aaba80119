/**
 * `dmspec validate`: options (command line over `.dmspecrc.json`) to a run of the validators, and
 * the run to a report in the format asked for. Prints nothing itself: `cli-main.ts` does.
 */
import { toolVersion, UsageError, underSpec, type CommandResult } from './command-result.js';
import type { CommandOptions } from './commands.js';
import { PLATFORMS, type Platform } from './model/ir.js';
import { CollectError, DOCUMENT_EXTENSIONS, readIgnoreRule, readPemCertificates, TrustError, validateDocumentFiles, validatorsFor, type TrustAnchors, type ValidationRun } from './validate/index.js';
import { jsonValidationReport, plural, summarise, summaryLine, textReport, validationExitCode, type ReportContext } from './validate/report.js';
import { sarifReport } from './validate/sarif.js';
import { ConfigError, findConfigFile, readConfigFile, type ConfigSearch, type ValidateConfig } from './validate/config-file.js';
import { isFileProblem, readRegularFile } from './validate/read-file.js';
import { compileExclude, type ExcludeRule } from './validate/collect-files.js';
import type { Enrollment } from '@dmspec/apple/validators';
import { escapeJsonText } from './terminal-text.js';
import { resolve, sep } from 'node:path';
import { statSync } from 'node:fs';

/** Largest `--trust` file read: a PEM bundle of every public root CA is about 250 kB. */
const MAX_TRUST_BYTES = 4 * 1024 * 1024;

/** The per-file time limit, reading and checking together. */
const TIMEOUT_MS = 10_000;

function platformOption(value: string | undefined): Platform | undefined {
  if (value === undefined) return undefined;
  const found = PLATFORMS.find((p) => p.toLowerCase() === value.toLowerCase());
  if (!found) throw new UsageError(`--platform takes one of ${PLATFORMS.join(', ')}, not ${value}`);
  return found;
}

/** Reads `--trust FILE`'s PEM certificates: a regular file of the user's own, within its size limit, holding at least one. */
function trustOption(file: string | undefined): TrustAnchors | undefined {
  if (file === undefined) return undefined;
  const bytes = readRegularFile(file, { maxBytes: MAX_TRUST_BYTES, private: true });
  if (isFileProblem(bytes)) throw new UsageError(`--trust ${file}: ${bytes.message}`);
  try {
    return readPemCertificates(Buffer.from(bytes).toString('latin1'), file);
  } catch (e) {
    if (e instanceof TrustError) throw new UsageError(`--trust ${e.message}`);
    throw e;
  }
}

const ENROLLMENTS = ['device', 'user', 'automated'] as const;

/** The configuration file (`--config FILE`, else the nearest `.dmspecrc.json`), unless `--no-config`. */
function configFor(o: CommandOptions): { config?: ValidateConfig; search?: ConfigSearch } {
  if (o['no-config']) return {};
  const search = o.config === undefined ? findConfigFile(process.cwd()) : undefined;
  const file = o.config ?? search?.file;
  if (file === undefined) return search ? { search } : {};
  try {
    return { config: readConfigFile(file), ...(search ? { search } : {}) };
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`${e.message}${e.refused && o.config === undefined ? ' (name another file with --config FILE, or run with --no-config)' : ''}`);
    throw e;
  }
}

function maxWarningsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, 0 or more, not ${value}`);
  return Number(value);
}

/** `--verbose`: the configuration file and every option in force, and what walks left out. */
function verboseLines(o: CommandOptions, found: { config?: ValidateConfig; search?: ConfigSearch }, inForce: ReadonlyArray<[string, string | undefined, boolean]>, run: ValidationRun): string[] {
  const lines: string[] = [];
  if (o['no-config']) lines.push('config: none (--no-config)');
  else if (found.config) lines.push(`config: ${found.config.file}`);
  else if (found.search) lines.push(`config: none found (looked in ${found.search.searched.join(', ') || 'no folder'}; stopped: ${found.search.stopped})`);
  const shown = inForce.filter(([, v]) => v !== undefined).map(([name, v, fromConfig]) => `${name}${v === '' ? '' : ` ${v}`}${fromConfig ? ' (config)' : ''}`);
  lines.push(`options: ${shown.join(', ')}`);
  if (run.excluded.length) lines.push(`excluded ${plural(run.excluded.length, 'path')}: ${run.excluded.join(', ')}`);
  if (run.skipped.length) {
    const byReason = new Map<string, string[]>();
    for (const s of run.skipped) {
      const files = byReason.get(s.reason);
      if (files) files.push(s.file);
      else byReason.set(s.reason, [s.file]);
    }
    const parts = [...byReason].map(([reason, files]) => `${files.length} ${reason} (${files.slice(0, 10).join(', ')}${files.length > 10 ? `, … ${files.length - 10} more` : ''})`);
    lines.push(`skipped ${plural(run.skipped.length, 'file')} (walks report only device-management documents): ${parts.join('; ')}`);
  }
  return lines;
}

export async function validateCommand(args: string[], o: CommandOptions): Promise<CommandResult> {
  if (!args.length) throw new UsageError('validate needs at least one FILE or DIRECTORY');
  const found = configFor(o);
  const config = found.config;
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
  const exclude: ExcludeRule[] = [...(config?.exclude ?? []), ...(o.exclude ?? []).map((pattern) => {
    const rule = { pattern, base: process.cwd() };
    const compiled = compileExclude(rule);
    if (typeof compiled === 'string') throw new UsageError(`--exclude: ${compiled}`);
    return rule;
  })];
  const maxWarnings = maxWarningsOption(o['max-warnings']) ?? config?.maxWarnings;
  const allowKeys = [...(config?.allowKeys ?? []), ...(o['allow-key'] ?? [])];
  const strict = Boolean(o.strict || config?.strict);
  const trustFile = o.trust ?? config?.trust;
  const trust = trustOption(trustFile);
  const loaded = await validatorsFor(o.spec !== undefined ? { spec: o.spec } : {});
  const diagnostics = o.spec !== undefined ? underSpec(o.spec, loaded.diagnostics).filter((d) => d.severity === 'error') : [];
  if (!loaded.validators) {
    return { diagnostics, messages: [`cannot validate: no validators can be generated from the spec ${o.spec ?? ''} (errors above); no document was checked`], exitCode: 2 };
  }
  let run;
  try {
    run = await validateDocumentFiles(args, loaded.validators, {
      ...(platform !== undefined ? { platform } : {}),
      ...(osVersion !== undefined ? { osVersion } : {}),
      ...(strict ? { strict: true } : {}),
      ...(supervised !== undefined ? { supervised } : {}),
      ...(enrollment !== undefined ? { enrollment: enrollment as Enrollment } : {}),
      ...(trust ? { trust } : {}),
      ...(allowKeys.length || ignore.length ? { filters: { allowKeys, ignore } } : {}),
      ...(exclude.length ? { exclude } : {}),
      timeoutMs: TIMEOUT_MS,
    });
  } catch (e) {
    if (e instanceof CollectError) throw new UsageError(e.message);
    throw e;
  }
  const { reports } = run;
  const context: ReportContext = { ...(config ? { config: config.file } : {}), skipped: run.skipped };
  const text = format === 'sarif'
    ? sarifReport(reports, { version: toolVersion() }, context)
    : format === 'json' ? `${escapeJsonText(JSON.stringify(jsonValidationReport(reports, context), null, 2))}\n` : textReport(reports, context);
  const exitCode = validationExitCode(reports, maxWarnings !== undefined ? { maxWarnings } : {});
  const messages: string[] = [];
  if (o.verbose) {
    const fromConfig = (cli: unknown): boolean => cli === undefined && config !== undefined;
    messages.push(...verboseLines(o, found, [
      ['spec', o.spec ?? '(the checked-in validators)', false],
      ['platform', platform, fromConfig(o.platform)],
      ['os-version', osVersion, fromConfig(o['os-version'])],
      [supervised === false ? 'unsupervised' : 'supervised', supervised === undefined ? undefined : '', !o.supervised && !o.unsupervised && config?.supervised !== undefined],
      ['enrollment', enrollment, fromConfig(o.enrollment)],
      ['strict', strict ? '' : undefined, !o.strict && config?.strict === true],
      ['allow-key', allowKeys.length ? allowKeys.join(' ') : undefined, false],
      ['ignore', ignore.length ? ignore.map((r) => (r.path === undefined ? r.code : `${r.code}:${r.path}`)).join(' ') : undefined, false],
      ['exclude', exclude.length ? exclude.map((r) => `${r.pattern} (from ${r.base})`).join(' ') : undefined, false],
      ['max-warnings', maxWarnings === undefined ? undefined : String(maxWarnings), o['max-warnings'] === undefined && config?.maxWarnings !== undefined],
      ['trust', trust ? `${trustFile} (${plural(trust.certificates.length, 'certificate')})` : undefined, fromConfig(o.trust)],
      ['format', format, !o.json && fromConfig(o.format) && config?.format !== undefined],
      ['time limit', `${TIMEOUT_MS} ms per file`, false],
    ], run));
  }
  messages.push(...emptyDirectories(args, reports, run).map((dir) => `warning: ${dir} holds no documents (files ending in ${DOCUMENT_EXTENSIONS.join(', ')} that are device-management documents; hidden entries and node_modules are skipped${run.skipped.length ? '; --verbose lists what was skipped' : ''})`));
  const s = summarise(reports, context);
  if (maxWarnings !== undefined && s.errors === 0 && s.warnings > maxWarnings) messages.push(`dmspec: ${plural(s.warnings, 'warning')}, more than --max-warnings ${maxWarnings}`);
  if (o.out !== undefined) messages.push(summaryLine(s));
  return o.out !== undefined
    ? { diagnostics, messages, outFile: o.out, outText: text, exitCode }
    : { diagnostics, messages, stdout: text, exitCode };
}

/** The directories among `args` that gave no file to validate: most likely a wrong path, said so rather than a clean "0 files". */
function emptyDirectories(args: readonly string[], reports: readonly { file: string }[], run: ValidationRun): string[] {
  return args.filter((arg) => {
    try {
      if (!statSync(arg).isDirectory()) return false;
    } catch {
      return false;
    }
    // Collected paths are joined (`./x` becomes `x`): compare whole paths.
    const prefix = `${resolve(arg)}${sep}`.replace(/[/\\]+$/, sep);
    return !reports.some((r) => resolve(r.file).startsWith(prefix)) && !run.excluded.some((p) => resolve(p).startsWith(prefix));
  });
}
