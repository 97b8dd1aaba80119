/**
 * Word-level diffs of descriptions: what a reviewer needs to see of a reworded key, the deleted
 * and inserted words with a few words of unchanged text around them, the rest elided. The diff
 * itself is jsdiff's; this module only cuts it into hunks and says which hunks touch a sentence
 * that states a fact the parser also reads (availability, deprecation, supervision).
 */
import { diffWordsWithSpace } from 'diff';
import type { ChangeKind } from './changes.js';
import { normaliseDescription } from './normalise.js';

/** The facts a sentence of prose can state that the IR also holds. */
export type ProseFact = 'availability' | 'deprecation' | 'supervision';

/** The change that carries a fact a description sentence states. */
export const FACT_KIND: Record<ProseFact, ChangeKind> = {
  availability: 'availability-changed',
  deprecation: 'deprecation-changed',
  supervision: 'supervision-changed',
};

/** One run of changed words and the unchanged words around it. */
export interface WordHunk {
  /** Unchanged words before the change; starts with `…` when more text was elided. */
  before: string;
  /** Words only the old description has ('' when none). */
  removed: string;
  /** Words only the new description has ('' when none). */
  added: string;
  /** Unchanged words after the change; ends with `…` when more text was elided. */
  after: string;
  /** Set when the changed sentence states this fact. */
  fact?: ProseFact;
  /** Set when the key's change of that fact is in the same diff: the report shows the sentence there. */
  withChange?: boolean;
}

/** Words of context kept on each side of a change. */
const CONTEXT_WORDS = 6;
/** Unchanged runs of at most this many words between two changes join them into one hunk. */
const JOIN_WORDS = 2;

const FACT_PATTERNS: [ProseFact, RegExp][] = [
  ['deprecation', /\bdeprecat/i],
  ['supervision', /\bsupervis/i],
  ['availability', /\b(?:available|availability|introduced|removed in)\b/i],
];

interface Part {
  op: 'equal' | 'delete' | 'insert';
  text: string;
  /** Offsets of the part in the old (equal, delete) and new (equal, insert) text. */
  oldAt: number;
  newAt: number;
}

const words = (s: string): string[] => s.trim().split(/\s+/).filter(Boolean);

/**
 * Edits beyond which two descriptions are not diffed word by word: the diff's time grows with
 * length × edits, and a page rewritten from end to end reads better as old and new anyway.
 * A bound on edits (not a timeout) keeps the report the same on every machine. The largest
 * rewording in the corpus's two updates takes 582 edits.
 */
const MAX_EDITS = 1500;
/** Words shown of each side of a description too changed to diff. */
const REWRITE_WORDS = 40;

function parts(a: string, b: string): Part[] {
  const changes = diffWordsWithSpace(a, b, { maxEditLength: MAX_EDITS });
  if (!changes) return [{ op: 'delete', text: leading(a, REWRITE_WORDS), oldAt: 0, newAt: 0 }, { op: 'insert', text: leading(b, REWRITE_WORDS), oldAt: 0, newAt: 0 }];
  const out: Part[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const c of changes) {
    const op = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    out.push({ op, text: c.value, oldAt, newAt });
    if (op !== 'insert') oldAt += c.value.length;
    if (op !== 'delete') newAt += c.value.length;
  }
  return out;
}

/** The sentence of `text` around the range [from, to). */
function sentenceAround(text: string, from: number, to: number): string {
  const starts = [...text.slice(0, from).matchAll(/[.!?]\s+/g)];
  const start = starts.length ? starts[starts.length - 1]!.index! + starts[starts.length - 1]![0].length : 0;
  const end = text.slice(to).search(/[.!?](\s|$)/);
  return text.slice(start, end < 0 ? text.length : to + end + 1);
}

function factOf(sentences: string[]): ProseFact | undefined {
  for (const [fact, re] of FACT_PATTERNS) if (sentences.some((s) => re.test(s))) return fact;
  return undefined;
}

function leading(text: string, n: number): string {
  const w = words(text);
  return w.length > n ? `${w.slice(0, n).join(' ')} …` : w.join(' ');
}

function trailing(text: string, n: number): string {
  const w = words(text);
  return w.length > n ? `… ${w.slice(-n).join(' ')}` : w.join(' ');
}

/**
 * The hunks that turn `before` into `after`, compared as the diff compares them (markup, link
 * targets and sentences that only restate availability lines left out).
 */
