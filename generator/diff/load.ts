/**
 * The two sides of a diff (and the versions of a history): a spec directory, an IR JSON file, or
 * the spec directory as it was at a git revision. Every way in applies the same limits and
 * checks, and a side whose pages could not all be read is refused by the caller (its errors are
 * in `ir.diagnostics`): a page the parser refused is not an object that was removed.
 */
import { statSync } from 'node:fs';
import type { IrDocument } from '../model/ir.js';
import { parsePages, parseSpecDir } from '../parse/index.js';
import { SpecReadError } from '../parse/read-spec.js';
import { GitReadError, readGitPages } from './git-pages.js';
import { IrReadError, readIrFile } from './read-ir.js';

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
  try {
    return stat.isDirectory() ? parseSpecDir(path) : readIrFile(path);
  } catch (e) {
    if (e instanceof SpecReadError || e instanceof IrReadError) throw new DiffInputError(e.message);
    throw e;
  }
}

/** The spec directory at a revision, with the commit it resolved to and its path in the repository. */
export interface GitSide {
  ir: IrDocument;
  commit: string;
  /** The spec directory's path from the repository's top ('' for the top). */
  path: string;
}

/** The spec directory `specDir` (relative to where dmspec runs, inside `repo`) at revision `rev`. */
export function loadGitSide(rev: string, specDir: string, repo = '.'): GitSide {
  try {
    const { commit, path, pages } = readGitPages(rev, specDir, repo);
    return { ir: parsePages(pages), commit, path };
  } catch (e) {
    if (e instanceof GitReadError) throw new DiffInputError(e.message);
    throw e;
  }
}

/** `REV1..REV2` into its two revisions. */
export function splitRange(range: string): [string, string] {
  const m = /^(.+?)\.\.(.+)$/.exec(range);
  if (!m?.[1] || !m[2] || m[2].startsWith('.')) throw new DiffInputError(`--git-range takes REV1..REV2, not ${range}`);
  return [m[1], m[2]];
}
