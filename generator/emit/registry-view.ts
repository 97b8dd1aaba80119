/**
 * The views of the registries (validators by name and by each document kind's discriminator)
 * and of the whole-document validators. Every entry is prepared here as a line of code.
 */
import { isWildcardKey } from '../model/ir.js';
import { COMMON_PAYLOAD_KEYS, TOP_LEVEL } from './built-in-objects.js';
import { documentKinds, type Routes } from './document-kinds.js';
import type { EmitModel, EmitObject } from './emit-model.js';
import { tsString } from './naming.js';

export interface RegistryView {
  byName: string[];
  payloadTypes: string[];
  objectsByPayloadType: string[];
  declarations: string[];
  commands: string[];
  checkIns: string[];
}

export interface DocumentsView {
  topLevel: string;
  commonPayloadKeys: string;
  /** What documents.ts imports from the object validators. */
  envelopeImports: string;
  /** `envelope: validateDeclarationBase, ` when the spec has Apple's declaration envelope. */
  envelope: string;
}

/**
 * `[key, V.validateX],`, or for a value several objects share, a union whose members judge the
 * documents that use their own keys (com.apple.MCX holds Accounts, EnergySaver, TimeServer, …).
 */
function entries(routes: Routes): string[] {
  return routes.map(([key, list]) => {
    if (list.length === 1) return `[${tsString(key)}, V.validate${list[0]!.ident}],`;
    const members = list.map((e) => `[V.validate${e.ident}, [${ownKeys(e).map(tsString).join(', ')}]]`);
    return `[${tsString(key)}, union([${members.join(', ')}])],`;
  });
}

function ownKeys(e: EmitObject): string[] {
  return e.ir.properties.filter((p) => !isWildcardKey(p.name)).map((p) => p.name);
}

export function registryView(model: EmitModel): RegistryView {
  const kinds = documentKinds(model);
  return {
    byName: model.objects.map((e) => `[${tsString(e.ir.name)}, V.validate${e.ident}],`),
    payloadTypes: entries(kinds.payloads),
    objectsByPayloadType: kinds.payloads.map(([key, list]) => `[${tsString(key)}, [${list.map((e) => tsString(e.ir.name)).join(', ')}]],`),
    declarations: entries(kinds.declarations),
    commands: entries(kinds.commands),
    checkIns: entries(kinds.checkIns),
  };
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
  };
}
