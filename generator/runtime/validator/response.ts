/**
 * Command responses. A response does not name the command it answers: the server knows it from
 * the `CommandUUID` it sent, and says which request type to judge the response by. Only an
 * `Acknowledged` response carries the command's result; with any other status (`Error`,
 * `NotNow`, `CommandFormatError`, `Idle`) the device sends the keys every response has and none
 * of the result's, so the result's required keys are not missing there. What the device does send
 * is judged whole on every status: an `ErrorChain` item lacking `LocalizedDescription` is missing
 * it whatever the status (devices send `ErrorCode`, `ErrorDomain` and `LocalizedDescription` in
 * every item), as the generated types promise.
 */
import { NO_OPTIONS, type ValidateOptions, type ValidationIssue, type ValidationResult, type Validator } from './types.js';
import { result, run } from './run.js';
import { wrongType } from './report.js';
import { isDict, own } from './values.js';

/** Where a response's validator is found, and the keys every response has. */
export interface ResponseRoute {
  /** Validators by the request type of the command a response answers. */
  routes: ReadonlyMap<string, Validator>;
  /** The keys every response has (`CommandUUID`, `Status`, `UDID`, …). */
  envelope: readonly string[];
}

/** True when the response carries the command's result: its `Status` is `Acknowledged`, or it has none to say otherwise. */
export function carriesResult(value: unknown): boolean {
  const status = isDict(value) && own(value, 'Status') ? value['Status'] : undefined;
  return typeof status !== 'string' || status === 'Acknowledged';
}

/** A response to a command of `requestType`, judged by that command's response page. */
export function routeResponse(value: unknown, requestType: string, route: ResponseRoute, o: ValidateOptions = NO_OPTIONS): ValidationResult {
  if (!isDict(value)) return run((v, r, d) => wrongType(r, d, undefined, 'dictionary', v), value, o);
  const validate = route.routes.get(requestType);
  if (!validate) {
    return result([{ path: '', code: 'unknown-type', severity: 'warning', message: `${JSON.stringify(requestType)} is not a request type the spec defines: the response is not checked`, actual: requestType }]);
  }
  const checked = validate(value, o);
  if (carriesResult(value)) return checked;
  // Without a result, a result key that is absent is as the device sends it; a key missing inside
  // a dictionary the device did send (its path names a key inside it) is missing on any status.
  // A group of alternatives (`UDID` or `EnrollmentID`) lists its keys in `expected`.
  const ofEnvelope = (i: ValidationIssue): boolean => (Array.isArray(i.expected) ? i.expected.every((k) => route.envelope.includes(String(k))) : route.envelope.includes(i.path));
  const sent = Object.keys(value);
  const inside = (path: string): boolean => sent.some((k) => path.startsWith(`${k}.`) || path.startsWith(`${k}[`));
  const excused = (i: ValidationIssue): boolean => i.code === 'missing-required' && !ofEnvelope(i) && !inside(i.path);
  const issues: ValidationIssue[] = checked.issues.filter((i) => !excused(i));
  return issues.length === checked.issues.length ? checked : result(issues);
}
