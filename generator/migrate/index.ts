/**
 * `migrate` as a library: a profile file to the declarations that replace what the pages say
 * they replace (`migrate-profile.ts`), checked as a set by the same validators and set checks as
 * `validate`, with the report of what carried over and what stayed. Writing is all or nothing:
 * every file goes to a temporary name first, and an existing file is never replaced.
 */
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ioReason } from '../validate/io-reason.js';
import { DEFAULT_PROFILE_LIMITS, ProfileReadError, readProfile, validateDocumentBytes, type FileReport, type ValidatorModule } from '../validate/index.js';
import { textReport } from '../validate/report.js';
import { ACTIVATION_TYPE, migrateProfile, type Migration, type MigratedDeclaration } from './migrate-profile.js';

export { migrateProfile, type CarriedKey, type LeftKey, type Migration, type MigratedDeclaration } from './migrate-profile.js';

export interface MigrationResult extends Migration {
  file: string;
  /** The declarations validated as a set (absent when nothing carried over). */
  check?: FileReport;
  /** Why the file could not be read: then nothing was migrated. */
  error?: string;
}

/** Reads a profile's bytes and migrates it; the declarations are validated as one set. */
export async function migrateBytes(file: string, bytes: Uint8Array, validators: ValidatorModule): Promise<MigrationResult> {
  let root;
  try {
    root = (await readProfile(bytes, DEFAULT_PROFILE_LIMITS, Date.now() + 10_000, 10_000)).root;
  } catch (e) {
    if (e instanceof ProfileReadError) return { file, declarations: [], carried: [], left: [], error: e.message };
    throw e;
  }
  const migration = migrateProfile(root, validators, file);
  if (!migration.declarations.length) return { file, ...migration };
  const check = await validateDocumentBytes(`${file} (migrated)`, new TextEncoder().encode(JSON.stringify(migration.declarations)), validators);
  return { file, ...migration, check };
}

/** Reads and migrates a profile file (read whole: its size is checked against the profile limit first). */
export async function migrateFile(file: string, validators: ValidatorModule): Promise<MigrationResult> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { file, declarations: [], carried: [], left: [], error: `cannot read it: ${ioReason(e)}` };
  }
  if (bytes.length > DEFAULT_PROFILE_LIMITS.maxBytes) return { file, declarations: [], carried: [], left: [], error: `the file is ${bytes.length} bytes, over the limit of ${DEFAULT_PROFILE_LIMITS.maxBytes}` };
  return migrateBytes(file, bytes, validators);
}

/** The file name of a declaration in `--out`: its identifier, which the migration made a UUID. */
export function declarationFileName(d: MigratedDeclaration): string {
  return `${d.Identifier.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

export class MigrateWriteError extends Error {
  override name = 'MigrateWriteError';
}

/**
 * Writes each declaration to `dir` as `IDENTIFIER.json`. Refused, before anything is written,
 * when one of the files exists; each file is written under a temporary name and linked into place
 * (which fails rather than replaces), and on any failure what was written is removed.
 */
export function writeDeclarations(dir: string, declarations: readonly MigratedDeclaration[]): string[] {
  mkdirSync(dir, { recursive: true });
  const targets = declarations.map((d) => join(dir, declarationFileName(d)));
  const existing = targets.filter((t) => existsSync(t));
  if (existing.length) throw new MigrateWriteError(`not replacing ${existing.join(', ')}: remove ${existing.length === 1 ? 'it' : 'them'} or choose another --out`);
  const temps: string[] = [];
  const placed: string[] = [];
  try {
    for (const [i, d] of declarations.entries()) {
      const temp = `${targets[i]}.${process.pid}.tmp`;
      const fd = openSync(temp, 'wx', 0o644);
      temps.push(temp);
      try {
        writeSync(fd, `${JSON.stringify(d, null, 2)}\n`);
      } finally {
        closeSync(fd);
      }
    }
    for (const [i, temp] of temps.entries()) {
      linkSync(temp, targets[i]!);
      placed.push(targets[i]!);
    }
  } catch (e) {
    for (const p of placed) unlinkSync(p);
    throw new MigrateWriteError(`cannot write to ${dir}: ${(e as Error).message}`);
  } finally {
    for (const t of temps) if (existsSync(t)) unlinkSync(t);
  }
  return targets;
}

/**
 * The report for people, one line each: what carried over (to which declaration and key), what
 * stayed and why, the counts, then the check of the declarations as a set. Unescaped: printing
 * escapes each line for the terminal.
 */
export function migrationLines(r: MigrationResult): string[] {
  if (r.error !== undefined) return [`${r.file}: error: ${r.error}`];
  const lines: string[] = [];
  for (const c of r.carried) lines.push(`${r.file}: carried ${c.path} (${c.payloadType}) to ${c.declarationType} ${c.to} (${c.identifier}; ${c.source})`);
  // A payload's envelope keys (PayloadUUID, …) are one line: they stay for the same reason.
  const envelope = new Map<string, { payloadType: string; keys: string[]; reason: string }>();
  for (const l of r.left) {
    const m = /^(PayloadContent\[\d+\])\.(Payload[A-Z]\w*)$/.exec(l.path);
    if (m && l.reason.startsWith('a key of the payload\'s envelope')) {
      const group = envelope.get(m[1]!) ?? { payloadType: l.payloadType, keys: [], reason: l.reason };
      group.keys.push(m[2]!);
      envelope.set(m[1]!, group);
      continue;
    }
    lines.push(`${r.file}: left ${l.path} (${l.payloadType || 'no PayloadType'}): ${l.reason}${l.declarationType && !l.reason.includes(l.declarationType) ? ` (its page names ${l.declarationType}: ${l.source})` : ''}`);
  }
  for (const [at, g] of envelope) lines.push(`${r.file}: left ${at} (${g.payloadType || 'no PayloadType'}) ${g.keys.join(', ')}: keys of the payload's envelope: a declaration has its own (Type, Identifier, ServerToken)`);
  const configurations = r.declarations.filter((d) => d.Type !== ACTIVATION_TYPE).length;
  lines.push(`${r.carried.length} ${r.carried.length === 1 ? 'key' : 'keys'} carried to ${configurations} ${configurations === 1 ? 'configuration' : 'configurations'}${r.declarations.length ? ' and 1 activation' : ''}; ${r.left.length} left in the profile`);
  if (r.check) lines.push(...textReport([r.check]).trimEnd().split('\n'));
  return lines;
}
