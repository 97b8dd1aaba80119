/**
 * The listing flavour: `**Kind**: dictionary`, an `**Availability**:` bullet list, and keys as
 * list items `` - `Key` (type) *(required)*: prose Available: … ``. Defaults and allowed values
 * are not stated; some older pages have no Properties section at all.
 */
import type { Flavour } from '../flavour.js';
import { findTitle, lineOf, parseMarkdown, sections, squash, textOf } from '../markdown.js';
import type { RawObject } from '../raw.js';
import { collectExamples, missingTitle, readDiscussion } from './common.js';
import { readDiscussionKeys } from './discussion-keys.js';
import { headerAvailability, headerFields, preambleText, readListProperties, type HeaderReader } from './list-items.js';

// Read piece by piece rather than with one pattern: a single regex with three optional groups
// between `\s*`s backtracks cubically on a line of spaces that ends without the colon.
const NAME = /^`([^`]+)`/;
const TYPE = /^\(([^)]*)\)/;
const REQUIRED = /^(?:\*\(required\)\*|\(required\))/;
/** A fact label running on in the prose; the lookbehind starts each match at the start of a space run (linear). */
const RUN_ON_FACT = /(?<!\s)\s+(Available|Deprecated|Removed):\s/g;

const readHeader: HeaderReader = (line) => {
  let rest = line.trim();
  const name = NAME.exec(rest);
  if (!name?.[1]) return undefined;
  rest = rest.slice(name[0].length).trimStart();
  const type = TYPE.exec(rest);
  if (type) rest = rest.slice(type[0].length).trimStart();
  const required = REQUIRED.exec(rest);
  if (required) rest = rest.slice(required[0].length).trimStart();
  if (!rest.startsWith(':')) return undefined;
  rest = rest.slice(1);
  if (rest.startsWith(' ')) rest = rest.slice(1);
  // Availability runs on in the same line: `… prose Available: iOS 14+ | macOS 11+`.
  const prose = rest.replace(RUN_ON_FACT, '\n$1: ');
  const out: ReturnType<HeaderReader> = { name: name[1], required: !!required, prose };
  if (type) out.type = type[1] ?? '';
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
    const keys = readDiscussionKeys(page, root, diags);
    if (keys) raw.discussionKeys = keys;
    return raw;
  },
};
