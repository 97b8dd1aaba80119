/**
 * Wildcard matching in linear time, for `--exclude` (file paths) and `--ignore` (key paths). A
 * regular expression built from a pattern with two wildcards backtracks (a 300 kB key took a
 * minute); here a name is matched by finding the pattern's pieces between `*`s left to right,
 * which is exact for `*` (the leftmost place of each piece is always as good as any later one),
 * each piece found in one pass over the name, and a
 * path of segments by running every place in the pattern at once (a set of states, as a
 * Thompson automaton does), so no input can make either look at a character more than a
 * pattern-length number of times.
 */

/** Longest pattern accepted, in characters: it bounds the work per character of input. */
export const MAX_PATTERN_LENGTH = 1_000;

/** A predicate for one name: `*` matches any run of characters, `?` any one character; everything else is literal. */
export function nameMatcher(pattern: string): (name: string) => boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern.includes('?') ? (name) => name.length === pattern.length && at(name, 0, pattern) : (name) => name === pattern;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1).filter((p) => p !== '').map((p) => ({ length: p.length, find: finder(p) }));
  return (name) => {
    if (name.length < first.length + last.length) return false;
    if (!at(name, 0, first) || !at(name, name.length - last.length, last)) return false;
    let from = first.length;
    const end = name.length - last.length;
    for (const piece of middle) {
      const found = piece.find(name, from, end);
      if (found < 0) return false;
      from = found + piece.length;
    }
    return true;
  };
}

/** True when `piece` (where `?` is any character) is at `offset` of `s`. */
function at(s: string, offset: number, piece: string): boolean {
  if (offset < 0 || offset + piece.length > s.length) return false;
  for (let i = 0; i < piece.length; i++) if (piece[i] !== '?' && piece[i] !== s[offset + i]) return false;
  return true;
}

/**
 * A search for the first place of `piece` in `s[from, end)`. A literal piece is `indexOf`; one
 * holding `?` is scanned once, bit-parallel (shift-and: bit j of the state says the last j + 1
 * characters match the piece's first j + 1), since trying it at each place in turn costs the
 * piece's length per character (`*?a?a…` took 31 s on a 1,000,000-character key).
 */
function finder(piece: string): (s: string, from: number, end: number) => number {
  if (!piece.includes('?')) {
    return (s, from, end) => {
      const i = s.indexOf(piece, from);
      return i >= 0 && i + piece.length <= end ? i : -1;
    };
  }
  const m = piece.length;
  const words = (m + 31) >>> 5;
  // Characters the piece does not name match only its `?`s.
  const other = new Uint32Array(words);
  for (let j = 0; j < m; j++) if (piece[j] === '?') other[j >>> 5]! |= 1 << (j & 31);
  const masks = new Map<number, Uint32Array>();
  for (let j = 0; j < m; j++) {
    if (piece[j] === '?') continue;
    const c = piece.charCodeAt(j);
    let mask = masks.get(c);
    if (!mask) masks.set(c, (mask = Uint32Array.from(other)));
    mask[j >>> 5]! |= 1 << (j & 31);
  }
  const topWord = (m - 1) >>> 5;
  const topBit = 1 << ((m - 1) & 31);
  return (s, from, end) => {
    const state = new Uint32Array(words);
    for (let i = from; i < end; i++) {
      const mask = masks.get(s.charCodeAt(i)) ?? other;
      let carry = 1;
      for (let w = 0; w < words; w++) {
        const d = state[w]!;
        state[w] = ((d << 1) | carry) & mask[w]!;
        carry = d >>> 31;
      }
      if (state[topWord]! & topBit) return i - m + 1;
    }
    return -1;
  };
}

/** One step of a path pattern: `**` (any number of segments, none included) or a test of one segment. */
export type Step<T> = '**' | ((segment: T) => boolean);

/** A predicate for a sequence of segments: every step must match its segment in order, `**` any run of them. */
export function pathMatcher<T>(steps: ReadonlyArray<Step<T>>): (segments: readonly T[]) => boolean {
  const m = steps.length;
  // Adds the states reachable without consuming a segment: past each `**`.
  const close = (states: Set<number>): Set<number> => {
    for (let i = 0; i < m; i++) if (states.has(i) && steps[i] === '**') states.add(i + 1);
    return states;
  };
  return (segments) => {
    let states = close(new Set([0]));
    for (const seg of segments) {
      const next = new Set<number>();
      for (const i of states) {
        if (i === m) continue;
        const step = steps[i]!;
        if (step === '**') next.add(i);
        else if (step(seg)) next.add(i + 1);
      }
      if (!next.size) return false;
      states = close(next);
    }
    return states.has(m);
  };
}
