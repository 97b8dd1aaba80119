/**
 * The view the types template renders: one interface per object, every string prepared here.
 */
import { assertNever, innermostType, refsOf, type IrProperty, type IrType, type JsonValue } from '../model/ir.js';
import { cmp } from '../model/diagnostics.js';
import { conditionalDeprecationText, deprecationText, objectDeprecationText, profileAvailabilityRows, rangeLabel, removedLabel, sinceLabel, suppliedFrom, supervisionText, throughLabel, typeLabel, unavailableLabel, valueLabel, valueLines } from './docs-text.js';
import { COMMON_PAYLOAD_KEYS, TOP_LEVEL } from './built-in-objects.js';
import { documentKinds, type Routes } from './document-kinds.js';
import { literalValues, type EmitModel, type EmitObject } from './emit-model.js';
import { alwaysRequired, conditionsText, unjudgedText } from './required-code.js';
import { jsdocLines, jsdocTag, newFacts, tidyLines } from './escape.js';
import { fileStem, propertyKey, tsString } from './naming.js';
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
  /** `import type { X } from './X.js';`, one line per other object the interface names. */
  imports: string[];
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

/** The whole-document types, each module with the imports of the objects it names. */
export interface DocumentTypesView {
  profile: { imports: string[]; payloadTypes: RouteView[]; topLevel: string; commonPayloadKeys: string };
  declaration: {
    imports: string[];
    declarations: RouteView[];
    /** The declaration envelope's keys other than `Type` and `Payload`, as a type. */
    declarationEnvelope: string;
    /** What `validateDeclaration` checks of a declaration of a type the spec does not define. */
    uncheckedDeclaration: string;
  };
  command: { imports: string[]; commands: RouteView[] };
  commandResponse: {
    imports: string[];
    responses: RouteView[];
    /** The keys every command response has, as a union of string literals. */
    responseEnvelope: string;
  };
  checkInMessage: { imports: string[]; checkIns: RouteView[] };
  /** The status items' names, as a union of string literals (`never` when the spec has none). */
  statusItemName: { statusItemNames: string };
}

