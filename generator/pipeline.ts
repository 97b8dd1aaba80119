/**
 * The whole chain as the library offers it: spec directory → IR → generated files.
 * Returns `{ files, diagnostics }`; writing and checking are separate steps.
 */
import { emit } from './emit/index.js';
import type { PackageInfo } from './emit/package-view.js';
import { diffTree, isClean, writeTree, writeTreeAsync, type TreeDrift } from './emit/output-tree.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from './model/diagnostics.js';
import type { IrDocument } from './model/ir.js';
import { REFERENCE_TOO_DEEP } from './model/reference-depth.js';
import { parsePages } from './parse/index.js';
import { createGenerateCache, runKey, type GenerateCache } from './generate-cache.js';
import type { PageInput } from './parse/flavour.js';
import { readSpec } from './parse/read-spec.js';

export interface GenerateResult {
  ir: IrDocument;
  files: Map<string, string>;
  /** Parse and emit diagnostics together, in a stable order. */
  diagnostics: Diagnostic[];
}

export interface GenerateOptions {
  /** Kept between runs: unchanged pages are not parsed again, unchanged objects not re-checked. */
  cache?: GenerateCache;
  /** Templates other than the project's own `templates/`. */
  templatesDir?: string;
  /** Skip the ts-morph check of generated code (benchmarks time it apart). */
  typecheck?: boolean;
  /** The generated package's name, version and spec label. */
  package?: PackageInfo;
  /** A folder of records of passing type checks, kept between processes (the CLI uses `CHECK_RECORD_DIR`). */
  checkRecordDir?: string;
}

/** Where the CLI keeps its records of passing type checks: the project's own cache folder. */
export const CHECK_RECORD_DIR = 'node_modules/.cache/dmspec/typecheck';

/**
 * Most keys (over all objects) a spec may define for `generate`: every key becomes checked
 * TypeScript, whose type check grows with it (Apple's spec has about 6,100; 20,000 small keys
 * take under 1 GB, see the README).
 */
export const MAX_GENERATED_KEYS = 20_000;

/** An error of the whole spec (its `file` is the spec root) when it defines more keys than generate takes. */
function tooManyKeys(ir: IrDocument): Diagnostic | undefined {
  const keys = ir.objects.reduce((n, o) => n + o.properties.length, 0);
  if (keys <= MAX_GENERATED_KEYS) return undefined;
  return { severity: 'error', code: 'spec-too-large', file: '', message: `the spec defines ${keys.toLocaleString('en-US')} keys, more than the ${MAX_GENERATED_KEYS.toLocaleString('en-US')} generate takes; nothing was generated` };
}

/** Generates every output from pages already in memory. */
export function generateFromPages(pages: readonly PageInput[], options: GenerateOptions = {}): GenerateResult {
  const cache = options.cache;
  const key = cache ? runKey(pages, options) : '';
  if (cache?.last && cache.last.key === key) return cache.last.result;
  const ir = parsePages(pages, cache?.pages);
  const tooMany = tooManyKeys(ir);
  if (tooMany) return { ir, files: new Map(), diagnostics: [...ir.diagnostics, tooMany].sort(compareDiagnostics) };
  // Modules of a chain past the limit would overflow TypeScript's stack: the model reported each such reference.
  if (ir.diagnostics.some((d) => d.code === REFERENCE_TOO_DEEP)) return { ir, files: new Map(), diagnostics: ir.diagnostics };
  const emitted = emit(ir, {
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
    ...(options.typecheck !== undefined ? { typecheck: options.typecheck } : {}),
    ...(options.package !== undefined ? { package: options.package } : {}),
    ...(options.checkRecordDir !== undefined ? { checkRecordDir: options.checkRecordDir } : {}),
    ...(cache ? { cache: cache.emit } : {}),
  });
  const diagnostics = [...ir.diagnostics, ...emitted.diagnostics].sort(compareDiagnostics);
  const result = { ir, files: emitted.files, diagnostics };
  if (cache) cache.last = { key, result };
  return result;
}

export { createGenerateCache, type GenerateCache };

/** Generates every output from a spec directory. */
export function generate(specDir: string, options: GenerateOptions = {}): GenerateResult {
  return generateFromPages(readSpec(specDir), options);
}

/**
 * Writes a result to `outDir`, replacing it whole. Refuses when the result has errors, so a
 * failed generate leaves the folder as it was.
 */
export function writeGenerated(outDir: string, result: GenerateResult): boolean {
  if (hasErrors(result.diagnostics)) return false;
  writeTree(outDir, result.files);
  return true;
}

/**
 * `writeGenerated`, writing several files at once (see `writeTreeAsync`): what the CLI uses.
 * `notes` name leftover folders of interrupted writes it kept (they hold what dmspec did not write).
 */
export async function writeGeneratedAsync(outDir: string, result: GenerateResult): Promise<{ written: boolean; notes: string[] }> {
  if (hasErrors(result.diagnostics)) return { written: false, notes: [] };
  return { written: true, notes: await writeTreeAsync(outDir, result.files) };
}

/** Compares a result with what `outDir` holds. */
export function checkGenerated(outDir: string, result: GenerateResult): TreeDrift & { clean: boolean } {
  const drift = diffTree(outDir, result.files);
  return { ...drift, clean: isClean(drift) };
}
