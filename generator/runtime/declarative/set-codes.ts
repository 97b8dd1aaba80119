/** The codes of findings about declarations as a set, and of their predicates. */
export type SetFindingCode =
  | 'duplicate-declaration'
  | 'dangling-declaration-reference'
  | 'reference-wrong-kind'
  | 'not-activated'
  | 'predicate-syntax'
  | 'unknown-status-item'
  | 'unknown-extension-term'
  | 'unknown-management-property';

/** One finding about a declaration of a set: `index` is its place in the set, `path` relative to it. */
export interface SetFinding {
  index: number;
  path: string;
  code: SetFindingCode;
  severity: 'error' | 'warning';
  message: string;
  expected?: unknown;
  actual?: unknown;
  /** The offset in the string value at `path` the finding is about (a predicate's syntax error), from 0. */
  offset?: number;
}
