/**
 * The files `validate` reads: each file named, and under each directory named every file whose
 * extension documents use (`.mobileconfig`, `.plist`, `.json`, …), recursively, in a stable
 * order. Hidden entries and `node_modules` folders are skipped, and symbolic links to
 * directories are not followed, so a link cycle cannot make a walk endless.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ioReason } from './io-reason.js';

/** Extensions a directory walk reads; a file named on the command line is read whatever its name. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.mobileconfig', '.plist', '.json', '.xml', '.config'];

/** Most files one walk collects: a directory of more is refused rather than read for hours. */
export const MAX_WALK_FILES = 100_000;

export interface CollectedFile {
  path: string;
  /** Named on the command line, not found by a walk. */
  named: boolean;
  /** For a file a walk found, the directory named on the command line that it is under. */
  root?: string;
}

export class CollectError extends Error {
  override name = 'CollectError';
}

function walk(dir: string, out: CollectedFile[], root: string): void {
  let listed;
  try {
    listed = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    // A folder the walk cannot list would leave its documents unchecked without a word.
    throw new CollectError(`${dir}: cannot list the folder: ${ioReason(e)}`);
  }
  const entries = listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    // Installed packages are not a project's documents: walking `.` in a repository would
    // otherwise report each of their JSON files as an unknown document.
    if (e.isDirectory() && e.name === 'node_modules') continue;
    if (e.isDirectory()) walk(path, out, root);
    else if ((e.isFile() || e.isSymbolicLink()) && DOCUMENT_EXTENSIONS.includes(extname(e.name).toLowerCase())) {
      // A link is read when it leads to a file, never walked when it leads to a directory.
      if (e.isSymbolicLink() && !isFile(path)) continue;
      out.push({ path, named: false, root });
    }
    if (out.length > MAX_WALK_FILES) throw new CollectError(`${dir}: more than ${MAX_WALK_FILES} documents under it`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Expands directories among `args` into the documents under them; other arguments stay as named. */
export function collectFiles(args: readonly string[]): CollectedFile[] {
  const out: CollectedFile[] = [];
  for (const arg of args) {
    let directory = false;
    try {
      directory = lstatSync(arg).isDirectory() || statSync(arg).isDirectory();
    } catch {
      // Missing or unreadable: named, so the report says why it could not be read.
    }
    if (directory) walk(arg, out, arg);
    else out.push({ path: arg, named: true });
  }
  return out;
}
