/**
 * The snapshot flavour: a `> Snapshot-pinned source …` quote, `**Kind:**` and
 * `**Availability:** iOS 4.0+ · macOS 10.7+` lines, and keys as list items
 * `` - `Key` — `type` (required): prose `` with indented `Available:`/`**Default:**` lines.
 */
import type { Flavour } from '../flavour.js';
import { findTitle, lineOf, parseMarkdown, sections, squash, textOf } from '../markdown.js';
import type { RawObject } from '../raw.js';
import { collectExamples, missingTitle, readDiscussion } from './common.js';
import { readDiscussionKeys } from './discussion-keys.js';
import { headerAvailability, headerFields, preambleText, readListProperties, type HeaderReader } from './list-items.js';

// Read piece by piece: one pattern with a lazy type between `\s*`s backtracks quadratically on a
// line of spaces without a colon. The type runs to the first colon, less a trailing `(required)`.
const NAME = /^`([^`]+)`/;
const REQUIRED = /\(required\)$/;

const readHeader: HeaderReader = (line) => {
  let rest = line.trim();
  const name = NAME.exec(rest);
  if (!name?.[1]) return undefined;
  rest = rest.slice(name[0].length).trimStart();
  if (rest[0] !== '—' && rest[0] !== '–') return undefined;
  rest = rest.slice(1).trimStart();
  const colon = rest.indexOf(':', 1);
  if (colon < 0) return undefined;
  let type = rest.slice(0, colon);
  const required = REQUIRED.test(type);
  if (required) type = type.slice(0, type.length - '(required)'.length).trimEnd();
  if (!type) return undefined;
  let prose = rest.slice(colon + 1);
  if (prose.startsWith(' ')) prose = prose.slice(1);
  return { name: name[1], type, required, prose };
};

export const snapshot: Flavour = {
  name: 'snapshot',
  detect(text) {
    return /^> Snapshot-pinned source/m.test(text.slice(0, 600)) || /^\*\*Kind:\*\*/m.test(text);
  },
  read(page, diags) {
    const root = parseMarkdown(page.text);
    const title = findTitle(root);
    if (!title) return missingTitle(diags);
    const head = preambleText(page, root);
    const fields = headerFields(head);
    const raw: RawObject = { name: squash(textOf(title)), line: lineOf(title), examples: collectExamples(root) };
    const role = fields.get('kind');
    if (role) raw.role = role;
    const av = headerAvailability(head);
    if (av) raw.availability = av;
    if (/Deprecated/.test(fields.get('availability') ?? '')) raw.deprecated = true;
    const at = root.children.indexOf(title);
    const summary = root.children.slice(at + 1).find((n) => n.type === 'paragraph' && !/^\*\*/.test(page.text.slice(n.position?.start.offset ?? 0, (n.position?.start.offset ?? 0) + 2)));
    if (summary) raw.summary = squash(textOf(summary));
    const props = sections(root.children, 2).sections.find((s) => s.title === 'Properties');
    if (props) raw.properties = readListProperties(page, props.children, readHeader, diags);
    raw.discussion = readDiscussion(page.text, root);
    const keys = readDiscussionKeys(page, root, diags);
    if (keys) raw.discussionKeys = keys;
    return raw;
  },
};
