/**
 * A spec folder and its parts. A folder may hold a manifest, `spec.json`, naming where its pages
 * come from and which subfolders are supplements: older pages read only for facts the primary
 * pages do not state, never as objects of their own. A folder without a manifest is all primary,
 * as the corpus folders and a user's `--spec` are.
 *
 * `readSpecFolder` reads a folder from disk, `specFolderOf` splits pages already read (a git
 * revision's), and `specPages` flattens the parts back into the pages the pipeline takes, each
 * supplement page marked with its supplement.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FlavourName } from '../model/ir.js';
import type { PageInput, SupplementInfo } from './flavour.js';
import { DEFAULT_SPEC_LIMITS, listSpecFiles, readPages, SpecReadError, type SpecLimits } from './read-pages.js';

export type { SupplementInfo } from './flavour.js';

/** The manifest's file name, at the root of a spec folder. */
export const SPEC_MANIFEST = 'spec.json';

/** Largest manifest read, in bytes: a few lines name the parts. */
const MAX_MANIFEST_BYTES = 65_536;
const MAX_SUPPLEMENTS = 8;
const FLAVOURS: readonly FlavourName[] = ['rendered', 'changelog', 'frontmatter', 'snapshot', 'listing'];

/** Where the primary pages come from. */
export interface PrimaryInfo {
  /** The snapshot's date, `YYYY-MM-DD`. */
  date: string;
  flavour?: FlavourName;
  /** The mirror or site the pages were taken from, in words. */
  source: string;
}

export interface SpecManifest {
  primary: PrimaryInfo;
  supplements: SupplementInfo[];
}

export interface Supplement extends SupplementInfo {
  pages: PageInput[];
}

/** A spec folder read into its parts. */
export interface SpecFolder {
  /** Absent for a plain folder of pages. */
  manifest?: SpecManifest;
  /** Every page outside the supplements' folders, by relative path. */
  primary: PageInput[];
  supplements: Supplement[];
}

/** Reads a spec folder: its manifest, if any, and every page, split into primary and supplements. */
export function readSpecFolder(root: string, limits: SpecLimits = DEFAULT_SPEC_LIMITS): SpecFolder {
  const pages = readPages(root, listSpecFiles(root, limits), limits);
  const manifestFile = join(root, SPEC_MANIFEST);
  return specFolderOf(pages, existsSync(manifestFile) ? readManifestText(manifestFile) : undefined, manifestFile);
}

function readManifestText(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new SpecReadError(`${file}: cannot read it: ${(e as Error).message}`);
  }
  if (size > MAX_MANIFEST_BYTES) throw new SpecReadError(`${file} is ${size} bytes, over the limit of ${MAX_MANIFEST_BYTES} for a spec manifest`);
  return readFileSync(file, 'utf8');
}

/**
 * Splits pages already read (paths relative to the spec root) by a manifest's text; `where`
 * names the manifest in errors. Without a manifest every page is primary.
 */
export function specFolderOf(pages: readonly PageInput[], manifestText: string | undefined, where = SPEC_MANIFEST): SpecFolder {
  if (manifestText === undefined) return { primary: pages.map(plain), supplements: [] };
  const manifest = parseManifest(manifestText, where);
  const supplements: Supplement[] = manifest.supplements.map((info) => ({ ...info, pages: [] }));
  const primary: PageInput[] = [];
  for (const page of pages) {
    const owner = supplements.find((s) => page.file.startsWith(`${s.folder}/`));
    if (owner) owner.pages.push({ ...plain(page), supplement: infoOf(owner) });
    else primary.push(plain(page));
  }
  for (const s of supplements) {
    if (!s.pages.length) throw new SpecReadError(`${where}: the supplement folder ${s.folder} holds no .md pages`);
  }
  if (!primary.length) throw new SpecReadError(`${where}: the spec holds no primary pages outside its supplements`);
  return { manifest, primary, supplements };
}

