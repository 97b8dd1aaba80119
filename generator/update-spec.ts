/**
 * A maintainer's update in one step: the primary pages of `spec/` replaced by those of another
 * folder (a mirror checkout or a folder of pages), `generated/` regenerated, the generated
 * package's version bumped by what changed (in `package.json` and its lock file), and the diff
 * report of the two versions written. Everything is computed in memory first and checked; the
 * disk is then changed all or nothing through a journal (`update-journal.ts`), so a failure, or
 * a process killed half-way, never leaves a new `generated/` over old pages. Only the pages the
 * previous update wrote are replaced or removed (`spec-pages.ts`): any other file in the spec
 * folder (notes, images, the supplement) stays as it is.
 */
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { diffIr, markdownReport, jsonReport, type DiffReport } from './diff/index.js';
import { assertNotOverSpec, assertReplaceable } from './emit/output-ownership.js';
import type { PackageInfo } from './emit/package-view.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from './model/diagnostics.js';
import { IR_VERSION, type FlavourName, type IrDocument } from './model/ir.js';
import { manifestText as specManifestText, parsePages, readSpecFolder, SPEC_MANIFEST, specPages, type SpecFolder } from './parse/index.js';
import type { PageInput } from './parse/flavour.js';
import { SpecReadError } from './parse/read-spec.js';
import { createGenerateCache, generateFromPages } from './pipeline.js';
import { readPackageInfo, withLockedVersion, withPackageInfo } from './project-config.js';
import { PAGES_MANIFEST, pagesManifestText, primaryPages, sha256, SpecPagesError } from './spec-pages.js';
import { recoverUpdate, Update, UpdateJournalError, type Recovery } from './update-journal.js';

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
  /** The folder of the project's `package.json` and `package-lock.json`, updated with the version when present. */
  projectDir?: string;
  /** Go ahead although the update loses more than a quarter of the pages, or replaces pages edited since the last update. */
  force?: boolean;
  /**
   * A folder of records of passing type checks (as `generate` keeps them): the new output's check
   * is skipped when these exact inputs passed before, so a rerun after an interrupted update
   * does not check the same code again.
   */
  checkRecordDir?: string;
}

export interface UpdateSpecResult {
  /** False when nothing was changed on disk (see the diagnostics). */
  updated: boolean;
  diagnostics: Diagnostic[];
  report?: DiffReport;
  bump?: VersionBump;
  /** The generated package before and after the update. */
  previous?: PackageInfo;
  package?: PackageInfo;
  /** The labels of the version replaced and of the new one. */
  versions?: { old: string; new: string };
  /** The Markdown and JSON report files written. */
  reportFiles?: string[];
  /** An update a killed process had left, finished or undone before this one. */
  recovered?: Recovery;
  /** A note for each folder the update kept because it holds entries dmspec did not write. */
  notes?: string[];
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
  let stat;
  try {
    stat = statSync(from);
  } catch {
    throw new UpdateSpecError(`--from ${from} does not exist`);
  }
  if (!stat.isDirectory()) throw new UpdateSpecError(`--from ${from} is not a folder of pages`);
  const mirror = join(from, 'docs', 'devicemanagement');
  return existsSync(mirror) && statSync(mirror).isDirectory() ? mirror : from;
}

function labelOf(options: UpdateSpecOptions): string {
  const label = options.label ?? /\d{4}-\d{2}-\d{2}/.exec(options.from)?.[0];
  if (label === undefined) throw new UpdateSpecError(`no date in ${options.from}: name the new version with --label`);
  if (!/^[\w.-]{1,64}$/.test(label)) throw new UpdateSpecError(`--label takes letters, digits, '.', '-' and '_', not ${JSON.stringify(label)}`);
  return label;
}

const within = (root: string, p: string): boolean => {
  const r = relative(resolve(root), resolve(p));
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** Reports written into the spec folder would be read as pages, into the output folder replaced by the next generate. */
function assertReportsPlace(o: UpdateSpecOptions): void {
  if (within(o.specDir, o.reportsDir)) throw new UpdateSpecError(`--reports ${o.reportsDir} is inside the spec folder ${o.specDir}: a report there would be read as a page`);
  if (within(o.outDir, o.reportsDir)) throw new UpdateSpecError(`--reports ${o.reportsDir} is inside the output folder ${o.outDir}, which generate replaces whole`);
}

/**
 * Each new page's place in the spec folder must be free or hold a page the last update wrote:
 * no folder, link or other file may be in the way, and no folder on the way may be a link.
 */
function assertPlaces(specDir: string, pages: readonly string[], primary: ReadonlySet<string>): void {
  const seen = new Map<string, boolean>();
  const kind = (p: string): 'none' | 'dir' | 'file' | 'other' => {
    try {
      const st = lstatSync(join(specDir, p));
      return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    } catch {
      return 'none';
    }
  };
  for (const page of pages) {
    const parts = page.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!seen.has(dir)) seen.set(dir, ['none', 'dir'].includes(kind(dir)));
      if (!seen.get(dir)) throw new UpdateSpecError(`${join(specDir, dir)} is in the way of the new page ${page} (a file or a link, not a folder); nothing was changed`);
    }
    const k = kind(page);
    if (k === 'none') continue;
    if (k !== 'file') throw new UpdateSpecError(`${join(specDir, page)} is in the way of the new page of that name (a folder or a link); nothing was changed`);
    if (!primary.has(page)) throw new UpdateSpecError(`${join(specDir, page)} is not a page update-spec wrote, and the new version has a page of that name: move it away; nothing was changed`);
  }
}

