/**
 * What the generated registry says about a payload type as a whole (`payloadTypeFacts`): its
 * platforms, its Profile Availability table and its deprecation, each with where it is stated.
 * Several pages may share a payload type (com.apple.MCX is six); their facts are merged so that
 * no rule says more than every page allows: a platform any of them has is available, a version
 * is the earliest, a table row requires supervision only where all of them do.
 */
import { PLATFORMS, type FactSource, type IrObject, type PlatformAvailability, type ProfileAvailability, type ProfilePlatform } from '../model/ir.js';
import { runtimeAvailability } from './validator-code.js';
import { compareVersions } from '../model/versions.js';

const where = (s: FactSource): string => `${s.file}:${s.line}, the page of ${s.date}`;

/** The platform facts of pages sharing a payload type: what any of them allows. */
function mergedAvailability(list: readonly IrObject[]): { availability?: Record<string, Record<string, string | boolean>>; exhaustive?: boolean } {
  if (list.some((o) => !o.availability)) return {};
  const out: Partial<Record<string, PlatformAvailability>> = {};
  for (const p of PLATFORMS) {
    const rows = list.flatMap((o) => (o.availability?.[p] ? [o.availability[p]!] : []));
    if (!rows.length) continue;
    const listed = rows.filter((r) => r.available !== false);
    if (!listed.length) {
      if (rows.length === list.length) out[p] = { available: false };
      continue;
    }
    const merged: PlatformAvailability = {};
    const introduced = listed.map((r) => r.introduced);
    if (introduced.every((v): v is string => v !== undefined)) merged.introduced = introduced.sort(compareVersions)[0]!;
    // A removal or last version holds only when every page that has the platform says one.
    for (const bound of ['removed', 'availableThrough'] as const) {
      const values = listed.map((r) => r[bound]);
      if (listed.length === list.length && values.every((v): v is string => v !== undefined)) merged[bound] = values.sort(compareVersions).at(-1)!;
    }
    out[p] = merged;
  }
  const exhaustive = list.every((o) => o.availabilityExhaustive);
  return { availability: runtimeAvailability(out), ...(exhaustive ? { exhaustive } : {}) };
}

/** The Profile Availability rows every sharing page states, merged: a restriction only where all of them impose it. */
function mergedTable(list: readonly IrObject[]): Record<string, Record<string, boolean>> | undefined {
  if (list.some((o) => !o.profileAvailability)) return undefined;
  const platforms = Object.keys(list[0]!.profileAvailability!) as ProfilePlatform[];
  const table: Record<string, Record<string, boolean>> = {};
  for (const p of platforms) {
    const rows = list.map((o) => o.profileAvailability?.[p]);
    if (rows.some((r) => r === undefined)) continue;
    const all = rows as ProfileAvailability[];
    table[p] = {
      requiresSupervision: all.every((r) => r.requiresSupervision),
      allowedInUserEnrollment: all.some((r) => r.allowedInUserEnrollment),
      allowMultiplePayloads: all.some((r) => r.allowMultiplePayloads),
    };
  }
  return Object.keys(table).length ? table : undefined;
}

/** Where a table or deprecation is stated: the page's line, or the supplement's page, line and date. */
function factWhere(o: IrObject, fact: 'profileAvailability' | 'deprecated'): string {
  const from = o.factSources?.[fact];
  if (from) return where(from);
  return `${o.source.file}:${o.factLines?.[fact] ?? o.source.line}`;
}

/** The deprecation of a payload type: only when every page sharing it is deprecated. */
function deprecation(list: readonly IrObject[]): Record<string, unknown> | undefined {
  if (list.length !== 1 || !list[0]!.deprecated) return undefined;
  const o = list[0]!;
  const out: Record<string, unknown> = {};
  const versions = Object.fromEntries(PLATFORMS.flatMap((p) => (o.availability?.[p]?.deprecated ? [[p, o.availability[p]!.deprecated!]] : [])));
  if (Object.keys(versions).length) out['deprecatedIn'] = versions;
  if (o.deprecationNote) out['note'] = o.deprecationNote;
  if (o.replacedBy) out['instead'] = o.replacedBy;
  out['source'] = factWhere(o, 'deprecated');
  return out;
}

/** The facts of a payload type's pages as a whole, for the registry's `payloadTypeFacts`. */
export function payloadTypeWholeFacts(list: readonly IrObject[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  Object.assign(facts, mergedAvailability(list));
  const table = mergedTable(list);
  if (table) {
    facts['profile'] = table;
    facts['profileSource'] = list.map((o) => factWhere(o, 'profileAvailability')).join('; ');
  }
  const deprecated = deprecation(list);
  if (deprecated) facts['deprecated'] = deprecated;
  facts['source'] = list.map((o) => `${o.source.file}:${o.source.line}`).join('; ');
  return facts;
}
