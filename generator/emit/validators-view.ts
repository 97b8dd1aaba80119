/**
 * The view the validators template renders: per object, the prepared body of its check function.
 */
import type { EmitModel } from './emit-model.js';
import { jsdocLines } from './escape.js';
import { tsString } from './naming.js';
import { checkBody, checksSummary } from './validator-code.js';

export interface ValidatorObjectView {
  ident: string;
  title: string;
  titleLiteral: string;
  summary: string;
  body: string[];
}

export interface ValidatorsView {
  objects: ValidatorObjectView[];
  payloadTypes: Array<{ key: string; ident: string }>;
}

export function validatorsView(model: EmitModel): ValidatorsView {
  const objects = model.objects.map((e) => ({
    ident: e.ident,
    // Titles reach a JSDoc line: escaped for one, and kept to a single line.
    title: jsdocLines(e.ir.name).join(' '),
    titleLiteral: tsString(e.ir.name),
    summary: jsdocLines(checksSummary(e)).join(' '),
    body: checkBody(e, model),
  }));
  const payloadTypes = new Map<string, string>();
  for (const e of model.objects) if (e.ir.payloadType && !payloadTypes.has(e.ir.payloadType)) payloadTypes.set(e.ir.payloadType, e.ident);
  return {
    objects,
    payloadTypes: [...payloadTypes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, ident]) => ({ key: tsString(k), ident })),
  };
}
