/**
 * A discriminator value several pages define (`com.apple.extensiblesso` is ExtensibleSingleSignOn
 * and ExtensibleSingleSignOnKerberos; `com.apple.MCX` six pages): a document of it is valid when
 * it is valid against one of them, and its findings are those of the page it matches best, never
 * the union of every page's findings (a Microsoft Entra Redirect payload must not be told to
 * become a Kerberos one).
 */
import { NO_OPTIONS, type JudgedAgainst, type ValidationIssue, type ValidationResult, type Validator } from './types.js';
import { sharedBudget } from './run.js';
import { isDict, own } from './values.js';

/** One page of a shared discriminator value, as the generated registry lists it. */
export interface SharedPage {
  /** The object's name: what a report says the document was judged against. */
  name: string;
  validate: Validator;
  /** The page's own keys. */
  keys: readonly string[];
  /**
   * The allowed values of its keys where the pages' lists differ (`Type`, `ExtensionIdentifier`):
   * what picks one page over another.
   */
  values?: Readonly<Record<string, readonly string[]>>;
}

/** One page's verdict on a document, with what ranks it. */
interface Judgement {
  page: SharedPage;
  index: number;
  issues: ValidationIssue[];
  /** Keys whose value is one only this page allows (a pinned `ExtensionIdentifier`). */
  pins: string[];
  /** Keys whose value this page refuses and another page takes (`Type` `Redirect` for Kerberos). */
  excluded: string[];
  errors: number;
  /** How many of the document's keys the page knows. */
  covered: number;
}

// A bigint (an integer past ±2^53) has no JSON form: its digits.
const said = (v: unknown): string => (typeof v === 'bigint' ? String(v) : JSON.stringify(v));

/** `a`, `a and b`, `a, b and c` (with `or` for `word`). */
function listed(items: readonly string[], word: string): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)!}`;
}

/** Whether page `q` takes `value` for `key`: it has the key, with no list or a list holding it. */
function takes(q: SharedPage, key: string, value: unknown): boolean {
  if (!q.keys.includes(key)) return false;
  const list = q.values?.[key];
  return list === undefined || list.includes(value as string);
}

function judge(page: SharedPage, index: number, pages: readonly SharedPage[], known: ReadonlySet<string>, value: Record<string, unknown>, options: Parameters<Validator>[1]): Judgement {
  // A key another page defines is a key of the payload type: never unknown.
  const issues = page.validate(value, options).issues.filter((i) => !(i.code === 'unknown-key' && known.has(i.path) && !page.keys.includes(i.path)));
  const pins: string[] = [];
  const excluded: string[] = [];
  const others = pages.filter((q) => q !== page);
  for (const [key, list] of Object.entries(page.values ?? {})) {
    if (!own(value, key)) continue;
    const v = value[key];
    if (list.includes(v as string)) {
      if (list.length === 1 && !others.some((q) => q.values?.[key]?.includes(v as string))) pins.push(key);
    } else if (others.some((q) => takes(q, key, v))) excluded.push(key);
  }
  let errors = 0;
  for (const i of issues) if (i.severity === 'error') errors++;
  const covered = Object.keys(value).filter((k) => page.keys.includes(k)).length;
  return { page, index, issues, pins, excluded, errors, covered };
}

/** Best first: pinned values, then fewest values refused, fewest errors, most keys known, page order. */
function rank(a: Judgement, b: Judgement): number {
  return b.pins.length - a.pins.length || a.excluded.length - b.excluded.length || a.errors - b.errors || b.covered - a.covered || a.index - b.index;
}

/** Why `best` was chosen over `next`: the first rule of `rank` that tells them apart. */
function reasonOf(best: Judgement, next: Judgement | undefined, value: Record<string, unknown>, inUse: boolean): string {
  if (next === undefined) return inUse ? 'the only one of its pages whose keys the payload uses' : 'its only page';
  const v = (k: string): string => `${k} ${said(value[k])}`;
  if (best.pins.length !== next.pins.length) return `its ${listed(best.pins.map(v), 'and')} ${best.pins.length === 1 ? 'is' : 'are'} allowed by this page only`;
  if (best.excluded.length !== next.excluded.length) return `${next.page.name} does not allow its ${listed(next.excluded.map(v), 'or')}`;
  if (best.errors !== next.errors) return `fewest errors: ${best.errors}, against ${next.errors} for ${next.page.name}`;
  if (best.covered !== next.covered) return `as few errors as ${next.page.name} (${best.errors}), and it knows more of the payload's keys`;
  return `a tie with ${next.page.name} (${best.errors} errors, as many keys known): the first in name order`;
}

/** `issues` of a page's check that are about `key` or what it holds, not its absence. */
function under(issues: readonly ValidationIssue[], key: string): ValidationIssue[] {
  return issues.filter((i) => i.path === key ? i.code !== 'missing-required' : i.path.startsWith(`${key}.`) || i.path.startsWith(`${key}[`));
}

/**
 * A validator for a discriminator value that several pages define. Each page judges the document;
 * among the pages whose own keys it uses (all when it uses none), the best is the one whose
 * pinned value it carries (`ExtensionIdentifier` `com.apple.AppSSOKerberos.KerberosExtension`),
 * then the one that refuses fewest of its values that another page takes (`Type` `Redirect`), then
 * fewest errors, most keys known, and page order. Its findings are the result's, each naming the
 * page in `judgedAgainst`, and so is the result (`judgedAgainst`, with why). A key the best page
 * lacks and another page defines (pages that each document part of one dictionary, as
 * `com.apple.MCX`'s do) is not unknown: that page judges the value it holds.
 */
export function union(pages: readonly SharedPage[]): Validator {
  const known = new Set(pages.flatMap((p) => p.keys));
  // One value budget for every page's check: a payload judged six times is bounded once.
  return (value, options = NO_OPTIONS) => sharedBudget(() => {
    if (!isDict(value)) return judged(pages[0]!.validate(value, options).issues, { object: pages[0]!.name, reason: 'the value is not a dictionary' }, pages[0]!.name);
    const inUse = pages.filter((p) => p.keys.some((k) => own(value, k)));
    const field = inUse.length ? inUse : pages;
    const ranked = field.map((p) => judge(p, pages.indexOf(p), pages, known, value, options)).sort(rank);
    const best = ranked[0]!;
    const issues = best.issues.map((i) => ({ ...i, judgedAgainst: best.page.name }));
    const also = new Set<Judgement>();
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

function judged(issues: ValidationIssue[], judgedAgainst: JudgedAgainst, name?: string): ValidationResult {
  const list = name === undefined ? issues : issues.map((i) => ({ ...i, judgedAgainst: name }));
  return { valid: !list.some((i) => i.severity === 'error'), issues: list, judgedAgainst };
}
