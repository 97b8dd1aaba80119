/**
 * The package's many small modules: `types/` holds one module per object (`types/WiFi.ts`), one
 * per kind of whole document (`types/Profile.ts`, …) and an index; each
 * object's validator also has an entry of its own (`validators/WiFi.ts`). A module imports only
 * the modules of the objects it names, so a consumer importing one object's type or validator
 * makes TypeScript read that object and what it refers to, not the whole spec; `types/index.ts`
 * declares them all in one file, for a consumer of the whole.
 */
import type { EmitModel, EmitObject } from './emit-model.js';
import { typeStub } from './incremental-check.js';
import { fileStem } from './naming.js';
import { templateOrigin, type Renderer, type TemplateName } from './render.js';
import { documentTypesView, objectHoldsReal, PLIST_REAL_IMPORT, typeObjectView, type DocumentTypesView } from './types-view.js';
import type { ValidatorsView } from './validators-view.js';

/** A rendered TypeScript module; `declarations` (`javascript`) when a template renders its `.d.ts` (`.js`). */
export interface RenderedModule {
  path: string;
  text: string;
  origin: string;
  declarations?: string;
  javascript?: string;
}

/** The whole-document modules of `types/`: their names (reserved, so no object's module takes one), templates and views. */
const DOCUMENT_MODULES: ReadonlyArray<readonly [name: string, template: TemplateName, part: keyof DocumentTypesView]> = [
  ['Profile', 'types-profile.ts', 'profile'],
  ['Declaration', 'types-declaration.ts', 'declaration'],
  ['Command', 'types-command.ts', 'command'],
  ['CommandResponse', 'types-command-response.ts', 'commandResponse'],
  ['CheckInMessage', 'types-check-in-message.ts', 'checkInMessage'],
  ['StatusItemName', 'types-status-item-name.ts', 'statusItemName'],
];

/** The path of an object's module under `folder`. */
export function objectModule(folder: 'types' | 'validators', e: EmitObject): string {
  return `${folder}/${fileStem(e.ident)}.ts`;
}

/**
 * Every module of `types/`. With `only`, the objects not in it are stubs (a subset check: their
 * modules declare their names loosely, so the document modules and the index still check).
 * The index declares every type itself (each module's declarations without its imports), so a
 * consumer of the whole reads one file; the modules beside it are for a consumer of one object.
 */
export function typeModules(model: EmitModel, render: Renderer, only?: ReadonlySet<EmitObject>): RenderedModule[] {
  const out: RenderedModule[] = [];
  const parts: string[] = [];
  for (const e of model.objects) {
    const path = objectModule('types', e);
    if (only && !only.has(e)) {
      const stub = typeStub(e);
      out.push({ path, text: stub, origin: 'a stub of the incremental check' });
      parts.push(stub);
      continue;
    }
    const view = typeObjectView(e, model);
    out.push({ path, text: render('types.ts', view), origin: templateOrigin('types.ts') });
    parts.push(render('types.ts', { ...view, banner: '', imports: [] }));
  }
  const documents = documentTypesView(model);
  for (const [name, template, part] of DOCUMENT_MODULES) {
    out.push({ path: `types/${name}.ts`, text: render(template, documents[part]), origin: templateOrigin(template) });
    parts.push(render(template, { ...documents[part], banner: '', imports: [] }));
  }
  // The index declares every type itself; a real key anywhere names the codec's PlistReal.
  const imports = model.objects.some(objectHoldsReal) ? [PLIST_REAL_IMPORT] : [];
  out.push({ path: 'types/index.ts', text: render('types-index.ts', { parts, imports }), origin: templateOrigin('types-index.ts') });
  return out;
}

/**
 * Each object's validator entry: a module re-exporting its two functions from the validators,
 * with declarations that import only its own type. Its JavaScript is rendered too, as esbuild
 * writes it (`test/emit/compile-output.test.ts` compares the two): one esbuild call per entry
 * took 3–5 s of a generate of 4,000 objects.
 */
export function validatorEntries(view: ValidatorsView, render: Renderer): RenderedModule[] {
  return view.objects.map((o) => ({
    path: `validators/${o.stem}.ts`,
    text: render('validator-entry.ts', o),
    origin: templateOrigin('validator-entry.ts'),
    declarations: render('validators.d.ts', o),
    javascript: render('validator-entry.js', o),
  }));
}
