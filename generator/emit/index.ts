/**
 * The emit stage: IR in, the files of `generated/` out, as a map with diagnostics. Nothing here
 * touches the disk; `output-tree.ts` writes or checks the result. The code is rendered as
 * TypeScript and type-checked under `strict` before it is compiled to the JavaScript and
 * declarations the package ships: code that does not check comes back as error diagnostics,
 * and the caller then writes nothing.
 */
import type { Diagnostic } from '../model/diagnostics.js';
import type { IrDocument } from '../model/ir.js';
import { docFileName, docIndexView, docPageView } from './docs-view.js';
import { buildEmitModel, type EmitModel, type EmitObject } from './emit-model.js';
import { assertNever } from '../model/ir.js';
import { irJson } from './ir-json.js';
import { createRenderer, TemplateError, templateOrigin, type Renderer, type TemplateName } from './render.js';

export { templateOrigin };
import { objectSchema, schemaFileName } from './schema-view.js';
import { identsKey, objectHashes, planCheck, validatorStubs, type CheckPlan, type EmitCache } from './incremental-check.js';
import { typecheckRecorded, type CheckedFile } from './typecheck.js';
import { splitCheckRuns } from './split-check.js';
import { typeModules, validatorEntries, type RenderedModule } from './type-modules.js';
import { validatorsView } from './validators-view.js';
import { compileModules, type ModuleSource } from './compile-output.js';
import { DEFAULT_PACKAGE, packageJsonView, packageReadmeView, type PackageInfo } from './package-view.js';
import { documentsView, registryView } from './registry-view.js';
import { declarativeView } from './declarative-view.js';
import { buildersView } from './builders-view.js';
import { runtimeBanner, runtimeHash, runtimeSources } from './runtime-sources.js';

export interface EmitResult {
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

export interface EmitOptions {
  /** The generated package's name, version and spec label (default: `DEFAULT_PACKAGE`). */
  package?: PackageInfo;
  /** Another templates folder (tests use broken ones). */
  templatesDir?: string;
  /** Skip the ts-morph check (benchmarks measure it separately). */
  typecheck?: boolean;
  /** What earlier runs checked: with it, only objects whose inputs changed are type-checked again. */
  cache?: EmitCache;
  /** A folder of records of passing checks (see `typecheckRecorded`): a check already passed is not run again. */
  checkRecordDir?: string;
}

/** Every output, keyed by its path inside the output folder. */
export function emit(ir: IrDocument, options: EmitOptions = {}): EmitResult {
  let render: Renderer;
  let model: EmitModel;
  let key = '';
  let hashes = new Map<string, string>();
  const files = new Map<string, string>();
  // TypeScript modules, checked and then compiled; never written as they are.
  const modules = new Map<string, ModuleSource & { origin: string }>();
  const put = (path: string, template: TemplateName, view: object): void => {
    files.set(path, render(template, view));
  };
  const module = (path: string, template: TemplateName, view: object, declarations?: TemplateName): void => {
    modules.set(path, { path, origin: templateOrigin(template), text: render(template, view), ...(declarations ? { declarations: render(declarations, view) } : {}) });
  };
  const info = options.package ?? DEFAULT_PACKAGE;
  try {
    render = createRenderer(options.templatesDir);
    model = buildEmitModel(ir);
    files.set('ir.json', irJson(ir));
    put('package.json', 'package.json', packageJsonView(info, model));
    put('README.md', 'package-readme.md', packageReadmeView(info, model));
    module('index.ts', 'package-index.ts', {});
    for (const m of typeModules(model, render)) modules.set(m.path, m);
    // The hand-written runtime, shipped as it is: validators and documents import it.
    const runtime = runtimeSources();
    for (const r of runtime) modules.set(r.path, { path: r.path, origin: r.origin, text: r.text, banner: runtimeBanner(r.origin) });
    const validators = validatorsView(model);
    module('validators/index.ts', 'validators.ts', validators, 'validators-index.d.ts');
    for (const m of validatorEntries(validators, render)) modules.set(m.path, m);
    module('validators/registry.ts', 'registry.ts', registryView(model));
    module('validators/documents.ts', 'documents.ts', documentsView(model));
    module('declarative/index.ts', 'declarative.ts', declarativeView(model));
    module('builders/index.ts', 'builders.ts', buildersView(model));
    if (options.cache) {
      key = `${render.key}:${runtimeHash(runtime)}:${identsKey(model)}`;
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
  if (options.typecheck !== false) {
    const plan = planCheck(model, key, hashes, options.cache);
    const checked = filesToCheck(plan, model, render, modules);
    // A full check runs in parts (see split-check.ts); a subset is small already.
    const runs = plan.kind === 'full' ? () => splitCheckRuns(model, render, checked) : undefined;
    const diagnostics = checked.length ? typecheckRecorded(checked, plan.kind === 'full' ? options.checkRecordDir : undefined, runs) : [];
    if (diagnostics.length) return { files, diagnostics };
    if (options.cache) options.cache.verified = { key: plan.key, hashes: plan.hashes };
  }
  for (const [path, text] of compileModules([...modules.values()], options.cache?.compiled)) files.set(path, text);
  return { files, diagnostics: [] };
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

/**
 * The TypeScript the plan says to check: all of it, none, or changed objects beside stubs (the
 * registries, document validators and validator entries name every object, so a subset check
 * leaves them out: they change only with the identifiers, and then the whole is checked).
 */
function filesToCheck(plan: CheckPlan, model: EmitModel, render: Renderer, modules: ReadonlyMap<string, ModuleSource & { origin: string }>): CheckedFile[] {
  switch (plan.kind) {
    case 'none':
      return [];
    case 'full':
      return [...modules.values()].map(({ path, text, origin }) => ({ path, text, origin }));
    case 'subset':
      return subsetFiles(model, render, plan.objects, [...modules.values()].filter((m) => m.path.startsWith('runtime/')));
    default:
      return assertNever(plan);
  }
}

/** The files of a check of `only` beside stubs of every other object, with the runtime modules given. */
export function subsetFiles(model: EmitModel, render: Renderer, only: ReadonlySet<EmitObject>, runtime: ReadonlyArray<Pick<RenderedModule, 'path' | 'text' | 'origin'>>): CheckedFile[] {
  return [
    ...typeModules(model, render, only).map(({ path, text, origin }) => ({ path, text, origin })),
    ...runtime.map(({ path, text, origin }) => ({ path, text, origin })),
    { path: 'validators/index.ts', text: render('validators.ts', validatorsView(model, only)) + validatorStubs(model, only), origin: templateOrigin('validators.ts') },
  ];
}
