/**
 * HTML for the site: the one escaper of text and attributes, spec Markdown turned into HTML, and
 * examples highlighted. Spec text is hostile: Markdown goes through remark (the same parser the
 * spec is read with) to mdast, every raw HTML node becomes text, every link keeps only http,
 * https and mailto (site paths resolved first), and hast-util-to-html serialises the tree, so no
 * spec string reaches the page unescaped.
 */
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { createLowlight } from 'lowlight';
import xml from 'highlight.js/lib/languages/xml';
import json from 'highlight.js/lib/languages/json';
import { toHast } from 'mdast-util-to-hast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Bidirectional overrides and isolates: shown as their code points, never obeyed. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const visibleBidi = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** Control characters no page means: dropped (tab and line feed are kept). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text for HTML content or a double-quoted attribute: `& < > " '` escaped, bidi shown. */
export function htmlText(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(BIDI, visibleBidi)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The URL when it may be a link target: relative, or http, https or mailto. */
export function safeUrl(url: string): string | undefined {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url.trim());
  // Browsers drop tabs and line breaks inside a scheme (`java\tscript:`): a URL holding them is never safe.
  if (/[\u0000-\u001f\u007f]/.test(url)) return undefined;
  if (scheme) return SAFE_SCHEMES.has(scheme[1]!.toLowerCase()) ? url.trim() : undefined;
  return url.startsWith('//') ? undefined : url;
}

const parser = unified().use(remarkParse);

/** mdast with raw HTML as text and unsafe links as plain text. */
function defang(node: MdastNodes): MdastNodes {
  if (node.type === 'html') return { type: 'text', value: node.value };
  if ((node.type === 'link' || node.type === 'image') && safeUrl(node.url) === undefined) {
    return { type: 'text', value: node.type === 'link' ? node.children.map(textOf).join('') : node.alt ?? '' };
  }
  if (node.type === 'image') return { type: 'text', value: node.alt ?? '' };
  if (node.type === 'definition' && safeUrl(node.url) === undefined) node.url = '';
  if ('children' in node) (node as { children: MdastNodes[] }).children = node.children.map(defang);
  return node;
}

function textOf(n: MdastNodes): string {
  if ('value' in n && typeof n.value === 'string') return n.value;
  return 'children' in n ? n.children.map(textOf).join('') : '';
}

/** The heading levels of a tree, in document order. */
function headingLevels(tree: HastNodes, out: number[] = []): number[] {
  if (tree.type === 'element') {
    const m = /^h([1-6])$/.exec(tree.tagName);
    if (m) out.push(Number(m[1]));
  }
  if ('children' in tree) for (const c of tree.children) headingLevels(c as HastNodes, out);
  return out;
}

/**
 * Headings in spec prose sit below the page's own sections: the shallowest becomes `top` and the
 * levels the prose uses follow it without gaps (a page's `###` under our `<h2>` becomes `<h3>`),
 * so the page's outline has no skipped level. External links open nothing of ours (`noopener`).
 */
function fitHeadings(tree: HastNodes, top: number): void {
  const used = [...new Set(headingLevels(tree))].sort((a, b) => a - b);
  const level = new Map(used.map((l, i) => [l, Math.min(6, top + i)]));
  const walk = (node: HastNodes): void => {
    if (node.type === 'element') {
      const m = /^h([1-6])$/.exec(node.tagName);
      if (m) node.tagName = `h${level.get(Number(m[1])) ?? top}`;
      if (node.tagName === 'a' && typeof node.properties['href'] === 'string' && /^https?:/.test(node.properties['href'])) {
        node.properties['rel'] = ['noopener'];
      }
    }
    if ('children' in node) for (const c of node.children) walk(c as HastNodes);
  };
  walk(tree);
}

/** Code blocks of plist or JSON highlighted in place. */
function highlightBlocks(tree: HastNodes): void {
  if (tree.type !== 'element' && tree.type !== 'root') return;
  tree.children = tree.children.map((c): typeof c => {
    if (c.type === 'element' && c.tagName === 'pre') {
      const code = c.children[0];
      if (code?.type === 'element' && code.tagName === 'code') {
        const cls = (code.properties['className'] as string[] | undefined)?.[0] ?? '';
        const lang = /language-(xml|plist)/.test(cls) ? 'xml' : /language-json/.test(cls) ? 'json' : undefined;
        const text = code.children.map((x) => (x.type === 'text' ? x.value : '')).join('');
        if (lang) return highlighted(text.replace(/\n$/, ''), lang);
      }
      return c;
    }
    highlightBlocks(c as HastNodes);
    return c;
  });
}

/**
 * Spec Markdown as an HTML fragment (link targets already resolved by the caller); its headings
 * start at level `top`.
 */
export function markdownHtml(markdown: string, top = 4): string {
  const key = `${top}\u0000${markdown}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = renderMarkdown(markdown, top);
    // Pages repeat the same prose (the common payload keys, response keys): parsed once.
    if (rendered.size > 50_000) rendered.clear();
    rendered.set(key, html);
  }
  return html;
}

const rendered = new Map<string, string>();

function renderMarkdown(markdown: string, top: number): string {
  const mdast = defang(parser.parse(markdown.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(BIDI, visibleBidi)) as MdastRoot) as MdastRoot;
  const hast = toHast(mdast) as HastRoot;
  fitHeadings(hast, top);
  highlightBlocks(hast);
  return toHtml(hast);
}

/** Markdown that is one inline run (a summary, a cell), without the paragraph around it. */
export function inlineHtml(markdown: string): string {
  return markdownHtml(markdown.replace(/[\r\n]+/g, ' ')).replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

const lowlight = createLowlight({ xml, json });

/** A plist or JSON example as a highlighted `<pre>` element. */
function highlighted(text: string, lang: 'xml' | 'json'): Element {
  const tree = lowlight.highlight(lang, text);
  return { type: 'element', tagName: 'pre', properties: { className: ['example'], tabIndex: 0 }, children: [{ type: 'element', tagName: 'code', properties: { className: [`hljs`, `language-${lang}`] }, children: tree.children as ElementContent[] }] };
}

/** An example as highlighted HTML. */
export function exampleHtml(text: string, format: 'plist' | 'json' | 'text'): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(BIDI, visibleBidi);
  if (format === 'text') return `<pre class="example" tabindex="0"><code>${htmlText(clean)}</code></pre>`;
  return toHtml(highlighted(clean, format === 'plist' ? 'xml' : 'json'));
}
