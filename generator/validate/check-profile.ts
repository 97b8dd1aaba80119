/**
 * One read profile → its payloads and issues. Every check of keys and values is the generated
 * validators' (the top level through `TopLevel`, each payload through the object whose payload
 * type matches, unknown payload types through `CommonPayloadKeys`); this module only routes
 * payloads to them, prefixes paths, and adds what no single object can see: identifiers
 * repeated across payloads.
 */
import { plistTypeOf, type PlistValue } from '../runtime/plist/index.js';
import { asDict, stringAt, valueAt } from './document-kind.js';
import type { JudgedAgainst, ValidateOptions, ValidationIssue } from '@dmspec/apple/validators';
import type { ValidatorModule } from './compile-validators.js';
import type { SignerSummary } from './signed-profile.js';
import { closest } from '../runtime/validator/suggest.js';
import type { Fix } from './places.js';
import { replacementNotes } from './replacement-rules.js';
import { findingSeverity } from './severities.js';
import { identifierRules, payloadTypeRules, referenceRules, singleInstanceRules, TOP, type PayloadPlace } from './profile-rules.js';
import type { SetFindingCode } from '../runtime/declarative/set-codes.js';

/** The codes of issues this module raises itself, besides the generated validators' codes. */
export type ProfileIssueCode =
  | ValidationIssue['code']
  | 'duplicate-uuid'
  | 'duplicate-identifier'
  | 'identifier-reuses-profile'
  | 'single-instance'
  | 'not-in-user-enrollment'
  | 'dangling-reference'
  | 'signature-invalid'
  | 'signer-untrusted'
  | 'unknown-document'
  | 'trailing-bytes'
  | 'timeout'
  | 'malformed'
  | 'ambiguous-document'
  | 'declarative-replacement'
  | DeclarationSetCode;

/** Codes of findings about declarations as a set (`runtime/declarative/set-check.ts`). */
export type DeclarationSetCode = SetFindingCode;

export interface ProfileIssue {
  /** `PayloadContent[1].allowAirDrop`; top-level keys have no prefix. */
  path: string;
  /** The payload's type, `Configuration` for the top level. */
  payloadType: string;
  code: ProfileIssueCode;
  /** `info` is a note, not a problem: counted apart, never failing a run (a declarative replacement). */
  severity: 'error' | 'warning' | 'info';
  message: string;
  expected?: unknown;
  actual?: unknown;
  /** The offset in the string value at `path` the finding is about (a predicate's syntax error), from 0. */
  offset?: number;
  /** Where in the file, from 1 (columns in UTF-16 code units), when the reader knows. */
  line?: number;
  column?: number;
  /** Where in a file that has no lines (a binary plist), in bytes from 0, when the reader knows. */
  byteOffset?: number;
  /** The edit that carries out the finding's suggestion, where the source allows an exact one. */
  fix?: Fix;
}

export interface PayloadReport {
  /** Position in `PayloadContent`, from 0. */
  index: number;
  payloadType: string | null;
  /** The spec object the payload was validated against (where several pages share its type, the one it matched best). */
  object?: string;
  /** Where several pages share the payload's type: the page it was judged against, and why that one. */
  judgedAgainst?: JudgedAgainst;
  /** True when the payload's validator ran, wholly or partly. */
  checked: boolean;
  /** `partly checked` when nested objects the payload uses have no page in the spec, or its page lists only some of its keys. */
  coverage: Coverage;
  /** The nested objects whose pages are missing (with `partly checked`). */
  missing?: string[];
  /** The payload's page lists only some of its keys (with `partly checked`): keys it does not list are not checked. */
  partialKeys?: true;
  /** Why a payload was not checked. */
  reason?: string;
}

export type Coverage = 'checked' | 'partly checked' | 'not checked';

export interface ProfileReport {
  file: string;
  signed?: SignerSummary;
  payloads: PayloadReport[];
  issues: ProfileIssue[];
  /** Findings left out by `allowKeys` and `ignore`. */
  suppressed?: number;
}

export interface CheckOptions extends ValidateOptions {
  /** Stop with a `timeout` issue once this many milliseconds have passed. */
  timeoutMs?: number;
  /** A `Date.now()` value to stop at instead (set when reading the file already used part of the time). */
  deadline?: number;
}

/** Appends one by one: `push(...many)` overflows the stack past about 100,000 findings. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

/** `Restrictions`, or `Accounts | EnergySaver | …` where several objects share the type. */
function objectName(validators: ValidatorModule, type: string): string {
  return validators.objectsByPayloadType.get(type)?.join(' | ') ?? type;
}

/** The pages missing for the pages that judged a payload of a shared type, sorted. */
function missingOf(by: Readonly<Record<string, readonly string[]>>, pages: readonly string[]): string[] {
  return [...new Set(pages.flatMap((p) => by[p] ?? []))].sort();
}

function prefixed(issues: readonly ValidationIssue[], prefix: string, payloadType: string, keep: (i: ValidationIssue) => boolean = () => true): ProfileIssue[] {
  return issues.filter(keep).map((i) => ({
    ...i,
    path: prefix === '' ? i.path : i.path === '' ? prefix : i.path.startsWith('[') ? `${prefix}${i.path}` : `${prefix}.${i.path}`,
    payloadType,
  }));
}

/**
 * The time limit passed before payload `from`: the finding names the payloads not checked, and
 * each of them is reported as not checked, so no report reads as if they had been.
 */
