/**
 * The CLI's commands as functions from arguments to a result to print. They read and write
 * files through the library but never print or exit: `cli.ts` does that.
 */
import { parseSpecDir } from './parse/index.js';
import { CHECK_RECORD_DIR, checkGenerated, generate, writeGeneratedAsync } from './pipeline.js';
import { irJson } from './emit/ir-json.js';
import { escapeJsonText } from './terminal-text.js';
import { existsSync } from 'node:fs';
import { readPackageInfo } from './project-config.js';
import { assertNotOverSpec, assertReplaceable } from './emit/output-ownership.js';
import { REFERENCE_TOO_DEEP } from './model/reference-depth.js';
import { PLATFORMS } from './model/ir.js';
import { counts, UsageError, underSpec, type CommandResult } from './command-result.js';
import { validateCommand } from './validate-command.js';
import { migrateCommand } from './migrate-command.js';
import { diffCommand, historyCommand } from './diff-command.js';
import { updateSpecCommand } from './update-spec-command.js';
import { updatePending } from './update-journal.js';
import { signCommand, unsignCommand } from './profile-commands.js';
import { newCommand } from './new-command.js';

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
  migrate FILE [--out DIR]            the declarations that replace a profile's keys, as far as the
                                      pages say; lists every key left and why, and checks the set
  sign --cert FILE --key FILE [--out FILE] PROFILE
                                      sign a profile (XML or binary) with the key and the certificate it
                                      belongs to (FILE may also hold its chain); to stdout without --out
  unsign [--out FILE] PROFILE         the plist a signed profile carries, byte for byte, and its signer
  new PAYLOADTYPE... [--out FILE]     a profile of those payloads with each key their pages require
  new REQUESTTYPE [--out FILE]        an MDM command with the keys its page requires (both validate)
  site --out DIR [--from DIR] [--history FILE]
                                      the reference site (HTML, search, validator page) of a generated
                                      package (default generated/) and spec/history.json, to DIR;
                                      in a checkout (npm run site writes dist/site)
  update-spec --from DIR [--label L] [--reports DIR] [--force]
                                      replace spec/'s pages with DIR's, regenerate, bump the package
                                      version (package.json and its lock) and write reports/spec-L.md
                                      (or DIR/spec-L.md); exit 1 on breaking changes; --force to lose
                                      more than a quarter of the pages; without --from, finish or
                                      undo an update that was interrupted

Diff options:
  --format md|json        the report's format (default md)
  --fail-on breaking|any  exit 1 when a breaking change (or any change) exists
  --out FILE              write the report to FILE instead of stdout
  --docs-base BASE        link each change to its page lines: BASE + the side's path in its git
                          work tree (or COMMIT/DIR with --git-range) + file#Lline,
                          e.g. https://github.com/o/r/blob/main/ (https://github.com/o/r/blob/
                          with --git-range)
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
  --ignore CODE[:PATH]    leave out findings of CODE, at key paths matching PATH (repeatable):
                          * matches within a key, [*] any index, ** any keys and indexes (none
                          included), "..." a key holding dots; e.g. unknown-key:**.PayloadEnabled,
                          deprecated:PayloadContent[*]."com.apple.Safari".HomePage
  --exclude GLOB          leave out of directory walks what GLOB matches (repeatable): a name at
                          any depth (fixtures, *.json) or, with a /, a path from here
                          (test/fixtures/**); files named on the command line are always read
  --max-warnings N        fail the run when it has more than N warnings
  --format text|json|sarif
                          the report's format (default text); --json is --format json
  --out FILE              write the report to FILE (its folder is created)
  --strict                unknown keys are errors, not warnings
  --config FILE, --no-config
                          options from FILE instead of the nearest .dmspecrc.json, or from none
  --verbose               also name the configuration file, the options in force and the files
                          directory walks skipped (they are no device-management documents)
  Exit 0 when no finding is an error (warnings pass, unless more than --max-warnings), 1 when
  one is (a file that is no readable document is one), 2 on a usage or configuration error or a
  file dmspec cannot open (missing, unreadable, not a regular file).

Migrate options:
  --out DIR               write each declaration to DIR/IDENTIFIER.json (never replacing a file);
                          without it the declarations are printed as a JSON array
  --spec DIR              use this spec directory's facts (default: the checked-in package's)
  --json                  print the migration as JSON: declarations, carried, left, check
  Exit 0 done, 1 the migrated declarations have errors, 2 the file could not be read or written.

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

export { toolVersion, UsageError, type CommandResult } from './command-result.js';

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
  force?: boolean | undefined;
  supervised?: boolean | undefined;
  unsupervised?: boolean | undefined;
  enrollment?: string | undefined;
  trust?: string | undefined;
  'allow-key'?: string[] | undefined;
  ignore?: string[] | undefined;
  exclude?: string[] | undefined;
  'max-warnings'?: string | undefined;
  config?: string | undefined;
  'no-config'?: boolean | undefined;
  verbose?: boolean | undefined;
  /** `sign --cert FILE`; `sign --key FILE` is the `key` option, which history reads as a key's name. */
  cert?: string | undefined;
  /** `site --history FILE`: a history report (`history --format json`). */
  history?: string | undefined;
}


