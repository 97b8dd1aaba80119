/**
 * Rules about a profile as a whole, which no single payload's validator can see: identifiers
 * repeated across payloads, payload types the target platform or enrollment does not take,
 * payload types that allow one instance per profile, and UUIDs that refer to no payload of the
 * profile. Each rule uses only what the pages state (`PayloadTypeFacts`) and the options given:
 * where either is missing, nothing is said.
 */
import type { ValidateOptions } from '@dmspec/apple/validators';
import { compareVersions } from '../model/versions.js';
import type { PlistDict, PlistValue } from '../runtime/plist/index.js';
import { asDict, stringAt, valueAt } from './document-kind.js';
import type { ProfileIssue } from './check-profile.js';
import { findingSeverity } from './severities.js';
import type { PayloadDeprecation, PayloadTypeFacts, ProfileTableRow } from './payload-facts.js';

/** A payload of the profile, as the rules see it. */
export interface PayloadPlace {
  prefix: string;
  dict: PlistDict;
  type: string;
}

export const TOP = 'Configuration';

/**
 * Two payloads with one `PayloadUUID` or `PayloadIdentifier` are errors (Apple asks for both to
 * be unique among payloads); a payload reusing the profile's own identifier is a warning: such
 * profiles install. A payload reusing the profile's UUID stays an error.
 */
export function identifierRules(top: PlistDict, payloads: readonly PayloadPlace[]): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  for (const key of ['PayloadUUID', 'PayloadIdentifier'] as const) {
    const code = key === 'PayloadUUID' ? 'duplicate-uuid' : 'duplicate-identifier';
    const profileValue = stringAt(top, key);
    const first = new Map<string, string>();
    for (const p of payloads) {
      const value = stringAt(p.dict, key);
      if (value === undefined) continue;
      const path = `${p.prefix}.${key}`;
      if (value === profileValue) {
        if (key === 'PayloadIdentifier') {
          issues.push({ path, payloadType: p.type, code: 'identifier-reuses-profile', severity: findingSeverity('identifier-reuses-profile'), message: `PayloadIdentifier ${JSON.stringify(value)} is also the profile's identifier; Apple asks payload identifiers to be unique`, actual: value });
        } else {
          issues.push({ path, payloadType: p.type, code, severity: findingSeverity(code), message: `${key} ${JSON.stringify(value)} is already used by the profile`, actual: value });
        }
        continue;
      }
      const earlier = first.get(value);
      if (earlier === undefined) first.set(value, p.prefix);
      else issues.push({ path, payloadType: p.type, code, severity: findingSeverity(code), message: `${key} ${JSON.stringify(value)} is already used by ${earlier}`, actual: value });
    }
  }
  return issues;
}

/** The platform row of a payload type's Profile Availability table that applies to the options. */
function tableRow(facts: PayloadTypeFacts | undefined, o: ValidateOptions): ProfileTableRow | undefined {
  if (o.platform === undefined || facts?.profile === undefined) return undefined;
  return facts.profile[o.platform];
}

/** Whole payload types the target platform, version or enrollment does not take. */
export function payloadTypeRules(p: PayloadPlace, facts: PayloadTypeFacts | undefined, o: ValidateOptions): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const at = { path: `${p.prefix}.PayloadType`, payloadType: p.type };
  const where = facts?.source ? ` (${facts.source})` : '';
  if (o.platform !== undefined && facts?.availability) {
    const av = facts.availability[o.platform];
    const fail = (why: string): void => void issues.push({ ...at, code: 'unavailable-on-platform', severity: findingSeverity('unavailable-on-platform', 'payload'), message: `the payload type ${why}${where}`, expected: o.platform, actual: o.osVersion });
    if (!av) {
      if (facts.exhaustive) fail(`is not available in ${o.platform}: its page lists ${Object.keys(facts.availability).filter((k) => facts.availability![k]?.available !== false).join(', ')}`);
    } else if (av.available === false) {
      fail(`is not available in ${o.platform}`);
    } else if (o.osVersion !== undefined) {
      if (av.introduced !== undefined && compareVersions(o.osVersion, av.introduced) < 0) fail(`is available in ${o.platform} ${av.introduced} and later, not ${o.osVersion}`);
      else if (av.removed !== undefined && compareVersions(o.osVersion, av.removed) >= 0) fail(`was removed in ${o.platform} ${av.removed}`);
      else if (av.availableThrough !== undefined && compareVersions(o.osVersion, av.availableThrough) > 0) fail(`is available in ${o.platform} through ${av.availableThrough} only`);
    }
  }
  const row = tableRow(facts, o);
  const table = facts?.profileSource ? ` (${facts.profileSource})` : where;
  if (row && o.enrollment === 'user' && !row.allowedInUserEnrollment) {
    issues.push({ ...at, code: 'not-in-user-enrollment', severity: findingSeverity('not-in-user-enrollment', 'payload'), message: `the payload type is not allowed in User Enrollment on ${o.platform}${table}` });
  }
  if (row && row.requiresSupervision && (o.supervised === false || o.enrollment === 'user')) {
    issues.push({ ...at, code: 'requires-supervision', severity: findingSeverity('requires-supervision', 'payload'), message: `the payload type requires a supervised device on ${o.platform}${table}` });
  }
  // A payload type the platform lacks is that one error: its deprecation there is moot.
  const unavailable = issues.some((i) => i.code === 'unavailable-on-platform');
  const deprecated = facts?.deprecated && !unavailable ? payloadDeprecation(facts.deprecated, o) : undefined;
  if (deprecated) issues.push({ ...at, code: 'deprecated', severity: findingSeverity('deprecated', 'payload'), message: deprecated });
  return issues;
}

