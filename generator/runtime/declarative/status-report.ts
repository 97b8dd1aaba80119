/**
 * A declarative-management status report (the JSON a device sends to the `status` endpoint),
 * read item by item. The report nests each item's value by the segments of its name
 * (`{ "device": { "model": { "family": "iPad" } } }` is `device.model.family`); the reader finds
 * every item the spec defines, gives each its value and the findings of the generated validator
 * under it, and lists apart the items the spec does not define (a newer device may send them: a
 * warning, never an error) and the report's `Errors`, each saying whether it names a known item.
 * The validator of the whole report (`validateStatusReport`) judges the values; this module only
 * sorts what it says by item, so one model decides what a value may be.
 */
import type { ValidationIssue, ValidationResult } from '../validator/types.js';
import { VALUE_LIMIT } from '../validator/run.js';

/** One status item the report carries. */
export interface StatusItemReading<N extends string = string> {
  /** The item's name: `device.model.family`. */
  name: N;
  /** Its path in the report: `StatusItems.device.model.family`. */
  path: string;
  value: unknown;
  /** The validator's findings at or under `path`. */
  issues: ValidationIssue[];
}

/** An entry of the report's `Errors`: a status item the device could not report. */
export interface StatusErrorReading {
  statusItem: unknown;
  reasons: unknown;
  /** The entry names a status item the spec defines. */
  known: boolean;
}

export interface StatusReportReading<N extends string = string> {
  /** The report has no error finding. */
  valid: boolean;
  /** `FullReport`, when it is a boolean: the report holds every subscribed item, not only changes. */
  fullReport?: boolean;
  /** The known items the report carries, in the report's order. */
  items: StatusItemReading<N>[];
  /** Paths under `StatusItems` that are no status item nor the start of one's name (`StatusItems.device.colour`). */
  unknownItems: string[];
  errors: StatusErrorReading[];
  /** Every finding of the validator, the unknown items' included. */
  issues: ValidationIssue[];
}

const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Reads `report` with `validate` (the generated `validateStatusReport`) and the names of the spec's status items. */
export function readStatusReport(report: unknown, validate: (value: unknown) => ValidationResult, statusItems: Iterable<string>): StatusReportReading {
  const names = new Set(statusItems);
  const prefixes = new Set<string>();
  for (const n of names) {
    const parts = n.split('.');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
  }
  const result = validate(report);
  const out: StatusReportReading = { valid: result.valid, items: [], unknownItems: [], errors: [], issues: result.issues };
  if (!isDict(report)) return out;
  if (own(report, 'FullReport') && typeof report['FullReport'] === 'boolean') out.fullReport = report['FullReport'];
  const walk = (node: Record<string, unknown>, name: string, depth: number): void => {
    for (const key of Object.keys(node)) {
      const here = name === '' ? key : `${name}.${key}`;
      const path = `StatusItems.${here}`;
      if (names.has(here)) {
        const under = `${path}.`;
        out.items.push({ name: here, path, value: node[key], issues: result.issues.filter((i) => i.path === path || i.path.startsWith(under)) });
      } else if (prefixes.has(here) && isDict(node[key]) && depth < 16) {
        walk(node[key] as Record<string, unknown>, here, depth + 1);
      } else if (!prefixes.has(here)) {
        out.unknownItems.push(path);
      }
    }
  };
  if (own(report, 'StatusItems') && isDict(report['StatusItems'])) walk(report['StatusItems'], '', 0);
  const errors = own(report, 'Errors') ? report['Errors'] : undefined;
  if (Array.isArray(errors)) {
    // As far as the validator looks (it reports a longer array as limit-exceeded); holes are no errors.
    const n = Math.min(errors.length, VALUE_LIMIT);
    for (let i = 0; i < n; i++) {
      if (!own(errors, String(i))) continue;
      const e: unknown = errors[i];
      const statusItem = isDict(e) && own(e, 'StatusItem') ? e['StatusItem'] : undefined;
      out.errors.push({ statusItem, reasons: isDict(e) && own(e, 'Reasons') ? e['Reasons'] : undefined, known: typeof statusItem === 'string' && names.has(statusItem) });
    }
  }
  return out;
}
