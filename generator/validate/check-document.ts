/**
 * Documents other than profiles, checked by the generated whole-document validators
 * (`validateDeclaration`, `validateCommand`, `validateCheckInMessage`, and the status report's
 * page, `StatusReport`): this module only picks the validator by the document's kind and names
 * the document's type on each issue.
 */
import type { ValidateOptions } from '@dmspec/apple/validators';
import type { ValidatorModule } from './compile-validators.js';
import type { ProfileIssue, ProfileReport } from './check-profile.js';

const VALIDATOR = {
  declaration: 'validateDeclaration',
  command: 'validateCommand',
  'check-in': 'validateCheckInMessage',
  'status-report': 'StatusReport',
} as const;

const WHAT: Record<keyof typeof VALIDATOR, string> = {
  declaration: 'declaration',
  command: 'MDM command',
  'check-in': 'check-in message',
  'status-report': 'status report',
};

/** Validates a declaration, command or check-in message given as a plain value. */
export function checkDocument(file: string, kind: keyof typeof VALIDATOR, type: string | undefined, value: unknown, validators: ValidatorModule, options: ValidateOptions): ProfileReport {
  const validate = kind === 'status-report' ? validators.validatorsByName.get(VALIDATOR[kind]) : validators[VALIDATOR[kind]];
  const documentType = type ?? '';
  if (!validate) {
    return {
      file, payloads: [],
      issues: [{ path: '', payloadType: documentType, code: 'unknown-document', severity: 'warning', message: `a ${WHAT[kind]}, but these validators have no ${WHAT[kind]} validator: not checked` }],
    };
  }
  const issues: ProfileIssue[] = validate(value, options).issues.map((i) => ({ ...i, payloadType: documentType }));
  return { file, payloads: [], issues };
}

/**
 * The report of a command response (`CommandUUID` and `Status`, as a device sends it): a warning,
 * never an error, since the document is real traffic. A response does not name its request type,
 * so no page can be chosen for it here; the package's `validateCommandResponse(value, requestType)`
 * and `readResponse` check it where the server knows the command it answers.
 */
export function uncheckedResponse(file: string): ProfileReport {
  return {
    file, payloads: [],
    issues: [{
      path: '', payloadType: '', code: 'unknown-document', severity: 'warning',
      message: 'an MDM command response (CommandUUID, Status), which does not name its request type: not checked (check it with validateCommandResponse(value, requestType) or readResponse from @dmspec/apple, which know the command it answers)',
    }],
  };
}

/** The report of a document whose kind is not known: an error when the file was named, a warning when a directory walk found it. */
export function unknownDocument(file: string, format: string, named: boolean): ProfileReport {
  return {
    file, payloads: [],
    issues: [{
      path: '', payloadType: '', code: 'unknown-document', severity: named ? 'error' : 'warning',
      message: `${format} that is no document dmspec knows (a profile has PayloadType or PayloadContent, a declaration is JSON with Type and Identifier or Payload, a command Command.RequestType, a check-in message MessageType, a status report StatusItems): not checked`,
    }],
  };
}
