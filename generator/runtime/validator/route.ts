/**
 * Validators of whole documents, composed of the per-object ones: a profile routed payload by
 * payload (`routeProfile`), and a declaration, command or check-in message routed by its type
 * (`routeDocument`). A type several pages share is `shared.ts`'s.
 */
import { NO_OPTIONS, type ValidateOptions, type ValidationIssue, type ValidationResult, type Validator } from './types.js';
import { at, budgetSpent, result, run, sharedBudget, VALUE_LIMIT } from './run.js';
import { missingRequired, wrongType } from './report.js';
import { isDict, own } from './values.js';
import { severityOf } from './severity.js';
import { closest } from './suggest.js';

/** Puts a nested validation's issues under `prefix` (`PayloadContent[2]`, `Payload`). */
function nest(issues: ValidationIssue[], prefix: string, inner: readonly ValidationIssue[]): void {
  for (const i of inner) {
    const path = prefix === '' ? i.path : i.path === '' ? prefix : i.path.startsWith('[') ? prefix + i.path : `${prefix}.${i.path}`;
    issues.push(path === i.path ? i : { ...i, path });
  }
}

/**
 * A whole profile: the top level through `top`, each payload of `PayloadContent` through the
 * validator of its `PayloadType`. A payload type the spec does not define is checked for the
 * common payload keys only: its other keys are not the spec's to judge.
 */
export function routeProfile(value: unknown, top: Validator, byType: ReadonlyMap<string, Validator>, common: Validator, o: ValidateOptions): ValidationResult {
  return sharedBudget(() => profileIssues(value, top, byType, common, o));
}

function profileIssues(value: unknown, top: Validator, byType: ReadonlyMap<string, Validator>, common: Validator, o: ValidateOptions): ValidationResult {
  const issues: ValidationIssue[] = [];
  nest(issues, '', top(value, o).issues);
  const content = isDict(value) && own(value, 'PayloadContent') ? value['PayloadContent'] : undefined;
  // The top level's check has reported a PayloadContent past the value limit.
  if (!Array.isArray(content) || content.length > VALUE_LIMIT) return result(issues);
  for (let i = 0; i < content.length; i++) {
    // Once the budget is spent, the payloads not yet checked are one error, not one each.
    if (budgetSpent()) {
      issues.push({ path: `PayloadContent[${i}]`, code: 'limit-exceeded', severity: 'error', message: `the value limit was reached: payloads ${i} to ${content.length - 1} are not checked` });
      break;
    }
    const item: unknown = content[i];
    // The top level's own check reports an item that is not a dictionary.
    if (!isDict(item)) continue;
    const type = own(item, 'PayloadType') ? item['PayloadType'] : undefined;
    const validate = typeof type === 'string' ? byType.get(type) : undefined;
    if (validate) {
      nest(issues, `PayloadContent[${i}]`, validate(item, o).issues);
      continue;
    }
    nest(issues, `PayloadContent[${i}]`, common(item, o).issues.filter((x) => x.code !== 'unknown-key'));
    // A type one slip from one the spec defines is most likely that one, misspelt.
    const likely = typeof type === 'string' ? closest(type, byType.keys()) : undefined;
    if (likely) issues.push({ path: `PayloadContent[${i}].PayloadType`, code: 'unknown-type', severity: severityOf('unknown-type', 'payload'), message: `${JSON.stringify(type)} is not a payload type the spec defines; did you mean ${likely}? The payload is not checked`, expected: likely, actual: type });
  }
  return result(issues);
}

/** How a document kind picks the validator of one document. */
export interface DocumentRoute {
  /** The key that names the document's type: `Type`, `MessageType`, `RequestType`. */
  key: string;
  /** The dictionary holding `key`, when it is not the document itself (`Command`). */
  under?: string;
  /** The dictionary the chosen validator checks, when not the document itself (`Payload`). */
  inside?: string;
  routes: ReadonlyMap<string, Validator>;
  /** Checks the keys every document of the kind has (a declaration's envelope). */
  envelope?: Validator;
  /** `declaration type`, `request type`: for messages. */
  what: string;
}

/** A document routed by its discriminator to the validator the spec defines for it. */
export function routeDocument(value: unknown, route: DocumentRoute, o: ValidateOptions): ValidationResult {
  return sharedBudget(() => documentIssues(value, route, o));
}

function documentIssues(value: unknown, route: DocumentRoute, o: ValidateOptions): ValidationResult {
  const issues: ValidationIssue[] = [];
  if (!isDict(value)) return run((v, r, d) => wrongType(r, d, undefined, 'dictionary', v), value, o);
  if (route.envelope) nest(issues, '', route.envelope(value, o).issues);
  const holder: unknown = route.under === undefined ? value : own(value, route.under) ? value[route.under] : undefined;
  const where = route.under === undefined ? '' : route.under;
  // A command without a `Command` dictionary is wrong at `Command`, not at the request type it would hold.
  if (route.under !== undefined && !isDict(holder)) {
    if (!route.envelope) issues.push(...run((v, r) => (v === undefined ? missingRequired(r, 0, where) : wrongType(r, 0, where, 'dictionary', v)), holder, o).issues);
    return result(issues);
  }
  const kind = isDict(holder) && own(holder, route.key) ? holder[route.key] : undefined;
  if (typeof kind !== 'string') {
    // An envelope that requires the key has reported it already.
    if (!route.envelope) {
      const found = run((v, r) => {
        if (where !== '') r.p[0] = where;
        const d = where === '' ? 0 : 1;
        if (v === undefined) missingRequired(r, d, route.key);
        else wrongType(r, d, route.key, 'string', v);
      }, kind, o);
      issues.push(...found.issues);
    }
    return result(issues);
  }
  const validate = route.routes.get(kind);
  if (!validate) {
    // A type one slip from one the spec defines is most likely that one, misspelt: say which.
    const likely = closest(kind, route.routes.keys());
    const guess = likely === undefined ? ': not checked' : `; did you mean ${likely}? Not checked`;
    issues.push({ path: at(where, route.key), code: 'unknown-type', severity: 'warning', message: `${JSON.stringify(kind)} is not a ${route.what} the spec defines${guess}`, ...(likely === undefined ? {} : { expected: likely }), actual: kind });
    return result(issues);
  }
  if (route.inside === undefined) nest(issues, '', validate(value, o).issues);
  else if (own(value, route.inside)) {
    // The envelope has reported a `Payload` that is no dictionary: the type's validator would say it twice.
    const inner: unknown = value[route.inside];
    if (isDict(inner) || !route.envelope) nest(issues, route.inside, validate(inner, o).issues);
  }
  return result(issues);
}
