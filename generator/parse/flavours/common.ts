/**
 * Small readers that several flavours share: the Discussion, examples, the missing title case.
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { DiagnosticBag } from '../../model/diagnostics.js';
import type { IrExample } from '../../model/ir.js';
import { lineOf, sourceOf, textOf } from '../markdown.js';
import { exampleFromCode } from '../page-facts.js';
import type { Stated } from '../raw.js';

/** Every fenced plist or JSON example on the page, in page order. */
export function collectExamples(root: Root): IrExample[] {
  const out: IrExample[] = [];
  const visit = (nodes: Root['children']): void => {
    for (const node of nodes) {
      if (node.type === 'code') {
        const ex = exampleFromCode(node.lang, node.value, lineOf(node));
        if (ex) out.push(ex);
      } else if ('children' in node && Array.isArray(node.children) && node.type !== 'paragraph' && node.type !== 'heading') {
        visit(node.children as Root['children']);
      }
    }
  };
  visit(root.children);
  return out;
}

/**
 * The Discussion section's markdown: every flavour names it so, at whatever heading depth;
 * it runs to the next heading that is not deeper.
 */
export function readDiscussion(text: string, root: Root): (Stated & { bodyLine: number }) | undefined {
  const { heading, body } = discussion(root);
  return heading && body[0] ? { value: sourceOf(text, body), line: lineOf(heading), bodyLine: lineOf(body[0]) } : undefined;
}

/** The nodes of the Discussion section (empty when the page has none). */
export function discussionBody(root: Root): RootContent[] {
  return discussion(root).body;
}

function discussion(root: Root): { heading?: Heading; body: RootContent[] } {
  const nodes = root.children;
  const at = nodes.findIndex((n) => n.type === 'heading' && /^Discussion$/i.test(textOf(n).trim()));
  const heading = nodes[at];
  if (!heading || heading.type !== 'heading') return { body: [] };
  let end = at + 1;
  while (end < nodes.length) {
    const n = nodes[end];
    if (n?.type === 'heading' && n.depth <= heading.depth) break;
    end++;
  }
  return { heading, body: nodes.slice(at + 1, end) };
}

export function missingTitle(diags: DiagnosticBag): undefined {
  diags.error('missing-title', 'the page has no "# Title" line, so the object it describes has no name', 1);
  return undefined;
}
