/**
 * Reads the pages of a spec directory: every `.md` file below it, in a stable order, with paths
 * relative to the root and `/`-separated, so the IR is the same on every machine. Which of them
 * are primary and which a supplement is `spec-folder.ts`'s business.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PageInput } from './flavour.js';

export interface SpecLimits {
  /** Most pages read from one directory. */
  maxPages: number;
  /**
   * Largest page file read, in bytes, checked before reading: 4 bytes per character of the
   * parser's 2,000,000-character limit, so no page the parser would accept is refused here.
   */
  maxPageBytes: number;
}

export const DEFAULT_SPEC_LIMITS: SpecLimits = { maxPages: 20_000, maxPageBytes: 8_000_000 };

export class SpecReadError extends Error {
  override name = 'SpecReadError';
}

/** Lists the Markdown files below `root`, sorted by relative path. */
export function listSpecFiles(root: string, limits: SpecLimits = DEFAULT_SPEC_LIMITS): string[] {
  let stat;
  try {
    stat = statSync(root);
  } catch {
    throw new SpecReadError(`spec directory ${root} does not exist`);
  }
  if (!stat.isDirectory()) throw new SpecReadError(`${root} is not a directory`);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        out.push(relative(root, full).split(sep).join('/'));
        if (out.length > limits.maxPages) throw new SpecReadError(`${root} holds more than ${limits.maxPages} pages`);
      }
    }
  };
  walk(root);
  // An empty folder is far more often a wrong path than an empty spec: generating nothing from it
  // would replace a whole output folder with an empty one.
  if (out.length === 0) throw new SpecReadError(`${root} holds no .md pages`);
  return out.sort();
}

/** Reads the listed pages (paths relative to `root`). */
export function readPages(root: string, files: readonly string[], limits: SpecLimits = DEFAULT_SPEC_LIMITS): PageInput[] {
  return files.map((file) => {
    const full = join(root, file);
    // The size is checked before the file is loaded: a sparse 400 MB page must not be read whole.
    const size = statSync(full).size;
    if (size > limits.maxPageBytes) return { file, text: '', unreadBytes: size };
    return { file, text: readFileSync(full, 'utf8') };
  });
}
