/**
 * The rendered flavour: breadcrumbs, a role line (`Device Management Profile`), `# Title`, a
 * platform line (`iOS 4.0+iPadOS 4.0+…`), and under `## Properties` a run of paragraphs per key:
 * `` `Key` ``, its type, an optional `Deprecated`/`(Required)` marker, prose, and
 * `Default:`/`Possible Values:`/`Minimum:`/`Maximum:` lines.
 */
import type { Paragraph, RootContent } from 'mdast';
import type { DiagnosticBag } from '../../model/diagnostics.js';
import { takeFactLines } from '../apply-fact.js';
import { parseRenderedPlatformLine } from '../availability.js';
import type { Flavour, PageInput } from '../flavour.js';
import { findTitle, isParagraph, lineOf, parseMarkdown, sections, sourceOf, squash, textOf } from '../markdown.js';
import { addProse, type RawObject, type RawProperty } from '../raw.js';
import { looksLikeTypeSpelling } from '../type-spelling.js';
import { collectExamples, missingTitle, readDiscussion } from './common.js';
import { readDiscussionKeys } from './discussion-keys.js';
import { profileAvailability } from './profile-availability.js';

const PLATFORM_LINE = /^(?:iOS|iPadOS|Mac Catalyst|macOS|tvOS|visionOS|watchOS) \d/;
/** The platform line of a page with no OS platforms names only these services. */
const NON_PLATFORMS = /^(?:Device Assignment Services|VPP License Management|\s)+$/;
const MARKER = /^(Deprecated)?\s*(\(Required\))?$/;

export const rendered: Flavour = {
  name: 'rendered',
  detect(text) {
    return /^``` ?source$/m.test(text) || /^- Device Management\s*$/m.test(text.slice(0, 400));
  },
  read(page, diags) {
    const root = parseMarkdown(page.text);
    const title = findTitle(root);
    if (!title) return missingTitle(diags);
    const at = root.children.indexOf(title);
    const raw: RawObject = { name: squash(textOf(title)), line: lineOf(title), examples: collectExamples(root) };
    const before = root.children[at - 1];
    if (isParagraph(before)) raw.role = squash(textOf(before));
    for (const node of root.children.slice(at + 1)) {
      if (node.type === 'heading' || node.type === 'code') break;
      if (!isParagraph(node)) continue;
      const t = squash(textOf(node));
      if (PLATFORM_LINE.test(t) || NON_PLATFORMS.test(t)) {
        raw.availability = parseRenderedPlatformLine(t);
        raw.availabilityExhaustive = true;
        if (/Deprecated/.test(t)) {
          raw.deprecated = true;
          (raw.factLines ??= {}).deprecated = lineOf(node);
        }
      } else if (raw.summary === undefined) raw.summary = t;
    }
    const props = sections(root.children, 2).sections.find((s) => s.title === 'Properties');
    if (props) raw.properties = readProperties(page, props.children, diags);
    raw.discussion = readDiscussion(page.text, root);
    const keys = readDiscussionKeys(page, root, diags);
    if (keys) raw.discussionKeys = keys;
    const profile = profileAvailability(root, diags);
    if (profile) {
      raw.profileAvailability = profile.table;
      (raw.factLines ??= {}).profileAvailability = profile.line;
    }
    return raw;
  },
};

/** A paragraph holding nothing but one code span: how a key's name is printed. */
function loneCode(node: RootContent | undefined): string | undefined {
  if (!isParagraph(node)) return undefined;
  const parts = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = parts[0];
  return parts.length === 1 && only?.type === 'inlineCode' ? only.value : undefined;
}

/** Key names are identifiers, but some have spaces (`Any Key`, `Automatic Restart On Power Loss`). */
function isKeyName(s: string | undefined): s is string {
  return s !== undefined && /^[A-Za-z_$][\w.\-$: ]*$/.test(s) && s.length <= 120;
}

/** Is `nodes[i]` the start of a key? A lone code name, followed by a type line. */
function startsKey(nodes: readonly RootContent[], i: number): boolean {
  if (!isKeyName(loneCode(nodes[i]))) return false;
  const next = nodes[i + 1];
  return isParagraph(next) && looksLikeTypeSpelling(textOf(next));
}

function readProperties(page: PageInput, nodes: RootContent[], diags: DiagnosticBag): RawProperty[] {
  const out: RawProperty[] = [];
  let i = 0;
  while (i < nodes.length && !startsKey(nodes, i)) {
    const node = nodes[i] as RootContent;
    const code = loneCode(node);
    if (isKeyName(code)) {
      // A name with no type line after it: keep it as an untyped key rather than lose it.
      break;
    }
    diags.warning('stray-content', `text in Properties outside any key is not a property: "${squash(textOf(node)).slice(0, 60)}"`, lineOf(node));
    i++;
  }
  while (i < nodes.length) {
    const nameNode = nodes[i] as Paragraph;
    const rp: RawProperty = { name: loneCode(nameNode) ?? '', line: lineOf(nameNode), description: '' };
    i++;
    if (startsKeyType(nodes[i])) {
      rp.type = { value: textOf(nodes[i] as Paragraph), line: lineOf(nodes[i] as Paragraph) };
      i++;
    }
    const marker = isParagraph(nodes[i]) ? MARKER.exec(squash(textOf(nodes[i] as Paragraph))) : null;
    if (marker && (marker[1] || marker[2])) {
      const line = lineOf(nodes[i] as Paragraph);
      if (marker[1]) rp.deprecatedMarker = { value: true, line };
      if (marker[2]) rp.required = { value: true, line };
      i++;
    }
    while (i < nodes.length && !startsKey(nodes, i) && !(isKeyName(loneCode(nodes[i])) && !isParagraph(nodes[i + 1]))) {
      const node = nodes[i] as RootContent;
      const md = sourceOf(page.text, [node]);
      const rest = isParagraph(node) ? takeFactLines(rp, md, lineOf(node)) : md;
      if (rest) addProse(rp, rest, lineOf(node));
      i++;
    }
    out.push(rp);
  }
  return out;
}

function startsKeyType(node: RootContent | undefined): boolean {
  return isParagraph(node) && looksLikeTypeSpelling(textOf(node));
}
