/**
 * An activation's predicate, checked: its syntax (an error at the offset where it stops being
 * predicate syntax: "A string value that doesn't conform to the predicate syntax is an error, and
 * the activation isn't activated"), then its extension terms. The declarative data model's page
 * names three: `@status` ("an entire status item"), `@key` ("a status item object property") and
 * `@property` ("a management property"). A status item the spec does not define, a management
 * property no declaration of the set defines, or another extension term, is a warning: the
 * predicate parses, and a newer device may know the item.
 */
import { parsePredicate } from './predicate-parser.js';
import { extensionTerms } from './predicate-terms.js';
import type { SetFindingCode } from './set-codes.js';

export interface PredicateFinding {
  code: SetFindingCode;
  severity: 'error' | 'warning';
  message: string;
  /** The offset in the predicate string the finding is about. */
  offset: number;
}

const TERMS = ['status', 'key', 'property'];

/**
 * The findings of one predicate. `statusItems` are the names the spec defines (undefined: not
 * known, not checked); `properties` the keys of the set's management properties declarations.
 */
export function predicateIssues(text: string, statusItems: ReadonlySet<string> | undefined, properties: ReadonlySet<string>): PredicateFinding[] {
  const parsed = parsePredicate(text);
  if (!parsed.ok) {
    return [{ code: 'predicate-syntax', severity: 'error', offset: parsed.offset, message: `not a predicate at character ${parsed.offset + 1}: ${parsed.message} (the device reports Error.UnableToParsePredicate and does not activate it)` }];
  }
  const out: PredicateFinding[] = [];
  for (const term of extensionTerms(parsed.predicate)) {
    const at = term.span.start;
    const name = JSON.stringify(term.argument);
    if (!TERMS.includes(term.name)) {
      out.push({ code: 'unknown-extension-term', severity: 'warning', offset: at, message: `@${term.name}(…) at character ${at + 1} is none of the extension terms the pages define (@status, @key, @property)` });
    } else if (term.name === 'status' && statusItems && !statusItems.has(term.argument)) {
      out.push({ code: 'unknown-status-item', severity: 'warning', offset: at, message: `@status(${term.argument}) at character ${at + 1}: ${name} is no status item the spec defines` });
    } else if (term.name === 'property' && !properties.has(term.argument)) {
      out.push({ code: 'unknown-management-property', severity: 'warning', offset: at, message: `@property(${term.argument}) at character ${at + 1}: no com.apple.management.properties declaration of the set defines ${name}` });
    }
  }
  return out;
}
