// Copied by dmspec from generator/runtime/validator/response.ts. Do not edit: change that file and run "npm run generate".
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
import { type ValidateOptions, type ValidationResult, type Validator } from './types.js';
/** Where a response's validator is found, and the keys every response has. */
export interface ResponseRoute {
    /** Validators by the request type of the command a response answers. */
    routes: ReadonlyMap<string, Validator>;
    /** The keys every response has (`CommandUUID`, `Status`, `UDID`, …). */
    envelope: readonly string[];
}
/** True when the response carries the command's result: its `Status` is `Acknowledged`, or it has none to say otherwise. */
export declare function carriesResult(value: unknown): boolean;
/** A response to a command of `requestType`, judged by that command's response page. */
export declare function routeResponse(value: unknown, requestType: string, route: ResponseRoute, o?: ValidateOptions): ValidationResult;
