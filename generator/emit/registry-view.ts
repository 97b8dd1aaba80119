/**
 * The views of the registries (validators by name and by each document kind's discriminator)
 * and of the whole-document validators. Every entry is prepared here as a line of code.
 */
import { refsOf, standsForAnyKey } from '../model/ir.js';
import { allProperties } from './emit-model.js';
import { COMMON_PAYLOAD_KEYS, TOP_LEVEL } from './built-in-objects.js';
import { documentKinds, type Routes } from './document-kinds.js';
import type { EmitModel, EmitObject } from './emit-model.js';
import { tsString } from './naming.js';
import { statusItems } from '../model/status-items.js';
import { declarationFacts } from './declaration-facts.js';
import { replacementFacts } from './declarative-replacements.js';
import { payloadTypeWholeFacts } from './payload-type-facts.js';

export interface RegistryView {
  byName: string[];
  payloadTypes: string[];
  objectsByPayloadType: string[];
  declarations: string[];
  commands: string[];
  responses: string[];
  checkIns: string[];
  payloadFacts: string[];
  objectsByStatusItem: string[];
  declarationFacts: string[];
}

export interface DocumentsView {
  topLevel: string;
  commonPayloadKeys: string;
  /** What documents.ts imports from the object validators. */
  envelopeImports: string;
  /** `envelope: validateDeclarationBase, ` when the spec has Apple's declaration envelope. */
  envelope: string;
  /** The keys every command response has, as an array literal. */
  responseEnvelope: string;
}

/**
 * `[key, V.validateX],`, or for a value several objects share, a union judging the document
 * against the page it matches best (`runtime/validator/shared.ts`): each page with its name, its
 * own keys and the allowed values that tell the pages apart.
 */
function entries(routes: Routes): string[] {
  return routes.map(([key, list]) => {
    if (list.length === 1) return `[${tsString(key)}, V.validate${list[0]!.ident}],`;
    const members = list.map((e) => {
      const values = telling(e, list);
      const lists = Object.keys(values).length ? `, values: { ${Object.entries(values).map(([k, v]) => `${tsString(k)}: [${v.map(tsString).join(', ')}]`).join(', ')} }` : '';
      return `{ name: ${tsString(e.ir.name)}, validate: V.validate${e.ident}, keys: [${ownKeys(e).map(tsString).join(', ')}]${lists} }`;
    });
    return `[${tsString(key)}, union([${members.join(', ')}])],`;
  });
}

function ownKeys(e: EmitObject): string[] {
  return e.ir.properties.filter((p) => !standsForAnyKey(p)).map((p) => p.name);
}

/** A key's allowed strings, when the page lists only strings. */
function stringsOf(e: EmitObject, key: string): string[] | undefined {
  const v = e.ir.properties.find((p) => p.name === key)?.allowedValues;
  return v?.length && v.every((x): x is string => typeof x === 'string') ? [...v] : undefined;
}

/**
 * The allowed values of `e`'s keys that tell it apart from the other pages of its value: a key
 * another page also defines, with another list or none (Kerberos pins `ExtensionIdentifier`, which
 * the general page leaves free; both list `Type`, with different values), in key order. A key only
 * one page defines tells by being used.
 */
function telling(e: EmitObject, list: readonly EmitObject[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of ownKeys(e)) {
    const mine = stringsOf(e, key);
    if (mine === undefined) continue;
    const others = list.filter((o) => o !== e && ownKeys(o).includes(key));
    if (others.some((o) => JSON.stringify(stringsOf(o, key)) !== JSON.stringify(mine))) out[key] = mine;
  }
  return out;
}

export function registryView(model: EmitModel): RegistryView {
  const kinds = documentKinds(model);
  return {
    byName: model.objects.map((e) => `[${tsString(e.ir.name)}, V.validate${e.ident}],`),
    payloadTypes: entries(kinds.payloads),
    objectsByPayloadType: kinds.payloads.map(([key, list]) => `[${tsString(key)}, [${list.map((e) => tsString(e.ir.name)).join(', ')}]],`),
    declarations: entries(kinds.declarations),
    commands: entries(kinds.commands),
    responses: entries(kinds.responses),
    checkIns: entries(kinds.checkIns),
    payloadFacts: kinds.payloads.map(([key, list]) => `[${tsString(key)}, ${payloadFactsLiteral(list, model)}],`),
    objectsByStatusItem: statusItems(model.objects.map((e) => e.ir)).map((i) => `[${tsString(i.name)}, [${[i.object, ...i.alsoDefinedBy].map(tsString).join(', ')}]],`),
    declarationFacts: kinds.declarations.map(([key, list]) => {
      const missing = [...new Set(list.flatMap((e) => missingPages(e, model)))].sort();
      return `[${tsString(key)}, ${JSON.stringify(declarationFacts(key, list, model, missing))}],`;
    }),
  };
}

