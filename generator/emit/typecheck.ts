/**
 * Type-checks generated TypeScript in memory with ts-morph before anything is written: it must
 * parse and check with zero diagnostics under `strict`. Each problem becomes a diagnostic that
 * names the generated file, the line and the template that produced it.
 */
import { Project, ts } from 'ts-morph';
import type { Diagnostic } from '../model/diagnostics.js';

export interface CheckedFile {
  path: string;
  text: string;
  template: string;
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

export function typecheckGenerated(files: readonly CheckedFile[]): Diagnostic[] {
  shared ??= new Project({ useInMemoryFileSystem: true, compilerOptions: STRICT_OPTIONS });
  const project = shared;
  for (const old of project.getSourceFiles('/generated/**')) project.removeSourceFile(old);
  const templates = new Map<string, string>();
  for (const f of files) {
    project.createSourceFile(`/generated/${f.path}`, f.text, { overwrite: true });
    templates.set(`/generated/${f.path}`, f.template);
  }
  return project.getPreEmitDiagnostics().map((d) => {
    const file = d.getSourceFile()?.getFilePath() ?? '';
    const line = d.getLineNumber();
    const text = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, ' ');
    const diag: Diagnostic = {
      severity: 'error',
      code: 'generated-code-error',
      message: `generated code does not type-check (TS${d.getCode()}): ${text} [from templates/${templates.get(file) ?? '?'}.hbs]`,
      file: file.replace(/^\/generated\//, 'generated/'),
    };
    if (line !== undefined) diag.line = line;
    return diag;
  });
}
