/**
 * Findings a user chose not to hear: keys allowed beyond the pages' (`PayloadEnabled`, which
 * profile tools write into every payload though no page lists it), and codes ignored at paths.
 * They are left out of every report format alike and counted, so a report says how many. A key
 * is matched whole (an allowed `PayloadEnabled` never allows `Evil.PayloadEnabled`), and every
 * pattern is matched in linear time (`glob.ts`).
 *
 * Path patterns: keys joined by `.`, indexes in brackets; `*` matches within one key, `[*]` any
 * index, `**` any number of keys and indexes (none included); a key holding dots, brackets or
 * quotes is written in double quotes, with `\"` and `\\` inside:
 * `PayloadContent[*]."com.apple.driver.AppleHIDMouse".Button2`, `**.PayloadEnabled`.
 */
import type { ProfileIssue, ProfileReport } from './check-profile.js';
import { isIssueCode, UNIGNORABLE_CODES } from './issue-codes.js';
import { MAX_PATTERN_LENGTH, nameMatcher, pathMatcher, type Step } from './glob.js';
import type { Segment } from './key-path.js';

/** A code ignored everywhere, or only at paths matching `path`. */
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
  const m = /^([a-z][a-z-]*)(?::(.+))?$/s.exec(text);
  if (!m) return undefined;
  return m[2] === undefined ? { code: m[1]! } : { code: m[1]!, path: m[2] };
}

/** The rule `text` states, or why it is none (not CODE or CODE:PATH, a code no finding has, a path that is no pattern). */
export function readIgnoreRule(text: string): IgnoreRule | string {
  const rule = parseIgnoreRule(text);
  if (!rule) return `${JSON.stringify(text)} is not CODE or CODE:PATH`;
  if (!isIssueCode(rule.code)) return `${rule.code} is not the code of any finding`;
  if (UNIGNORABLE_CODES.has(rule.code)) return `${rule.code} cannot be ignored: it says a file or part of it was not checked (--exclude leaves a file out)`;
  if (rule.path !== undefined) {
    const steps = pathSteps(rule.path);
    if (typeof steps === 'string') return `${JSON.stringify(rule.path)}: ${steps}`;
  }
  return rule;
}

/** The steps of a path pattern, or why it is none. */
export function pathSteps(pattern: string): Array<Step<Segment>> | string {
  if (pattern.length > MAX_PATTERN_LENGTH) return `a pattern of at most ${MAX_PATTERN_LENGTH} characters`;
  const steps: Array<Step<Segment>> = [];
  let i = 0;
  while (i < pattern.length) {
    if (pattern[i] === '[') {
      const m = /^\[(\d+|\*)\]/.exec(pattern.slice(i, i + 24));
      if (!m) return `an index is [N] or [*] (at character ${i + 1})`;
      const n = m[1] === '*' ? undefined : Number(m[1]);
      steps.push((s) => typeof s === 'number' && (n === undefined || s === n));
      i += m[0].length;
      continue;
    }
    if (steps.length > 0) {
      if (pattern[i] !== '.') return `expected "." or "[" (at character ${i + 1})`;
      i++;
    }
    if (pattern[i] === '"') {
      let key = '';
      let j = i + 1;
      for (; j < pattern.length && pattern[j] !== '"'; j++) key += pattern[j] === '\\' ? (pattern[++j] ?? '') : pattern[j];
      if (j >= pattern.length) return `a quoted key is not closed (at character ${i + 1})`;
      steps.push((s) => s === key);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < pattern.length && !'.[]"'.includes(pattern[j]!)) j++;
    const word = pattern.slice(i, j);
    if (word === '') return `a key is missing (at character ${i + 1}); write a key holding dots or brackets in double quotes`;
    if (word === '**') steps.push('**');
    else if (word.includes('**')) return `** stands alone between dots (at character ${i + 1})`;
    else {
      const match = nameMatcher(word);
      steps.push((s) => typeof s === 'string' && match(s));
    }
    i = j;
  }
  return steps;
}

/** A predicate telling which findings the filters leave out, given each finding's path segments. */
export function findingFilter(filters: FindingFilters): ((i: ProfileIssue, segments: () => readonly Segment[]) => boolean) | undefined {
  const allowed = new Set(filters.allowKeys ?? []);
  const rules = (filters.ignore ?? []).map((r) => {
    const steps = r.path === undefined ? undefined : pathSteps(r.path);
    if (typeof steps === 'string') throw new Error(`--ignore ${r.path}: ${steps}`);
    return { code: r.code, path: steps === undefined ? undefined : pathMatcher(steps) };
  });
  if (!allowed.size && !rules.length) return undefined;
  return (i, segments) => {
    if (UNIGNORABLE_CODES.has(i.code)) return false;
    if (i.code === 'unknown-key' && allowed.size && allowed.has(String(segments().at(-1) ?? ''))) return true;
    return rules.some((r) => r.code === i.code && (r.path === undefined || r.path(segments())));
  };
}

/** Leaves out the findings the filters name, counting them in `suppressed`; `segmentsOf` reads a finding's path against its document. */
export function applyFilters<R extends ProfileReport>(report: R, drop: ReturnType<typeof findingFilter>, segmentsOf: (path: string) => readonly Segment[]): R {
  if (!drop) return report;
  const kept = report.issues.filter((i) => {
    let segs: readonly Segment[] | undefined;
    return !drop(i, () => (segs ??= segmentsOf(i.path)));
  });
  const suppressed = report.issues.length - kept.length;
  return suppressed ? { ...report, issues: kept, suppressed: (report.suppressed ?? 0) + suppressed } : report;
}
