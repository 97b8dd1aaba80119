/**
 * A key's prose as sentences, each with its line and the thing it is about. A sentence never
 * spans two blocks: paragraphs, list items and quote blocks are split first, so a fact cannot
 * spill from one into the next (or into the next key's facts).
 */
import type { Stated } from './raw.js';

export interface Sentence {
  /** The sentence as plain text: links and emphasis gone, code spans kept, spaces squashed. */
  text: string;
  line: number;
  /** The value a list item is about (`- \`NONE\`: …`), as written. */
  item?: string;
}

const ITEM = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+/;
const QUOTE = /^\s{0,3}>\s?/;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const ITEM_SUBJECT = /^`([^`]+)`\s*(?::|–|—| - )/;
// A sentence ends at `.`, `;`, `!` or `?` before a capital or a code span; Apple sometimes drops
// the space before "Available in…", so those words also start one after a bare full stop.
const BREAK = /(?<=[.;!?])\s+(?=[A-Z`])|(?<=[a-z)]\.)(?=(?:Available|Requires|Deprecated|Supported) )/g;

interface Unit {
  text: string;
  line: number;
  item?: string;
}

/** Splits blocks of markdown into units: paragraphs, each list item and each quote block apart. */
function units(blocks: readonly Stated[]): Unit[] {
  const out: Unit[] = [];
  for (const block of blocks) {
    let current: Unit | undefined;
    let quoted = false;
    let fenced = false;
    const flush = (): void => {
      if (current && current.text.trim()) out.push(current);
      current = undefined;
    };
    block.value.split('\n').forEach((raw, i) => {
      const line = block.line + i;
      if (FENCE.test(raw)) {
        fenced = !fenced;
        flush();
        return;
      }
      // Code, tables and headings are not sentences.
      if (fenced || /^\s*\|/.test(raw) || /^\s{0,3}#/.test(raw)) return flush();
      if (raw.trim() === '') return flush();
      const isQuote = QUOTE.test(raw);
      let text = isQuote ? raw.replace(QUOTE, '') : raw;
      if (isQuote !== quoted) flush();
      quoted = isQuote;
      if (ITEM.test(text)) {
        flush();
        text = text.replace(ITEM, '');
        const subject = ITEM_SUBJECT.exec(text);
        current = { text: '', line };
        if (subject?.[1]) {
          // The value's name is the item's subject, not part of its first sentence.
          current.item = subject[1];
          text = text.slice(subject[0].length).trimStart();
        }
      }
      if (!current) current = { text: '', line };
      current.text += (current.text ? '\n' : '') + text;
    });
    flush();
  }
  return out;
}

/** Links to their text, emphasis and escapes away, code spans kept, whitespace squashed. */
export function plainSentence(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|(?<![\w*])\*(?!\s)|(?<!\s)\*(?![\w*])/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The sentences of a key's prose blocks, in order, each with the line it starts on. */
export function sentencesOf(blocks: readonly Stated[]): Sentence[] {
  const out: Sentence[] = [];
  for (const unit of units(blocks)) {
    let start = 0;
    // Lines are counted as the sentences advance, so a long block costs one pass, not one per sentence.
    let line = unit.line;
    let counted = 0;
    const push = (end: number): void => {
      for (; counted < start; counted++) if (unit.text.charCodeAt(counted) === 10) line++;
      const text = plainSentence(unit.text.slice(start, end));
      if (!text) return;
      const s: Sentence = { text, line };
      if (unit.item !== undefined) s.item = unit.item;
      out.push(s);
    };
    for (const m of unit.text.matchAll(BREAK)) {
      push(m.index ?? 0);
      start = (m.index ?? 0) + m[0].length;
    }
    push(unit.text.length);
  }
  return out;
}
