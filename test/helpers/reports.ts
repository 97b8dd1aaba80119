/**
 * What a validation report says about a file that is no readable document: the message of its
 * `malformed` (or reading `timeout`) finding, or the `error` of a file dmspec could not open.
 */
import type { FileReport } from '../../generator/validate/index.js';

/** Why the file was not read as a document, or undefined when it was. */
export function readError(r: FileReport | undefined): string | undefined {
  if (r === undefined) throw new Error('no report for this file');
  if (r.error !== undefined) return r.error;
  if (r.kind !== undefined) return undefined;
  return r.issues.find((i) => i.path === '' && (i.code === 'malformed' || i.code === 'timeout'))?.message;
}
