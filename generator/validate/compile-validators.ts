/**
 * Turns generated validators into a loaded module, for validating against any spec directory
 * through the same generated code as the checked-in package. The emitted JavaScript modules are
 * written to the user's private cache folder (see `validator-cache.ts`) named by a content hash,
 * and imported from there only after the folder's ownership and the entry's stored hash are
 * checked. A spec directory is looked up by the hash of its pages first, so an unchanged spec is
 * neither parsed nor emitted again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { templatesHash } from '../emit/render.js';
import { runtimeHash } from '../emit/runtime-sources.js';
import type { ValidateOptions, ValidationResult } from '@dmspec/apple/validators';
import type { PayloadTypeFacts } from './payload-facts.js';
import type { DeclarationFactsView } from '../runtime/declarative/set-facts.js';
import type { PageInput } from '../parse/flavour.js';
import { defaultCacheDir, preparePrivateDir, pruneCache, verifiedEntry, writeEntry } from './validator-cache.js';

export { defaultCacheDir };

export type LoadedValidator = (value: unknown, options?: ValidateOptions) => ValidationResult;

export interface ValidatorModule {
  validatorsByName: ReadonlyMap<string, LoadedValidator>;
  validatorsByPayloadType: ReadonlyMap<string, LoadedValidator>;
  /** The objects that define each payload type (more than one where pages share a type). */
  objectsByPayloadType: ReadonlyMap<string, readonly string[]>;
  /** What each payload type's page says about the payload as a whole (validators generated before it existed lack it). */
  payloadTypeFacts?: ReadonlyMap<string, PayloadTypeFacts>;
  /** What each declaration type's pages say about it within a set (validators generated before it existed lack it). */
  declarationTypeFacts?: ReadonlyMap<string, DeclarationFactsView>;
  /** The status items the spec defines, each with the pages that define it. */
  objectsByStatusItem?: ReadonlyMap<string, readonly string[]>;
  /** The whole-document validators of the other document kinds. */
  validateDeclaration?: LoadedValidator;
  validateCommand?: LoadedValidator;
  validateCheckInMessage?: LoadedValidator;
}

const VALIDATOR_MODULES = ['validators/index.js', 'validators/registry.js', 'validators/documents.js'];

/**
 * The modules of a compiled validator set, by their paths in the output (the validators and the
 * runtime they import), and a `package.json` that makes Node load them as ES modules: an entry is
 * the output's own layout, so relative imports need no rewriting. Each object's own entry
 * (`validators/WiFi.js`, for a consumer importing one validator) only re-exports the index and
 * is left out.
 */
function entryModules(files: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of [...files.keys()].sort()) {
    if ((VALIDATOR_MODULES.includes(path) || path.startsWith('runtime/')) && path.endsWith('.js')) out.set(path, files.get(path)!);
  }
  for (const required of [...VALIDATOR_MODULES, 'runtime/validator/index.js']) {
    if (!out.has(required)) throw new Error(`generated output lacks ${required}`);
  }
  out.set('package.json', '{ "type": "module" }\n');
  return out;
}

function hashOf(parts: Iterable<string>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 24);
}

/** The content hash that names a compiled validator set. */
export function validatorsHash(files: ReadonlyMap<string, string>): string {
  return hashOf([...entryModules(files)].flat());
}

let fingerprint: string | undefined;

/**
 * The emitter's own code and templates, hashed: a cached compile of a spec is reused only by the
 * dmspec that made it, so a changed generator never serves stale validators.
 */
function generatorFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const emitDir = join(dirname(fileURLToPath(import.meta.url)), '../emit');
  const parts = [templatesHash(), runtimeHash()];
  for (const name of readdirSync(emitDir).sort()) parts.push(name, readFileSync(join(emitDir, name), 'utf8'));
  fingerprint = hashOf(parts);
  return fingerprint;
}

/** The content hash of a spec (its pages' paths and texts) for this generator. */
export function specHash(pages: readonly PageInput[]): string {
  return `spec-${hashOf([generatorFingerprint(), ...pages.flatMap((p) => [p.file, p.text, String(p.unreadBytes ?? ''), p.supplement ? JSON.stringify(p.supplement) : ''])])}`;
}

/** Writes the validators' modules to `dir` unless a verified copy is there already. */
function compileInto(dir: string, files: ReadonlyMap<string, string> | (() => ReadonlyMap<string, string> | undefined)): boolean {
  if (verifiedEntry(dir)) return true;
  const sources = typeof files === 'function' ? files() : files;
  // A spec with errors is never cached: its next run must report them again.
  if (sources === undefined) return false;
  writeEntry(dir, entryModules(sources));
  if (!verifiedEntry(dir)) throw new Error(`the compiled validators in ${dir} could not be written`);
  return true;
}

/** Imports a verified entry; one that fails to load is removed, so the next run compiles it again. */
async function importFrom(dir: string): Promise<ValidatorModule> {
  try {
    const registry = (await import(pathToFileURL(join(dir, 'validators/registry.js')).href)) as ValidatorModule;
    const documents = (await import(pathToFileURL(join(dir, 'validators/documents.js')).href)) as Partial<ValidatorModule>;
    return { ...registry, ...documents };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the generated validators could not be loaded (${(e as Error).message}); the cache entry was removed`);
  }
}

/** Compiles (once per content hash) and imports generated validators. */
export async function loadValidators(files: ReadonlyMap<string, string>, cacheDir: string = defaultCacheDir()): Promise<ValidatorModule> {
  preparePrivateDir(cacheDir);
  const name = validatorsHash(files);
  const dir = join(cacheDir, name);
  compileInto(dir, files);
  pruneCache(cacheDir, name);
  return importFrom(dir);
}

/**
 * Validators for a spec read into memory: from the cache when these exact pages were compiled
 * before, otherwise from `emitValidators` (which parses and emits), compiled and cached.
 * `emitValidators` returns undefined when the spec has errors: nothing is cached or loaded.
 */
export async function loadSpecValidators(
  pages: readonly PageInput[],
  emitValidators: () => ReadonlyMap<string, string> | undefined,
  cacheDir: string = defaultCacheDir(),
): Promise<ValidatorModule | undefined> {
  preparePrivateDir(cacheDir);
  const name = specHash(pages);
  const dir = join(cacheDir, name);
  if (!compileInto(dir, emitValidators)) return undefined;
  pruneCache(cacheDir, name);
  return importFrom(dir);
}
