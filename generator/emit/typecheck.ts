/**
 * Type-checks generated TypeScript in memory with ts-morph before anything is written: it must
 * parse and check with zero diagnostics under `strict`. Each problem becomes a diagnostic that
 * names the generated file, the line and the template that produced it.
 *
 * A caller may keep a record of checks that passed: a folder of empty files, each named by the
 * SHA-256 of everything the verdict depends on (TypeScript's version, the compiler options, every
 * checked file's path and text). The same inputs always give the same verdict, so a recorded
 * pass is safe to trust; a failure is never recorded.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { Diagnostic } from '../model/diagnostics.js';

export interface CheckedFile {
  path: string;
  text: string;
  /** What the file is made from, as a diagnostic names it: `templates/types.ts.hbs`, `generator/runtime/validator/run.ts`. */
  origin: string;
}

export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts'],
  types: [],
  skipLibCheck: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: false,
};

// One project for the process: its standard library files are parsed once, not on every check.
let shared: Project | undefined;

/** The name of the record of a passing check of `files`: a hash of all the check reads. */
export function checkKey(files: readonly CheckedFile[]): string {
  const h = createHash('sha256').update(`typescript ${ts.version}\0${JSON.stringify(STRICT_OPTIONS)}\0`);
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) h.update(`${f.path}\0${f.text.length}\0`).update(f.text).update('\0');
  return h.digest('hex');
}

/**
 * `typecheckGenerated`, skipped when `recordDir` holds a record of these exact inputs passing,
 * and recorded there when they pass now.
 */
export function typecheckRecorded(files: readonly CheckedFile[], recordDir: string | undefined): Diagnostic[] {
  if (recordDir === undefined) return typecheckGenerated(files);
  const record = join(recordDir, checkKey(files));
  if (existsSync(record)) return [];
  const diagnostics = typecheckGenerated(files);
  if (diagnostics.length === 0) {
    try {
      mkdirSync(recordDir, { recursive: true });
      // Written beside, then renamed: a record is either whole or absent.
      writeFileSync(`${record}.${process.pid}.tmp`, '');
      renameSync(`${record}.${process.pid}.tmp`, record);
    } catch {
      // A record that cannot be written only costs the next run a check.
    }
  }
  return diagnostics;
}

/**
 * Hashes of the sets of runtime modules (`runtime/…`) that checked clean in this process. The
 * runtime imports only itself, so its own diagnostics are the same beside any generated code:
 * once a set has checked clean, a later check asks TypeScript only about the generated files
 * (which still type-check against the runtime's declarations), not again about every runtime
 * function body.
 */
const cleanRuntimes = new Set<string>();

const isRuntime = (path: string): boolean => path.startsWith('runtime/');

export function typecheckGenerated(files: readonly CheckedFile[]): Diagnostic[] {
  shared ??= new Project({ useInMemoryFileSystem: true, compilerOptions: STRICT_OPTIONS });
  const project = shared;
  const wanted = new Map(files.map((f) => [`/generated/${f.path}`, f]));
  // A file whose text is unchanged keeps its parsed source, which TypeScript reuses.
  for (const old of project.getSourceFiles('/generated/**')) {
    const f = wanted.get(old.getFilePath());
    if (f === undefined || old.getFullText() !== f.text) project.removeSourceFile(old);
  }
  const origins = new Map<string, string>();
  for (const [path, f] of wanted) {
    if (project.getSourceFile(path) === undefined) project.createSourceFile(path, f.text);
    origins.set(path, f.origin);
  }
  const runtime = files.filter((f) => isRuntime(f.path));
  const runtimeKey = checkKey(runtime);
  const skipRuntime = runtime.length > 0 && cleanRuntimes.has(runtimeKey);
  const program = project.getProgram().compilerObject;
  const sources = program.getSourceFiles().filter((sf) => !(skipRuntime && sf.fileName.startsWith('/generated/runtime/')));
  // What ts.getPreEmitDiagnostics gathers, for the files asked about.
  const found = [
    ...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(),
    ...sources.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
  ];
  if (runtime.length > 0 && !found.some((d) => d.file?.fileName.startsWith('/generated/runtime/'))) cleanRuntimes.add(runtimeKey);
  return ts.sortAndDeduplicateDiagnostics(found).map((d) => {
    const file = d.file?.fileName ?? '';
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    const diag: Diagnostic = {
      severity: 'error',
      code: 'generated-code-error',
      message: `generated code does not type-check (TS${d.code}): ${text} [from ${origins.get(file) ?? '?'}]`,
      file: file.replace(/^\/generated\//, 'generated/'),
    };
    if (d.file && d.start !== undefined) diag.line = d.file.getLineAndCharacterOfPosition(d.start).line + 1;
    return diag;
  });
}
