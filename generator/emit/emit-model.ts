/**
 * The model every emitter reads: the IR's definitions with identifiers assigned, references
 * resolved to identifiers, wildcard keys split out, and the common payload keys added to payload
 * objects, and built-in TopLevel and CommonPayloadKeys when the spec has none. Each output's view is built from this, never from the IR directly.
 */
import { cmp } from '../model/diagnostics.js';
import { innermostType, isDefinition, standsForAnyKey, type IrDocument, type IrObject, type IrProperty, type IrType, type JsonValue } from '../model/ir.js';
import { builtInCommonPayloadKeys, builtInTopLevel, commonPayloadKeys, COMMON_PAYLOAD_KEYS, TOP_LEVEL } from './built-in-objects.js';
import { assignIdentifiers } from './naming.js';

export interface EmitObject {
  ir: IrObject;
  ident: string;
  /** Keys in page order; for payloads, the common payload keys follow. */
  properties: IrProperty[];
  /** The `ANY` key: the type of every key not listed. */
  wildcard?: IrProperty;
  /** Resolved `inherits` (identifiers), and the names that did not resolve. */
  inherits: EmitObject[];
  unresolvedInherits: string[];
}

export interface EmitModel {
  objects: EmitObject[];
  /** Object name → identifier, for resolving refs. */
  identOf: ReadonlyMap<string, string>;
  byName: ReadonlyMap<string, EmitObject>;
}

export function buildEmitModel(ir: IrDocument): EmitModel {
  const definitions = ir.objects.filter(isDefinition);
  // Profiles are checked through generated code alone, so a spec without Apple's TopLevel page
  // still gets a validator for the profile's top level.
  if (!definitions.some((o) => o.name === TOP_LEVEL)) definitions.push(builtInTopLevel());
  let commonObject = definitions.find((o) => o.name === COMMON_PAYLOAD_KEYS);
  if (!commonObject) definitions.push((commonObject = builtInCommonPayloadKeys()));
  const commonKeys = commonObject;
  definitions.sort((a, b) => cmp(a.name, b.name));
  const identOf = assignIdentifiers(definitions.map((o) => o.name));
  const byName = new Map<string, EmitObject>();
  const objects = definitions.map((o): EmitObject => {
    const own = o.properties.filter((p) => !standsForAnyKey(p));
    const any = o.properties.find((p) => standsForAnyKey(p));
    // A placeholder key (`ConsentTextItem`) types every key by what its prose says each holds.
    const wildcard = any?.placeholderKey ? { ...any, type: any.placeholderKey.values } : any;
    const names = new Set(own.map((p) => p.name));
    const common = o.payloadType ? commonPayloadKeys(o, commonKeys).filter((p) => !names.has(p.name)) : [];
    const e: EmitObject = { ir: o, ident: identOf.get(o.name)!, properties: [...own, ...common], inherits: [], unresolvedInherits: [] };
    if (wildcard) e.wildcard = wildcard;
    byName.set(o.name, e);
    return e;
  });
  for (const e of objects) {
    for (const name of e.ir.inherits ?? []) {
      const parent = byName.get(name);
      if (parent && parent !== e) e.inherits.push(parent);
      else e.unresolvedInherits.push(name);
    }
  }
  return { objects, identOf, byName };
}

/**
 * The object takes keys it does not list: those of a page the spec lacks (`unresolvedInherits`),
 * or others its page leaves out (`partialKeys`). A key it lacks is then not unknown.
 */
export function takesUnlistedKeys(e: EmitObject): boolean {
  return e.unresolvedInherits.length > 0 || e.ir.partialKeys !== undefined;
}

/** Payload types in code-point order, each with the objects that define it (several may share one). */
export function byPayloadType(objects: readonly EmitObject[]): Array<[string, EmitObject[]]> {
  return groupByKey(objects.flatMap((e): Array<[string, EmitObject]> => (e.ir.payloadType ? [[e.ir.payloadType, e]] : [])));
}

/** Objects grouped by a discriminator value, in the order of the values; each group in the order given. */
export function groupByKey(entries: ReadonlyArray<[string, EmitObject]>): Array<[string, EmitObject[]]> {
  const groups = new Map<string, EmitObject[]>();
  for (const [k, e] of entries) {
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  return [...groups].sort(([a], [b]) => cmp(a, b));
}

/**
 * The object and every object it inherits from, each once, depth first in the pages' order
 * (`inherits` before the next parent's), without recursion: a chain of parents is as long as
 * a spec makes it.
 */
export function withAncestors(e: EmitObject): EmitObject[] {
  const out: EmitObject[] = [];
  const seen = new Set<EmitObject>();
  const stack = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    out.push(x);
    for (let i = x.inherits.length - 1; i >= 0; i--) stack.push(x.inherits[i]!);
  }
  return out;
}

/** Every key an object accepts, its own and inherited ones, without repeats (own first). */
export function allProperties(e: EmitObject): IrProperty[] {
  const out = [...e.properties];
  const names = new Set(out.map((p) => p.name));
  for (const x of withAncestors(e).slice(1)) {
    for (const p of x.properties) {
      // A payload's own PayloadType wins over the one of the payload it inherits from.
      if (!names.has(p.name)) {
        names.add(p.name);
        out.push(p);
      }
    }
  }
  return out;
}

/**
 * The allowed values a key's type can hold. A page that lists a value of another type (a string
 * for a boolean key) is reported by the parser (`value-type-mismatch`); generated code and
 * schemas leave that value out rather than compare a boolean with a string.
 */
export function typedAllowed(t: IrType, allowed: readonly JsonValue[] | undefined): JsonValue[] | undefined {
  if (!allowed?.length) return undefined;
  const scalar = t.kind === 'array' ? innermostType(t) : t;
  const want = scalar.kind === 'string' ? 'string' : scalar.kind === 'integer' || scalar.kind === 'real' ? 'number' : scalar.kind === 'boolean' ? 'boolean' : undefined;
  const kept = want ? allowed.filter((v) => typeof v === want && (typeof v !== 'number' || Number.isFinite(v)) && (scalar.kind !== 'integer' || Number.isInteger(v))) : [];
  return kept.length ? kept : undefined;
}

/**
 * The literals a key's TypeScript type narrows to: its allowed values, unless the page also gives
 * a range, where the values are exceptions to it (`0` meaning "never" beside 1 to 180) and the
 * key takes any number of the range too.
 */
export function literalValues(p: Pick<IrProperty, 'type' | 'allowedValues' | 'minimum' | 'maximum'>): JsonValue[] | undefined {
  return p.minimum !== undefined || p.maximum !== undefined ? undefined : typedAllowed(p.type, p.allowedValues);
}

