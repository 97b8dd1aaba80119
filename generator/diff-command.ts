/**
 * `dmspec diff` and `dmspec history`: arguments to the sides or versions (directories, IR files
 * or git revisions, every one read and checked before any is parsed), then the report. A side
 * with pages the parser refused gives no report: its errors, exit 1.
 */
import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError, type CommandResult } from './command-result.js';
import type { CommandOptions } from './commands.js';
import { diffIr, historyJson, historyMarkdown, historyOf, jsonReport, loadGitSides, loadSides, markdownReport, splitRange, unmatchedFilter, type DiffReport, type GitSide, type PageLinks } from './diff/index.js';
import { pathInRepository } from './diff/git-pages.js';
import type { Diagnostic } from './model/diagnostics.js';
import type { IrDocument } from './model/ir.js';
import { REFERENCE_TOO_DEEP } from './model/reference-depth.js';
import { plural } from './validate/report.js';

/**
 * Where a directory's pages are for `--docs-base` links: its path from the top of the git work
 * tree that holds it, else from where dmspec runs; a directory outside both has no path a link
 * could name (`blob/../shared/…` resolves nowhere), which is a usage error.
 */
function linkPrefix(dir: string): string {
  let path: string;
  try {
    path = pathInRepository('.', dir);
  } catch {
    path = relative(process.cwd(), resolve(dir)).split(sep).join('/');
    if (path === '..' || path.startsWith('../') || isAbsolute(path)) {
      throw new UsageError(`--docs-base: ${dir} is neither in a git work tree nor below the working directory, so no link can name its pages`);
    }
  }
  return path ? `${path}/` : '';
}

/** The error diagnostics of one side, with pages named as the user gave the side (`dir/x.md`, `REV:spec/x.md`). */
function sideErrors(ir: IrDocument, place: (file: string) => string): Diagnostic[] {
  return ir.diagnostics.filter(unread).map((d) => ({ ...d, file: place(d.file) }));
}

/** An error that leaves objects out of the IR: a chain of references too deep to generate leaves none out, and a diff reads it whole. */
const unread = (d: Diagnostic): boolean => d.severity === 'error' && d.code !== REFERENCE_TOO_DEEP;

/**
 * The sides of a diff or the versions of a history, loaded; a side whose pages could not all be
 * read stops the command (exit 1) with their errors: its objects would show as removed.
 */
function unreadable(sides: readonly { label: string; ir: IrDocument; place: (file: string) => string }[]): CommandResult | undefined {
  const diagnostics = sides.flatMap((s) => sideErrors(s.ir, s.place));
  if (!diagnostics.length) return undefined;
  const which = sides.filter((s) => s.ir.diagnostics.some(unread)).map((s) => s.label);
  return { diagnostics, messages: [`no report: ${which.join(' and ')} ${which.length === 1 ? 'has' : 'have'} pages that could not be read, whose objects it would show as removed`], exitCode: 1 };
}

/** Pages of a directory side named below it; an IR file's diagnostics name pages as its spec did. */
const underDir = (side: string) => (file: string): string => (isDirectory(side) ? join(side, file).split(sep).join('/') : file);
const atRev = (rev: string, path: string) => (file: string): string => `${rev}:${path ? `${path}/` : ''}${file}`;

