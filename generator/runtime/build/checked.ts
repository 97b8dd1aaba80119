/**
 * What a builder gives back is valid: a built document is validated by the spec's validators
 * before it is returned, and one with an error is refused with its findings, so a profile or
 * command that a device would refuse is never handed to the caller as if it were fine.
 */
import type { ValidationIssue, ValidationResult } from '../validator/types.js';

/** A document a builder made does not validate: `issues` are its findings (errors and warnings). */
export class DocumentError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(what: string, issues: readonly ValidationIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    const shown = errors.slice(0, 5).map((i) => `${i.path === '' ? '(top level)' : i.path}: ${i.message}`);
    const more = errors.length > shown.length ? `; ${errors.length - shown.length} more` : '';
    super(`${what} does not validate: ${shown.join('; ')}${more}`);
    this.name = 'DocumentError';
    this.issues = issues;
  }
}

/** `document` when `validation` found no error; else throws `DocumentError`. */
export function checked<T>(what: string, document: T, validation: ValidationResult): T {
  if (!validation.valid) throw new DocumentError(what, validation.issues);
  return document;
}
