/**
 * Reads a spec directory into the pages the pipeline takes: the primary pages, then those of
 * each supplement its manifest names (marked, so they only supplement facts). Every caller that
 * reads a spec folder from disk goes through here or through `readSpecFolder`.
 */
import type { PageInput } from './flavour.js';
import { DEFAULT_SPEC_LIMITS, type SpecLimits } from './read-pages.js';
import { readSpecFolder, specPages } from './spec-folder.js';

export { DEFAULT_SPEC_LIMITS, listSpecFiles, pageFromBytes, readPages, SpecReadError, type SpecLimits } from './read-pages.js';

/** Reads every page of a spec directory, supplements marked. */
export function readSpec(root: string, limits: SpecLimits = DEFAULT_SPEC_LIMITS): PageInput[] {
  return specPages(readSpecFolder(root, limits));
}
