/**
 * Keys that hold the UUID of another payload of the same profile, as their prose says: "The UUID
 * of the certificate payload within the same profile…", "An array of the UUID of each certificate
 * payload in the same profile…", "The payload UUID of the identity certificate…", "The UUID of the
 * identity certificate used to decrypt…". Only a sentence that names a UUID together with the
 * same profile, a payload or a certificate counts; a UUID of anything else (a per-app VPN's
 * `VPNUUID`, an app's content filter) is not a reference to a payload.
 */
import type { IrType } from '../model/ir.js';

const SAME_PROFILE = /\b(?:within|in) the same profile\b/i;
const PAYLOAD_UUID = /\b(?:payload ?UUID|PayloadUUID) of\b/i;
/** "The UUID of the identity certificate…", "the UUID of a certificate to use…": certificates are payloads of the profile. */
const CERTIFICATE_UUID = /\bUUID of (?:the|an?|each) (?:[\w-]+ ){0,2}certificate\b/i;

function isStringOrStrings(t: IrType): boolean {
  return t.kind === 'string' || (t.kind === 'array' && t.items.kind === 'string');
}

/** The line of the sentence that makes a key a reference to a payload of the profile, or undefined. */
export function payloadReferenceLine(description: string, type: IrType, firstLine: number): number | undefined {
  if (!isStringOrStrings(type)) return undefined;
  const lines = description.split('\n');
  for (const [i, text] of lines.entries()) {
    for (const sentence of text.split(/(?<=\.)\s+/)) {
      if (!/UUID/.test(sentence)) continue;
      if (SAME_PROFILE.test(sentence) || PAYLOAD_UUID.test(sentence) || CERTIFICATE_UUID.test(sentence)) return firstLine + i;
    }
  }
  return undefined;
}
