/**
 * The parse stage's entry: a spec directory (or pages already read) to one IR document.
 */
import { buildIr } from '../model/build-ir.js';
import type { IrDocument } from '../model/ir.js';
import type { PageInput, SupplementInfo } from './flavour.js';
import { parsePage, type PageResult } from './parse-page.js';
import { readSpec } from './read-spec.js';

export type { PageInput } from './flavour.js';
export { parsePage, type PageResult } from './parse-page.js';
export { detectFlavour, FLAVOURS } from './detect.js';
export { readSpecFolder, specFolderOf, specPages, parseManifest, manifestText, SPEC_MANIFEST, type SpecFolder, type SpecManifest, type Supplement, type SupplementInfo, type PrimaryInfo } from './spec-folder.js';

/** A cache of parsed pages, keyed by file and content; `parsePages` fills and reads it. */
export interface PageCache {
  get(page: PageInput): PageResult | undefined;
  set(page: PageInput, result: PageResult): void;
}

/**
 * Parses pages that are already in memory. Pages marked as a supplement's (see
 * `spec-folder.ts`) only supply facts their objects' primary pages do not state.
 */
export function parsePages(pages: readonly PageInput[], cache?: PageCache): IrDocument {
  const primary: PageResult[] = [];
  const supplements = new Map<string, { info: SupplementInfo; pages: PageResult[] }>();
  for (const page of pages) {
    let result = cache?.get(page);
    if (!result) {
      result = parsePage(page);
      cache?.set(page, result);
    }
    if (!page.supplement) {
      primary.push(result);
      continue;
    }
    let group = supplements.get(page.supplement.folder);
    if (!group) supplements.set(page.supplement.folder, (group = { info: page.supplement, pages: [] }));
    group.pages.push(result);
  }
  return buildIr(primary, [...supplements.values()]);
}

/** Reads and parses every page below `dir`. */
export function parseSpecDir(dir: string, cache?: PageCache): IrDocument {
  return parsePages(readSpec(dir), cache);
}
