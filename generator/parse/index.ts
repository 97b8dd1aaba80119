/**
 * The parse stage's entry: a spec directory (or pages already read) to one IR document.
 */
import { buildIr } from '../model/build-ir.js';
import type { IrDocument } from '../model/ir.js';
import type { PageInput } from './flavour.js';
import { parsePage, type PageResult } from './parse-page.js';
import { readSpec } from './read-spec.js';

export type { PageInput } from './flavour.js';
export { parsePage, type PageResult } from './parse-page.js';
export { detectFlavour, FLAVOURS } from './detect.js';

/** A cache of parsed pages, keyed by file and content; `parsePages` fills and reads it. */
export interface PageCache {
  get(page: PageInput): PageResult | undefined;
  set(page: PageInput, result: PageResult): void;
}

/** Parses pages that are already in memory. */
export function parsePages(pages: readonly PageInput[], cache?: PageCache): IrDocument {
  const results = pages.map((page) => {
    const hit = cache?.get(page);
    if (hit) return hit;
    const result = parsePage(page);
    cache?.set(page, result);
    return result;
  });
  return buildIr(results);
}

/** Reads and parses every page below `dir`. */
export function parseSpecDir(dir: string, cache?: PageCache): IrDocument {
  return parsePages(readSpec(dir), cache);
}
