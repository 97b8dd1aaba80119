/**
 * Findings a user chose not to hear: keys allowed beyond the pages' (`PayloadEnabled`, which
 * profile tools write into every payload though no page lists it), and codes ignored at paths.
 * They are left out of every report format alike and counted, so a report says how many.
 */
import type { ProfileIssue, ProfileReport } from './check-profile.js';
import { isIssueCode } from './issue-codes.js';

/** A code ignored everywhere, or only at paths matching `path` (`*` matches within one segment, `**` across segments). */
export interface IgnoreRule {
  code: string;
  path?: string;
}

export interface FindingFilters {
  /** Keys that are never `unknown-key`, at any depth. */
  allowKeys?: readonly string[];
  ignore?: readonly IgnoreRule[];
}

/** `unknown-key` or `unknown-key:PayloadContent[*].PayloadEnabled`. */
export function parseIgnoreRule(text: string): IgnoreRule | undefined {
  const m = /^([a-z][a-z-]*)(?::(.+))?$/.exec(text);
  if (!m) return undefined;
  return m[2] === undefined ? { code: m[1]! } : { code: m[1]!, path: m[2] };
}

/** The rule `text` states, or why it is none (not CODE or CODE:PATH, or no finding has that code). */
export function readIgnoreRule(text: string): IgnoreRule | string {
  const rule = parseIgnoreRule(text);
  if (!rule) return `${JSON.stringify(text)} is not CODE or CODE:PATH`;
  return isIssueCode(rule.code) ? rule : `${rule.code} is not the code of any finding`;
}

function pathPattern(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^.\\[\\]]*';
    else re += c.replace(/[\\^$.|?+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The last key of a path: `PayloadContent[0].PayloadEnabled` → `PayloadEnabled`. */
function lastKey(path: string): string {
  const dot = path.lastIndexOf('.');
  return path.slice(dot + 1);
}

/** A predicate telling which findings the filters leave out. */
export function findingFilter(filters: FindingFilters): ((i: ProfileIssue) => boolean) | undefined {
  const allowed = new Set(filters.allowKeys ?? []);
  const rules = (filters.ignore ?? []).map((r) => ({ code: r.code, path: r.path === undefined ? undefined : pathPattern(r.path) }));
  if (!allowed.size && !rules.length) return undefined;
  return (i) => (i.code === 'unknown-key' && allowed.has(lastKey(i.path))) || rules.some((r) => r.code === i.code && (r.path === undefined || r.path.test(i.path)));
}

/** Leaves out the findings the filters name, counting them in `suppressed`. */
export function applyFilters<R extends ProfileReport>(report: R, drop: ((i: ProfileIssue) => boolean) | undefined): R {
  if (!drop) return report;
  const kept = report.issues.filter((i) => !drop(i));
  const suppressed = report.issues.length - kept.length;
  return suppressed ? { ...report, issues: kept, suppressed: (report.suppressed ?? 0) + suppressed } : report;
}
