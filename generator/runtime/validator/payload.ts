/**
 * The keys every payload of a profile has (`PayloadDescription` … `PayloadVersion`), checked by
 * one function for all of them. Each payload's own code reads the seven values by their names
 * (a load V8 caches for that payload's dictionaries) and passes them here, so the loads stay
 * monomorphic while the checks are written once; the keys are constants here too, so a plain
 * dictionary's `!(key in OBJECT_PROTOTYPE)` still folds. The checks and their order are those a
 * payload's code would run for each key: optional strings, required strings, the payload type
 * `type`, version 1.
 */
import type { Dict } from './types.js';
import type { Run } from './run.js';
import { missingRequired, notAllowed, wrongType } from './report.js';
import { isInteger, OBJECT_PROTOTYPE, own } from './values.js';

/** How many of the seven keys `v` has; `p` is `dictKind(v) === 1` (a plain dictionary). */
export function payloadKeys(
  r: Run, d: number, v: Dict, p: boolean, type: string,
  description: unknown, displayName: unknown, identifier: unknown, organization: unknown, payloadType: unknown, uuid: unknown, version: unknown,
): number {
  let n = 0;
  if (description !== undefined && (p && !('PayloadDescription' in OBJECT_PROTOTYPE) || own(v, 'PayloadDescription'))) {
    n++;
    if (typeof description !== 'string') wrongType(r, d, 'PayloadDescription', 'string', description);
  }
  if (displayName !== undefined && (p && !('PayloadDisplayName' in OBJECT_PROTOTYPE) || own(v, 'PayloadDisplayName'))) {
    n++;
    if (typeof displayName !== 'string') wrongType(r, d, 'PayloadDisplayName', 'string', displayName);
  }
  if (identifier === undefined || !(p && !('PayloadIdentifier' in OBJECT_PROTOTYPE) || own(v, 'PayloadIdentifier'))) missingRequired(r, d, 'PayloadIdentifier');
  else {
    n++;
    if (typeof identifier !== 'string') wrongType(r, d, 'PayloadIdentifier', 'string', identifier);
  }
  if (organization !== undefined && (p && !('PayloadOrganization' in OBJECT_PROTOTYPE) || own(v, 'PayloadOrganization'))) {
    n++;
    if (typeof organization !== 'string') wrongType(r, d, 'PayloadOrganization', 'string', organization);
  }
  if (payloadType === undefined || !(p && !('PayloadType' in OBJECT_PROTOTYPE) || own(v, 'PayloadType'))) missingRequired(r, d, 'PayloadType');
  else {
    n++;
    if (typeof payloadType !== 'string') wrongType(r, d, 'PayloadType', 'string', payloadType);
    else if (payloadType !== type) notAllowed(r, d, 'PayloadType', [type], payloadType);
  }
  if (uuid === undefined || !(p && !('PayloadUUID' in OBJECT_PROTOTYPE) || own(v, 'PayloadUUID'))) missingRequired(r, d, 'PayloadUUID');
  else {
    n++;
    if (typeof uuid !== 'string') wrongType(r, d, 'PayloadUUID', 'string', uuid);
  }
  if (version === undefined || !(p && !('PayloadVersion' in OBJECT_PROTOTYPE) || own(v, 'PayloadVersion'))) missingRequired(r, d, 'PayloadVersion');
  else {
    n++;
    if (!isInteger(version)) wrongType(r, d, 'PayloadVersion', 'integer', version);
    else if (version !== 1) notAllowed(r, d, 'PayloadVersion', [1], version);
  }
  return n;
}
