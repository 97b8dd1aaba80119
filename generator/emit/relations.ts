/**
 * How objects point at each other beyond their key types, for the docs and the site: a command
 * and its response, the discriminator each document kind is routed by, and a deprecated key's
 * replacement (a key of the same object, another object, a payload type or a declaration type)
 * with the reverse list on the replacement's own page.
 */
import type { IrProperty } from '../model/ir.js';
import { documentKinds, type Routes } from './document-kinds.js';
import type { EmitModel, EmitObject } from './emit-model.js';

/** Where a replacement points: another object, or one of its keys. */
export interface Target {
  object: EmitObject;
  key?: string;
}

export interface Relations {
  /** `XCommand` → `XResponse`, and back: Apple names each command's response after it. */
  response: ReadonlyMap<EmitObject, EmitObject>;
  command: ReadonlyMap<EmitObject, EmitObject>;
  /** The value a document of this object is routed by, and what it is called. */
  route: ReadonlyMap<EmitObject, { label: string; value: string }>;
  /** Keys (of other objects) deprecated in favour of this object, or of one of its keys. */
  replacing: ReadonlyMap<EmitObject, Array<{ object: EmitObject; key: string }>>;
  /** The target of a key's `replacedBy`, when the spec has it. */
  replacement(p: IrProperty, owner: EmitObject): Target | undefined;
}

const cache = new WeakMap<EmitModel, Relations>();

export function relations(model: EmitModel): Relations {
  let r = cache.get(model);
  if (!r) cache.set(model, (r = build(model)));
  return r;
}

function build(model: EmitModel): Relations {
  const kinds = documentKinds(model);
  const route = new Map<EmitObject, { label: string; value: string }>();
  const add = (routes: Routes, label: string): void => {
    for (const [value, list] of routes) for (const e of list) if (!route.has(e)) route.set(e, { label, value });
  };
  add(kinds.payloads, 'Payload type');
  add(kinds.declarations, 'Declaration type');
  add(kinds.commands, 'Request type');
  add(kinds.checkIns, 'Message type');
  const byValue = new Map<string, EmitObject>();
  for (const routes of [kinds.payloads, kinds.declarations]) for (const [value, list] of routes) if (list.length === 1) byValue.set(value, list[0]!);

  const response = new Map<EmitObject, EmitObject>();
  const command = new Map<EmitObject, EmitObject>();
  for (const [, list] of kinds.commands) {
    for (const e of list) {
      const answer = /Command$/.test(e.ir.name) ? model.byName.get(e.ir.name.replace(/Command$/, 'Response')) : undefined;
      if (answer) {
        response.set(e, answer);
        command.set(answer, e);
      }
    }
  }

  const replacement = (p: IrProperty, owner: EmitObject): Target | undefined => {
    const name = p.replacedBy;
    if (!name || name === p.name) return undefined;
    if (owner.properties.some((q) => q.name === name)) return { object: owner, key: name };
    const object = model.byName.get(name) ?? byValue.get(name);
    return object ? { object } : undefined;
  };
  const replacing = new Map<EmitObject, Array<{ object: EmitObject; key: string }>>();
  for (const e of model.objects) {
    for (const p of e.properties) {
      const t = replacement(p, e);
      if (!t || t.object === e) continue;
      const list = replacing.get(t.object) ?? [];
      list.push({ object: e, key: p.name });
      replacing.set(t.object, list);
    }
  }
  return { response, command, route, replacing, replacement };
}
