/**
 * The changelog flavour: `# Title`, a `**Platforms:**` line, and under `## Properties` one
 * `### Key` section per key with `**Type:**`/`**Required:**`/`**Default:**`/`**Allowed Values:**`
 * bullets, prose, then `Available:`/`Deprecated:` lines.
 */
import type { Heading, RootContent } from 'mdast';
import type { DiagnosticBag } from '../../model/diagnostics.js';
import { takeFactLines } from '../apply-fact.js';
import { parsePlatformVersions } from '../availability.js';
import type { Flavour, PageInput } from '../flavour.js';
import { findTitle, isParagraph, lineOf, parseMarkdown, sections, sourceOf, squash, textOf } from '../markdown.js';
import { addProse, type RawObject, type RawProperty } from '../raw.js';
import { collectExamples, readDiscussion, missingTitle } from './common.js';
import { readDiscussionKeys } from './discussion-keys.js';

export const changelog: Flavour = {
  name: 'changelog',
  detect(text) {
    // Plain Markdown whose first line is the page's `# Title`; other flavours are tried first.
    return /^# \S/.test(text.trimStart());
  },
  read(page, diags) {
    const root = parseMarkdown(page.text);
    const title = findTitle(root);
    if (!title) return missingTitle(diags);
    const { preamble, sections: secs } = sections(root.children, 2);
    const raw: RawObject = { name: squash(textOf(title)), line: lineOf(title), examples: collectExamples(root) };
    for (const node of preamble) {
      if (!isParagraph(node)) continue;
      const t = squash(textOf(node));
      if (t.startsWith('Platforms:')) {
        raw.availability = parsePlatformVersions(t);
        raw.availabilityExhaustive = true;
      }
      else if (raw.summary === undefined) raw.summary = t;
    }
    const props = secs.find((s) => s.title === 'Properties');
    if (props) raw.properties = readProperties(page, props.children, diags);
    raw.discussion = readDiscussion(page.text, root);
    const keys = readDiscussionKeys(page, root, diags);
    if (keys) raw.discussionKeys = keys;
    return raw;
  },
};

function readProperties(page: PageInput, nodes: RootContent[], diags: DiagnosticBag): RawProperty[] {
  const { preamble, sections: keys } = sections(nodes, 3);
  for (const stray of preamble) {
    diags.warning('stray-content', `text in Properties outside any key is not a property: "${squash(textOf(stray)).slice(0, 60)}"`, lineOf(stray));
  }
  return keys.map((key) => readProperty(page, keyName(page.text, key.heading), lineOf(key.heading), key.children, diags));
}

/**
 * A key's name as written in its heading's source: Markdown would read `__proto__` as bold
 * "proto", but the key is `__proto__`. Backslash escapes are undone, and ticks around the whole
 * name (a code span); a stray tick stays, so the key is never one the page did not write.
 */
function keyName(text: string, heading: Heading): string {
  const raw = heading.children.length ? sourceOf(text, heading.children) : textOf(heading);
  const unescaped = raw.replace(/\\([!-/:-@[-`{-~])/g, '$1').trim();
  // Ticks that wrap the name are code-span syntax; a stray tick is part of what the page wrote.
  const span = /^(`+)\s*([^`]+?)\s*\1$/.exec(unescaped);
  return span ? span[2]! : unescaped;
}

function readProperty(page: PageInput, name: string, line: number, nodes: RootContent[], diags: DiagnosticBag): RawProperty {
  const rp: RawProperty = { name, line, description: '' };
  for (const node of nodes) {
    const md = sourceOf(page.text, [node]);
    const rest = node.type === 'paragraph' || node.type === 'list' ? takeFactLines(rp, md, lineOf(node), diags) : md;
    if (rest) addProse(rp, rest, lineOf(node));
  }
  // This flavour's `Available:` line lists every platform that has the key.
  if (rp.availability) rp.availabilityExhaustive = true;
  return rp;
}
