/**
 * Where compiled validators are kept between runs, and the rules that make importing them safe.
 * Code is imported from this folder, so it must be one no other user can write: the user's own
 * cache folder (`$XDG_CACHE_HOME/dmspec`, else `~/.cache/dmspec`), created 0700, refused when it
 * is a link, owned by someone else, or group- or world-writable. Each entry stores the SHA-256 of
 * its modules and is imported only when its content still matches. Entries unused for 30 days, or
 * beyond the 32 most recently used, are pruned.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, renameSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** Thrown when the cache folder or an entry is not safe to import from. */
export class UnsafeCacheError extends Error {
  override name = 'UnsafeCacheError';
}

/** The file of an entry that holds the SHA-256 of its modules, then the modules' paths, one a line. */
const HASH_FILE = 'content.sha256';
/** A module's path inside an entry: lower-case names under lower-case folders, nothing else. */
const MODULE_PATH = /^(?:[a-z0-9][a-z0-9-]*\/)*[a-z0-9][a-z0-9.-]*\.(?:js|json)$/;
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const MAX_ENTRIES = 32;

/** `$XDG_CACHE_HOME/dmspec/validators`, else `~/.cache/dmspec/validators`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache');
  return join(base, 'dmspec', 'validators');
}

function describeUnsafe(path: string, st: Stats): string | undefined {
  if (st.isSymbolicLink()) return `${path} is a symbolic link`;
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return `${path} is owned by user ${st.uid}, not by you (${uid})`;
  if ((st.mode & 0o022) !== 0) return `${path} can be written by other users (mode ${(st.mode & 0o777).toString(8)})`;
  return undefined;
}

/** Throws UnsafeCacheError unless `path` is ours alone to write. */
function assertPrivate(path: string): void {
  const problem = describeUnsafe(path, lstatSync(path));
  if (problem) throw new UnsafeCacheError(`refusing the validator cache: ${problem}; fix it or remove it (or pass another cache folder)`);
}

/**
 * Creates `dir` (0700) if needed and checks it; each entry and file in it is checked again before
 * use. A folder we create is private from the start: mkdir takes the mode, so it is never open.
 */
export function preparePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  assertPrivate(dir);
}

function contentHash(modules: ReadonlyMap<string, string>): string {
  const h = createHash('sha256');
  for (const [path, text] of modules) h.update(path).update('\0').update(text).update('\0');
  return h.digest('hex');
}

/** The folders a module's path passes through inside `dir`, outermost first. */
function foldersOf(dir: string, path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => join(dir, ...parts.slice(0, i + 1)));
}

/**
 * True when entry `dir` is complete, private and matches its stored hash; false when it is absent
 * or incomplete. Throws UnsafeCacheError when it exists but cannot be trusted.
 */
export function verifiedEntry(dir: string): boolean {
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return false;
  }
  const problem = describeUnsafe(dir, st);
  if (problem || !st.isDirectory()) throw new UnsafeCacheError(`refusing the cached validators in ${dir}: ${problem ?? 'not a folder'}`);
  let stored: string;
  const modules = new Map<string, string>();
  try {
    assertPrivate(join(dir, HASH_FILE));
    const [hash = '', ...paths] = readFileSync(join(dir, HASH_FILE), 'utf8').trim().split('\n');
    stored = hash;
    for (const path of paths) {
      if (!MODULE_PATH.test(path)) throw new UnsafeCacheError(`refusing the cached validators in ${dir}: ${JSON.stringify(path)} is not a module path`);
      for (const folder of foldersOf(dir, path)) assertPrivate(folder);
      assertPrivate(join(dir, path));
      modules.set(path, readFileSync(join(dir, path), 'utf8'));
    }
  } catch (e) {
    if (e instanceof UnsafeCacheError) throw e;
    return false; // incomplete: compiled again
  }
  if (modules.size === 0 || stored !== contentHash(modules)) throw new UnsafeCacheError(`refusing the cached validators in ${dir}: their content does not match the hash stored with them`);
  const now = new Date();
  try {
    utimesSync(dir, now, now); // most recently used, for pruning
  } catch {
    // A read-only cache still serves.
  }
  return true;
}

/** Writes an entry atomically: a private staging folder renamed into place. `modules` maps paths inside it to texts. */
export function writeEntry(dir: string, modules: ReadonlyMap<string, string>): void {
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  for (const [path, text] of modules) {
    if (!MODULE_PATH.test(path)) throw new Error(`not a module path: ${JSON.stringify(path)}`);
    for (const folder of foldersOf(staging, path)) mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(join(staging, path), text, { mode: 0o600 });
  }
  writeFileSync(join(staging, HASH_FILE), `${[contentHash(modules), ...modules.keys()].join('\n')}\n`, { mode: 0o600 });
  try {
    renameSync(staging, dir);
  } catch {
    // Another process compiled the same hash first: its copy is identical (and verified on import).
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Removes entries unused for 30 days, and the least recently used beyond 32. */
export function pruneCache(cacheDir: string, keep: string, now: number = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return;
  }
  const entries = names
    .filter((n) => n !== keep)
    .map((n) => {
      try {
        return { n, t: lstatSync(join(cacheDir, n)).mtimeMs };
      } catch {
        return { n, t: 0 };
      }
    })
    .sort((a, b) => b.t - a.t);
  entries.forEach((e, i) => {
    if (now - e.t > MAX_AGE_MS || i >= MAX_ENTRIES - 1) rmSync(join(cacheDir, e.n), { recursive: true, force: true });
  });
}
