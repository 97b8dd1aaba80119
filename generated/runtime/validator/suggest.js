// Copied by dmspec from generator/runtime/validator/suggest.ts. Do not edit: change that file and run "npm run generate".
const MAX_NAME = 200;
function allowedEdits(length) {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}
function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2 = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}
function closest(name, candidates) {
  if (name.length > MAX_NAME) return void 0;
  const lower = name.toLowerCase();
  const limit = allowedEdits(name.length);
  let best;
  let bestDistance = Infinity;
  let tie = false;
  for (const c of candidates) {
    if (c === name || c.length > MAX_NAME) continue;
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase(), limit) + 0.5;
    if (d > limit + 0.5) continue;
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return tie ? void 0 : best;
}
export {
  closest,
  editDistance
};
