/**
 * The history of every object and key across several spec versions: for each fact the IR holds
 * (presence, type, required, default, allowed values, range, availability per platform,
 * deprecation, supervision), the versions in which it took a new value. It answers what an
 * admin asks ("since when is `allowCamera` supervised-only?") without reading N-1 diffs.
 *
 * Facts are read through one table per level; a new IR fact is one more line there.
 */
import { isDefinition, PLATFORMS, typeToString, type IrDocument, type IrObject, type IrProperty, type JsonValue } from '../model/ir.js';
import { platformFacts } from './normalise.js';

/** One version of the spec: its label (a directory, an IR file or a git revision) and its IR. */
export interface SpecVersion {
  label: string;
  ir: IrDocument;
}

/** A fact took `value` in `version` (`null`: the version does not state it). */
export interface FactChange {
  version: string;
  value: JsonValue;
}

export interface FactTimeline {
  fact: string;
  /** The first version that has the object or key, then each version where the value changed. */
  changes: FactChange[];
}

export interface EntryHistory {
  object: string;
  /** Absent for the object's own facts. */
  property?: string;
  facts: FactTimeline[];
}

export interface HistoryReport {
  versions: string[];
  entries: EntryHistory[];
}

export interface HistoryFilter {
  /** Only this object (exact name). */
  object?: string;
  /** Only keys of this name (exact). */
  property?: string;
}

type Reader<T> = (x: T) => JsonValue;

const availabilityFacts = <T extends { availability?: IrObject['availability'] }>(): Record<string, Reader<T>> =>
  Object.fromEntries(PLATFORMS.map((p) => [p, (x: T) => (platformFacts(x.availability, p) ?? null) as JsonValue]));

/** A key's facts, in the order the report lists them. */
export const PROPERTY_FACTS: Record<string, Reader<IrProperty>> = {
  type: (p) => typeToString(p.type),
  required: (p) => p.required,
  default: (p) => p.default ?? null,
  allowedValues: (p) => p.allowedValues ?? null,
  minimum: (p) => p.minimum ?? null,
  maximum: (p) => p.maximum ?? null,
  ...availabilityFacts<IrProperty>(),
  deprecated: (p) => !!p.deprecated,
  deprecationNote: (p) => p.deprecationNote ?? null,
  supervised: (p) => (p.supervised ? (p.supervisedPlatforms?.length ? [...p.supervisedPlatforms].sort() : true) : false),
};

/** An object's own facts. */
export const OBJECT_FACTS: Record<string, Reader<IrObject>> = {
  payloadType: (o) => o.payloadType ?? null,
  ...availabilityFacts<IrObject>(),
  deprecated: (o) => !!o.deprecated,
};

const same = (a: JsonValue, b: JsonValue): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Timelines of one entry: `present` first, then each fact over the versions that have the entry. */
function timelines<T>(versions: readonly string[], found: readonly (T | undefined)[], facts: Record<string, Reader<T>>): FactTimeline[] {
  const out: FactTimeline[] = [];
  const first = found.findIndex((x) => x !== undefined);
  const present: FactChange[] = [];
  for (let i = first; i < versions.length; i++) {
    const v = found[i] !== undefined;
    if (i === first || v !== (found[i - 1] !== undefined)) present.push({ version: versions[i]!, value: v });
  }
  out.push({ fact: 'present', changes: present });
  for (const [fact, read] of Object.entries(facts)) {
    const changes: FactChange[] = [];
    let last: JsonValue | undefined;
    found.forEach((x, i) => {
      if (x === undefined) return;
      const value = read(x);
      if (last === undefined || !same(value, last)) changes.push({ version: versions[i]!, value });
      last = value;
    });
    out.push({ fact, changes });
  }
  return out;
}

/** Something happened after the entry first appeared (it changed, left or came back, or came later than `since`). */
function changed(facts: readonly FactTimeline[], since: string | undefined): boolean {
  return facts.some((f) => f.changes.length > 1) || (since !== undefined && facts[0]!.changes[0]?.version !== since);
}

/**
 * Keeps the timelines worth a row: those that changed, presence when the entry came later than
 * `since`, or every stated one when one entry was asked for.
 */
function shown(facts: FactTimeline[], all: boolean, since: string | undefined): FactTimeline[] {
  return facts.filter((f) =>
    f.changes.length > 1 ||
    (f.fact === 'present' && since !== undefined && f.changes[0]?.version !== since) ||
    (all && f.changes.some((c) => c.value !== null && c.value !== false)));
}

/**
 * The history of every definition across `versions` (oldest first). Without a filter only
 * objects and keys where something changed are listed, each with the facts that changed; with
 * one, the matching entries are listed with every fact they state.
 */
export function historyOf(versions: readonly SpecVersion[], filter: HistoryFilter = {}): HistoryReport {
  const labels = versions.map((v) => v.label);
  const maps = versions.map((v) => {
    const m = new Map<string, IrObject>();
    for (const o of v.ir.objects) if (isDefinition(o) && !m.has(o.name)) m.set(o.name, o);
    return m;
  });
  const names = [...new Set(maps.flatMap((m) => [...m.keys()]))].sort();
  const all = filter.object !== undefined || filter.property !== undefined;
  const entries: EntryHistory[] = [];
  for (const name of names) {
    if (filter.object !== undefined && name !== filter.object) continue;
    const found = maps.map((m) => m.get(name));
    const objectFacts = timelines(labels, found, OBJECT_FACTS);
    const objectSince = objectFacts[0]!.changes[0]?.version;
    if (filter.property === undefined && (all || changed(objectFacts, labels[0]))) {
      entries.push({ object: name, facts: shown(objectFacts, all, labels[0]) });
    }
    const keys = [...new Set(found.flatMap((o) => o?.properties.map((p) => p.name) ?? []))];
    for (const key of keys) {
      if (filter.property !== undefined && key !== filter.property) continue;
      const props = found.map((o) => o?.properties.find((p) => p.name === key));
      const facts = timelines(labels, props, PROPERTY_FACTS);
      if (all || changed(facts, objectSince)) entries.push({ object: name, property: key, facts: shown(facts, all, objectSince) });
    }
  }
  return { versions: labels, entries };
}
