/**
 * The whole chain as the library offers it: spec directory → IR → generated files.
 * Returns `{ files, diagnostics }`; writing and checking are separate steps.
 */
import { emit } from './emit/index.js';
import { diffTree, isClean, writeTree, type TreeDrift } from './emit/output-tree.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from './model/diagnostics.js';
import type { IrDocument } from './model/ir.js';
import { parsePages, type PageCache } from './parse/index.js';
import type { PageInput } from './parse/flavour.js';
import { readSpec } from './parse/read-spec.js';

export interface GenerateResult {
  ir: IrDocument;
  files: Map<string, string>;
  /** Parse and emit diagnostics together, in a stable order. */
  diagnostics: Diagnostic[];
}

export interface GenerateOptions {
  cache?: PageCache;
  /** Templates other than the project's own `templates/`. */
  templatesDir?: string;
  /** Skip the ts-morph check of generated code (benchmarks time it apart). */
  typecheck?: boolean;
}

/** Generates every output from pages already in memory. */
export function generateFromPages(pages: readonly PageInput[], options: GenerateOptions = {}): GenerateResult {
  const ir = parsePages(pages, options.cache);
  const emitted = emit(ir, {
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
    ...(options.typecheck !== undefined ? { typecheck: options.typecheck } : {}),
  });
  const diagnostics = [...ir.diagnostics, ...emitted.diagnostics].sort(compareDiagnostics);
  return { ir, files: emitted.files, diagnostics };
}

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

/** Compares a result with what `outDir` holds. */
export function checkGenerated(outDir: string, result: GenerateResult): TreeDrift & { clean: boolean } {
  const drift = diffTree(outDir, result.files);
  return { ...drift, clean: isClean(drift) };
}
