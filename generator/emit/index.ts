/**
 * The emit stage: IR in, the files of `generated/` out, as a map with diagnostics. Nothing here
 * touches the disk; `output-tree.ts` writes or checks the result. Generated TypeScript is
 * type-checked before it is returned: code that does not check comes back as error diagnostics,
 * and the caller then writes nothing.
 */
import type { Diagnostic } from '../model/diagnostics.js';
import type { IrDocument } from '../model/ir.js';
import { docFileName, docIndexView, docPageView } from './docs-view.js';
import { buildEmitModel } from './emit-model.js';
import { irJson } from './ir-json.js';
import { createRenderer, TemplateError, type Renderer, type TemplateName } from './render.js';
import { objectSchema, schemaFileName } from './schema-view.js';
import { typecheckGenerated, type CheckedFile } from './typecheck.js';
import { typesView } from './types-view.js';
import { validatorsView } from './validators-view.js';

export interface EmitResult {
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

export interface EmitOptions {
  /** Another templates folder (tests use broken ones). */
  templatesDir?: string;
  /** Skip the ts-morph check (benchmarks measure it separately). */
  typecheck?: boolean;
}

/** Every output, keyed by its path inside the output folder. */
export function emit(ir: IrDocument, options: EmitOptions = {}): EmitResult {
  let render: Renderer;
  const files = new Map<string, string>();
  const sources = new Map<string, TemplateName>();
  const put = (path: string, template: TemplateName, view: object): void => {
    files.set(path, render(template, view));
    sources.set(path, template);
  };
  try {
    render = createRenderer(options.templatesDir);
    const model = buildEmitModel(ir);
    files.set('ir.json', irJson(ir));
    put('types/index.ts', 'types.ts', typesView(model));
    put('validators/runtime.ts', 'validator-runtime.ts', {});
    put('validators/index.ts', 'validators.ts', validatorsView(model));
    for (const e of model.objects) {
      put(`schema/${schemaFileName(e.ident)}`, 'schema.json', { json: JSON.stringify(objectSchema(e, model), null, 2) });
      put(`docs/${docFileName(e.ident)}`, 'doc-page.md', docPageView(e, model));
    }
    put('docs/README.md', 'doc-index.md', docIndexView(model));
  } catch (e) {
    const template = e instanceof TemplateError ? e.template : undefined;
    return {
      files: new Map(),
      diagnostics: [{ severity: 'error', code: 'template-error', message: (e as Error).message, file: template ? `templates/${template}.hbs` : 'templates' }],
    };
  }
  if (options.typecheck === false) return { files, diagnostics: [] };
  const ts: CheckedFile[] = [...files].filter(([p]) => p.endsWith('.ts')).map(([path, text]) => ({ path, text, template: sources.get(path) ?? '?' }));
  return { files, diagnostics: typecheckGenerated(ts) };
}
