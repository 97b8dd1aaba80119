/**
 * The one place pages become mdast: unified + remark-parse, with remark-frontmatter only for
 * the flavour that has front matter. Helpers here read nodes back as text, lines and source.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root, RootContent, Heading, Paragraph, PhrasingContent } from 'mdast';

const plain = unified().use(remarkParse).freeze();
const withFrontmatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

/** Parses one page. Front matter is only recognised when asked for, as it costs a little. */
export function parseMarkdown(text: string, options: { frontmatter?: boolean } = {}): Root {
  return (options.frontmatter ? withFrontmatter : plain).parse(text);
}

/** Plain text of a node, without markup. */
export function textOf(node: Nodes | readonly Nodes[]): string {
  if (Array.isArray(node)) return node.map((n: Nodes) => toString(n)).join('');
  return toString(node as Nodes);
}

/** 1-based start line of a node (0 when the node has no position, which remark never omits). */
export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

/** The exact source markdown of a run of sibling nodes, from the first's start to the last's end. */
export function sourceOf(text: string, nodes: readonly Nodes[]): string {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (start === undefined || end === undefined) return nodes.map((n) => toString(n)).join('\n\n');
  return text.slice(start, end);
}

/** The source markdown of part of a paragraph (a run of its inline children). */
export function sourceOfInline(text: string, nodes: readonly PhrasingContent[]): string {
  return sourceOf(text, nodes).trim();
}

export function isHeading(node: RootContent | undefined, depth?: number): node is Heading {
  return node?.type === 'heading' && (depth === undefined || node.depth === depth);
}

export function isParagraph(node: RootContent | undefined): node is Paragraph {
  return node?.type === 'paragraph';
}

/**
 * Splits a root into sections at headings of the given depth.
 * Returns the nodes before the first such heading as `preamble`.
 */
export interface Section {
  heading: Heading;
  title: string;
  children: RootContent[];
}

export function sections(nodes: readonly RootContent[], depth: number): { preamble: RootContent[]; sections: Section[] } {
  const preamble: RootContent[] = [];
  const out: Section[] = [];
  let current: Section | undefined;
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === depth) {
      current = { heading: node, title: textOf(node).trim(), children: [] };
      out.push(current);
    } else if (node.type === 'heading' && node.depth < depth) {
      // A shallower heading closes the current section; what follows belongs to no section here.
      current = undefined;
      preamble.push(node);
    } else if (current) {
      current.children.push(node);
    } else {
      preamble.push(node);
    }
  }
  return { preamble, sections: out };
}

/** The first `# Title` of a page, if any. */
export function findTitle(root: Root): Heading | undefined {
  return root.children.find((n): n is Heading => isHeading(n, 1));
}

/** Normalises whitespace the mirrors leave behind (non-breaking spaces, runs of blanks). */
export function squash(s: string): string {
  return s.replace(/[\u00a0\s]+/g, ' ').trim();
}