function stopped(report: ProfileReport, items: readonly PlistValue[], from: number, timeoutMs: number | undefined): void {
  const left = items.length - from;
  const which = left === 1 ? `PayloadContent[${from}] was` : `PayloadContent[${from}] to [${items.length - 1}] (${left} payloads) were`;
  report.issues.push({
    path: `PayloadContent[${from}]`, payloadType: TOP, code: 'timeout', severity: 'error',
    message: `validation stopped after ${timeoutMs ?? 'the'} ms time limit; ${which} not checked`,
  });
  for (let index = from; index < items.length; index++) {
    const item = items[index]!;
    const dict = asDict(item);
    const type = dict !== undefined ? stringAt(dict, 'PayloadType') ?? null : null;
    report.payloads.push({ index, payloadType: type, checked: false, coverage: 'not checked', reason: 'the time limit passed before it was checked' });
  }
}

/** Validates a profile's plist with the given generated validators. */
export function checkProfile(file: string, root: PlistValue, validators: ValidatorModule, options: CheckOptions = {}): ProfileReport {
  const { timeoutMs, deadline: given, ...validateOptions } = options;
  const deadline = given ?? (timeoutMs === undefined ? Infinity : Date.now() + timeoutMs);
  const report: ProfileReport = { file, payloads: [], issues: [] };
  const topValidator = validators.validatorsByName.get('TopLevel');
  const common = validators.validatorsByName.get('CommonPayloadKeys');
  if (topValidator) append(report.issues, prefixed(topValidator(root, validateOptions).issues, '', TOP));
  const top = asDict(root);
  if (top === undefined) return report;

  const content = valueAt(top, 'PayloadContent');
  const payloads: PayloadPlace[] = [];
  const items: readonly PlistValue[] = Array.isArray(content) ? content : [];
  // Paths the top-level validator already reported, looked up once each (not rescanned per payload).
  const reported = new Set(report.issues.map((i) => i.path));
  for (const [index, item] of items.entries()) {
    const prefix = `PayloadContent[${index}]`;
    if (Date.now() >= deadline) {
      stopped(report, items, index, timeoutMs);
      break;
    }
    const dict = asDict(item);
    if (dict === undefined) {
      const tag = plistTypeOf(item);
      report.payloads.push({ index, payloadType: null, checked: false, coverage: 'not checked', reason: `not a dictionary (${tag})` });
      if (!reported.has(prefix)) {
        report.issues.push({ path: prefix, payloadType: TOP, code: 'wrong-type', severity: 'error', message: `expected dictionary, got ${tag}`, expected: 'dictionary', actual: tag });
      }
      continue;
    }
    const type = stringAt(dict, 'PayloadType');
    const place: PayloadPlace = { prefix, dict, type: type ?? '' };
    payloads.push(place);
    const validator = type === undefined ? undefined : validators.validatorsByPayloadType.get(type);
    const value = dict;
    if (validator) {
      const facts = validators.payloadTypeFacts?.get(type!);
      const checked = validator(value, validateOptions);
      const judged = checked.judgedAgainst;
      const missing = judged && facts?.missingBy ? missingOf(facts.missingBy, [judged.object, ...(judged.also ?? [])]) : facts?.missing;
      const partial = facts?.partialKeys === true;
      report.payloads.push({
        index, payloadType: type!, object: judged?.object ?? objectName(validators, type!), checked: true,
        coverage: missing?.length || partial ? 'partly checked' : 'checked',
        ...(missing?.length ? { missing: [...missing] } : {}),
        ...(partial ? { partialKeys: true as const } : {}),
        ...(judged ? { judgedAgainst: { ...judged } } : {}),
      });
      const whole = payloadTypeRules(place, facts, validateOptions);
      // A payload type the platform lacks is one error, not one more per key it holds; a payload
      // deprecated as a whole is one warning, not one more per deprecated key.
      const unavailable = whole.some((i) => i.code === 'unavailable-on-platform');
      const deprecated = whole.some((i) => i.code === 'deprecated');
      append(report.issues, whole);
      const issues = prefixed(checked.issues, prefix, type!, (i) => !(unavailable && i.code === 'unavailable-on-platform') && !((unavailable || deprecated) && i.code === 'deprecated'));
      append(report.issues, issues);
      append(report.issues, replacementNotes(prefix, type!, dict, facts, issues, validateOptions));
      continue;
    }
    // A type one slip from an Apple one is most likely that one, misspelt: warned, with its name.
    const likely = type === undefined ? undefined : closest(type, validators.validatorsByPayloadType.keys());
    report.payloads.push({
      index, payloadType: type ?? null, checked: false, coverage: 'not checked',
      reason: type === undefined ? 'the payload has no PayloadType' : likely ? `the spec has no payload of this type (did you mean ${likely}?)` : 'the spec has no payload of this type',
    });
    if (likely) {
      report.issues.push({
        path: `${prefix}.PayloadType`, payloadType: type!, code: 'unknown-type', severity: findingSeverity('unknown-type', 'payload'),
        message: `${JSON.stringify(type)} is not a payload type the spec defines; did you mean ${likely}? The payload is not checked`, expected: likely, actual: type,
      });
    }
    // Keys of a payload type the spec does not know are not ours to judge; the common keys are.
    if (common) append(report.issues, prefixed(common(value, validateOptions).issues, prefix, type ?? '', (i) => i.code !== 'unknown-key'));
  }
  append(report.issues, identifierRules(top, payloads));
  append(report.issues, singleInstanceRules(payloads, (t) => validators.payloadTypeFacts?.get(t), validateOptions));
  append(report.issues, referenceRules(payloads, (t) => validators.payloadTypeFacts?.get(t)));
  return report;
}