/** Nested objects reachable from `e` whose pages the spec lacks (refs and inherited pages), sorted. */
function missingPages(e: EmitObject, model: EmitModel): string[] {
  const missing = new Set<string>();
  const seen = new Set<string>();
  const queue = [e];
  for (let o = queue.pop(); o; o = queue.pop()) {
    if (seen.has(o.ir.name)) continue;
    seen.add(o.ir.name);
    for (const name of o.unresolvedInherits) missing.add(name);
    for (const p of [...allProperties(o), ...(o.wildcard ? [o.wildcard] : [])]) {
      for (const ref of refsOf(p.type)) {
        const target = model.byName.get(ref);
        if (target) queue.push(target);
        else missing.add(ref);
      }
    }
  }
  return [...missing].sort();
}

/**
 * Paths of the keys under `e` that hold another payload's UUID (`IKEv2.PayloadCertificateUUID`,
 * `EAPClientConfiguration.PayloadCertificateAnchorUUID[]`): `[]` stands for each item of an array.
 */
function referencePaths(e: EmitObject, model: EmitModel, prefix = '', chain: ReadonlySet<string> = new Set()): string[] {
  if (chain.has(e.ir.name) || chain.size > 8) return [];
  const inner = new Set([...chain, e.ir.name]);
  const out: string[] = [];
  for (const p of allProperties(e)) {
    const path = `${prefix}${p.name}${p.type.kind === 'array' ? '[]' : ''}`;
    if (p.payloadReference) out.push(path);
    const [ref] = refsOf(p.type);
    const target = ref === undefined ? undefined : model.byName.get(ref);
    if (target) out.push(...referencePaths(target, model, `${path}.`, inner));
  }
  return out;
}

/**
 * What a payload type's pages say about the payload as a whole: nested pages the spec lacks, the
 * keys that refer to other payloads, and (`payload-type-facts.ts`) its platforms, Profile
 * Availability table and deprecation.
 */
function payloadFactsLiteral(list: readonly EmitObject[], model: EmitModel): string {
  const facts: Record<string, unknown> = {};
  const missing = [...new Set(list.flatMap((e) => missingPages(e, model)))].sort();
  if (missing.length) facts['missing'] = missing;
  if (list.length > 1 && missing.length) {
    facts['missingBy'] = Object.fromEntries(list.flatMap((e) => {
      const own = [...new Set(missingPages(e, model))].sort();
      return own.length ? [[e.ir.name, own]] : [];
    }));
  }
  if (list.some((e) => e.ir.partialKeys)) facts['partialKeys'] = true;
  const references = [...new Set(list.flatMap((e) => referencePaths(e, model)))].sort();
  if (references.length) facts['references'] = references;
  const replacements = replacementFacts(list, model);
  if (replacements.length) facts['replacements'] = replacements;
  Object.assign(facts, payloadTypeWholeFacts(list.map((e) => e.ir)));
  return JSON.stringify(facts);
}

export function documentsView(model: EmitModel): DocumentsView {
  const ident = (name: string): string => model.identOf.get(name)!;
  const base = documentKinds(model).declarationBase;
  const imports = [`validate${ident(TOP_LEVEL)}`, `validate${ident(COMMON_PAYLOAD_KEYS)}`, ...(base ? [`validate${base.ident}`] : [])];
  return {
    topLevel: ident(TOP_LEVEL),
    commonPayloadKeys: ident(COMMON_PAYLOAD_KEYS),
    envelopeImports: imports.join(', '),
    envelope: base ? `envelope: validate${base.ident}, ` : '',
    responseEnvelope: `[${documentKinds(model).responseEnvelope.map(tsString).join(', ')}]`,
  };
}
