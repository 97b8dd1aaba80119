/**
 * The view of the generated builders (`builders/index.ts`): the identifier of the profile's top
 * level, and the values the TopLevel and CommonPayloadKeys pages fix (a key whose page allows one
 * value), which the builders write where the caller gave none.
 */
import type { JsonValue } from '../model/ir.js';
import { COMMON_PAYLOAD_KEYS, TOP_LEVEL } from './built-in-objects.js';
import type { EmitModel, EmitObject } from './emit-model.js';
import { tsString } from './naming.js';

export interface BuildersView {
  topLevel: string;
  /** `{ profile: { PayloadType: "Configuration", PayloadVersion: 1 }, payload: { PayloadVersion: 1 } }`. */
  fixed: string;
  /** Where the fixed values are from, for the comment. */
  fixedSource: string;
}

/** The one value `key` may take on `e`, when its page allows exactly one of the key's type. */
function pinned(e: EmitObject | undefined, key: string, kind: 'string' | 'integer'): JsonValue | undefined {
  const p = e?.properties.find((q) => q.name === key);
  if (!p || p.type.kind !== kind || p.allowedValues?.length !== 1) return undefined;
  const [v] = p.allowedValues;
  return kind === 'string' ? (typeof v === 'string' ? v : undefined) : Number.isInteger(v) ? v : undefined;
}

function literal(entries: Array<[string, JsonValue | undefined]>): string {
  const kept = entries.filter((e): e is [string, JsonValue] => e[1] !== undefined);
  return `{ ${kept.map(([k, v]) => `${k}: ${typeof v === 'string' ? tsString(v) : String(v)}`).join(', ')} }`;
}

export function buildersView(model: EmitModel): BuildersView {
  const top = model.byName.get(TOP_LEVEL);
  const common = model.byName.get(COMMON_PAYLOAD_KEYS);
  const profile = literal([['PayloadType', pinned(top, 'PayloadType', 'string')], ['PayloadVersion', pinned(top, 'PayloadVersion', 'integer')]]);
  const payload = literal([['PayloadVersion', pinned(common, 'PayloadVersion', 'integer')]]);
  const where = (e: EmitObject | undefined): string => (e ? `${e.ir.source.file}:${e.ir.source.line}` : 'none');
  return {
    topLevel: model.identOf.get(TOP_LEVEL)!,
    fixed: `{ profile: ${profile}, payload: ${payload} }`,
    fixedSource: `${TOP_LEVEL} ${where(top)}, ${COMMON_PAYLOAD_KEYS} ${where(common)}`,
  };
}
