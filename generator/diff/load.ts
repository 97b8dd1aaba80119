/**
 * The two sides of a diff (and the versions of a history): a spec directory, an IR JSON file, or
 * the spec directory as it was at a git revision. Every way in applies the same limits and
 * checks, and a side whose pages could not all be read is refused by the caller (its errors are
 * in `ir.diagnostics`): a page the parser refused is not an object that was removed.
 */
import { statSync } from 'node:fs';
import type { IrDocument } from '../model/ir.js';
import type { PageInput } from '../parse/flavour.js';
import { parsePages } from '../parse/index.js';
import { readSpec, SpecReadError } from '../parse/read-spec.js';
import { GitReadError, readGitPages } from './git-pages.js';
import { IrReadError, readIrFile } from './read-ir.js';

export class DiffInputError extends Error {
  override name = 'DiffInputError';
}

/** A side read but not yet parsed: its pages, or an IR file's document. */
type ReadSide = { pages: PageInput[] } | { ir: IrDocument };

/** Reads a directory's pages or an IR file, checking the limits; nothing is parsed yet. */
function readSide(path: string): ReadSide {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new DiffInputError(`${path} does not exist`);
  }
  try {
    return stat.isDirectory() ? { pages: readSpec(path) } : { ir: readIrFile(path) };
  } catch (e) {
    if (e instanceof SpecReadError || e instanceof IrReadError) throw new DiffInputError(e.message);
    throw e;
  }
}

const parsed = (side: ReadSide): IrDocument => ('ir' in side ? side.ir : parsePages(side.pages));

/**
 * Directories or IR files. Every side is read and checked before any is parsed: a side past the
 * limits is refused at once, not after the others were parsed.
 */
export function loadSides(paths: readonly string[]): IrDocument[] {
  return paths.map(readSide).map(parsed);
}

/** A directory or an IR file. */
export function loadSide(path: string): IrDocument {
  return parsed(readSide(path));
}

/** The spec directory at a revision, with the commit it resolved to and its path in the repository. */
export interface GitSide {
  ir: IrDocument;
  commit: string;
  /** The spec directory's path from the repository's top ('' for the top). */
  path: string;
}

/**
 * The spec directory `specDir` (relative to where dmspec runs, inside `repo`) at each of `revs`,
 * every revision read and checked before any is parsed.
 */
export function loadGitSides(revs: readonly string[], specDir: string, repo = '.'): GitSide[] {
  let read;
  try {
    read = revs.map((rev) => readGitPages(rev, specDir, repo));
  } catch (e) {
    if (e instanceof GitReadError) throw new DiffInputError(e.message);
    throw e;
  }
  return read.map(({ commit, path, pages }) => ({ ir: parsePages(pages), commit, path }));
}

/** The spec directory at one revision, parsed. */
export function loadGitSide(rev: string, specDir: string, repo = '.'): IrDocument {
  return loadGitSides([rev], specDir, repo)[0]!.ir;
}

/** `REV1..REV2` into its two revisions. */
export function splitRange(range: string): [string, string] {
  const m = /^(.+?)\.\.(.+)$/.exec(range);
  if (!m?.[1] || !m[2] || m[2].startsWith('.')) throw new DiffInputError(`--git-range takes REV1..REV2, not ${range}`);
  return [m[1], m[2]];
}