function plain(page: PageInput): PageInput {
  const { supplement: _, ...rest } = page;
  return rest;
}

function infoOf(s: Supplement): SupplementInfo {
  return { folder: s.folder, flavour: s.flavour, date: s.date, source: s.source };
}

/** The pages the pipeline takes: the primary's, then each supplement's, marked as such. */
export function specPages(folder: SpecFolder): PageInput[] {
  return [...folder.primary, ...folder.supplements.flatMap((s) => s.pages)];
}

/** The manifest as JSON text, as `readSpecFolder` reads it back. */
export function manifestText(manifest: SpecManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Parses and checks a manifest: every field known and of its type, folders inside the spec and apart. */
export function parseManifest(text: string, where = SPEC_MANIFEST): SpecManifest {
  const fail = (why: string): never => {
    throw new SpecReadError(`${where}: ${why}`);
  };
  if (text.length > MAX_MANIFEST_BYTES) fail(`the manifest has ${text.length} characters, over the limit of ${MAX_MANIFEST_BYTES}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail((e as Error).message);
  }
  const top = record(json, 'the manifest', ['primary', 'supplements'], fail);
  const p = record(top['primary'], 'primary', ['date', 'flavour', 'source'], fail);
  const primary: PrimaryInfo = { date: date(p['date'], 'primary.date', fail), source: words(p['source'], 'primary.source', fail) };
  if (p['flavour'] !== undefined) primary.flavour = flavour(p['flavour'], 'primary.flavour', fail);
  const list = top['supplements'] ?? [];
  if (!Array.isArray(list)) return fail('supplements must be a list');
  if (list.length > MAX_SUPPLEMENTS) fail(`at most ${MAX_SUPPLEMENTS} supplements, not ${list.length}`);
  const supplements = list.map((item: unknown, i): SupplementInfo => {
    const at = `supplements[${i}]`;
    const s = record(item, at, ['folder', 'flavour', 'date', 'source'], fail);
    return { folder: folder(s['folder'], `${at}.folder`, fail), flavour: flavour(s['flavour'], `${at}.flavour`, fail), date: date(s['date'], `${at}.date`, fail), source: words(s['source'], `${at}.source`, fail) };
  });
  for (const a of supplements) {
    for (const b of supplements) {
      if (a !== b && (a.folder === b.folder || b.folder.startsWith(`${a.folder}/`))) fail(`the supplement folders ${a.folder} and ${b.folder} overlap`);
    }
  }
  return { primary, supplements };
}

type Fail = (why: string) => never;

function record(v: unknown, what: string, keys: readonly string[], fail: Fail): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(`${what} must be an object`);
  for (const k of Object.keys(v)) if (!keys.includes(k)) fail(`${what} has an unknown field ${JSON.stringify(k)} (known: ${keys.join(', ')})`);
  return v as Record<string, unknown>;
}

function words(v: unknown, what: string, fail: Fail): string {
  if (typeof v !== 'string' || v.trim() === '' || v.length > 500) return fail(`${what} must be a string of 1 to 500 characters`);
  return v;
}

function date(v: unknown, what: string, fail: Fail): string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return fail(`${what} must be a date, YYYY-MM-DD`);
  return v;
}

function flavour(v: unknown, what: string, fail: Fail): FlavourName {
  const f = FLAVOURS.find((x) => x === v);
  return f ?? fail(`${what} must be one of ${FLAVOURS.join(', ')}`);
}

/** A folder relative to the spec root, `/`-separated, never leaving it. */
function folder(v: unknown, what: string, fail: Fail): string {
  if (typeof v !== 'string' || v.length > 200) return fail(`${what} must be a relative folder of at most 200 characters`);
  const parts = v.split('/');
  if (v.startsWith('/') || v.includes('\\') || parts.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) {
    fail(`${what} must be a relative folder inside the spec (no leading /, no . or .. parts, no hidden folders), not ${JSON.stringify(v)}`);
  }
  return v;
}
