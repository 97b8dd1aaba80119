/**
 * The emit stage: IR in, the files of `generated/` out, as a map with diagnostics. Nothing here
 * touches the disk; `output-tree.ts` writes or checks the result. Generated TypeScript is
 * type-checked before it is returned: code that does not check comes back as error diagnostics,
 * and the caller then writes nothing.
 */
import type { Diagnostic } from '../model/diagnostics.js';
import type { IrDocument } from '../model/ir.js';
import { docFileName, docIndexView, docPageView } from './docs-view.js';
import { buildEmitModel, type EmitModel } from './emit-model.js';
import { assertNever } from '../model/ir.js';
import { irJson } from './ir-json.js';
import { createRenderer, TemplateError, type Renderer, type TemplateName } from './render.js';
import { objectSchema, schemaFileName } from './schema-view.js';
import { identsKey, objectHashes, planCheck, stubs, type EmitCache } from './incremental-check.js';
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
  /** What earlier runs checked: with it, only objects whose inputs changed are type-checked again. */
  cache?: EmitCache;
}

/** Every output, keyed by its path inside the output folder. */
export function emit(ir: IrDocument, options: EmitOptions = {}): EmitResult {
  let render: Renderer;
  let model: EmitModel;
  let key = '';
  let hashes = new Map<string, string>();
  const files = new Map<string, string>();
  const sources = new Map<string, TemplateName>();
  const put = (path: string, template: TemplateName, view: object): void => {
    files.set(path, render(template, view));
    sources.set(path, template);
  };
  try {
    render = createRenderer(options.templatesDir);
    model = buildEmitModel(ir);
    files.set('ir.json', irJson(ir));
    put('types/index.ts', 'types.ts', typesView(model));
    put('validators/runtime.ts', 'validator-runtime.ts', {});
    put('validators/index.ts', 'validators.ts', validatorsView(model));
    // With a cache, an object whose inputs hash the same keeps last run's schema and doc page.
    const pages = options.cache?.pages;
    key = options.cache ? `${render.key}:${identsKey(model)}` : '';
    hashes = options.cache ? objectHashes(model) : new Map();
    for (const e of model.objects) {
      const pageKey = `${key}:${hashes.get(e.ident) ?? ''}`;
      const hit = pages?.get(e.ident);
      const schemaPath = `schema/${schemaFileName(e.ident)}`;
      const docPath = `docs/${docFileName(e.ident)}`;
      if (hit && hit.key === pageKey) {
        files.set(schemaPath, hit.schema);
        files.set(docPath, hit.doc);
        continue;
      }
      put(schemaPath, 'schema.json', { json: JSON.stringify(objectSchema(e, model), null, 2) });
      put(docPath, 'doc-page.md', docPageView(e, model));
      pages?.set(e.ident, { key: pageKey, schema: files.get(schemaPath)!, doc: files.get(docPath)! });
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
  const plan = planCheck(model, key, hashes, options.cache);
  let checked: CheckedFile[];
  switch (plan.kind) {
    case 'none':
      return { files, diagnostics: [] };
    case 'full':
      checked = [...files].filter(([p]) => p.endsWith('.ts')).map(([path, text]) => ({ path, text, template: sources.get(path) ?? '?' }));
      break;
    case 'subset': {
      const stub = stubs(model, plan.objects);
      checked = [
        { path: 'types/index.ts', text: render('types.ts', typesView(model, plan.objects)) + stub.types, template: 'types.ts' },
        { path: 'validators/runtime.ts', text: files.get('validators/runtime.ts') ?? '', template: 'validator-runtime.ts' },
        { path: 'validators/index.ts', text: render('validators.ts', validatorsView(model, plan.objects)) + stub.validators, template: 'validators.ts' },
      ];
      break;
    }
    default:
      return assertNever(plan);
  }
  const diagnostics = typecheckGenerated(checked);
  if (options.cache && !diagnostics.length) options.cache.verified = { key: plan.key, hashes: plan.hashes };
  return { files, diagnostics };
}
