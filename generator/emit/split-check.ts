/**
 * A full type check in parts, so its largest program stays small as a spec grows. The
 * validators module is most of the generated code (and of the checker's memory: about 75 bytes
 * of heap per byte of source); checked whole, a spec of 4,000 small pages needed 770 MB for
 * the check alone. Here it is checked a part at a time, each part's objects beside stub
 * declarations of every other object's functions (as the incremental check does), and then
 * everything else once, against declarations of the validators module's exports.
 *
 * The verdict is the full check's: every object's code is checked in some part against the
 * same signatures the real functions have (the stubs are written from the same template
 * shapes), the types, the runtime, the registries and the entries are checked whole, and a
 * name two objects share is still declared twice in the part that renders either.
 */
import type { EmitModel, EmitObject } from './emit-model.js';
import { validatorStubs } from './incremental-check.js';
import { templateOrigin, type Renderer } from './render.js';
import type { CheckedFile, CheckRun } from './typecheck.js';
import { validatorsView } from './validators-view.js';

/** The most objects plus keys one part's validators may hold (Apple's spec is about 7,400: two parts). */
export const CHECK_PART_WEIGHT = 4_000;

const VALIDATORS = 'validators/index.ts';

/** An object's share of a part: its keys, and one for its own functions. */
const weight = (e: EmitObject): number => 1 + e.properties.length;

/**
 * The objects in parts of at most `budget` (an object heavier than that alone in its part),
 * in the model's order; objects related by `inherits` stay in one part, as the incremental
 * check keeps them together.
 */
export function checkParts(model: EmitModel, budget: number = CHECK_PART_WEIGHT): EmitObject[][] {
  const root = new Map<EmitObject, EmitObject>();
  const find = (e: EmitObject): EmitObject => {
    let r = e;
    while (root.get(r) !== undefined && root.get(r) !== r) r = root.get(r)!;
    root.set(e, r);
    return r;
  };
  for (const e of model.objects) root.set(e, root.get(e) ?? e);
  for (const e of model.objects) for (const p of e.inherits) root.set(find(e), find(p));
  const groups = new Map<EmitObject, EmitObject[]>();
  for (const e of model.objects) {
    const r = find(e);
    const group = groups.get(r);
    if (group) group.push(e);
    else groups.set(r, [e]);
  }
  const parts: EmitObject[][] = [];
  let part: EmitObject[] = [];
  let used = 0;
  for (const group of groups.values()) {
    const w = group.reduce((n, e) => n + weight(e), 0);
    if (part.length && used + w > budget) {
      parts.push(part);
      part = [];
      used = 0;
    }
    part.push(...group);
    used += w;
  }
  if (part.length) parts.push(part);
  return parts;
}

/** One module standing in for all of `types/` in a part: the validators name only `T.<Name>`. */
function typeStubs(model: EmitModel): string {
  return model.objects.map((e) => `export interface ${e.ident} { [key: string]: unknown }\n`).join('');
}

/** The validators module as the rest of the package sees it: its exports, declared. */
function validatorDeclarations(model: EmitModel): string {
  return [
    `import type * as T from '../types/index.js';`,
    `import type { ValidateOptions, ValidationResult } from '../runtime/validator/index.js';`,
    `export * from '../runtime/validator/index.js';`,
    ...model.objects.map((e) => `export declare function validate${e.ident}(value: unknown, options?: ValidateOptions): ValidationResult;\nexport declare function is${e.ident}(value: unknown, options?: ValidateOptions): value is T.${e.ident};`),
  ].join('\n') + '\n';
}

/**
 * The runs of a full check of `modules` (every TypeScript module emit renders): one per part of
 * the validators, reporting the validators module alone, then one of everything else.
 */
export function splitCheckRuns(model: EmitModel, render: Renderer, modules: readonly CheckedFile[], budget: number = CHECK_PART_WEIGHT): CheckRun[] {
  const runtime = modules.filter((m) => m.path.startsWith('runtime/'));
  const stubOrigin = 'a stub of the split check';
  const parts = checkParts(model, budget);
  // The same stand-in for types/ in every part.
  const types: CheckedFile = { path: 'types/index.ts', text: typeStubs(model), origin: stubOrigin };
  const runs: CheckRun[] = parts.map((part, i) => {
    const only = new Set(part);
    return {
      files: [
        ...runtime,
        types,
        { path: VALIDATORS, text: render('validators.ts', validatorsView(model, only)) + validatorStubs(model, only), origin: `${templateOrigin('validators.ts')}, checked in part ${i + 1} of ${parts.length}` },
      ],
      report: new Set([VALIDATORS]),
    };
  });
  runs.push({ files: [...modules.filter((m) => m.path !== VALIDATORS), { path: VALIDATORS, text: validatorDeclarations(model), origin: stubOrigin }] });
  return runs;
}
