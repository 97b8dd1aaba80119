/**
 * Compares two IR documents object by object and key by key, returning every change classified.
 * Only definitions (profiles, objects, commands, declarations) are compared.
 */
import { isDefinition, PLATFORMS, typeToString, type IrDocument, type IrObject, type IrProperty, type JsonValue } from '../model/ir.js';
import { classify, compareChanges, type Change, type ChangeKind, type DiffReport } from './changes.js';
import { comparablePlatforms, normaliseDescription, platformFacts, same, shared, statesNoAvailability, supervision, type Capabilities } from './normalise.js';
import { FACT_KIND, wordHunks } from './word-diff.js';

const orNull = (v: JsonValue | undefined): JsonValue => (v === undefined ? null : v);

class ChangeList {
  readonly items: Change[] = [];
  add(object: string, property: string | undefined, kind: ChangeKind, old: JsonValue, now: JsonValue, extra: Partial<Change> = {}): void {
    const c: Change = { object, kind, class: classify(kind, old, now, extra.bound), old, new: now };
    if (property !== undefined) c.property = property;
    Object.assign(c, extra);
    this.items.push(c);
  }
}

function definitions(ir: IrDocument): Map<string, IrObject> {
  const out = new Map<string, IrObject>();
  for (const o of ir.objects) if (isDefinition(o) && !out.has(o.name)) out.set(o.name, o);
  return out;
}

function availabilityChanges(out: ChangeList, object: string, property: string | undefined, a: IrObject['availability'], b: IrObject['availability'], caps: Capabilities, where: Pick<Change, 'source' | 'oldSource'>): void {
  // A side that stated no availability at all cannot have gained a platform: the page only now says.
  const firstStated = !PLATFORMS.some((p) => a?.[p]);
  for (const platform of comparablePlatforms(a, b, caps.availability)) {
    const x = platformFacts(a, platform);
    const y = platformFacts(b, platform);
    if (same(x, y)) continue;
    out.add(object, property, 'availability-changed', (x ?? null) as JsonValue, (y ?? null) as JsonValue, {
      platform, ...where, ...(firstStated ? { class: 'informational' as const } : {}),
    });
  }
}

/**
 * A description change with its word diff. A changed sentence that states a fact whose change
 * is already in the list (same key) is marked, so the report shows it with that change, once.
 */
function descriptionChange(out: ChangeList, object: string, property: string | undefined, a: string | undefined, b: string | undefined, from: number, extra: Partial<Change>): void {
  if (normaliseDescription(a ?? '') === normaliseDescription(b ?? '')) return;
  const hunks = wordHunks(a ?? '', b ?? '');
  const kinds = new Set(out.items.slice(from).map((c) => c.kind));
  for (const h of hunks) if (h.fact && kinds.has(FACT_KIND[h.fact])) h.withChange = true;
  out.add(object, property, 'description-changed', orNull(a), orNull(b), { ...extra, hunks });
}

function propertyChanges(out: ChangeList, object: string, a: IrProperty, b: IrProperty, caps: Capabilities): void {
  const name = a.name;
  const from = out.items.length;
  const source = { file: b.source.file, line: b.source.line };
  const at = (fact: keyof NonNullable<IrProperty['factLines']>) => ({
    source: { file: b.source.file, line: b.factLines?.[fact] ?? b.source.line },
    oldSource: { file: a.source.file, line: a.factLines?.[fact] ?? a.source.line },
  });
  if (caps.type && a.typeOrigin === 'stated' && b.typeOrigin === 'stated' && !same(a.type, b.type)) {
    out.add(object, name, 'type-changed', typeToString(a.type), typeToString(b.type), at('type'));
  }
  if (caps.required && a.required !== b.required) out.add(object, name, 'required-changed', a.required, b.required, at('required'));
  if (caps.default && !same(a.default, b.default)) out.add(object, name, 'default-changed', orNull(a.default), orNull(b.default), at('default'));
  if (caps.allowedValues && !same(a.allowedValues, b.allowedValues)) {
    if (!a.allowedValues || !b.allowedValues) {
      out.add(object, name, 'allowed-values-changed', orNull(a.allowedValues), orNull(b.allowedValues), at('allowedValues'));
    } else {
      const before = new Set(a.allowedValues.map((v) => JSON.stringify(v)));
      const after = new Set(b.allowedValues.map((v) => JSON.stringify(v)));
      for (const v of a.allowedValues) if (!after.has(JSON.stringify(v))) out.add(object, name, 'allowed-values-changed', v, null, at('allowedValues'));
      for (const v of b.allowedValues) if (!before.has(JSON.stringify(v))) out.add(object, name, 'allowed-values-changed', null, v, at('allowedValues'));
    }
  }
  if (caps.range) {
    for (const bound of ['minimum', 'maximum'] as const) {
      if (a[bound] !== b[bound]) out.add(object, name, 'range-changed', orNull(a[bound]), orNull(b[bound]), { bound, ...at(bound) });
    }
  }
  if (caps.availability !== 'none') availabilityChanges(out, object, name, a.availability, b.availability, caps, at('availability'));
  // Across flavours a deprecation is compared only where both sides say anything about availability.
  const statesBoth = caps.availability === 'lines' || (!statesNoAvailability(a.availability) && !statesNoAvailability(b.availability));
  if (statesBoth && !!a.deprecated !== !!b.deprecated) out.add(object, name, 'deprecation-changed', !!a.deprecated, !!b.deprecated, at('deprecated'));
  if (!same(supervision(a), supervision(b))) out.add(object, name, 'supervision-changed', supervision(a), supervision(b), { source, oldSource: { file: a.source.file, line: a.source.line } });
  descriptionChange(out, object, name, a.description, b.description, from, { source, oldSource: { file: a.source.file, line: a.source.line } });
}

