/**
 * The payloads of the pages' own profile examples (the benchmark's, and the guards' property
 * test's): every payload whose type one object defines, as the validators take it (plist values)
 * and as JSON (for ajv), plus one mutation of each (a value of the wrong type, or a missing
 * required key).
 */
import type { EmitModel } from '../../generator/emit/emit-model.js';
import { allProperties, byPayloadType } from '../../generator/emit/emit-model.js';
import type { IrDocument } from '../../generator/model/ir.js';
import { isPlistReal, parsePlist, plistTypeOf, type PlistDict, type PlistValue } from '../../generator/runtime/plist/index.js';

export interface BenchPayload {
  ident: string;
  value: Record<string, unknown>;
  json: unknown;
}

/** The JSON a JSON Schema validator sees: dates as ISO strings, data as base64. */
function toJson(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map(toJson);
  if (isPlistReal(v)) return v.value;
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  }
  return v;
}

function payloadsOf(root: PlistValue): PlistValue[] {
  if (plistTypeOf(root) !== 'dict') return [];
  const content = (root as PlistDict)['PayloadContent'];
  return Array.isArray(content) ? content : [root];
}

/** Payloads from the examples, split by whether the generated validator finds them valid. */
export function examplePayloads(ir: IrDocument, model: EmitModel, isValid: (ident: string, value: unknown) => boolean): { valid: BenchPayload[]; invalid: BenchPayload[] } {
  const byType = new Map(byPayloadType(model.objects).map(([type, list]) => [type, list.map((e) => e.ident)]));
  const valid: BenchPayload[] = [];
  const invalid: BenchPayload[] = [];
  for (const o of ir.objects) {
    for (const ex of o.examples ?? []) {
      if (ex.format !== 'plist') continue;
      let root: PlistValue;
      try {
        root = parsePlist(ex.text).value;
      } catch {
        continue;
      }
      for (const p of payloadsOf(root)) {
        const type = plistTypeOf(p) === 'dict' ? (p as PlistDict)['PayloadType'] : undefined;
        const idents = typeof type === 'string' ? byType.get(type) : undefined;
        if (!idents || idents.length !== 1) continue;
        const ident = idents[0]!;
        const value = p as Record<string, unknown>;
        const payload = { ident, value, json: toJson(value) };
        (isValid(ident, value) ? valid : invalid).push(payload);
        invalid.push(mutate(payload, model));
      }
    }
  }
  return { valid, invalid };
}

/** The payload with its first typed key given a value of another type, or its PayloadUUID removed. */
function mutate(p: BenchPayload, model: EmitModel): BenchPayload {
  const e = model.objects.find((x) => x.ident === p.ident)!;
  const value: Record<string, unknown> = Object.fromEntries(Object.entries(p.value));
  const key = allProperties(e).find((q) => q.name in value && q.type.kind !== 'any' && q.name !== 'PayloadType');
  if (key) value[key.name] = typeof value[key.name] === 'string' ? 12345 : 'not the right type';
  else delete value['PayloadUUID'];
  return { ident: p.ident, value, json: toJson(value) };
}
