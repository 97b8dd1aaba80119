/**
 * Names close to a misspelt one, for "did you mean" hints: an unknown option, an object or key
 * that no spec version has. Case differences come first, then names a few edits away.
 */

/** Edits (insertions, deletions, substitutions) from `a` to `b`. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * Up to `max` of `candidates` within a quarter of their length in edits (at least one) of
 * `name`, closest first; a name that differs only in case counts as no edit at all.
 */
export function nearNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const found: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const allowed = Math.max(1, Math.floor(c.length / 4));
    // Lengths further apart than the allowed edits cannot be near: skip the distance.
    if (Math.abs(c.length - name.length) > allowed) continue;
    const d = c.toLowerCase() === lower ? 0 : editDistance(name, c);
    if (d <= allowed) found.push({ c, d });
  }
  return found.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0)).slice(0, max).map((x) => x.c);
}

/** ` (did you mean A or B?)`, or '' when nothing is near. */
export function didYouMean(names: readonly string[], format: (n: string) => string = (n) => n): string {
  if (!names.length) return '';
  const shown = names.map(format);
  const list = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]!}`;
  return ` (did you mean ${list}?)`;
}
