/**
 * The rendered flavour's "Profile Availability" table: one row per fact (Device Channel,
 * User Channel, …), each naming the platforms where it holds, or `-` for none. Read into one
 * record per platform, so a missing platform in a row is a stated `false`, not an unknown.
 */
import type { Root } from 'mdast';
import type { DiagnosticBag } from '../../model/diagnostics.js';
import { isPlatform, type ProfileAvailability, type ProfilePlatform } from '../../model/ir.js';
import { lineOf, textOf } from '../markdown.js';

const ROWS: Record<string, keyof ProfileAvailability> = {
  'device channel': 'deviceChannel',
  'user channel': 'userChannel',
  'allow manual install': 'allowManualInstall',
  'requires supervision': 'requiresSupervision',
  'requires user approved mdm': 'requiresUserApprovedMdm',
  'requires user-approved mdm': 'requiresUserApprovedMdm',
  'allowed in user enrollment': 'allowedInUserEnrollment',
  'allow multiple payloads': 'allowMultiplePayloads',
};

function none(): ProfileAvailability {
  return {
    deviceChannel: false, userChannel: false, allowManualInstall: false, requiresSupervision: false,
    requiresUserApprovedMdm: false, allowedInUserEnrollment: false, allowMultiplePayloads: false,
  };
}

function isProfilePlatform(s: string): s is ProfilePlatform {
  return s === 'Shared iPad' || isPlatform(s);
}

/** Reads the table under a "Profile Availability" heading, if the page has one, with the table's first line. */
export function profileAvailability(root: Root, diags: DiagnosticBag): { table: Partial<Record<ProfilePlatform, ProfileAvailability>>; line: number } | undefined {
  const at = root.children.findIndex((n) => n.type === 'heading' && /^profile availability$/i.test(textOf(n).trim()));
  const table = root.children[at + 1];
  if (at < 0 || !table || table.type !== 'paragraph') return undefined;
  const rows: [keyof ProfileAvailability, ProfilePlatform[]][] = [];
  const first = lineOf(table);
  textOf(table).split('\n').forEach((line, i) => {
    const cells = line.split('|').map((c) => c.trim());
    const label = (cells[1] ?? '').toLowerCase();
    if (!label || /^-+$/.test(label)) return;
    const field = ROWS[label];
    if (!field) {
      diags.warning('unknown-fact', `Profile Availability: unknown row "${cells[1]}" not read`, first + i);
      return;
    }
    const platforms: ProfilePlatform[] = [];
    for (const name of (cells[2] ?? '').split(',').map((c) => c.trim())) {
      if (name === '' || name === '-') continue;
      if (isProfilePlatform(name)) platforms.push(name);
      else diags.warning('unknown-fact', `Profile Availability: "${name}" in row "${cells[1]}" is not a platform`, first + i);
    }
    rows.push([field, platforms]);
  });
  if (!rows.length) return undefined;
  const out: Partial<Record<ProfilePlatform, ProfileAvailability>> = {};
  const order: ProfilePlatform[] = ['iOS', 'iPadOS', 'Shared iPad', 'Mac Catalyst', 'macOS', 'tvOS', 'visionOS', 'watchOS'];
  for (const p of order) {
    if (!rows.some(([, ps]) => ps.includes(p))) continue;
    const facts = none();
    for (const [field, ps] of rows) if (ps.includes(p)) facts[field] = true;
    out[p] = facts;
  }
  return { table: out, line: first };
}
