/**
 * The view the validators template renders: per object, the prepared body of its check function.
 */
import { isWildcardKey } from '../model/ir.js';
import { byPayloadType, type EmitModel, type EmitObject } from './emit-model.js';
import { jsdocLines } from './escape.js';
import { tsString } from './naming.js';
import { checksSummary, validatorCode } from './validator-code.js';

export interface ValidatorObjectView {
  ident: string;
  title: string;
  titleLiteral: string;
  summary: string;
  helpers: string[];
  body: string[];
}

/** A payload type and the objects that define it; several objects make a union validator. */
export interface PayloadTypeView {
  key: string;
  union: boolean;
  /** The single object's identifier, or the union's candidates with their own keys. */
  ident: string;
  candidates: Array<{ ident: string; keys: string }>;
  objectNames: string;
}

export interface ValidatorsView {
  objects: ValidatorObjectView[];
  payloadTypes: PayloadTypeView[];
  /** Some payload type has several objects, so the union helper is imported. */
  hasUnion: boolean;
}

/** The view of every object, or of `only` those (for checking a few changed objects alone). */
export function validatorsView(model: EmitModel, only?: ReadonlySet<EmitObject>): ValidatorsView {
  const chosen = only ? model.objects.filter((e) => only.has(e)) : model.objects;
  const objects = chosen.map((e) => ({
    ...validatorCode(e, model),
    ident: e.ident,
    // Titles reach a JSDoc line: escaped for one, and kept to a single line.
    title: jsdocLines(e.ir.name).join(' '),
    titleLiteral: tsString(e.ir.name),
    summary: jsdocLines(checksSummary(e)).join(' '),
  }));
  // Several pages can share one payload type (com.apple.MCX holds Accounts, EnergySaver,
  // TimeServer, …): a payload of that type may carry keys of any of them.
  const payloadTypes = byPayloadType(chosen).map(([type, list]): PayloadTypeView => ({
    key: tsString(type),
    union: list.length > 1,
    ident: list[0]!.ident,
    candidates: list.map((e) => ({ ident: e.ident, keys: `[${e.ir.properties.filter((p) => !isWildcardKey(p.name)).map((p) => tsString(p.name)).join(', ')}]` })),
    objectNames: `[${list.map((e) => tsString(e.ir.name)).join(', ')}]`,
  }));
  return { objects, payloadTypes, hasUnion: payloadTypes.some((t) => t.union) };
}
