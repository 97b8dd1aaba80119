/**
 * The frontmatter flavour: YAML front matter (`title`, `role_heading`), `# Title`, and every key
 * run together in one Properties paragraph (`Key: prose… Available: … Deprecated: …`), with no
 * types stated. Types are inferred from the page's own profile example, then from the prose.
 */
import { parse as parseYaml } from 'yaml';
import type { DiagnosticBag } from '../../model/diagnostics.js';
import { applyFact } from '../apply-fact.js';
import type { Flavour } from '../flavour.js';
import { typeFromProse, typesFromExamples } from '../infer-type.js';
import { findTitle, lineOf, parseMarkdown, sections, sourceOf, squash, textOf } from '../markdown.js';
import { discussionFacts, inlinePlistExample } from '../page-facts.js';
import type { RawObject, RawProperty } from '../raw.js';
import { collectExamples, missingTitle, readDiscussion } from './common.js';
import { readDiscussionKeys } from './discussion-keys.js';

const FACT_LABELS = ['Available', 'Deprecated', 'Removed'];
/** Words that end in a colon in prose but are never keys. */
const PROSE_LABELS = new Set(['Note', 'Important', 'Warning', 'Tip', 'Example', 'Discussion', ...FACT_LABELS]);

export const frontmatter: Flavour = {
  name: 'frontmatter',
  detect(text) {
    return /^---\r?\n[\s\S]*?\r?\n---\r?\n/.test(text.replace(/^\uFEFF/, ''));
  },
  read(page, diags) {
    const root = parseMarkdown(page.text, { frontmatter: true });
    const yamlNode = root.children.find((n) => n.type === 'yaml');
    let meta: Record<string, unknown> = {};
    if (yamlNode && yamlNode.type === 'yaml') {
      try {
        const parsed: unknown = parseYaml(yamlNode.value);
        if (parsed && typeof parsed === 'object') meta = parsed as Record<string, unknown>;
      } catch (e) {
        diags.warning('bad-frontmatter', `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`, lineOf(yamlNode));
      }
    }
    const title = findTitle(root);
    const name = title ? squash(textOf(title)) : typeof meta['title'] === 'string' ? meta['title'] : undefined;
    if (!name) return missingTitle(diags);
    const raw: RawObject = { name, line: title ? lineOf(title) : 1, examples: collectExamples(root) };
    if (typeof meta['role_heading'] === 'string') raw.role = meta['role_heading'];
    const { preamble, sections: secs } = sections(root.children, 2);
    const summary = preamble.find((n) => n.type === 'paragraph');
    if (summary) raw.summary = squash(textOf(summary));
    raw.discussion = readDiscussion(page.text, root);
    const keys = readDiscussionKeys(page, root, diags);
    if (keys) raw.discussionKeys = keys;
    if (raw.discussion) {
      const inline = inlinePlistExample(raw.discussion.value, raw.discussion.line);
      if (inline && !raw.examples.length) raw.examples.push(inline);
    }
    const props = secs.find((s) => s.title === 'Properties');
    if (props) {
      const text = sourceOf(page.text, props.children);
      const line = props.children[0] ? lineOf(props.children[0]) : lineOf(props.heading);
      const payloadType = discussionFacts(raw.discussion?.value ?? '').payloadType;
      raw.properties = splitKeys(text, line, typesFromExamples(raw.examples, payloadType), diags);
    }
    return raw;
  },
};

interface KeyStart {
  name: string;
  at: number;
  bodyAt: number;
}

/**
 * Finds where each key starts. A key is `Name:` at the start, or after the end of a sentence or
 * of an availability list (`… watchOS 10+ CalendarDomains:`), or any `Name:` that the profile
 * example confirms is a key.
 */
function keyStarts(text: string, known: ReadonlyMap<string, unknown>): KeyStart[] {
  const out: KeyStart[] = [];
  for (const m of text.matchAll(/(^|[.!?+)”"’]\s+|\s)([A-Za-z_][\w.\-]*):\s/g)) {
    const name = m[2] ?? '';
    const boundary = (m[1] ?? '').trim() !== '' || m.index === 0;
    if (PROSE_LABELS.has(name)) continue;
    if (!boundary && !known.has(name)) continue;
    const at = (m.index ?? 0) + (m[1] ?? '').length;
    out.push({ name, at, bodyAt: at + name.length + 1 });
  }
  return out;
}

/**
 * The line of each offset, in one pass: offsets come sorted, so counting resumes where the last
 * one stopped (rescanning from the start made 150,000 keys quadratic).
 */
function linesAt(text: string, offsets: readonly number[], firstLine: number): number[] {
  let line = firstLine;
  let i = 0;
  return offsets.map((offset) => {
    for (; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
  });
}

function splitKeys(text: string, firstLine: number, exampleTypes: ReadonlyMap<string, import('../../model/ir.js').IrType>, diags: DiagnosticBag): RawProperty[] {
  const starts = keyStarts(text, exampleTypes);
  const lead = text.slice(0, starts[0]?.at ?? text.length).trim();
  if (lead) diags.warning('stray-content', `text in Properties before the first key is not a property: "${lead.slice(0, 60)}"`, firstLine);
  const lines = linesAt(text, starts.map((s) => s.at), firstLine);
  return starts.map((s, i) => {
    const end = starts[i + 1]?.at ?? text.length;
    const line = lines[i]!;
    const rp: RawProperty = { name: s.name, line, description: '', descriptionLine: line };
    let body = text.slice(s.bodyAt, end).trim();
    // Fact labels run on in the same paragraph: `… Available: iOS 14+ | … Deprecated: iOS 13.4+`.
    const factAt = body.search(/\s(?:Available|Deprecated|Removed):\s/);
    if (factAt >= 0) {
      const facts = body.slice(factAt);
      body = body.slice(0, factAt).trim();
      for (const m of facts.matchAll(/(Available|Deprecated|Removed):\s*(.*?)(?=\s(?:Available|Deprecated|Removed):|$)/g)) {
        applyFact(rp, { label: (m[1] ?? '').toLowerCase(), codes: [], rest: (m[2] ?? '').trim() }, line);
      }
    }
    rp.description = body;
    const fromExample = exampleTypes.get(s.name);
    const fromProse = typeFromProse(body);
    if (fromExample) rp.inferredType = { type: fromExample, origin: 'example', line };
    else if (fromProse) rp.inferredType = { type: fromProse, origin: 'prose', line };
    return rp;
  });
}
