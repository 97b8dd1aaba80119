/**
 * Which files of a spec folder are the primary pages `update-spec` wrote, so an update replaces
 * exactly those and nothing else: a user's notes, images, keys or the supplement of older
 * rendered pages stay. The folder's manifest, `.dmspec-pages.json`, names each page with the
 * SHA-256 of what was written, and the version's label. A folder without one (a spec copied in
 * by hand) counts all its primary pages (every page outside the supplements `spec.json` names).
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notPrivate } from './validate/read-file.js';

export const PAGES_MANIFEST = '.dmspec-pages.json';
export class SpecPagesError extends Error {
  override name = 'SpecPagesError';
}

export interface PrimaryPages {
  /** Page paths relative to the spec folder, sorted. */
  pages: string[];
  /** The SHA-256 of each page as written, when the manifest says. */
  hashes: Map<string, string>;
  /** The version's label (`2026-08-18`), when known. */
  label?: string;
  /** True when a manifest lists the pages; false when every page outside the supplement counts. */
  listed: boolean;
}

export const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A page path as the manifest may hold it: relative, `/`-separated, no climbing out, ending in `.md`. */
export function isPagePath(p: unknown): p is string {
  return typeof p === 'string' && p.length > 0 && p.length < 4096 && p.toLowerCase().endsWith('.md') && !p.startsWith('/') &&
    !p.includes('\\') && !p.includes('\0') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** The manifest's text: sorted pages with their hashes, so it is the same for the same pages. */
export function pagesManifestText(label: string, pages: ReadonlyMap<string, string>): string {
  const sorted = [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ generator: 'dmspec', note: 'the primary pages update-spec wrote; it replaces only these', label, pages: Object.fromEntries(sorted) }, null, 2)}\n`;
}

/**
 * The manifest of `specDir`, or undefined when there is none. One that another user could have
 * written (not ours, or writable by others) is refused: it decides which files an update removes.
 */
function readManifest(specDir: string): { label: string; hashes: Map<string, string> } | undefined {
  const file = join(specDir, PAGES_MANIFEST);
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) throw new SpecPagesError(`${file} is not a regular file`);
  const why = notPrivate(stat);
  if (why) throw new SpecPagesError(`${file} decides which pages an update replaces, so it is not obeyed: ${why}`);
  if (stat.size > 16 * 1024 * 1024) throw new SpecPagesError(`${file} is ${stat.size} bytes, too large for a manifest`);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SpecPagesError(`${file} is not JSON: ${(e as Error).message}`);
  }
  const m = doc as { generator?: unknown; label?: unknown; pages?: unknown };
  if (typeof m !== 'object' || m === null || m.generator !== 'dmspec' || typeof m.label !== 'string' || !/^[\w.-]{1,64}$/.test(m.label) || typeof m.pages !== 'object' || m.pages === null || Array.isArray(m.pages)) {
    throw new SpecPagesError(`${file} is not a manifest of pages dmspec wrote`);
  }
  const hashes = new Map<string, string>();
  for (const [page, hash] of Object.entries(m.pages)) {
    if (!isPagePath(page) || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) throw new SpecPagesError(`${file} lists ${JSON.stringify(page)}, which is not a page path with its SHA-256`);
    hashes.set(page, hash);
  }
  return { label: m.label, hashes };
}

/**
 * The primary pages of `specDir` that the last update wrote, given the folder's primary pages as
 * `readSpecFolder` splits them (`present`): those its manifest lists, or all of them without one.
 */
export function primaryPages(specDir: string, present: readonly string[]): PrimaryPages {
  const manifest = readManifest(specDir);
  if (!manifest) return { pages: [...present].sort(), hashes: new Map(), listed: false };
  // A listed page that is gone is nothing to replace; only pages that are there count.
  const there = new Set(present);
  return { pages: [...manifest.hashes.keys()].filter((p) => there.has(p)).sort(), hashes: manifest.hashes, label: manifest.label, listed: true };
}
