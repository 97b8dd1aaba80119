/**
 * The diff stage: two spec versions in, a classified change list out, with Markdown and JSON
 * reports of it.
 */
export { diffIr } from './diff-ir.js';
export { classify, type Change, type ChangeClass, type ChangeKind, type DiffReport } from './changes.js';
export { loadSide, loadGitSide, splitRange, DiffInputError } from './load.js';
export { markdownReport, jsonReport, describeChange } from './report.js';
