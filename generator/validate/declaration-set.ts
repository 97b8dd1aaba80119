/**
 * Declarations checked as the set a server deploys (`runtime/declarative/set-check.ts`, the
 * package's own check), each finding added to the report of the file its declaration is in,
 * at the declaration's place in that file.
 */
import type { ProfileReport } from './check-profile.js';
import { checkDeclarationSet as checkSet, type SetRegistry } from '../runtime/declarative/set-check.js';

export type { SetRegistry };

/** A declaration of the set: the report of its file and its place in the file (`''`, or `[3]` in a JSON array). */
export interface SetMember {
  report: ProfileReport;
  prefix: string;
  value: unknown;
}

function typeOf(v: unknown): string {
  const t = typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, 'Type') ? (v as Record<string, unknown>)['Type'] : undefined;
  return typeof t === 'string' ? t : '';
}

/** Adds the set's findings to the reports of its members. */
export function checkDeclarationSet(members: readonly SetMember[], registry: SetRegistry): void {
  const findings = checkSet(members.map((m) => m.value), registry, { where: (i) => `${members[i]!.report.file}${members[i]!.prefix}` });
  for (const { index, path, ...f } of findings) {
    const m = members[index]!;
    const full = path === '' ? m.prefix : m.prefix === '' ? path : `${m.prefix}.${path}`;
    m.report.issues.push({ path: full, payloadType: typeOf(m.value), ...f });
  }
}