function plural(n: number, one: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;
}

/** The label of the version in `specDir`: the manifest's, else a date in the package's spec line. */
function oldLabelOf(label: string | undefined, info: PackageInfo, specDir: string): string {
  return label ?? /\d{4}-\d{2}-\d{2}/.exec(info.spec)?.[0] ?? `${specDir} before the update`;
}

/**
 * Runs the update; throws `UpdateSpecError` for unusable arguments, or an update that would lose
 * data, before touching anything.
 */
export function updateSpec(options: UpdateSpecOptions): UpdateSpecResult {
  let recovered: Recovery | undefined;
  try {
    recovered = recoverUpdate(options.specDir);
  } catch (e) {
    if (e instanceof UpdateJournalError) throw new UpdateSpecError(e.message);
    throw e;
  }
  // A finished interrupted update changed the package's version: the caller read it before.
  const pkg = recovered?.outcome === 'finished' && options.projectDir !== undefined ? readPackageInfo(options.projectDir) : options.package;
  const source = pagesFolder(options.from);
  let incoming: PageInput[];
  try {
    // The new version's primary pages; a supplement it may carry is not ours to take.
    incoming = readSpecFolder(source).primary;
  } catch (e) {
    if (e instanceof SpecReadError) throw new UpdateSpecError(`--from ${e.message}`);
    throw e;
  }
  const label = labelOf(options);
  // Refused before any work: an output over the spec, a folder dmspec did not write, reports among
  // the pages. The output's files are checked again once the new ones are known (below).
  assertNotOverSpec(options.outDir, options.specDir);
  assertReplaceable(options.outDir, 'not-yet-known');
  assertReportsPlace(options);
  const folder = readFolder(options.specDir);
  let primary;
  try {
    primary = primaryPages(options.specDir, folder.primary.map((p) => p.file));
  } catch (e) {
    if (e instanceof SpecPagesError) throw new UpdateSpecError(e.message);
    throw e;
  }
  const current = folder.primary;
  const oldPrimary = new Set(primary.pages);
  const newNames = new Set(incoming.map((p) => p.file));
  for (const s of folder.supplements) {
    const inside = incoming.find((p) => p.file.startsWith(`${s.folder}/`));
    if (inside) throw new UpdateSpecError(`the new page ${inside.file} is in ${join(options.specDir, s.folder)}, the folder of a supplement; nothing was changed`);
  }
  if (folder.manifest && !/^\d{4}-\d{2}-\d{2}$/.test(label)) throw new UpdateSpecError(`--label ${label}: ${join(options.specDir, SPEC_MANIFEST)} records the primary pages' date, so the label must be one (YYYY-MM-DD)`);
  assertPlaces(options.specDir, incoming.map((p) => p.file), oldPrimary);
  const lost = primary.pages.filter((p) => !newNames.has(p));
  if (!options.force && lost.length * 4 > primary.pages.length && primary.pages.length > 0) {
    throw new UpdateSpecError(`${source} holds ${plural(incoming.length, 'page')}: ${plural(lost.length, 'page')} of the ${plural(primary.pages.length, 'page')} in ${options.specDir} would go (more than a quarter); nothing was changed. Check --from, or pass --force if that is the new version`);
  }
  const edited = current.filter((p) => primary.hashes.has(p.file) && primary.hashes.get(p.file) !== sha256(p.text));
  if (!options.force && edited.length) {
    throw new UpdateSpecError(`${plural(edited.length, 'page')} of ${options.specDir} changed since update-spec wrote them (${edited.slice(0, 3).map((p) => p.file).join(', ')}${edited.length > 3 ? ', …' : ''}); nothing was changed. Keep the changes elsewhere, or pass --force to replace them`);
  }

  const cache = createGenerateCache();
  const after = parsePages(incoming, cache.pages);
  // New pages that do not parse fail the update before the old ones are compared.
  if (hasErrors(after.diagnostics)) return { updated: false, diagnostics: [...after.diagnostics].sort(compareDiagnostics), recovered };
  // The spec folder afterwards: the primary pages that are not the last update's (a user's own)
  // and the new ones, then the supplements as they are; generating from exactly these keeps
  // `generate --check` clean.
  const manifest = folder.manifest && { ...folder.manifest, primary: { date: label, ...(flavourOf(after) ? { flavour: flavourOf(after)! } : {}), source: `the pages of ${basename(resolve(source))}, taken in by update-spec` } };
  const finalPages = specPages({
    ...(manifest ? { manifest } : {}),
    primary: [...current.filter((p) => !oldPrimary.has(p.file)), ...incoming].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    supplements: folder.supplements,
  });
  const versions = { old: oldLabelOf(primary.label ?? folder.manifest?.primary.date, pkg, options.specDir), new: label };
  const before = current.length ? parsePages(specPages(folder)) : { irVersion: IR_VERSION, objects: [], diagnostics: [] };
  const report = diffIr(before, parsePages(finalPages, cache.pages), versions);
  const bump = versionBump(report);
  const info: PackageInfo = { ...pkg, version: bumpVersion(pkg.version, bump), spec: `Apple's Device Management reference pages of ${label}` };
  const result = generateFromPages(finalPages, { cache, package: info, ...(options.checkRecordDir !== undefined ? { checkRecordDir: options.checkRecordDir } : {}) });
  if (hasErrors(result.diagnostics)) return { updated: false, diagnostics: result.diagnostics, report, bump, versions, recovered };
  // Now the new files are known: a file in the output that dmspec did not write, and the new
  // output does not write again, would go with the old output; refused before anything is touched.
  assertReplaceable(options.outDir, result.files.keys());

  const update = new Update(options.specDir, label, options.reportsDir, packageFiles(options));
  for (const page of incoming) update.specFile(page.file, page.text);
  for (const page of lost) update.removeSpecFile(page);
  update.specFile(PAGES_MANIFEST, pagesManifestText(label, new Map(incoming.map((p) => [p.file, sha256(p.text)]))));
  if (manifest) update.specFile(SPEC_MANIFEST, specManifestText(manifest));
  update.tree(options.outDir, result.files);
  if (options.projectDir !== undefined) projectFiles(update, options.projectDir, options.outDir, info);
  const reportFiles = reports(update, options.reportsDir, label, report, bump, versions, pkg, info);
  let notes: string[];
  try {
    notes = update.commit();
  } catch (e) {
    if (e instanceof UpdateJournalError) throw new UpdateSpecError(e.message);
    throw e;
  }
  return { updated: true, diagnostics: result.diagnostics, report, bump, previous: pkg, package: info, versions, reportFiles, recovered, notes };
}

