/**
 * Markdown for diff reports. Text from pages is shown as text: every character that Markdown or
 * HTML would read as syntax is escaped, so a description cannot open a link, an image, a tag,
 * a table cell or emphasis in a report that ends up in a pull-request comment.
 */
import type { JsonValue } from '../model/ir.js';
import { markdownCode as codeSpan } from '../emit/escape.js';
import type { WordHunk } from './word-diff.js';

/**
 * Control characters and bidirectional overrides: invisible in a rendered report, but they can
 * move the cursor or reorder text in a terminal or an editor. They are dropped.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A name from a page as inline code that stays code whatever it holds. */
export function markdownCode(text: string): string {
  return codeSpan(text.replace(INVISIBLE, ''));
}

/** Page text as inert inline Markdown on one line. */
export function markdownInline(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_~[\]|#!{}]/g, (c) => `\\${c}`);
}

/** A URL path segment list made safe inside `(…)` of a Markdown link. */
export function linkTarget(url: string): string {
  return encodeURI(url).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
}

/** `1699` → `1,699`, the same on every machine. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `n key`/`n keys`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A value of a change as Markdown: `—` for none, `14+` for availability, code otherwise. */
export function markdownValue(x: JsonValue): string {
  if (x === null) return '—';
  if (typeof x === 'object' && !Array.isArray(x)) {
    return markdownInline(Object.entries(x).map(([k, val]) => (k === 'introduced' ? `${String(val)}+` : k === 'available' ? (val ? 'available' : 'not available') : `${k} ${String(val)}`)).join(', ') || 'stated');
  }
  return markdownCode(typeof x === 'string' ? x : JSON.stringify(x));
}

/**
 * Hunks of a word diff as one line: deleted words struck through, inserted words in bold,
 * unchanged context plain, elided text as `…`.
 */
export function markdownHunks(hunks: readonly WordHunk[]): string {
  // Pieces are joined by a space, except before punctuation that closes a phrase.
  let out = '';
  for (const h of hunks) {
    for (const [text, mark] of [[h.before, ''], [h.removed, '~~'], [h.added, '**'], [h.after, '']] as const) {
      if (!text) continue;
      if (out && !(mark === '' && /^[.,;:!?)]/.test(text))) out += ' ';
      out += `${mark}${markdownInline(text)}${mark}`;
    }
  }
  return out.replace(/… …/g, '…');
}
