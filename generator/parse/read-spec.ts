/**
 * Reads a spec directory: every `.md` file below it, in a stable order, with paths relative to
 * the root and `/`-separated, so the IR is the same on every machine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PageInput } from './flavour.js';

export interface SpecLimits {
  /** Most pages read from one directory. */
  maxPages: number;
}

export const DEFAULT_SPEC_LIMITS: SpecLimits = { maxPages: 20_000 };

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
  return out.sort();
}

/** Reads every page of a spec directory. */
export function readSpec(root: string, limits: SpecLimits = DEFAULT_SPEC_LIMITS): PageInput[] {
  return listSpecFiles(root, limits).map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
}
