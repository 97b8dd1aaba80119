/**
 * Shared reader for flavours that print each key as one list item
 * (`` - `Key` — `type` (required): prose `` in snapshot, `` - `Key` (type) *(required)*: prose `` in
 * listing), with indented fact lines after the prose, and a `**Label:** value` page header.
 */
import type { Root, RootContent } from 'mdast';
import type { DiagnosticBag } from '../../model/diagnostics.js';
import type { Availability } from '../../model/ir.js';
import { takeFactLines } from '../apply-fact.js';
import { parsePlatformVersions } from '../availability.js';
import type { PageInput } from '../flavour.js';
import { lineOf, sourceOf, squash, textOf } from '../markdown.js';
import type { RawProperty } from '../raw.js';

/** Reads a key's first line into name, type text, required flag and the start of its prose. */
export type HeaderReader = (line: string) => { name: string; type?: string; required: boolean; prose: string } | undefined;

export function readListProperties(page: PageInput, nodes: readonly RootContent[], header: HeaderReader, diags: DiagnosticBag): RawProperty[] {
  const out: RawProperty[] = [];
  for (const node of nodes) {
    // A rule ends the section: what follows it is the mirror's page footer.
    if (node.type === 'thematicBreak') break;
    if (isAnchor(node)) continue;
    if (node.type !== 'list') {
      diags.warning('stray-content', `text in Properties outside any key is not a property: "${squash(textOf(node)).slice(0, 60)}"`, lineOf(node));
      continue;
    }
    for (const item of node.children) {
      const line = lineOf(item);
      // Dedent continuation lines so nested facts read like top-level lines.
      const lines = sourceOf(page.text, [item]).split('\n').map((l, i) => (i === 0 ? l.replace(/^\s*[-*+]\s+/, '') : l.replace(/^ {2,4}/, '')));
      const h = header(lines[0] ?? '');
      if (!h) {
        diags.warning('unreadable-key', `a Properties item does not read as a key: "${squash(lines[0] ?? '').slice(0, 60)}"`, line);
        continue;
      }
      const rp: RawProperty = { name: h.name, line, description: '', descriptionLine: line };
      if (h.type !== undefined) rp.type = { value: h.type, line };
      if (h.required) rp.required = { value: true, line };
      const body = [h.prose, ...lines.slice(1)].join('\n');
      rp.description = takeFactLines(rp, body, line, diags);
      out.push(rp);
    }
  }
  return out;
}

/** `<a id="Discussion"></a>`: a link target the mirror adds, as a block or as a paragraph. */
function isAnchor(node: RootContent): boolean {
  const anchor = (v: string): boolean => /^<\/?a\b[^>]*>$/.test(v.trim());
  if (node.type === 'html') return /^(<\/?a\b[^>]*>\s*)+$/.test(node.value.trim());
  return node.type === 'paragraph' && node.children.every((c) => c.type === 'html' && anchor(c.value));
}

/** `**Label:** value` or `**Label**: value` lines in a page header, by lower-case label. */
export function headerFields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^\*\*([A-Za-z ]+?)(?::\*\*|\*\*:)[ \t]*(.*?)[ \t]*$/gm)) {
    if (m[1]) out.set(m[1].toLowerCase(), m[2] ?? '');
  }
  return out;
}

/** The header's availability: inline (`iOS 4.0+ · macOS 10.7+`) or as the list that follows it. */
export function headerAvailability(preamble: string): Availability | undefined {
  const m = /^\*\*Availability(?::\*\*|\*\*:)(.*(?:\n[ \t]*[-*][^\n]*)*)/m.exec(preamble);
  if (!m?.[1]) return undefined;
  const av = parsePlatformVersions(m[1]);
  return Object.keys(av).length ? av : undefined;
}

/** The source text of everything before the first `##` heading. */
export function preambleText(page: PageInput, root: Root): string {
  const first = root.children.find((n) => n.type === 'heading' && n.depth === 2);
  const end = first?.position?.start.offset ?? page.text.length;
  return page.text.slice(0, end);
}