export function wordHunks(before: string, after: string): WordHunk[] {
  const a = normaliseDescription(before);
  const b = normaliseDescription(after);
  const ps = parts(a, b);
  // Runs of changes, joined across short unchanged runs so a reworded phrase reads as one edit.
  const runs: { from: number; to: number }[] = [];
  for (let i = 0; i < ps.length; i++) {
    if (ps[i]!.op === 'equal') continue;
    const last = runs[runs.length - 1];
    const gap = last ? ps.slice(last.to + 1, i) : [];
    if (last && gap.every((p) => p.op !== 'equal' || words(p.text).length <= JOIN_WORDS)) last.to = i;
    else runs.push({ from: i, to: i });
  }
  return runs.map(({ from, to }, i) => {
    let removed = '';
    let added = '';
    for (const p of ps.slice(from, to + 1)) {
      if (p.op !== 'insert') removed += p.text;
      if (p.op !== 'delete') added += p.text;
    }
    const prev = ps[from - 1];
    const next = ps[to + 1];
    const first = ps[from]!;
    const oldFrom = first.oldAt;
    const newFrom = first.newAt;
    const oldTo = oldFrom + removed.length;
    const newTo = newFrom + added.length;
    const sentences: string[] = [];
    if (removed.trim()) sentences.push(sentenceAround(a, oldFrom, oldTo));
    if (added.trim()) sentences.push(sentenceAround(b, newFrom, newTo));
    // Unchanged text between two hunks that fits both contexts is shown once, after the first.
    const short = (p: Part | undefined): boolean => !!p && words(p.text).length <= 2 * CONTEXT_WORDS;
    const hunk: WordHunk = {
      before: prev && !(i > 0 && short(prev)) ? trailing(prev.text, CONTEXT_WORDS) : '',
      removed: removed.trim(),
      added: added.trim(),
      after: next ? (i < runs.length - 1 && short(next) ? words(next.text).join(' ') : leading(next.text, CONTEXT_WORDS)) : '',
    };
    const fact = factOf(sentences);
    if (fact) hunk.fact = fact;
    return hunk;
  });
}

/** What the hunks change, without their context: equal for the same edit on different keys. */
export function editSignature(hunks: readonly WordHunk[]): string {
  return hunks.map((h) => `-${h.removed}\u0000+${h.added}`).join('\u0001');
}

/** `… a b c` → `a b c` and whether text was elided. */
function contextWords(text: string, elision: 'start' | 'end'): { words: string[]; elided: boolean } {
  const w = words(text);
  const mark = elision === 'start' ? w[0] : w[w.length - 1];
  if (mark !== '…') return { words: w, elided: false };
  return { words: elision === 'start' ? w.slice(1) : w.slice(0, -1), elided: true };
}

/**
 * The hunks as every one of `edits` reads them: the same changed words (they share one
 * `editSignature`) with only the context all of them share, the rest elided. A line that
 * stands for several keys then shows no key's own sentence as if it were all of theirs.
 */
export function sharedHunks(edits: readonly (readonly WordHunk[])[]): WordHunk[] {
  const [first, ...others] = edits;
  if (!first) return [];
  return first.map((h, j) => {
    const befores = [h, ...others.map((e) => e[j]!)].map((x) => contextWords(x.before, 'start'));
    const afters = [h, ...others.map((e) => e[j]!)].map((x) => contextWords(x.after, 'end'));
    // The longest run of words that ends every `before` and the longest that starts every `after`.
    let b = Math.min(...befores.map((x) => x.words.length));
    while (b > 0 && !befores.every((x) => x.words.slice(-b).join(' ') === befores[0]!.words.slice(-b).join(' '))) b--;
    let a = Math.min(...afters.map((x) => x.words.length));
    while (a > 0 && !afters.every((x) => x.words.slice(0, a).join(' ') === afters[0]!.words.slice(0, a).join(' '))) a--;
    const beforeCut = befores.some((x) => x.elided || x.words.length > b);
    const afterCut = afters.some((x) => x.elided || x.words.length > a);
    const before = [...(beforeCut ? ['…'] : []), ...befores[0]!.words.slice(befores[0]!.words.length - b)].join(' ');
    const after = [...afters[0]!.words.slice(0, a), ...(afterCut ? ['…'] : [])].join(' ');
    const out: WordHunk = { before, removed: h.removed, added: h.added, after };
    if (h.fact) out.fact = h.fact;
    return out;
  });
}
