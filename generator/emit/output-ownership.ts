/**
 * Which folders dmspec may replace. `generate --out DIR` swaps DIR whole, so it must never be a
 * folder holding anything dmspec did not write: a checkout (`--out .`), a project's `src/`, or the
 * spec itself. A folder dmspec wrote carries a manifest naming its files; only a folder that is
 * missing, empty, or manifested (and holds no file beyond the manifest and the new output) is
 * replaced. Everything else is refused before anything is touched.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, rmdirSync, unlinkSync } from 'node:fs';
import { join, relative, resolve, sep, isAbsolute } from 'node:path';

/** The manifest's file name, written at the root of every output folder. */
export const MANIFEST = '.dmspec-output.json';

/** A manifest larger than this is not one dmspec wrote (the spec's 6,000-file output lists ~300 kB). */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/** Thrown when an output folder is not dmspec's to replace; the message says why and what to do. */
export class OutputRefusedError extends Error {
  override name = 'OutputRefusedError';
}

/** The manifest's text for a set of files: sorted names, so it is byte-identical per output. */
export function manifestText(files: Iterable<string>): string {
  return `${JSON.stringify({ generator: 'dmspec', note: 'files written by dmspec generate; this folder is replaced whole', files: [...files].sort() }, null, 2)}\n`;
}

/** The files the manifest of `dir` lists; undefined when it has none dmspec wrote (missing, not a file, not ours). */
export function readManifest(dir: string): Set<string> | undefined {
  let text: string;
  try {
    const st = lstatSync(join(dir, MANIFEST));
    // A pipe would block the read; a manifest names a few thousand files, well under the budget.
    if (!st.isFile() || st.size > MAX_MANIFEST_BYTES) return undefined;
    text = readFileSync(join(dir, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as { generator?: unknown; files?: unknown };
    if (parsed.generator !== 'dmspec' || !Array.isArray(parsed.files)) return undefined;
    return new Set(parsed.files.filter((f): f is string => typeof f === 'string'));
  } catch {
    return undefined;
  }
}

/** Every entry below `dir` (files, links and other non-folders), `/`-separated and sorted; folders are walked, links never followed. */
export function entriesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Up to five names, quoted, and how many more: what a message shows of a long list. */
export function sampleNames(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((n) => JSON.stringify(n)).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/** What a note says of a folder dmspec kept because of `kept`, entries it did not write. */
export function keptNote(shown: string, kept: readonly string[]): string {
  return `${shown}/ kept: it holds ${kept.length === 1 ? 'an entry' : `${kept.length} entries`} dmspec did not write (${sampleNames(kept)}); dmspec removed what it wrote there, look at the rest and remove the folder yourself`;
}

/**
 * Throws OutputRefusedError unless `outDir` may be replaced by a tree of `newFiles`: it does not
 * exist, is an empty folder, or is a folder whose manifest lists every file in it (files the new
 * output writes again are allowed too, so a layout change between versions is not refused).
 */
export function assertReplaceable(outDir: string, newFiles: Iterable<string> | 'not-yet-known'): void {
  const target = resolve(outDir);
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return; // nothing there
  }
  if (stat.isSymbolicLink()) throw new OutputRefusedError(`${outDir} is a symbolic link; give the folder itself as --out`);
  if (!stat.isDirectory()) throw new OutputRefusedError(`${outDir} exists and is not a folder; nothing was written`);
  const present = entriesBelow(target);
  if (present.length === 0) return;
  const owned = readManifest(target);
  if (!owned) {
    throw new OutputRefusedError(
      `${outDir} holds files dmspec did not write (${sampleNames(present)}); give an empty or new folder as --out (a folder dmspec wrote has ${MANIFEST}); nothing was touched`,
    );
  }
  // Before generating (a cheap early refusal) the new files are unknown: the manifest is enough.
  if (newFiles === 'not-yet-known') return;
  const allowed = new Set([...owned, ...newFiles, MANIFEST]);
  const foreign = present.filter((f) => !allowed.has(f));
  if (foreign.length) {
    throw new OutputRefusedError(`${outDir} holds files that ${MANIFEST} does not list (${sampleNames(foreign)}); move them away first; nothing was touched`);
  }
}

/**
 * True when `dir` is a folder dmspec wrote and nothing has touched since: its manifest lists
 * exactly the files in it. A tree moved aside whole (`.NAME.retired-…`) is complete; one whose
 * deletion a kill cut short is not.
 */
export function isCompleteTree(dir: string): boolean {
  const owned = readManifest(dir);
  if (!owned) return false;
  const present = entriesBelow(dir).filter((f) => f !== MANIFEST);
  return present.length === owned.size && present.every((f) => owned.has(f));
}

/**
 * Deletes what dmspec wrote in the folder `dir`: each regular file its manifest lists (or
 * `alsoOwned` names), each folder once emptied, then the manifest, then `dir` itself. Returns
 * what it kept (`/`-separated, sorted): every other entry, which dmspec did not write; with
 * entries kept, the manifest stays too. The manifest goes last because it is what shows the
 * folder is dmspec's: a kill midway (a recursive `rm` may take the manifest first) leaves a
 * folder the next run still recognises and finishes. Without a readable manifest only empty
 * folders go. Links are never followed.
 */
export function removeOwnedTree(dir: string, alsoOwned: Iterable<string> = []): string[] {
  if (!lstatSync(dir).isDirectory()) return ['.'];
  const manifest = readManifest(dir);
  const owned = new Set([...(manifest ?? []), ...alsoOwned]);
  const kept: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      const rel = relative(dir, full).split(sep).join('/');
      if (e.isDirectory()) {
        walk(full);
        try {
          rmdirSync(full);
        } catch {
          // it holds an entry kept
        }
      } else if (rel === MANIFEST) {
        if (!manifest) kept.push(rel);
      } else if (e.isFile() && owned.has(rel)) {
        unlinkSync(full);
      } else {
        kept.push(rel);
      }
    }
  };
  walk(dir);
  if (kept.length) return kept.sort();
  if (manifest) unlinkSync(join(dir, MANIFEST));
  rmdirSync(dir);
  return [];
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** True when `inner` is `outer` or lies below it. */
function within(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Refuses an output folder that is the spec folder or contains it (replacing it would delete the
 * pages), or lies inside it (its Markdown docs would be read as pages by the next run).
 */
export function assertNotOverSpec(outDir: string, specDir: string): void {
  if (within(real(outDir), real(specDir)) || within(resolve(outDir), resolve(specDir))) {
    throw new OutputRefusedError(`--out ${outDir} is or contains the spec folder ${specDir}; replacing it would delete the pages; nothing was touched`);
  }
  if (within(real(specDir), real(outDir)) || within(resolve(specDir), resolve(outDir))) {
    throw new OutputRefusedError(`--out ${outDir} lies inside the spec folder ${specDir}; its Markdown docs would be read as pages next time; nothing was touched`);
  }
}