export function diffCommand(args: string[], o: CommandOptions): CommandResult {
  const format = o.format ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format takes md or json, not ${format}`);
  const failOn = o['fail-on'];
  if (failOn !== undefined && failOn !== 'breaking' && failOn !== 'any') throw new UsageError(`--fail-on takes breaking or any, not ${failOn}`);
  const maxLines = o['max-lines'] === undefined ? undefined : Number(o['max-lines']);
  if (maxLines !== undefined && !(Number.isInteger(maxLines) && maxLines > 0)) throw new UsageError(`--max-lines takes a positive whole number, not ${o['max-lines']}`);
  if (maxLines !== undefined && format === 'json') throw new UsageError('--max-lines fits the Markdown report; the JSON report always lists every change');
  let report: DiffReport;
  // With --docs-base, page lines link to BASE + the side's path (or COMMIT/ + the spec's path) + file.
  const docsBase = o['docs-base'];
  const links: PageLinks = {};
  if (o['git-range'] !== undefined) {
    if (args.length) throw new UsageError('--git-range takes no OLD NEW arguments');
    const [a, b] = splitRange(o['git-range']);
    const spec = o.spec ?? 'spec';
    const [x, y] = loadGitSides([a, b], spec) as [GitSide, GitSide];
    const refused = unreadable([{ label: `${a}:${spec}`, ir: x.ir, place: atRev(a, x.path) }, { label: `${b}:${spec}`, ir: y.ir, place: atRev(b, y.path) }]);
    if (refused) return refused;
    report = diffIr(x.ir, y.ir, { old: `${a}:${spec}`, new: `${b}:${spec}` });
    // A revision such as HEAD~1 names another commit tomorrow: links name the commit.
    if (docsBase !== undefined) Object.assign(links, { old: `${docsBase}${x.commit}/${x.path ? `${x.path}/` : ''}`, new: `${docsBase}${y.commit}/${y.path ? `${y.path}/` : ''}` });
  } else {
    if (args.length !== 2) throw new UsageError('diff takes OLD and NEW (spec directories or IR files), or --git-range');
    const [a, b] = args as [string, string];
    const [x, y] = loadSides([a, b]) as [IrDocument, IrDocument];
    const refused = unreadable([{ label: a, ir: x, place: underDir(a) }, { label: b, ir: y, place: underDir(b) }]);
    if (refused) return refused;
    report = diffIr(x, y, { old: a, new: b });
    if (docsBase !== undefined) {
      if (isDirectory(a)) links.old = `${docsBase}${linkPrefix(a)}`;
      if (isDirectory(b)) links.new = `${docsBase}${linkPrefix(b)}`;
    }
  }
  const text = format === 'json' ? jsonReport(report) : markdownReport(report, { links, ...(maxLines !== undefined ? { maxLines } : {}) });
  const failing = failOn === 'any' ? report.changes.length > 0 : failOn === 'breaking' ? report.summary.breaking > 0 : false;
  const summary = `${report.summary.breaking} breaking, ${report.summary.additive} additive, ${report.summary.informational} informational, ${plural(report.summary.descriptionOnly, 'description-only change')}`;
  const base = { diagnostics: [], messages: [summary], exitCode: failing ? 1 : 0 };
  return o.out ? { ...base, outFile: o.out, outText: text } : { ...base, stdout: text };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function historyCommand(args: string[], o: CommandOptions): CommandResult {
  const format = o.format ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format takes md or json, not ${format}`);
  let versions;
  if (o['git-revs'] !== undefined) {
    if (args.length || o['spec-versions']?.length) throw new UsageError('--git-revs takes no spec directories');
    const spec = o.spec ?? 'spec';
    const revs = o['git-revs'].split(',').map((r) => r.trim()).filter(Boolean);
    if (revs.length < 2) throw new UsageError('--git-revs takes at least two revisions, separated by commas');
    versions = loadGitSides(revs, spec).map((side, i) => ({ label: `${revs[i]!}:${spec}`, ir: side.ir, place: atRev(revs[i]!, side.path) }));
  } else {
    // `--spec-versions A B C`: the option takes A, B and C follow as arguments; order is kept.
    const dirs = [...(o['spec-versions'] ?? []), ...args];
    if (dirs.length < 2) throw new UsageError('history takes at least two spec versions (--spec-versions DIR DIR...), or --git-revs');
    versions = loadSides(dirs).map((ir, i) => ({ label: dirs[i]!, ir, place: underDir(dirs[i]!) }));
  }
  const refused = unreadable(versions);
  if (refused) return refused;
  const filter = { ...(o.object !== undefined ? { object: o.object } : {}), ...(o.key !== undefined ? { property: o.key } : {}) };
  const unmatched = unmatchedFilter(versions, filter);
  if (unmatched !== undefined) throw new UsageError(unmatched);
  const report = historyOf(versions, filter);
  const text = format === 'json' ? historyJson(report) : historyMarkdown(report);
  const keys = report.entries.filter((e) => e.property !== undefined).length;
  const base = { diagnostics: [], messages: [`${plural(report.entries.length - keys, 'object entry', 'object entries')} and ${plural(keys, 'key entry', 'key entries')} across ${plural(versions.length, 'version')}`], exitCode: 0 };
  return o.out ? { ...base, outFile: o.out, outText: text } : { ...base, stdout: text };
}
