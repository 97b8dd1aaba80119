/**
 * Turns generated validators into a loaded module, for validating against any spec directory
 * through the same generated code as the checked-in package. The emitted JavaScript modules are
 * written to a cache folder named by a content hash, and imported from there. A spec directory is looked up by the
 * hash of its pages first, so an unchanged spec is neither parsed nor emitted again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { templatesHash } from '../emit/render.js';
import type { ValidateOptions, ValidationResult } from '@dmspec/apple/validators';
import type { PayloadTypeFacts } from './payload-facts.js';
import type { PageInput } from '../parse/flavour.js';

export type LoadedValidator = (value: unknown, options?: ValidateOptions) => ValidationResult;

export interface ValidatorModule {
  validatorsByName: ReadonlyMap<string, LoadedValidator>;
  validatorsByPayloadType: ReadonlyMap<string, LoadedValidator>;
  /** The objects that define each payload type (more than one where pages share a type). */
  objectsByPayloadType: ReadonlyMap<string, readonly string[]>;
  /** What each payload type's page says about the payload as a whole (validators generated before it existed lack it). */
  payloadTypeFacts?: ReadonlyMap<string, PayloadTypeFacts>;
  /** The whole-document validators of the other document kinds. */
  validateDeclaration?: LoadedValidator;
  validateCommand?: LoadedValidator;
  validateCheckInMessage?: LoadedValidator;
}

const MODULES = ['validators/runtime.js', 'validators/index.js', 'validators/registry.js', 'validators/documents.js'] as const;
/** The module that exports the registries: importing it loads the others. */
const ENTRY = 'registry.js';
/** The whole-document validators. */
const DOCUMENTS = 'documents.js';

export function defaultCacheDir(): string {
  return join(tmpdir(), 'dmspec-validators');
}

function hashOf(parts: Iterable<string>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 24);
}

/** The content hash that names a compiled validator set. */
export function validatorsHash(files: ReadonlyMap<string, string>): string {
  return hashOf(MODULES.flatMap((m) => [m, files.get(m) ?? '']));
}

let fingerprint: string | undefined;

/**
 * The emitter's own code and templates, hashed: a cached compile of a spec is reused only by the
 * dmspec that made it, so a changed generator never serves stale validators.
 */
function generatorFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const emitDir = join(dirname(fileURLToPath(import.meta.url)), '../emit');
  const parts = [templatesHash()];
  for (const name of readdirSync(emitDir).sort()) parts.push(name, readFileSync(join(emitDir, name), 'utf8'));
  fingerprint = hashOf(parts);
  return fingerprint;
}

/** The content hash of a spec (its pages' paths and texts) for this generator. */
export function specHash(pages: readonly PageInput[]): string {
  return `spec-${hashOf([generatorFingerprint(), ...pages.flatMap((p) => [p.file, p.text])])}`;
}

/** Writes transpiled validators to `dir` unless a complete copy is there already. */
function compileInto(dir: string, files: ReadonlyMap<string, string>): void {
  if (existsSync(join(dir, ENTRY))) return;
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const m of MODULES) {
    const source = files.get(m);
    if (source === undefined) throw new Error(`generated output lacks ${m}`);
    writeFileSync(join(staging, m.replace('validators/', '')), source);
  }
  writeFileSync(join(staging, 'package.json'), '{ "type": "module" }\n');
  try {
    renameSync(staging, dir);
  } catch {
    // Another process compiled the same hash first: its copy is identical.
    rmSync(staging, { recursive: true, force: true });
  }
}

async function importFrom(dir: string): Promise<ValidatorModule> {
  const registry = (await import(pathToFileURL(join(dir, ENTRY)).href)) as ValidatorModule;
  const documents = (await import(pathToFileURL(join(dir, DOCUMENTS)).href)) as Partial<ValidatorModule>;
  return { ...registry, ...documents };
}

/** Compiles (once per content hash) and imports generated validators. */
export async function loadValidators(files: ReadonlyMap<string, string>, cacheDir: string = defaultCacheDir()): Promise<ValidatorModule> {
  const dir = join(cacheDir, validatorsHash(files));
  compileInto(dir, files);
  return importFrom(dir);
}

/**
 * Validators for a spec read into memory: from the cache when these exact pages were compiled
 * before, otherwise from `emitValidators` (which parses and emits), compiled and cached.
 */
export async function loadSpecValidators(
  pages: readonly PageInput[],
  emitValidators: () => ReadonlyMap<string, string>,
  cacheDir: string = defaultCacheDir(),
): Promise<ValidatorModule> {
  const dir = join(cacheDir, specHash(pages));
  compileInto(dir, existsSync(join(dir, ENTRY)) ? new Map() : emitValidators());
  return importFrom(dir);
}
