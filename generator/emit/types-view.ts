/**
 * The view the types template renders: one interface per object, every string prepared here.
 */
import { assertNever, type IrProperty, type IrType, type JsonValue } from '../model/ir.js';
import { conditionalDeprecationText, deprecationText, objectDeprecationText, profileAvailabilityRows, rangeLabel, removedLabel, sinceLabel, suppliedFrom, supervisionText, throughLabel, typeLabel, unavailableLabel, valueLabel, valueLines } from './docs-text.js';
import { COMMON_PAYLOAD_KEYS, TOP_LEVEL } from './built-in-objects.js';
import { documentKinds, type Routes } from './document-kinds.js';
import { literalValues, type EmitModel, type EmitObject } from './emit-model.js';
import { alwaysRequired, conditionsText } from './required-code.js';
import { jsdocLines, jsdocTag, newFacts, tidyLines } from './escape.js';
import { propertyKey, tsString } from './naming.js';
import { appleUrl, pageIndex, resolveLinks } from './page-links.js';
import { statusItems } from '../model/status-items.js';

export interface TypePropertyView {
  key: string;
  optional: boolean;
  tsType: string;
  docLines: string[];
}

export interface TypeObjectView {
  ident: string;
  heritage: string;
  docLines: string[];
  properties: TypePropertyView[];
  indexSignature?: string;
}

/**
 * One discriminator value of a document kind and the interface(s) it selects, as the lines of a
 * map entry: a JSDoc block when several pages share the value (the type is their union), then
 * `key: Ident;`.
 */
export interface RouteView {
  lines: string[];
}

export interface TypesView {
  objects: TypeObjectView[];
  payloadTypes: RouteView[];
  /** The identifier of the profile's top level. */
  topLevel: string;
  /** The identifier of the keys common to all payloads. */
  commonPayloadKeys: string;
  declarations: RouteView[];
  /** The declaration envelope's keys other than `Type` and `Payload`, as a type. */
  declarationEnvelope: string;
  /** What `validateDeclaration` checks of a declaration of a type the spec does not define. */
  uncheckedDeclaration: string;
  commands: RouteView[];
  responses: RouteView[];
  /** The keys every command response has, as a union of string literals. */
  responseEnvelope: string;
  checkIns: RouteView[];
  /** The status items' names, as a union of string literals (`never` when the spec has none). */
  statusItemNames: string;
}

