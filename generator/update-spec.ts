/**
 * A maintainer's update in one step: the pages of `spec/` replaced by those of another folder (a
 * mirror checkout or a folder of pages), `generated/` regenerated, the generated package's
 * version bumped by what changed, and the diff report of the two versions written beside the
 * output. Everything is computed in memory first; the disk is touched only when generation
 * succeeded, and then `generated/` and `spec/` are each swapped whole, so a failure leaves both
 * as they were.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diffIr, markdownReport, jsonReport, type DiffReport } from './diff/index.js';
import { assertNotOverSpec, assertReplaceable } from './emit/output-ownership.js';
import type { PackageInfo } from './emit/package-view.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from './model/diagnostics.js';
import { parsePages } from './parse/index.js';
import { listSpecFiles, readSpec } from './parse/read-spec.js';
import { createGenerateCache, generateFromPages, writeGenerated } from './pipeline.js';

export type VersionBump = 'major' | 'minor' | 'patch' | 'none';

export interface UpdateSpecOptions {
  /** The folder of new pages, or a mirror checkout holding them in `docs/devicemanagement`. */
  from: string;
  specDir: string;
  outDir: string;
  reportsDir: string;
  /** Names the new version in the report's file name (`2026-08-18`); default: a date in `from`'s path. */
  label?: string;
  /** The generated package as it is now; its version is bumped. */
  package: PackageInfo;
}

export interface UpdateSpecResult {
  /** False when nothing was changed on disk (see the diagnostics). */
  updated: boolean;
  diagnostics: Diagnostic[];
  report?: DiffReport;
  bump?: VersionBump;
  package?: PackageInfo;
  /** The Markdown and JSON report files written. */
  reportFiles?: string[];
}

export class UpdateSpecError extends Error {
  override name = 'UpdateSpecError';
}

/** Major for a breaking change, minor for an additive one, patch for any other, none for none. */
export function versionBump(report: DiffReport): VersionBump {
  if (report.summary.breaking > 0) return 'major';
  if (report.summary.additive > 0) return 'minor';
  return report.changes.length ? 'patch' : 'none';
}

export function bumpVersion(version: string, bump: VersionBump): string {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).map(Number);
  switch (bump) {
    case 'major': return `${major + 1}.0.0`;
    case 'minor': return `${major}.${minor + 1}.0`;
    case 'patch': return `${major}.${minor}.${patch + 1}`;
    case 'none': return version;
  }
}

/** The folder that holds the pages: `from` itself, or a mirror checkout's `docs/devicemanagement`. */
export function pagesFolder(from: string): string {
  const mirror = join(from, 'docs', 'devicemanagement');
  return existsSync(mirror) && statSync(mirror).isDirectory() ? mirror : from;
}

function labelOf(options: UpdateSpecOptions): string {
  const label = options.label ?? /\d{4}-\d{2}-\d{2}/.exec(options.from)?.[0];
  if (label === undefined) throw new UpdateSpecError(`no date in ${options.from}: name the new version with --label`);
  if (!/^[\w.-]{1,64}$/.test(label)) throw new UpdateSpecError(`--label takes letters, digits, '.', '-' and '_', not ${JSON.stringify(label)}`);
  return label;
}

/** Runs the update; throws `UpdateSpecError` for unusable arguments, before touching anything. */
export function updateSpec(options: UpdateSpecOptions): UpdateSpecResult {
  const label = labelOf(options);
  // Refused before any work: an output over the spec, or a folder dmspec did not write.
  assertNotOverSpec(options.outDir, options.specDir);
  assertReplaceable(options.outDir, 'not-yet-known');
  const source = pagesFolder(options.from);
  const pages = readSpec(source);
  if (!pages.length) throw new UpdateSpecError(`${source} holds no pages`);
  const cache = createGenerateCache();
  const after = parsePages(pages, cache.pages);
  // New pages that do not parse fail the update before the old ones are read and compared.
  if (hasErrors(after.diagnostics)) return { updated: false, diagnostics: [...after.diagnostics].sort(compareDiagnostics) };
  const before = parsePages(readSpec(options.specDir));
  const report = diffIr(before, after, { old: options.specDir, new: `${options.specDir} (${label})` });
  const bump = versionBump(report);
  const info: PackageInfo = { ...options.package, version: bumpVersion(options.package.version, bump), spec: `Apple's Device Management reference pages of ${label}` };
  const result = generateFromPages(pages, { cache, package: info });
  if (hasErrors(result.diagnostics)) return { updated: false, diagnostics: result.diagnostics, report, bump };

  const staged = `${options.specDir}.dmspec-new-${process.pid}`;
  rmSync(staged, { recursive: true, force: true });
  try {
    copyPages(source, staged);
    if (!writeGenerated(options.outDir, result)) throw new UpdateSpecError(`${options.outDir} was not written`);
  } catch (e) {
    rmSync(staged, { recursive: true, force: true });
    throw e;
  }
  swapIn(options.specDir, staged);
  const reportFiles = writeReports(options.reportsDir, label, report, bump, options.package, info);
  return { updated: true, diagnostics: result.diagnostics, report, bump, package: info, reportFiles };
}

/** Copies the `.md` pages of `source`, in their folders, to `target` (nothing else of a checkout). */
function copyPages(source: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const file of listSpecFiles(source)) {
    const to = join(target, file);
    mkdirSync(dirname(to), { recursive: true });
    cpSync(join(source, file), to);
  }
}

/** Replaces `dir` by `staged`: the old folder is renamed aside first, and removed last. */
function swapIn(dir: string, staged: string): void {
  const old = `${dir}.dmspec-old-${process.pid}`;
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(staged, dir);
  rmSync(old, { recursive: true, force: true });
}

function writeReports(dir: string, label: string, report: DiffReport, bump: VersionBump, before: PackageInfo, after: PackageInfo): string[] {
  mkdirSync(dir, { recursive: true });
  const md = join(dir, `spec-${label}.md`);
  const json = join(dir, `spec-${label}.json`);
  const s = report.summary;
  const heading = [
    `# Spec update: ${label}`,
    '',
    `Version bump for ${before.name}: **${bump}** (${before.version} → ${after.version}): ${s.breaking} breaking, ${s.additive} additive, ${s.informational} informational and ${s.descriptionOnly} description-only changes.`,
    '',
  ].join('\n');
  writeFileSync(md, `${heading}\n${markdownReport(report)}`);
  writeFileSync(json, jsonReport(report));
  return [md, json];
}
