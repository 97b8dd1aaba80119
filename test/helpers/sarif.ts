/** SARIF logs checked against the SARIF 2.1.0 schema (the one @microsoft/jest-sarif ships), with ajv. */
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';

type Check = ((d: unknown) => boolean) & { errors?: unknown };
let check: Check | undefined;

/** The schema's errors for `log`, or null when it is a valid SARIF 2.1.0 log. */
export function sarifErrors(log: unknown): unknown {
  if (!check) {
    const schema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    // CommonJS default export: the class itself, or under `default` depending on the loader.
    type Compiler = new (o: object) => { compile(s: unknown): Check };
    const Ajv = ((AjvDraft04 as unknown as { default?: unknown }).default ?? AjvDraft04) as unknown as Compiler;
    check = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
  }
  return check(log) ? null : check.errors;
}
