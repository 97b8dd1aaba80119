/**
 * The emit stage: IR in, the files of `generated/` out, as a map with diagnostics. Nothing here
 * touches the disk; `output-tree.ts` writes or checks the result. Generated TypeScript is
 * type-checked before it is returned: code that does not check comes back as error diagnostics,
 * and the caller then writes nothing.
 */
import type { Diagnostic } from '../model/diagnostics.js';
import type { IrDocument } from '../model/ir.js';
import { docFileName, docIndexView, docPageView } from './docs-view.js';
import { buildEmitModel, type EmitModel, type EmitObject } from './emit-model.js';
import { assertNever } from '../model/ir.js';
import { irJson } from './ir-json.js';
import { createRenderer, TemplateError, type Renderer, type TemplateName } from './render.js';
import { objectSchema, schemaFileName } from './schema-view.js';
import { identsKey, objectHashes, planCheck, stubs, type CheckPlan, type EmitCache } from './incremental-check.js';
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
    if (options.cache) {
      key = `${render.key}:${identsKey(model)}`;
      hashes = objectHashes(model);
    }
    for (const e of model.objects) objectPages(e, model, put, files, options.cache?.pages, `${key}:${hashes.get(e.ident) ?? ''}`);
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
  const checked = filesToCheck(plan, model, render, files, sources);
  const diagnostics = checked.length ? typecheckGenerated(checked) : [];
  if (options.cache && !diagnostics.length) options.cache.verified = { key: plan.key, hashes: plan.hashes };
  return { files, diagnostics };
}

type Put = (path: string, template: TemplateName, view: object) => void;

/** An object's schema and doc page; with a cache, last run's when the object's inputs hash the same. */
function objectPages(e: EmitObject, model: EmitModel, put: Put, files: Map<string, string>, pages: EmitCache['pages'] | undefined, pageKey: string): void {
  const schemaPath = `schema/${schemaFileName(e.ident)}`;
  const docPath = `docs/${docFileName(e.ident)}`;
  const hit = pages?.get(e.ident);
  if (hit && hit.key === pageKey) {
    files.set(schemaPath, hit.schema);
    files.set(docPath, hit.doc);
    return;
  }
  put(schemaPath, 'schema.json', { json: JSON.stringify(objectSchema(e, model), null, 2) });
  put(docPath, 'doc-page.md', docPageView(e, model));
  pages?.set(e.ident, { key: pageKey, schema: files.get(schemaPath)!, doc: files.get(docPath)! });
}

/** The TypeScript the plan says to check: all of it, none, or changed objects beside stubs. */
function filesToCheck(plan: CheckPlan, model: EmitModel, render: Renderer, files: Map<string, string>, sources: Map<string, TemplateName>): CheckedFile[] {
  switch (plan.kind) {
    case 'none':
      return [];
    case 'full':
      return [...files].filter(([p]) => p.endsWith('.ts')).map(([path, text]) => ({ path, text, template: sources.get(path) ?? '?' }));
    case 'subset': {
      const stub = stubs(model, plan.objects);
      return [
        { path: 'types/index.ts', text: render('types.ts', typesView(model, plan.objects)) + stub.types, template: 'types.ts' },
        { path: 'validators/runtime.ts', text: files.get('validators/runtime.ts') ?? '', template: 'validator-runtime.ts' },
        { path: 'validators/index.ts', text: render('validators.ts', validatorsView(model, plan.objects)) + stub.validators, template: 'validators.ts' },
      ];
    }
    default:
      return assertNever(plan);
  }
}