function literal(v: JsonValue): string {
  return typeof v === 'string' ? tsString(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : 'unknown';
}

/**
 * An integer the validators can accept past ±2^53, which `parsePlist` returns as an exact
 * `bigint`: any integer key, unless its range holds it within the safe integers (the guards
 * refuse a value outside the range, so such a key is never a bigint once checked).
 */
function integerType(range: { minimum?: number | undefined; maximum?: number | undefined } = {}): string {
  const { minimum, maximum } = range;
  const safe = minimum !== undefined && maximum !== undefined && minimum >= Number.MIN_SAFE_INTEGER && maximum <= Number.MAX_SAFE_INTEGER;
  return safe ? 'number' : 'number | bigint';
}

/**
 * The TypeScript type of an IR type; `allowed` narrows a scalar (or an array's items) to literals,
 * `range` (the key's) says whether an integer may be a bigint.
 */
export function tsType(t: IrType, model: EmitModel, allowed?: readonly JsonValue[], range?: { minimum?: number | undefined; maximum?: number | undefined }): string {
  switch (t.kind) {
    case 'array': {
      const items = tsType(t.items, model, allowed, range);
      return /^[\w.]+$/.test(items) ? `${items}[]` : `Array<${items}>`;
    }
    case 'ref':
      return model.identOf.get(t.name) ?? 'Record<string, unknown>';
    case 'real':
      // parsePlist gives a whole-number <real> as a PlistReal (so it never passes as an integer):
      // a real key's type says so, and a guard never narrows such a value to a bare number.
      if (allowed?.length) return [...new Set([...allowed.map(literal), ...(allowed.some((v) => Number.isInteger(v)) ? [PLIST_REAL] : [])])].join(' | ');
      return `number | ${PLIST_REAL}`;
    case 'string': case 'integer': case 'boolean':
      if (allowed?.length) return [...new Set(allowed.map(literal))].join(' | ');
      return t.kind === 'string' ? 'string' : t.kind === 'boolean' ? 'boolean' : integerType(range);
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
  if (p.requiredWhen?.length) {
    const unjudged = unjudgedText(p);
    facts.push(`Required ${conditionsText(p)}${p.required ? ' (the page marks it required; it is required only then)' : ''}.${unjudged ? ` Stated, ${unjudged}.` : ''}`);
  }
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

/** The plist codec's type for a whole-number `<real>`, named by every type that holds a real. */
const PLIST_REAL = 'PlistReal';

/** The import of `PlistReal`, for a module whose types name it. */
export const PLIST_REAL_IMPORT = `import type { ${PLIST_REAL} } from '../runtime/plist/index.js';`;

/** True when a type (an array's items included) is a real. */
const holdsReal = (t: IrType): boolean => innermostType(t).kind === 'real';

/** True when one of an object's own keys (or its wildcard) holds a real: its module names PlistReal. */
export function objectHoldsReal(e: EmitObject): boolean {
  return e.properties.some((p) => holdsReal(p.type)) || (e.wildcard !== undefined && holdsReal(e.wildcard.type));
}

/** The import lines for the objects `idents` names (other than `self`), in code-point order. */
export function typeImports(idents: Iterable<string>, self?: string): string[] {
  return [...new Set(idents)].filter((i) => i !== self).sort(cmp).map((i) => `import type { ${i} } from './${fileStem(i)}.js';`);
}

/** The identifiers of the objects a type names. */
function namedIdents(t: IrType, model: EmitModel): string[] {
  return refsOf(t).flatMap((name) => {
    const ident = model.identOf.get(name);
    return ident === undefined ? [] : [ident];
  });
}

/** The view of one object's module: its interface and the imports of the objects it names. */
export function typeObjectView(e: EmitObject, model: EmitModel): TypeObjectView {
  const named = [...e.inherits.map((p) => p.ident), ...e.properties.flatMap((p) => namedIdents(p.type, model))];
  const view: TypeObjectView = {
    ident: e.ident,
    imports: [],
    heritage: heritage(e),
    docLines: objectDoc(e, model),
    properties: e.properties.map((p) => ({ key: propertyKey(p.name), optional: !alwaysRequired(p), tsType: tsType(p.type, model, literalValues(p), p), docLines: propertyDoc(p, model, e) })),
  };
  if (e.wildcard || e.inherits.some((p) => p.wildcard)) {
    const only = e.properties.length === 0 && e.inherits.length === 0 && e.wildcard;
    if (only && e.wildcard) named.push(...namedIdents(e.wildcard.type, model));
    view.indexSignature = `[key: string]: ${only && e.wildcard ? tsType(e.wildcard.type, model, literalValues(e.wildcard), e.wildcard) : 'unknown'};`;
  }
  view.imports = [...(objectHoldsReal(e) ? [PLIST_REAL_IMPORT] : []), ...typeImports(named, e.ident)];
  return view;
}

/** The views of the whole-document modules (they name every object of their kind). */
export function documentTypesView(model: EmitModel): DocumentTypesView {
  const kinds = documentKinds(model);
  const base = kinds.declarationBase;
  const idents = (routes: Routes): string[] => routes.flatMap(([, list]) => list.map((e) => e.ident));
  const topLevel = model.identOf.get(TOP_LEVEL)!;
  const commonPayloadKeys = model.identOf.get(COMMON_PAYLOAD_KEYS)!;
  return {
    profile: { imports: typeImports([...idents(kinds.payloads), topLevel, commonPayloadKeys]), payloadTypes: routeViews(kinds.payloads, 'payload type'), topLevel, commonPayloadKeys },
    declaration: {
      imports: typeImports([...idents(kinds.declarations), ...(base ? [base.ident] : [])]),
      declarations: routeViews(kinds.declarations, 'declaration type'),
      declarationEnvelope: base ? `Omit<${base.ident}, 'Type' | 'Payload'>` : '{ Identifier: string; ServerToken: string }',
      // Without Apple's envelope page only `Type` is checked.
      uncheckedDeclaration: base ? `Omit<${base.ident}, 'Type'> & { Type: string }` : '{ Type: string; [key: string]: unknown }',
    },
    command: { imports: typeImports(idents(kinds.commands)), commands: routeViews(kinds.commands, 'request type') },
    commandResponse: {
      imports: typeImports(idents(kinds.responses)),
      responses: routeViews(kinds.responses, 'request type'),
      responseEnvelope: kinds.responseEnvelope.map(tsString).join(' | ') || 'never',
    },
    checkInMessage: { imports: typeImports(idents(kinds.checkIns)), checkIns: routeViews(kinds.checkIns, 'message type') },
    statusItemName: { statusItemNames: statusItems(model.objects.map((e) => e.ir)).map((i) => tsString(i.name)).join(' | ') || 'never' },
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