/**
 * The message of a whole payload type's deprecation, or undefined where it does not apply: with
 * versions and a platform, only that platform's from its version on; without a platform, every
 * platform's is named. A payload deprecated as a whole is reported once, on its `PayloadType`.
 */
function payloadDeprecation(d: PayloadDeprecation, o: ValidateOptions): string | undefined {
  const versions = d.deprecatedIn;
  let when = '';
  if (versions && Object.keys(versions).length) {
    if (o.platform !== undefined) {
      const since = versions[o.platform];
      if (since === undefined || (o.osVersion !== undefined && compareVersions(o.osVersion, since) < 0)) return undefined;
      when = ` in ${o.platform} ${since}`;
    } else {
      when = ` in ${Object.entries(versions).map(([p, v]) => `${p} ${v}`).join(', ')}`;
    }
  }
  const why = d.note && !/^deprecated\.?$/i.test(d.note) ? `: ${d.note}` : '';
  const instead = d.instead && !d.note?.includes(d.instead) ? `; use ${d.instead} instead` : '';
  return `the payload type is deprecated${when}${why}${instead} (${d.source})`;
}

/**
 * Payload types whose table says "allow multiple payloads: NO" on the target platform, found more
 * than once in the profile. Without a platform, only types that allow one instance on every
 * platform the table names are judged.
 */
export function singleInstanceRules(payloads: readonly PayloadPlace[], factsOf: (type: string) => PayloadTypeFacts | undefined, o: ValidateOptions): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const first = new Map<string, string>();
  for (const p of payloads) {
    const table = factsOf(p.type)?.profile;
    if (!table) continue;
    const rows = o.platform !== undefined ? [table[o.platform]] : Object.values(table);
    if (!rows.length || rows.some((r) => r === undefined || r.allowMultiplePayloads)) continue;
    const earlier = first.get(p.type);
    if (earlier === undefined) first.set(p.type, p.prefix);
    else issues.push({ path: `${p.prefix}.PayloadType`, payloadType: p.type, code: 'single-instance', severity: findingSeverity('single-instance'), message: `a profile may hold one ${p.type} payload${o.platform ? ` on ${o.platform}` : ''}; ${earlier} is one already` });
  }
  return issues;
}

/** The string values at a reference path (`IKEv2.PayloadCertificateUUID`, `Anchors[]`), with their concrete paths. */
function valuesAt(d: PlistDict, segments: readonly string[], at: string): Array<[string, string]> {
  const [head, ...rest] = segments;
  if (head === undefined) return [];
  const each = head.endsWith('[]');
  const key = each ? head.slice(0, -2) : head;
  const v = valueAt(d, key);
  // A key of UUIDs that holds no array has the wrong type, which its validator reports: one mistake, one finding.
  if (v === undefined || (each && !Array.isArray(v))) return [];
  const here = `${at}.${key}`;
  const items: Array<[string, PlistValue]> = each && Array.isArray(v) ? v.map((x, i) => [`${here}[${i}]`, x]) : [[here, v]];
  const out: Array<[string, string]> = [];
  for (const [path, x] of items) {
    const inner = asDict(x);
    if (!rest.length) {
      if (typeof x === 'string') out.push([path, x]);
    } else if (inner !== undefined) out.push(...valuesAt(inner, rest, path));
  }
  return out;
}

/**
 * UUIDs in keys whose page says they hold another payload of the same profile
 * (`PayloadCertificateUUID`, anchor and identity certificate UUIDs) that match no payload's
 * `PayloadUUID`: the device cannot find the certificate they name.
 */
export function referenceRules(payloads: readonly PayloadPlace[], factsOf: (type: string) => PayloadTypeFacts | undefined): ProfileIssue[] {
  const uuids = new Set(payloads.flatMap((p) => stringAt(p.dict, 'PayloadUUID') ?? []));
  const issues: ProfileIssue[] = [];
  for (const p of payloads) {
    for (const ref of factsOf(p.type)?.references ?? []) {
      for (const [path, value] of valuesAt(p.dict, ref.split('.'), p.prefix)) {
        if (value === '' || uuids.has(value)) continue;
        issues.push({ path, payloadType: p.type, code: 'dangling-reference', severity: findingSeverity('dangling-reference'), message: `${JSON.stringify(value)} is the PayloadUUID of no payload in this profile; the page says this key names one`, actual: value });
      }
    }
  }
  return issues;
}
