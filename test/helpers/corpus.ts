/**
 * Where the shared corpus lives, and a `describe` that skips, visibly, when it is absent.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'vitest';

export const SHARED = resolve(import.meta.dirname, '../../../shared');
export const CORPUS = join(SHARED, 'corpus');
export const SEEDS = join(SHARED, 'seeds');
export const PROFILES = join(SHARED, 'profiles');
/** The two founding pages, kept as the small spec most tests generate from. */
export const SEED_PAGES = resolve(import.meta.dirname, '../fixtures/seeds');
/** The project's own spec: Apple's complete pages. */
export const SPEC = resolve(import.meta.dirname, '../../spec');

export const hasCorpus = existsSync(CORPUS);

/** `describe` for tests that need ../shared/corpus: skipped with a visible reason otherwise. */
export function describeCorpus(name: string, fn: () => void): void {
  describeWith(CORPUS, name, fn);
}

/** Same, for any path under ../shared. */
export function describeWith(path: string, name: string, fn: () => void): void {
  if (existsSync(path)) describe(name, fn);
  // The suite's body is not run: it reads the absent files while vitest collects its tests.
  else describe.skip(`${name} (skipped: ${path} is absent)`, () => it.skip(`needs ${path}`, () => {}));
}

export const corpusDir = (name: string): string => join(CORPUS, name);

/** Every `.mobileconfig` below `dir`, in a stable order. */
export function profileFiles(dir: string = PROFILES): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? profileFiles(path) : name.endsWith('.mobileconfig') ? [path] : [];
  });
}