function literal(v: JsonValue): string {
  return typeof v === 'string' ? tsString(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : 'unknown';
}

/** The TypeScript type of an IR type; `allowed` narrows a scalar (or an array's items) to literals. */
export function tsType(t: IrType, model: EmitModel, allowed?: readonly JsonValue[]): string {
  switch (t.kind) {
    case 'array': {
      const items = tsType(t.items, model, allowed);
      return /^[\w.]+$/.test(items) ? `${items}[]` : `Array<${items}>`;
    }
    case 'ref':
      return model.identOf.get(t.name) ?? 'Record<string, unknown>';
    case 'string': case 'integer': case 'real': case 'boolean':
      if (allowed?.length) return [...new Set(allowed.map(literal))].join(' | ');
      return t.kind === 'string' ? 'string' : t.kind === 'boolean' ? 'boolean' : 'number';
    case 'date':
      return 'Date';
    case 'data':
      return 'Uint8Array';
    case 'dictionary':
      return 'Record<string, unknown>';
    case 'any':
      return 'unknown';
    default:
      return assertNever(t);
  }
}

function unresolvedRefs(t: IrType, model: EmitModel): string[] {
  if (t.kind === 'array') return unresolvedRefs(t.items, model);
  return t.kind === 'ref' && !model.identOf.has(t.name) ? [t.name] : [];
}

/**
 * The JSDoc of one key: description, then the facts as tags and lines, ending with Apple's page
 * of its object (a consumer has no spec file to open; the IR keeps the page line).
 */
export function propertyDoc(p: IrProperty, model: EmitModel, owner?: EmitObject): string[] {
  const lines = [...jsdocLines(resolveLinks(p.description, pageIndex(model)))];
  const facts: string[] = [];
  for (const name of unresolvedRefs(p.type, model)) facts.push(`Typed loosely: ${name} is not in the spec (its page is missing).`);
  if (p.typeOrigin !== 'stated') facts.push(`Type ${typeLabel(p.type)} ${p.typeOrigin === 'unknown' ? 'is unknown: the page states none' : `is inferred from the page's ${p.typeOrigin === 'example' ? 'profile example' : 'prose'}`}.`);
  const from = p.factSources;
  if (p.allowedValues?.length) {
    facts.push(`Allowed values: ${p.allowedValues.map(valueLabel).join(', ')}${suppliedFrom([from?.allowedValues])}.`);
    for (const v of valueLines(p)) facts.push(`- ${v.value}: ${v.text}`);
  }
  if (p.requiredWhen?.length) facts.push(`Required ${conditionsText(p)}${p.required ? ' (the page marks it required; it is required only then)' : ''}.`);
  if (p.placeholderKey) facts.push(`Stands for any key of this dictionary: each key takes a ${typeLabel(p.placeholderKey.values)}.`);
  if (p.erratum) facts.push(`Correction of the page (${p.erratum.id}): ${p.erratum.correction} Evidence: ${p.erratum.evidence}`);
  const range = rangeLabel(p);
  if (range) facts.push(`Range: ${range}${suppliedFrom([from?.minimum, from?.maximum])}.`);
  if (p.supervised) facts.push(supervisionText(p));
  // A deprecation under conditions is a plain line: `@deprecated` would strike the key through.
  if (p.deprecatedWhen) facts.push(conditionalDeprecationText(p));
  const unavailable = unavailableLabel(p.availability);
  if (unavailable) facts.push(`Not available in ${unavailable}.`);
  const removed = removedLabel(p.availability);
  if (removed) facts.push(`Removed in ${removed}.`);
  const through = throughLabel(p.availability);
  if (through) facts.push(`Available through ${through}.`);
  const tags: string[] = [];
  if (p.default !== undefined) tags.push(...jsdocTag('defaultValue', valueLabel(p.default)));
  const since = sinceLabel(p.availability);
  if (since) tags.push(...jsdocTag('since', since));
  if (p.deprecated) tags.push(...jsdocTag('deprecated', resolveLinks(deprecationText(p), pageIndex(model))));
  const url = owner && appleUrl(owner.ir);
  if (url) tags.push(...jsdocTag('see', url));
  return tidyLines([...lines, '', ...newFacts(lines, facts.flatMap((f) => jsdocLines(resolveLinks(f, pageIndex(model))))), ...tags]);
}

function objectDoc(e: EmitObject, model: EmitModel): string[] {
  const o = e.ir;
  const facts = [
    `${o.name} (${o.kind}).`,
    ...(o.payloadType ? [`Payload type: ${o.payloadType}.`] : []),
    ...(o.declarationType ? [`Declaration type: ${o.declarationType}.`] : []),
    ...(sinceLabel(o.availability) ? [`Available: ${sinceLabel(o.availability)}.`] : []),
    ...e.unresolvedInherits.map((n) => `Also takes the keys of ${n}, which is not in the spec.`),
    ...(o.partialKeys ? ['Also takes keys its page does not list (it lists only some): validators do not report them as unknown.'] : []),
    ...(o.profileAvailability ? [`Profile availability${suppliedFrom([o.factSources?.profileAvailability])}: ${profileAvailabilityRows(o.profileAvailability).join('; ')}.`] : []),
  ];
  const summary = jsdocLines(resolveLinks(o.summary ?? '', pageIndex(model)));
  const url = appleUrl(o);
  const deprecated = o.deprecated ? jsdocTag('deprecated', objectDeprecationText(o)) : [];
  return tidyLines([...summary, '', ...newFacts(summary, facts.flatMap(jsdocLines)), ...deprecated, ...(url ? jsdocTag('see', url) : [])]);
}

function heritage(e: EmitObject): string {
  if (!e.inherits.length) return '';
  const own = new Set(e.properties.map((p) => p.name));
  const parents = e.inherits.map((parent) => {
    // A key the child redefines is left out of the parent, so the two types cannot conflict.
    const clash = parent.properties.filter((p) => own.has(p.name)).map((p) => tsString(p.name));
    return clash.length ? `Omit<${parent.ident}, ${clash.join(' | ')}>` : parent.ident;
  });
  return ` extends ${parents.join(', ')}`;
}

/** The view of every object, or of `only` those (for checking a few changed objects alone). */
export function typesView(model: EmitModel, only?: ReadonlySet<EmitObject>): TypesView {
  const chosen = only ? model.objects.filter((e) => only.has(e)) : model.objects;
  const objects = chosen.map((e): TypeObjectView => {
    const view: TypeObjectView = {
      ident: e.ident,
      heritage: heritage(e),
      docLines: objectDoc(e, model),
      properties: e.properties.map((p) => ({ key: propertyKey(p.name), optional: !alwaysRequired(p), tsType: tsType(p.type, model, literalValues(p)), docLines: propertyDoc(p, model, e) })),
    };
    if (e.wildcard || e.inherits.some((p) => p.wildcard)) {
      const only = e.properties.length === 0 && e.inherits.length === 0 && e.wildcard;
      view.indexSignature = `[key: string]: ${only && e.wildcard ? tsType(e.wildcard.type, model, literalValues(e.wildcard)) : 'unknown'};`;
    }
    return view;
  });
  // The document maps name every object, also in a subset check: stubs declare the others.
  const kinds = documentKinds(model);
  const base = kinds.declarationBase;
  return {
    objects,
    payloadTypes: routeViews(kinds.payloads, 'payload type'),
    topLevel: model.identOf.get(TOP_LEVEL)!,
    commonPayloadKeys: model.identOf.get(COMMON_PAYLOAD_KEYS)!,
    declarations: routeViews(kinds.declarations, 'declaration type'),
    declarationEnvelope: base ? `Omit<${base.ident}, 'Type' | 'Payload'>` : '{ Identifier: string; ServerToken: string }',
    // Without Apple's envelope page only `Type` is checked.
    uncheckedDeclaration: base ? `Omit<${base.ident}, 'Type'> & { Type: string }` : '{ Type: string; [key: string]: unknown }',
    commands: routeViews(kinds.commands, 'request type'),
    responses: routeViews(kinds.responses, 'request type'),
    responseEnvelope: kinds.responseEnvelope.map(tsString).join(' | ') || 'never',
    checkIns: routeViews(kinds.checkIns, 'message type'),
    statusItemNames: statusItems(model.objects.map((e) => e.ir)).map((i) => tsString(i.name)).join(' | ') || 'never',
  };
}

function routeViews(routes: Routes, what: string): RouteView[] {
  return routes.map(([k, list]) => {
    const entry = `${propertyKey(k)}: ${list.map((e) => e.ident).join(' | ')};`;
    if (list.length === 1) return { lines: [entry] };
    const doc = jsdocLines(`${list.map((e) => e.ir.name).join(', ')} share this ${what}: a document may carry the keys of any of them.`);
    return { lines: ['/**', ...doc.map((l) => ` * ${l}`), ' */', entry] };
  });
}