function objectChanges(out: ChangeList, a: IrObject, b: IrObject): void {
  const caps = shared(a.source.flavour, b.source.flavour);
  const from = out.items.length;
  const source = { file: b.source.file, line: b.source.line };
  const oldSource = { file: a.source.file, line: a.source.line };
  if (orNull(a.payloadType) !== orNull(b.payloadType)) out.add(a.name, undefined, 'payload-type-changed', orNull(a.payloadType), orNull(b.payloadType), { source, oldSource });
  const ia = a.inherits ?? [];
  const ib = b.inherits ?? [];
  for (const n of ia) if (!ib.includes(n)) out.add(a.name, undefined, 'inherits-changed', n, null, { source, oldSource });
  for (const n of ib) if (!ia.includes(n)) out.add(a.name, undefined, 'inherits-changed', null, n, { source, oldSource });
  // A flavour that cannot mark deprecation on the object's platform line says nothing about it.
  const introducedOnly = (av: IrObject['availability']): IrObject['availability'] =>
    caps.objectDeprecation || !av ? av : Object.fromEntries(Object.entries(av).map(([p, v]) => [p, v.introduced !== undefined ? { introduced: v.introduced } : {}]));
  const mode = !statesNoAvailability(a.availability) && !statesNoAvailability(b.availability) ? 'prose' : 'none';
  availabilityChanges(out, a.name, undefined, introducedOnly(a.availability), introducedOnly(b.availability), { ...caps, availability: mode }, { source, oldSource });
  if (caps.objectDeprecation && !!a.deprecated !== !!b.deprecated) out.add(a.name, undefined, 'deprecation-changed', !!a.deprecated, !!b.deprecated, { source, oldSource });
  descriptionChange(out, a.name, undefined, a.summary, b.summary, from, { source, oldSource });
  const pb = new Map(b.properties.map((p) => [p.name, p]));
  const pa = new Map(a.properties.map((p) => [p.name, p]));
  for (const p of a.properties) {
    const q = pb.get(p.name);
    if (!q) out.add(a.name, p.name, 'property-removed', typeToString(p.type), null, { source: { file: p.source.file, line: p.source.line } });
    else propertyChanges(out, a.name, p, q, caps);
  }
  for (const q of b.properties) {
    if (!pa.has(q.name)) out.add(a.name, q.name, 'property-added', null, typeToString(q.type), { source: { file: q.source.file, line: q.source.line } });
  }
}

/** Every change from `before` to `after`. */
export function diffIr(before: IrDocument, after: IrDocument, labels: { old: string; new: string } = { old: 'old', new: 'new' }): DiffReport {
  const out = new ChangeList();
  const A = definitions(before);
  const B = definitions(after);
  for (const [name, a] of A) {
    const b = B.get(name);
    if (!b) out.add(name, undefined, 'object-removed', a.kind, null, { source: { file: a.source.file, line: a.source.line } });
    else objectChanges(out, a, b);
  }
  for (const [name, b] of B) if (!A.has(name)) out.add(name, undefined, 'object-added', null, b.kind, { source: { file: b.source.file, line: b.source.line } });
  const changes = out.items.sort(compareChanges);
  const count = (cls: string) => changes.filter((c) => c.class === cls && c.kind !== 'description-changed').length;
  return {
    old: labels.old,
    new: labels.new,
    summary: { breaking: count('breaking'), additive: count('additive'), informational: count('informational'), descriptionOnly: changes.filter((c) => c.kind === 'description-changed').length },
    changes,
  };
}
