/**
 * The listing flavour: `**Kind**: dictionary`, an `**Availability**:` bullet list, and keys as
 * list items `` - `Key` (type) *(required)*: prose Available: … ``. Defaults and allowed values
 * are not stated; some older pages have no Properties section at all.
 */
import type { Flavour } from '../flavour.js';
import { findTitle, lineOf, parseMarkdown, sections, squash, textOf } from '../markdown.js';
import type { RawObject } from '../raw.js';
import { collectExamples, missingTitle, readDiscussion } from './common.js';
import { headerAvailability, headerFields, preambleText, readListProperties, type HeaderReader } from './list-items.js';

const HEADER = /^`([^`]+)`\s*(?:\(([^)]*)\))?\s*(\*\(required\)\*|\(required\))?\s*:\s?(.*)$/;

const readHeader: HeaderReader = (line) => {
  const m = HEADER.exec(line.trim());
  if (!m?.[1]) return undefined;
  // Availability runs on in the same line: `… prose Available: iOS 14+ | macOS 11+`.
  const prose = (m[4] ?? '').replace(/\s+(Available|Deprecated|Removed):\s/g, '\n$1: ');
  const out: ReturnType<HeaderReader> = { name: m[1], required: !!m[3], prose };
  if (m[2] !== undefined) out.type = m[2];
  return out;
};

export const listing: Flavour = {
  name: 'listing',
  detect(text) {
    return /^\*\*Kind\*\*:/m.test(text) || /^\*\*Availability\*\*:\s*$/m.test(text);
  },
  read(page, diags) {
    const root = parseMarkdown(page.text);
    const title = findTitle(root);
    if (!title) return missingTitle(diags);
    const head = preambleText(page, root);
    const raw: RawObject = { name: squash(textOf(title)), line: lineOf(title), examples: collectExamples(root) };
    const role = headerFields(head).get('kind');
    if (role) raw.role = role;
    const av = headerAvailability(head);
    if (av) raw.availability = av;
    const at = root.children.indexOf(title);
    const summary = root.children.slice(at + 1).find((n) => n.type === 'paragraph' && n.children[0]?.type !== 'strong');
    if (summary) raw.summary = squash(textOf(summary));
    const props = sections(root.children, 2).sections.find((s) => s.title === 'Properties');
    if (props) raw.properties = readListProperties(page, props.children, readHeader, diags);
    raw.discussion = readDiscussion(page.text, root);
    return raw;
  },
};
