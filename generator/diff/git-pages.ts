/**
 * The pages of a spec directory as they were at a git revision, read without checking anything
 * out and in two git processes whatever the number of pages: `git ls-tree -r -z --long` lists
 * the tree with each blob's size, `git cat-file --batch` reads every page's blob. The limits of
 * a spec directory on disk hold here too, checked on the sizes before a blob is read: at most
 * `maxPages` pages, a page over `maxPageBytes` is not read (an error of that page), all pages
 * together at most `maxTotalBytes`. Names are read NUL-separated, never quoted, so `vpn-é.md`
 * is `vpn-é.md`.
 */
import { spawnSync } from 'node:child_process';
import { posix } from 'node:path';
import type { PageInput } from '../parse/flavour.js';
import { DEFAULT_SPEC_LIMITS, pageFromBytes, SpecReadError, type SpecLimits } from '../parse/read-spec.js';
import { SPEC_MANIFEST, specFolderOf, specPages } from '../parse/spec-folder.js';

export class GitReadError extends Error {
  override name = 'GitReadError';
}

/** The spec directory at one revision. */
export interface GitPages {
  /** The revision as given (`HEAD~1`) and the commit it names. */
  rev: string;
  commit: string;
  /** The spec directory's path from the repository's top, `/`-separated, '' for the top itself. */
  path: string;
  pages: PageInput[];
}

/** A listing of a tree that large is not a spec's: every entry is about 60 bytes plus its name. */
const MAX_LISTING_BYTES = 64 * 1024 * 1024;
/** A manifest names a few parts; one larger than this is not read (the parser's own limit is 64 KiB). */
const MAX_MANIFEST_READ = 1024 * 1024;
/** One git process may take this long (a cold repository on a slow disk included). */
const GIT_TIMEOUT_MS = 120_000;

