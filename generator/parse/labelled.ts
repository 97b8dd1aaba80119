/**
 * Reads "label: value" facts in their several spellings: `**Type:** \`string\``,
 * `**Kind**: dictionary`, `Default: \`1280\``, `Available: iOS 14+ | macOS 11+`.
 */
import type { PhrasingContent } from 'mdast';
import { squash, textOf } from './markdown.js';

export interface Labelled {
  /** Lower-cased label without its colon, e.g. `allowed values`. */
  label: string;
  /** The values of the code spans after the label, in order. */
  codes: string[];
  /** The text after the label, markup removed. */
  rest: string;
}

/** Reads inline content that starts with a label; `undefined` if it does not. */
export function readLabelled(nodes: readonly PhrasingContent[]): Labelled | undefined {
  const [first, ...others] = nodes;
  if (!first) return undefined;
  let label: string | undefined;
  let after: PhrasingContent[] = others;
  if (first.type === 'strong') {
    const t = squash(textOf(first));
    if (t.endsWith(':')) label = t.slice(0, -1);
    else {
      // `**Kind**: dictionary` — the colon is in the text that follows.
      const next = others[0];
      if (next?.type === 'text' && next.value.startsWith(':')) {
        label = t;
        after = [{ ...next, value: next.value.slice(1) }, ...others.slice(1)];
      }
    }
  } else if (first.type === 'text') {
    const m = /^\s*([A-Z][A-Za-z ]{1,30}):\s?/.exec(first.value);
    if (m?.[1]) {
      label = m[1];
      after = [{ ...first, value: first.value.slice(m[0].length) }, ...others];
    }
  }
  if (label === undefined) return undefined;
  const codes = after.filter((n) => n.type === 'inlineCode').map((n) => (n as { value: string }).value);
  return { label: label.trim().toLowerCase(), codes, rest: squash(textOf(after)) };
}

/** A value written after a label: the code span if there is one (`\`\`` means empty), else the text. */
export function labelledValue(l: Labelled): string {
  if (l.codes.length) return l.codes.join(' ');
  if (l.rest === '``') return '';
  return l.rest;
}

