/**
 * The two sides of a diff: a spec directory, an IR JSON file, or the spec directory as it was at
 * a git revision (read with `git ls-tree` and `git show`, never by checking anything out).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { IR_VERSION, type IrDocument } from '../model/ir.js';
import { parsePages, parseSpecDir, SPEC_MANIFEST, specFolderOf, specPages } from '../parse/index.js';
import { SpecReadError } from '../parse/read-spec.js';
import type { PageInput } from '../parse/flavour.js';

export class DiffInputError extends Error {
  override name = 'DiffInputError';
}

/** A directory or an IR file. */
export function loadSide(path: string): IrDocument {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new DiffInputError(`${path} does not exist`);
  }
  if (stat.isDirectory()) return parseSpecDir(path);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new DiffInputError(`${path} is neither a spec directory nor an IR JSON file: ${(e as Error).message}`);
  }
  const ir = doc as Partial<IrDocument>;
  if (ir.irVersion !== IR_VERSION || !Array.isArray(ir.objects)) {
    throw new DiffInputError(`${path} is not an IR document of irVersion ${IR_VERSION}`);
  }
  return ir as IrDocument;
}

function git(repo: string, args: string[]): string {
  try {
    return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? '';
    throw new DiffInputError(`git ${args.join(' ')} failed: ${stderr.trim() || (e as Error).message}`);
  }
}

/** The spec directory `specDir` (relative to the repository root) at revision `rev`. */
export function loadGitSide(rev: string, specDir: string, repo = '.'): IrDocument {
  const prefix = specDir.replace(/^\.\/+/, '').replace(/\/+$/, '');
  const files = git(repo, ['ls-tree', '-r', '--name-only', rev, '--', prefix]).split('\n').filter((f) => f.toLowerCase().endsWith('.md')).sort();
  const pages: PageInput[] = files.map((f) => ({ file: prefix ? f.slice(prefix.length + 1) : f, text: git(repo, ['show', `${rev}:${f}`]) }));
  // The spec's manifest at that revision says which pages are a supplement's, as readSpecFolder does on disk.
  const manifestPath = prefix ? `${prefix}/${SPEC_MANIFEST}` : SPEC_MANIFEST;
  const hasManifest = git(repo, ['ls-tree', '--name-only', rev, '--', manifestPath]).trim() !== '';
  const manifest = hasManifest ? git(repo, ['show', `${rev}:${manifestPath}`]) : undefined;
  try {
    return parsePages(specPages(specFolderOf(pages, manifest, `${rev}:${manifestPath}`)));
  } catch (e) {
    if (e instanceof SpecReadError) throw new DiffInputError(e.message);
    throw e;
  }
}

/** `REV1..REV2` into its two revisions. */
export function splitRange(range: string): [string, string] {
  const m = /^(.+?)\.\.(.+)$/.exec(range);
  if (!m?.[1] || !m[2]) throw new DiffInputError(`--git-range takes REV1..REV2, not ${range}`);
  return [m[1], m[2]];
}
