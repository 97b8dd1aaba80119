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
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

/** One program of a check: its files, and the paths whose diagnostics it reports (every file's when absent). */
export interface CheckRun {
  files: readonly CheckedFile[];
  report?: ReadonlySet<string>;
}

/**
 * A full collection, between the programs of a split check: the last program is garbage by
 * then, but V8 grows its heap rather than collect it (a 4,000-page spec reached 1.2 GB of
 * which 350 MB was live). Node exposes `gc` only behind a flag, which can be set at run time.
 */
let gcFunction: (() => void) | undefined;
function collectGarbage(): void {
  if (!gcFunction) {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  gcFunction();
}

// One project for the process: its standard library files are parsed once, not on every check.
let shared: Project | undefined;

/** The name of the record of a passing check of `files`: a hash of all the check reads. */
export function checkKey(files: readonly CheckedFile[]): string {
  const h = createHash('sha256').update(`typescript ${ts.version}\0${JSON.stringify(STRICT_OPTIONS)}\0`);
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) h.update(`${f.path}\0${f.text.length}\0`).update(f.text).update('\0');
  return h.digest('hex');
}

/**
 * The check of `files` (by default one program of them all; `runs` makes it in parts, see
 * `split-check.ts`), skipped when `recordDir` holds a record of these exact inputs passing,
 * and recorded there when they pass now.
 */
export function typecheckRecorded(files: readonly CheckedFile[], recordDir: string | undefined, runs: () => readonly CheckRun[] = () => [{ files }]): Diagnostic[] {
  const check = (): Diagnostic[] => {
    const list = runs();
    return list.flatMap((run, i) => {
      if (i > 0) collectGarbage();
      const diagnostics = typecheckGenerated(run.files, run.report);
      if (list.length > 1) releaseGenerated();
      return diagnostics;
    });
  };
  if (recordDir === undefined) return check();
  const record = join(recordDir, checkKey(files));
  if (existsSync(record)) return [];
  const diagnostics = check();
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

/**
 * The diagnostics of one program of `files`: of all of them, or with `report` of those paths
 * alone (and the program's global ones; the checker reads the other files' declarations only as
 * far as the reported files use them).
 */
export function typecheckGenerated(files: readonly CheckedFile[], report?: ReadonlySet<string>): Diagnostic[] {
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
  const sources = program.getSourceFiles().filter((sf) => (report
    ? report.has(sf.fileName.replace(/^\/generated\//, ''))
    : !(skipRuntime && sf.fileName.startsWith('/generated/runtime/'))));
  // What ts.getPreEmitDiagnostics gathers, for the files asked about.
  const found = [
    ...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(),
    ...sources.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
  ];
  if (report === undefined && runtime.length > 0 && !found.some((d) => d.file?.fileName.startsWith('/generated/runtime/'))) cleanRuntimes.add(runtimeKey);
  const diagnostics = ts.sortAndDeduplicateDiagnostics(found).map((d) => {
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
  return diagnostics;
}

/**
 * Drops the checked generated code but the runtime's, after a program of a split check: each
 * program is most of a generate's memory, and the next part holds other code. (A single check
 * keeps its files, so a regenerate reuses the unchanged ones.)
 */
function releaseGenerated(): void {
  if (!shared) return;
  for (const sf of shared.getSourceFiles('/generated/**')) if (!isRuntime(sf.getFilePath().replace(/^\/generated\//, ''))) shared.removeSourceFile(sf);
}
