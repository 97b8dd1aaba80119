/**
 * The diff stage: two spec versions in, a classified change list out, with Markdown and JSON
 * reports of it.
 */
export { diffIr } from './diff-ir.js';
export { classify, type Change, type ChangeClass, type ChangeKind, type DiffReport } from './changes.js';
export { loadSide, loadSides, loadGitSide, loadGitSides, splitRange, DiffInputError, type GitSide } from './load.js';
export { markdownReport, jsonReport, describeChange, type MarkdownOptions } from './report.js';
export { reportSections, type PageLinks, type ReportEntry, type ReportSection } from './report-view.js';
export { wordHunks, type WordHunk, type ProseFact } from './word-diff.js';
export { historyOf, unmatchedFilter, PROPERTY_FACTS, OBJECT_FACTS, type HistoryReport, type HistoryFilter, type EntryHistory, type FactTimeline, type FactChange, type SpecVersion } from './history.js';
export { historyMarkdown, historyJson } from './history-report.js';
