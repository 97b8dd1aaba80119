// Copied by dmspec from generator/runtime/validator/shared.ts. Do not edit: change that file and run "npm run generate".
import { NO_OPTIONS } from "./types.js";
import { sharedBudget } from "./run.js";
import { isDict, own } from "./values.js";
const said = (v) => typeof v === "bigint" ? String(v) : JSON.stringify(v);
function listed(items, word) {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)}`;
}
function takes(q, key, value) {
  if (!q.keys.includes(key)) return false;
  const list = q.values?.[key];
  return list === void 0 || list.includes(value);
}
function judge(page, index, pages, known, value, options) {
  const issues = page.validate(value, options).issues.filter((i) => !(i.code === "unknown-key" && known.has(i.path) && !page.keys.includes(i.path)));
  const pins = [];
  const excluded = [];
  const others = pages.filter((q) => q !== page);
  for (const [key, list] of Object.entries(page.values ?? {})) {
    if (!own(value, key)) continue;
    const v = value[key];
    if (list.includes(v)) {
      if (list.length === 1 && !others.some((q) => q.values?.[key]?.includes(v))) pins.push(key);
    } else if (others.some((q) => takes(q, key, v))) excluded.push(key);
  }
  let errors = 0;
  for (const i of issues) if (i.severity === "error") errors++;
  const covered = Object.keys(value).filter((k) => page.keys.includes(k)).length;
  return { page, index, issues, pins, excluded, errors, covered };
}
function rank(a, b) {
  return b.pins.length - a.pins.length || a.excluded.length - b.excluded.length || a.errors - b.errors || b.covered - a.covered || a.index - b.index;
}
function reasonOf(best, next, value, inUse) {
  if (next === void 0) return inUse ? "the only one of its pages whose keys the payload uses" : "its only page";
  const v = (k) => `${k} ${said(value[k])}`;
  if (best.pins.length !== next.pins.length) return `its ${listed(best.pins.map(v), "and")} ${best.pins.length === 1 ? "is" : "are"} allowed by this page only`;
  if (best.excluded.length !== next.excluded.length) return `${next.page.name} does not allow its ${listed(next.excluded.map(v), "or")}`;
  if (best.errors !== next.errors) return `fewest errors: ${best.errors}, against ${next.errors} for ${next.page.name}`;
  if (best.covered !== next.covered) return `as few errors as ${next.page.name} (${best.errors}), and it knows more of the payload's keys`;
  return `a tie with ${next.page.name} (${best.errors} errors, as many keys known): the first in name order`;
}
function under(issues, key) {
  return issues.filter((i) => i.path === key ? i.code !== "missing-required" : i.path.startsWith(`${key}.`) || i.path.startsWith(`${key}[`));
}
function union(pages) {
  const known = new Set(pages.flatMap((p) => p.keys));
  return (value, options = NO_OPTIONS) => sharedBudget(() => {
    if (!isDict(value)) return judged(pages[0].validate(value, options).issues, { object: pages[0].name, reason: "the value is not a dictionary" }, pages[0].name);
    const inUse = pages.filter((p) => p.keys.some((k) => own(value, k)));
    const field = inUse.length ? inUse : pages;
    const ranked = field.map((p) => judge(p, pages.indexOf(p), pages, known, value, options)).sort(rank);
    const best = ranked[0];
    const issues = best.issues.map((i) => ({ ...i, judgedAgainst: best.page.name }));
    const also = /* @__PURE__ */ new Set();
    for (const key of Object.keys(value)) {
      if (!known.has(key) || best.page.keys.includes(key)) continue;
      const by = ranked.find((j) => j.page.keys.includes(key));
      if (!by) continue;
      also.add(by);
      for (const i of under(by.issues, key)) issues.push({ ...i, judgedAgainst: by.page.name });
    }
    const reason = reasonOf(best, ranked[1], value, inUse.length > 0);
    const others = [...also].sort((a, b) => a.index - b.index).map((j) => j.page.name);
    return judged(issues, others.length ? { object: best.page.name, reason, also: others } : { object: best.page.name, reason });
  });
}
function judged(issues, judgedAgainst, name) {
  const list = name === void 0 ? issues : issues.map((i) => ({ ...i, judgedAgainst: name }));
  return { valid: !list.some((i) => i.severity === "error"), issues: list, judgedAgainst };
}
export {
  union
};
