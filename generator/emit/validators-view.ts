/**
 * The view the validators template renders: per object, the prepared body of its check function.
 */
import type { EmitModel, EmitObject } from './emit-model.js';
import { jsdocLines } from './escape.js';
import { fileStem } from './naming.js';
import { checksSummary, resolveLiterals, sharedDeclarations, validatorCode } from './validator-code.js';
import { guardCode, type GuardCode } from './guard-code.js';

export interface ValidatorObjectView {
  ident: string;
  /** The file name of the object's modules (`types/<stem>.ts`, `validators/<stem>.ts`). */
  stem: string;
  title: string;
  summary: string;
  helpers: string[];
  body: string[];
  /** The pure guard `is<Name>` runs without options; absent where it is the validator's quick run. */
  guard?: GuardCode;
}

export interface ValidatorsView {
  /** Module-level declarations the objects' code shares (facts constants). */
  shared: string[];
  objects: ValidatorObjectView[];
}

/** The view of every object, or of `only` those (for checking a few changed objects alone). */
export function validatorsView(model: EmitModel, only?: ReadonlySet<EmitObject>): ValidatorsView {
  const chosen = only ? model.objects.filter((e) => only.has(e)) : model.objects;
  const shared = sharedDeclarations();
  const objects = chosen.map((e): ValidatorObjectView => ({
    ...validatorCode(e, model, shared),
    ...optional('guard', guardCode(e, model)),
    ident: e.ident,
    stem: fileStem(e.ident),
    // Titles reach a JSDoc line: escaped for one, and kept to a single line.
    title: jsdocLines(e.ir.name).join(' '),
    summary: jsdocLines(checksSummary(e)).join(' '),
  }));
  resolveLiterals(shared, objects.flatMap((o) => [o.helpers, o.body]));
  return { shared: shared.lines, objects };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
