/**
 * Reports of a diff. Markdown reads like release notes a reviewer takes in at a glance: a line
 * naming the two versions, counts per class, every breaking change in full, then additive and
 * informational changes grouped where the same change repeats, then the wording changes as word
 * diffs. `maxLines` fits it into a pull-request comment: the summary and the breaking changes
 * stay whole, the rest is cut from the end and the cut is said. JSON lists every change.
 */
import { createRenderer } from '../emit/render.js';
import type { ChangeClass, DiffReport } from './changes.js';
import { count, markdownCode, plural } from './markdown.js';
import { reportSections, type PageLinks, type ReportSection } from './report-view.js';

export { describeChange } from './report-view.js';

export interface MarkdownOptions {
  /** Link each change to its page lines: the prefixes of the old and new side's pages. */
  links?: PageLinks;
  /** At most this many lines (the summary and breaking changes are kept whole regardless). */
  maxLines?: number;
  templatesDir?: string;
}

const CLASSES: ChangeClass[] = ['breaking', 'additive', 'informational'];

function entryCount(sections: readonly ReportSection[]): number {
  return sections.reduce((n, s) => n + (s.whole ? 0 : s.entries.length), 0);
}

/** The first `keep` cuttable entries, in reading order; sections left empty are dropped. */
function firstEntries(sections: readonly ReportSection[], keep: number): ReportSection[] {
  let left = keep;
  const out: ReportSection[] = [];
  for (const s of sections) {
    if (s.whole) {
      out.push(s);
      continue;
    }
    const entries = s.entries.slice(0, Math.max(0, left));
    left -= entries.length;
    if (entries.length) out.push({ ...s, entries });
  }
  return out;
}

const lineCount = (text: string): number => text.split('\n').length - 1;

export function markdownReport(report: DiffReport, options: MarkdownOptions = {}): string {
  const render = createRenderer(options.templatesDir);
  const sections = reportSections(report, options.links);
  const objects = new Set(report.changes.map((c) => c.object)).size;
  const view = (shown: ReportSection[], cut: string) => render('diff-report.md', {
    old: markdownCode(report.old),
    new: markdownCode(report.new),
    intro: report.changes.length
      ? `${plural(report.changes.length, 'change')} to ${plural(objects, 'object')} from ${markdownCode(report.old)} to ${markdownCode(report.new)}.`
      : `No changes from ${markdownCode(report.old)} to ${markdownCode(report.new)}.`,
    empty: report.changes.length === 0,
    summary: [
      ...CLASSES.map((cls) => ({ label: cls, count: count(report.summary[cls]) })),
      { label: 'wording only', count: count(report.summary.descriptionOnly) },
    ],
    sections: shown,
    cut,
  });
  const full = view(sections, '');
  const max = options.maxLines;
  if (max === undefined || lineCount(full) <= max) return full;
  // The most entries that fit with the note saying what was cut (found by bisection: a render is cheap).
  const total = entryCount(sections);
  const note = (keep: number): string => {
    const shown = firstEntries(sections, keep);
    const left = sections.flatMap((s) => (s.whole ? [] : s.entries.slice(shown.find((x) => x.title === s.title)?.entries.length ?? 0)));
    const changes = left.reduce((n, e) => n + e.covers.length, 0);
    const cut = total > keep ? `Cut to fit ${count(max)} lines: ${plural(total - keep, 'entry', 'entries')} (${plural(changes, 'change')}) left out` : '';
    const over = lineCount(view(shown, '')) > max ? `the summary and the breaking changes are kept whole although they take more than ${count(max)} lines` : '';
    return `_${[cut, over].filter(Boolean).join('; ')}. The full report (without \`--max-lines\`) and \`--format json\` list every change._`.replace(/^_t/, '_T');
  };
  let lo = 0;
  let hi = Math.max(0, total - 1);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (lineCount(view(firstEntries(sections, mid), note(mid))) <= max) lo = mid;
    else hi = mid - 1;
  }
  return view(firstEntries(sections, lo), note(lo));
}

export function jsonReport(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
