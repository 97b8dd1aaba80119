// Copied by dmspec from generator/runtime/validator/route.ts. Do not edit: change that file and run "npm run generate".
/**
 * Validators of whole documents, composed of the per-object ones: a profile routed payload by
 * payload (`routeProfile`), and a declaration, command or check-in message routed by its type
 * (`routeDocument`). A type several pages share is `shared.ts`'s.
 */
import { type ValidateOptions, type ValidationResult, type Validator } from './types.js';
/**
 * A whole profile: the top level through `top`, each payload of `PayloadContent` through the
 * validator of its `PayloadType`. A payload type the spec does not define is checked for the
 * common payload keys only: its other keys are not the spec's to judge.
 */
export declare function routeProfile(value: unknown, top: Validator, byType: ReadonlyMap<string, Validator>, common: Validator, o: ValidateOptions): ValidationResult;
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
export declare function routeDocument(value: unknown, route: DocumentRoute, o: ValidateOptions): ValidationResult;
