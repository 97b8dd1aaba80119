/**
 * The name a misspelt one most likely meant: `allowAirdrop` → `allowAirDrop` (equal ignoring
 * case), `com.apple.applicationacess` → `com.apple.applicationaccess` (one edit). Only a single
 * closest candidate is named; two equally close ones name none, so a suggestion is never a guess
 * between keys.
 */

/** Names longer than this are not compared: no key or payload type comes near. */
const MAX_NAME = 200;

/** Edits allowed for a name of `length` characters: 1 up to 7 characters, 2 from 8 on. */
function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions and swaps of neighbours)
 * between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The one candidate `name` most likely meant, or undefined. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > MAX_NAME) return undefined;
  const lower = name.toLowerCase();
  const limit = allowedEdits(name.length);
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const c of candidates) {
    if (c === name || c.length > MAX_NAME) continue;
    // Equal ignoring case is the likeliest slip of all.
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase(), limit) + 0.5;
    if (d > limit + 0.5) continue;
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}
