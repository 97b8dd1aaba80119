/**
 * Keys a page lists in its Discussion instead of under Properties. The 802.1X Ethernet pages say
 * "This payload’s contents contain these profile-specific keys:" and then give one key per
 * entry, `Name (Type): prose` as a list item (changelog) or `Name (Type)` and a line break before
 * the prose (rendered). Every flavour reads them here, so the same words give the same keys.
 */
import type { Root, RootContent } from 'mdast';
import type { DiagnosticBag } from '../../model/diagnostics.js';
import type { PageInput } from '../flavour.js';
import { isParagraph, lineOf, sourceOf, squash, textOf } from '../markdown.js';
import { addProse, type RawObject, type RawProperty } from '../raw.js';
import { discussionBody } from './common.js';

/** The sentence that opens such a list, and says the list is this payload's own keys, not all it takes. */
const INTRO = /\bcontain these profile-specific keys:$/i;

/**
 * `Name (Type)` and then `:` or a line end, on an entry's source. The type may be a link to its
 * page (`[WiFi.EAPClientConfiguration](/documentation/…)`) or hold brackets (`[string]`). Each
 * part is bounded, and only a link gets past a parenthesis, so a hostile line cannot make it
 * backtrack far.
 */
const ENTRY = /^([A-Za-z_][\w.]{0,119}) \(((?:\[[^\]\n]{1,200}\]\([^()\s]{0,300}\)|[^()\n]){1,300})\)(?::[ \t]*|[ \t]*\\?\n)/;

/** Reads the list that follows the intro sentence; `undefined` when the Discussion has none. */
export function readDiscussionKeys(page: PageInput, root: Root, diags: DiagnosticBag): RawObject['discussionKeys'] {
  const body = discussionBody(root);
  const at = body.findIndex((n) => isParagraph(n) && INTRO.test(squash(textOf(n))));
  const intro = body[at];
  if (!intro) return undefined;
  const line = lineOf(intro);
  const properties: RawProperty[] = [];
  const next = body[at + 1];
  if (next?.type === 'list') {
    for (const item of next.children) {
      const rp = readEntry(page, item.children, lineOf(item), true);
      if (rp) properties.push(rp);
      else diags.warning('unreadable-key', `an item of the profile-specific keys does not read as "Name (Type): description": "${squash(textOf(item)).slice(0, 60)}"`, lineOf(item));
    }
  } else {
    // The rendered flavour writes each key as a paragraph of its own; the first paragraph that
    // is not one is the page's prose again.
    for (let i = at + 1; i < body.length; i++) {
      const node = body[i];
      const rp = isParagraph(node) ? readEntry(page, [node], lineOf(node), false) : undefined;
      if (!rp) break;
      properties.push(rp);
    }
  }
  if (!properties.length) {
    diags.warning('missing-key-list', 'the Discussion says the payload takes profile-specific keys, but no list of them follows; they are not in the model', line);
  }
  return { line, properties };
}

/** One entry: its name, type as written (a link's text), and the prose after it. */
function readEntry(page: PageInput, nodes: readonly RootContent[], line: number, inList: boolean): RawProperty | undefined {
  if (!nodes.length) return undefined;
  const source = sourceOf(page.text, nodes);
  const m = ENTRY.exec(source);
  if (!m?.[1] || !m[2]) return undefined;
  const rp: RawProperty = { name: m[1], line, type: { value: squash(m[2].replace(/\[([^\]\n]*)\]\([^()\s]*\)/g, '$1')), line }, description: '' };
  // A list item's further lines are indented under its bullet; the prose is read without that.
  const rest = source.slice(m[0].length);
  const prose = (inList ? rest.replace(/\n {2,4}/g, '\n') : rest).trim();
  const lineBreaks = m[0].split('\n').length - 1;
  if (prose) addProse(rp, prose, line + lineBreaks);
  return rp;
}
