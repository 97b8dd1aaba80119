/**
 * The files `validate` reads: each file named, and under each directory named every file whose
 * extension documents use (`.mobileconfig`, `.plist`, `.json`, …), recursively, in a stable
 * order. Hidden entries, `node_modules` folders and what `--exclude` patterns match are skipped,
 * and symbolic links to directories are not followed, so a link cycle cannot make a walk endless.
 * A file named on the command line is always read, whatever the patterns say.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ioReason } from './io-reason.js';
import { whatItIs } from './read-file.js';
import { MAX_PATTERN_LENGTH, nameMatcher, pathMatcher, type Step } from './glob.js';

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

/**
 * An `--exclude` pattern and the folder it is relative to (the working directory, or the
 * configuration file's folder). Like a `.gitignore` line: a pattern without `/` matches a file or
 * folder name at any depth (`*.json`, `fixtures`); one with a `/` matches the path from `base`
 * (`test/fixtures/**`, `docs/*.plist`); `**` matches any number of folders, none included; a
 * trailing `/` matches folders only. An excluded folder is not walked.
 */
export interface ExcludeRule {
  pattern: string;
  base: string;
}

interface CompiledExclude {
  base: string;
  anchored: boolean;
  directoriesOnly: boolean;
  match: (segments: readonly string[]) => boolean;
}

/** The rule's matcher, or why the pattern is none. */
export function compileExclude(rule: ExcludeRule): CompiledExclude | string {
  let p = rule.pattern;
  if (p.length === 0 || p.length > MAX_PATTERN_LENGTH) return `a pattern of 1 to ${MAX_PATTERN_LENGTH} characters`;
  const directoriesOnly = p.endsWith('/');
  if (directoriesOnly) p = p.replace(/\/+$/, '');
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  if (p === '') return 'a pattern that names something';
  const steps: Array<Step<string>> = [];
  for (const part of p.split('/')) {
    if (part === '**') steps.push('**');
    else if (part.includes('**')) return `** stands alone between slashes in ${JSON.stringify(rule.pattern)}`;
    else if (part === '') continue;
    else steps.push(nameMatcher(part));
  }
  return { base: resolve(rule.base), anchored, directoriesOnly, match: pathMatcher(steps) };
}

function excluded(path: string, directory: boolean, rules: readonly CompiledExclude[]): boolean {
  for (const r of rules) {
    if (r.directoriesOnly && !directory) continue;
    if (!r.anchored) {
      const name = path.slice(path.lastIndexOf(sep) + 1);
      if (r.match([name])) return true;
      continue;
    }
    const rel = relative(r.base, resolve(path));
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) continue;
    if (r.match(rel.split(sep))) return true;
  }
  return false;
}

export interface CollectOptions {
  exclude?: readonly ExcludeRule[];
}

/** A file a directory walk found and left out, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** What a walk read, what its `--exclude` patterns left out, and the files named like documents it did not open. */
export interface Collected {
  files: CollectedFile[];
  excluded: string[];
  /** Pipes, devices, sockets and links to them or to nothing: a walk never opens them (a pipe would block it). */
  skipped: SkippedFile[];
}

/** Said of a walk's file that is no regular file, found so by the walk or when it was opened: the same either way. */
export function notRegularReason(what: string): string {
  return `not a regular file (${what}), never opened`;
}

function walk(dir: string, out: Collected, rules: readonly CompiledExclude[], root: string): void {
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
    if (rules.length && excluded(path, e.isDirectory(), rules)) {
      out.excluded.push(path);
      continue;
    }
    if (e.isDirectory()) walk(path, out, rules, root);
    else if (DOCUMENT_EXTENSIONS.includes(extname(e.name).toLowerCase())) {
      // A link is read when it leads to a file, never walked when it leads to a directory.
      const not = e.isFile() ? undefined : notAFile(path);
      if (not === undefined) out.files.push({ path, named: false, root });
      else out.skipped.push({ file: path, reason: notRegularReason(not) });
    }
    if (out.files.length > MAX_WALK_FILES) throw new CollectError(`${dir}: more than ${MAX_WALK_FILES} documents under it`);
  }
}

/** What the path leads to when it is no regular file (following links), or undefined for a file. */
function notAFile(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? undefined : whatItIs(st);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'a link to nothing' : `a link that cannot be followed: ${ioReason(e)}`;
  }
}

/** Expands directories among `args` into the documents under them; other arguments stay as named. */
export function collectFiles(args: readonly string[], options: CollectOptions = {}): CollectedFile[] {
  return collectDocuments(args, options).files;
}

/** `collectFiles`, with the paths the exclude patterns left out. Throws CollectError for a pattern that is none. */
export function collectDocuments(args: readonly string[], options: CollectOptions = {}): Collected {
  const rules = (options.exclude ?? []).map((r) => {
    const c = compileExclude(r);
    if (typeof c === 'string') throw new CollectError(`--exclude ${JSON.stringify(r.pattern)}: ${c}`);
    return c;
  });
  const out: Collected = { files: [], excluded: [], skipped: [] };
  for (const arg of args) {
    let directory = false;
    try {
      directory = lstatSync(arg).isDirectory() || statSync(arg).isDirectory();
    } catch {
      // Missing or unreadable: named, so the report says why it could not be read.
    }
    if (directory) walk(arg, out, rules, arg);
    else out.files.push({ path: arg, named: true });
  }
  return out;
}
