/**
 * How an update removes what it no longer needs: never recursively. Of a folder it set aside
 * (the old output), staged (the new one) or kept its journal in, only what dmspec wrote goes;
 * any other entry stays, with its folder, and is named in a note, as `generate` does for its
 * own leftovers (`removeOwnedTree`).
 */
import { lstatSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { keptNote, removeOwnedTree } from './emit/output-ownership.js';

/** True when something (a file, a folder, a link) is at `p`. */
export const exists = (p: string): boolean => {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/** True when `p` lies strictly below `root`. */
export const inside = (root: string, p: string): boolean => {
  const r = relative(root, p);
  return r !== '' && !r.startsWith('..') && !isAbsolute(r);
};

/** True when `p` is a regular file (a link is not). */
export const isRegularFile = (p: string): boolean => {
  try {
    return lstatSync(p).isFile();
  } catch {
    return false;
  }
};

/** Removes now-empty folders from `dir` up to (not including) `root`. */
export function pruneEmpty(dir: string, root: string): void {
  for (let d = dir; inside(root, d); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
  }
}

/** Removes what dmspec wrote in the tree `dir` (the files of its manifest, and `alsoOwned`); a note when something else stays. */
export function removeTree(dir: string, alsoOwned: Iterable<string> = []): string[] {
  if (!exists(dir)) return [];
  const kept = removeOwnedTree(dir, alsoOwned);
  return kept.length ? [keptNote(dir, kept)] : [];
}

/**
 * Removes the journal folder `dir`: first what the update wrote there (`staged`, the absolute
 * paths of pages staged and not applied; the journal's temporary copy) and each folder once
 * empty, the journal last. An entry dmspec did not write stays, with the folder, and is named;
 * the journal goes all the same, so a later run does not apply the update again but refuses
 * until the folder is moved away.
 */
export function removeJournalDir(dir: string, staged: Iterable<string>): string[] {
  if (!exists(dir)) return [];
  const journal = join(dir, 'journal.json');
  const owned = new Set([`${journal}.tmp`, ...staged]);
  const kept: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) {
        walk(full);
        try {
          rmdirSync(full);
        } catch {
          // it holds an entry kept
        }
      } else if (e.isFile() && owned.has(full)) unlinkSync(full);
      else if (full !== journal) kept.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  if (exists(journal)) unlinkSync(journal);
  if (kept.length) return [keptNote(dir, kept.sort())];
  rmdirSync(dir);
  return [];
}