function git(repo: string, args: string[], options: { input?: Buffer; maxBuffer?: number } = {}): Buffer {
  // Paths are literal: a spec directory named `*` or `:(glob)x` is that directory.
  const r = spawnSync('git', ['-C', repo, '--literal-pathspecs', ...args], {
    input: options.input,
    maxBuffer: options.maxBuffer ?? 1024 * 1024,
    timeout: GIT_TIMEOUT_MS,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const what = `git ${args[0] ?? ''}`;
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOBUFS') throw new GitReadError(`${what} printed more than ${options.maxBuffer ?? 0} bytes`);
    if (code === 'ENOENT') throw new GitReadError('git is not installed (it reads --git-range and --git-revs)');
    if (code === 'ETIMEDOUT') throw new GitReadError(`${what} took more than ${GIT_TIMEOUT_MS / 1000} s`);
    throw new GitReadError(`${what} failed: ${r.error.message}`);
  }
  if (r.status !== 0) throw new GitReadError(`${what} failed: ${r.stderr.toString('utf8').trim() || `exit ${r.status}`}`);
  return r.stdout;
}

/** `REV` as a commit id; a revision that names no commit, or one that could pass for an option, is refused. */
export function resolveCommit(rev: string, repo = '.'): string {
  if (!rev || rev.startsWith('-') || /[\0\n]/.test(rev)) throw new GitReadError(`${JSON.stringify(rev)} is not a revision`);
  try {
    return git(repo, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).toString('utf8').trim();
  } catch (e) {
    if (e instanceof GitReadError && /failed: exit 1$/.test(e.message)) throw new GitReadError(`${rev} is not a commit in ${repo === '.' ? 'this repository' : repo}`);
    throw e;
  }
}

/** `dir` (relative to where dmspec runs inside `repo`) as a path from the repository's top. */
export function pathInRepository(dir: string, repo = '.'): string {
  const prefix = git(repo, ['rev-parse', '--show-prefix']).toString('utf8').trim();
  const path = posix.normalize(posix.join(prefix, dir.split('\\').join('/'))).replace(/\/+$/, '');
  if (path === '..' || path.startsWith('../') || posix.isAbsolute(path)) throw new GitReadError(`${dir} is outside the repository`);
  return path === '.' ? '' : path;
}

/** Entries of a tree: the pages, and the spec's manifest (`spec.json`) if it has one. */
interface TreeEntry {
  oid: string;
  size: number;
  /** Relative to the spec directory. */
  file: string;
}

/** `<mode> SP <type> SP <oid> SP+ <size> TAB <path> NUL` entries of the tree below `path`. */
function listTree(repo: string, commit: string, path: string): { entries: TreeEntry[]; manifest?: TreeEntry; any: boolean; blobAtPath: boolean } {
  const out = git(repo, ['ls-tree', '-r', '-z', '--long', '--full-tree', commit, ...(path ? ['--', path] : [])], { maxBuffer: MAX_LISTING_BYTES });
  const entries: TreeEntry[] = [];
  let manifest: TreeEntry | undefined;
  let any = false;
  let blobAtPath = false;
  for (const record of out.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    const name = record.slice(tab + 1);
    if (path && name !== path && !name.startsWith(`${path}/`)) continue;
    any = true;
    if (name === path) blobAtPath = true;
    // Pages are regular files: links and submodules are not followed, as a directory walk does not.
    if (type !== 'blob' || !(mode === '100644' || mode === '100755')) continue;
    const entry = { oid: oid!, size: Number(size), file: path ? name.slice(path.length + 1) : name };
    if (entry.file === SPEC_MANIFEST) manifest = entry;
    else if (name.toLowerCase().endsWith('.md')) entries.push(entry);
  }
  return { entries, ...(manifest ? { manifest } : {}), any, blobAtPath };
}

/**
 * Reads `specDir` (relative to where dmspec runs) at `rev`. Throws `GitReadError` for a revision
 * that names no commit, a directory that does not exist there or holds no page, or a tree past
 * the limits.
 */
export function readGitPages(rev: string, specDir: string, repo = '.', limits: SpecLimits = DEFAULT_SPEC_LIMITS): GitPages {
  const commit = resolveCommit(rev, repo);
  const path = pathInRepository(specDir, repo);
  const at = `${path || '.'} at ${rev} (${commit.slice(0, 12)})`;
  const { entries, manifest, any, blobAtPath } = listTree(repo, commit, path);
  if (!any) throw new GitReadError(`${at} does not exist`);
  if (blobAtPath) throw new GitReadError(`${at} is a file, not a spec directory`);
  if (!entries.length) throw new GitReadError(`${at} holds no .md pages`);
  if (entries.length > limits.maxPages) throw new GitReadError(`${at} holds more than ${limits.maxPages} pages`);
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const wanted = entries.filter((e) => e.size <= limits.maxPageBytes);
  const total = wanted.reduce((n, e) => n + e.size, 0);
  if (total > limits.maxTotalBytes) throw new GitReadError(`${at} holds more than ${limits.maxTotalBytes} bytes of pages`);
  // The manifest is read with the pages; its own limit is checked when it is parsed.
  if (manifest && manifest.size <= MAX_MANIFEST_READ) wanted.push(manifest);
  // Each blob comes back as "<oid> blob <size>\n<bytes>\n": the output's size is known before it is read.
  const input = Buffer.from(wanted.map((e) => `${e.oid}\n`).join(''));
  const out = wanted.length ? git(repo, ['cat-file', '--batch'], { input, maxBuffer: total + wanted.length * 128 }) : Buffer.alloc(0);
  const texts = new Map<string, Buffer>();
  let offset = 0;
  for (const e of wanted) {
    const eol = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, eol).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[0] !== e.oid || header[1] !== 'blob' || size !== e.size) throw new GitReadError(`git cat-file gave ${header.join(' ')} for ${e.file}, not its blob ${e.oid}`);
    texts.set(e.file, out.subarray(eol + 1, eol + 1 + size));
    offset = eol + 1 + size + 1;
  }
  const pages = entries.map((e): PageInput => {
    const bytes = texts.get(e.file);
    return bytes ? pageFromBytes(e.file, bytes) : { file: e.file, text: '', unreadBytes: e.size };
  });
  // As on disk: the manifest at that revision says which pages are a supplement's.
  const where = `${rev}:${path ? `${path}/` : ''}${SPEC_MANIFEST}`;
  if (manifest && manifest.size > MAX_MANIFEST_READ) throw new GitReadError(`${where} is ${manifest.size} bytes, too large for a spec manifest`);
  const manifestText = manifest ? texts.get(SPEC_MANIFEST)!.toString('utf8') : undefined;
  try {
    return { rev, commit, path, pages: specPages(specFolderOf(pages, manifestText, where)) };
  } catch (e) {
    if (e instanceof SpecReadError) throw new GitReadError(e.message);
    throw e;
  }
}
