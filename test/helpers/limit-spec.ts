/**
 * A spec of many small pages, as the resource cases use it: each page an object of five typed
 * keys, the last naming another page's object (a tree, so references nest about log2(n) deep).
 */
import type { PageInput } from '../../generator/parse/flavour.js';
import { DEFAULT_SPEC_LIMITS } from '../../generator/parse/read-pages.js';

/** The documented page limit. */
export const PAGE_LIMIT_PAGES = DEFAULT_SPEC_LIMITS.maxPages;

/** Page `i` of `n`. */
export function smallPage(i: number, n: number): PageInput {
  const key = (name: string, type: string): string => `### ${name}\n\n- **Type:** \`${type}\`\n- **Required:** No\n\nThe ${name} of item ${i}.\n`;
  const keys = [key('Name', 'string'), key('Enabled', 'boolean'), key('Count', 'integer'), key('Tags', '[string]'), key('Next', 2 * i + 1 < n ? `Item${2 * i + 1}` : 'string')];
  return { file: `item-${i}.md`, text: `# Item${i}\n\nItem ${i}.\n\n## Properties\n\n${keys.join('\n')}` };
}

/** `n` such pages. */
export function smallPages(n: number): PageInput[] {
  return Array.from({ length: n }, (_, i) => smallPage(i, n));
}

/**
 * A chain of `n` pages: `Obj{i}`'s last key (`Next`, its type on line 16) names `Obj{i+1}`, or with
 * `inherits` its Discussion says it takes `Obj{i+1}`'s keys (the title's line, 1); the last page
 * ends the chain. With `cycle`, the last names the first again.
 */
export function chainPages(n: number, options: { inherits?: boolean; cycle?: boolean } = {}): PageInput[] {
  return Array.from({ length: n }, (_, i) => {
    const next = i + 1 < n ? `Obj${i + 1}` : options.cycle ? 'Obj0' : undefined;
    const type = !options.inherits && next ? next : 'string';
    const inherits = options.inherits && next ? `\n## Discussion\n\nAll the properties of ${next} apply to the top level of this object as well.\n` : '';
    const text = `# Obj${i}\n\nObject ${i}.\n\n## Properties\n\n### Name\n\n- **Type:** \`string\`\n- **Required:** No\n\nThe name.\n\n### Next\n\n- **Type:** \`${type}\`\n- **Required:** No\n\nThe next one.\n${inherits}`;
    return { file: `obj-${i}.md`, text };
  });
}
