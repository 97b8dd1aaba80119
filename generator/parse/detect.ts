/**
 * Chooses a page's flavour from its content, never from its file name. Flavours are tried from
 * the most specific markers to the least; the changelog flavour is plain Markdown under a title.
 */
import type { Flavour } from './flavour.js';
import { changelog } from './flavours/changelog.js';
import { frontmatter } from './flavours/frontmatter.js';
import { listing } from './flavours/listing.js';
import { rendered } from './flavours/rendered.js';
import { snapshot } from './flavours/snapshot.js';

/** In detection order. */
export const FLAVOURS: readonly Flavour[] = [frontmatter, snapshot, listing, rendered, changelog];

export function detectFlavour(text: string): Flavour | undefined {
  return FLAVOURS.find((f) => f.detect(text));
}