function irCommand(args: string[], o: CommandOptions): CommandResult {
  if (args.length) throw new UsageError(`unexpected argument ${args[0]}`);
  if (!o.spec) throw new UsageError('ir needs --spec DIR');
  const ir = parseSpecDir(o.spec);
  const text = irJson(ir);
  const shown = underSpec(o.spec, ir.diagnostics);
  // Past the depth limit the IR is whole (no object left out); only generating from it is refused.
  const deep = ir.diagnostics.some((d) => d.code === REFERENCE_TOO_DEEP)
    ? [`${o.out ?? 'the IR'} holds every object of ${o.spec}, but no code can be generated from this spec: generate and validate --spec refuse it (reference-too-deep)`]
    : [];
  const base = { diagnostics: shown, messages: [...deep, `${ir.objects.length} objects, ${counts(ir.diagnostics)}`] };
  // --json names files as the text does: relative to where dmspec runs.
  if (o.out) return { ...base, outFile: o.out, outText: text, jsonReport: { diagnostics: shown } };
  // Without --out the IR is the output, --json or not: it holds its diagnostics. On stdout the
  // JSON may reach a terminal: a page's bidi or C1 control characters are printed as escapes (the same JSON value).
  return { ...base, stdout: escapeJsonText(text) };
}

async function generateCommand(args: string[], o: CommandOptions): Promise<CommandResult> {
  if (args.length) throw new UsageError(`unexpected argument ${args[0]}`);
  const specDir = o.spec ?? 'spec';
  const outDir = o.out ?? 'generated';
  // Half an update's pages, or a new output over old pages: neither is a spec to generate from or check against.
  if (updatePending(specDir)) throw new UsageError(`an update-spec of ${specDir}/ was interrupted: run "dmspec update-spec" to finish or undo it`);
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
  const { written, notes } = await writeGeneratedAsync(outDir, result);
  const messages = written
    ? [...notes, `wrote ${result.files.size} files to ${outDir}/ (${counts(result.diagnostics)})`]
    : [`${outDir}/ left as it was: generation raised errors (${counts(result.diagnostics)})`];
  return { diagnostics: report.diagnostics, messages, jsonReport: report, exitCode: written ? 0 : 1 };
}

/**
 * `dmspec site`. The site's libraries (remark to HTML, highlighting, search) are development
 * dependencies of a checkout, not of the installed toolchain: the module is loaded only here, and
 * a toolchain without it says so instead of failing on import.
 */
async function siteCommandOf(args: string[], o: CommandOptions): Promise<CommandResult> {
  if (args.length) throw new UsageError(`unexpected argument ${args[0]}`);
  if (!o.out) throw new UsageError('site needs --out DIR (npm run site writes dist/site)');
  let site: typeof import('./site/site-command.js');
  try {
    site = await import('./site/site-command.js');
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new UsageError('site is built from a checkout of dmspec with its development dependencies (npm ci && npm run site)');
  }
  const from = o.from ?? 'generated';
  const result = await site.siteCommand({ from, out: o.out, spec: o.spec ?? 'spec', specLabel: readPackageInfo('.').spec, ...(o.history !== undefined ? { history: o.history } : {}) });
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  return { diagnostics: result.diagnostics, messages: [...result.notes, failed ? `${o.out}/ left as it was: the site could not be built` : `wrote ${result.files.size} files to ${o.out}/ (open ${o.out}/index.html)`], exitCode: failed ? 1 : 0 };
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
    case 'migrate':
      return migrateCommand(args, options);
    case 'update-spec':
      return updateSpecCommand(args, options);
    case 'site':
      return siteCommandOf(args, options);
    case 'sign':
      return signCommand(args, options);
    case 'unsign':
      return unsignCommand(args, options);
    case 'new':
      return newCommand(args, options);
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}