/** The spec folder as it is, in its parts; a folder that is missing or has no page has none. */
function readFolder(specDir: string): SpecFolder {
  if (!existsSync(specDir)) return { primary: [], supplements: [] };
  try {
    return readSpecFolder(specDir);
  } catch (e) {
    if (e instanceof SpecReadError && /holds no \.md pages/.test(e.message)) return { primary: [], supplements: [] };
    throw e instanceof SpecReadError ? new UpdateSpecError(e.message) : e;
  }
}

/** The flavour most of the new pages' objects have, as the spec's manifest records it. */
function flavourOf(ir: IrDocument): Exclude<FlavourName, 'unknown'> | undefined {
  const counts = new Map<FlavourName, number>();
  for (const o of ir.objects) if (o.source.flavour !== 'unknown') counts.set(o.source.flavour, (counts.get(o.source.flavour) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as Exclude<FlavourName, 'unknown'> | undefined;
}

function packageFiles(o: UpdateSpecOptions): string[] {
  return o.projectDir === undefined ? [] : ['package.json', 'package-lock.json'].map((f) => join(o.projectDir!, f));
}

/** `package.json` and `package-lock.json` with the new version, where the project has them. */
function projectFiles(update: Update, dir: string, outDir: string, info: PackageInfo): void {
  const manifest = join(dir, 'package.json');
  if (existsSync(manifest)) update.file(manifest, withPackageInfo(readFileSync(manifest, 'utf8'), info));
  const lock = join(dir, 'package-lock.json');
  const workspace = relative(resolve(dir), resolve(outDir)).split(sep).join('/');
  if (existsSync(lock)) update.file(lock, withLockedVersion(readFileSync(lock, 'utf8'), workspace, info));
}

function reports(update: Update, dir: string, label: string, report: DiffReport, bump: VersionBump, versions: { old: string; new: string }, before: PackageInfo, after: PackageInfo): string[] {
  const md = join(dir, `spec-${label}.md`);
  const json = join(dir, `spec-${label}.json`);
  const s = report.summary;
  const heading = [
    `# Spec update: ${versions.old} → ${versions.new}`,
    '',
    `Version bump for ${before.name}: **${bump}** (${before.version} → ${after.version}): ${s.breaking} breaking, ${s.additive} additive, ${s.informational} informational and ${s.descriptionOnly} description-only changes.`,
    '',
  ].join('\n');
  update.file(md, `${heading}\n${markdownReport(report)}`);
  update.file(json, jsonReport(report));
  return [md, json];
}
