/**
 * The history of every object and key across several spec versions: for each fact the IR holds
 * (presence, type, required, default, allowed values, range, availability per platform,
 * deprecation, supervision), the versions in which it took a new value. It answers what an
 * admin asks ("since when is `allowCamera` supervised-only?") without reading N-1 diffs.
 *
 * Facts are read through one table per level; a new IR fact is one more line there. Versions
 * may be of different flavours: a fact a page cannot state is skipped there, not read as absent.
 */
import { isDefinition, PLATFORMS, typeToString, type Availability, type IrDocument, type IrObject, type IrProperty, type JsonValue } from '../model/ir.js';
import { didYouMean, nearNames } from '../near-names.js';
import { CAPABILITIES, platformFacts, same, statesNoAvailability, supervision, type Capabilities } from './normalise.js';

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

/**
 * Reads one fact of an entry on a page of a flavour with these capabilities: `undefined` when
 * the page cannot state it (the changelog flavour prints no ranges, rendered pages state
 * availability only in prose), so a flavour's silence is never read as a change.
 */
type Reader<T> = (x: T, caps: Capabilities) => JsonValue | undefined;

/**
 * One reader per platform. A key whose page lists no availability at all says nothing about any
 * platform; pages that state it in prose only say something about the platforms they name.
 */
const availabilityFacts = <T extends { availability?: Availability }>(objectLevel: boolean): Record<string, Reader<T>> =>
  Object.fromEntries(PLATFORMS.map((p) => [p, (x: T, caps: Capabilities) => {
    const value = (platformFacts(x.availability, p) ?? null) as JsonValue;
    if (caps.availability === 'none' || statesNoAvailability(x.availability)) return undefined;
    return caps.availability === 'lines' && !objectLevel ? value : value ?? undefined;
  }]));

const when = <T>(stated: boolean, value: T): T | undefined => (stated ? value : undefined);

/** Whether a page states a key's deprecation: where it states availability as lines or at all. */
const statesDeprecation = (p: IrProperty, c: Capabilities): boolean => c.availability === 'lines' || !statesNoAvailability(p.availability) || !!p.deprecated;

/** A key's facts, in the order the report lists them. */
export const PROPERTY_FACTS: Record<string, Reader<IrProperty>> = {
  type: (p, c) => when(c.type && p.typeOrigin === 'stated', typeToString(p.type)),
  required: (p, c) => when(c.required, p.required),
  default: (p, c) => when(c.default, p.default ?? null),
  allowedValues: (p, c) => when(c.allowedValues, p.allowedValues ?? null),
  minimum: (p, c) => when(c.range, p.minimum ?? null),
  maximum: (p, c) => when(c.range, p.maximum ?? null),
  ...availabilityFacts<IrProperty>(false),
  // As in a diff: deprecation is read where the page states availability as lines or at all.
  deprecated: (p, c) => when(statesDeprecation(p, c), !!p.deprecated),
  deprecationNote: (p, c) => when(statesDeprecation(p, c), p.deprecationNote ?? null),
  replacedBy: (p, c) => when(statesDeprecation(p, c), p.replacedBy ?? null),
  // A deprecation that holds only on unsupervised devices or with Managed Apple Accounts.
  deprecatedWhen: (p) => (p.deprecatedWhen?.length ? [...p.deprecatedWhen].sort() : null),
  supervised: supervision,
};

/** An object's own facts. */
export const OBJECT_FACTS: Record<string, Reader<IrObject>> = {
  payloadType: (o) => o.payloadType ?? null,
  ...availabilityFacts<IrObject>(true),
  deprecated: (o, c) => when(c.objectDeprecation, !!o.deprecated),
};

/** Timelines of one entry: `present` first, then each fact over the versions that have the entry. */
function timelines<T>(versions: readonly string[], found: readonly (T | undefined)[], caps: readonly Capabilities[], facts: Record<string, Reader<T>>): FactTimeline[] {
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
      const value = read(x, caps[i]!);
      if (value === undefined) return;
      if (last === undefined || !same(value, last)) changes.push({ version: versions[i]!, value });
      last = value;
    });
    out.push({ fact, changes });
  }
  return out;
}

/**
 * Something happened after the entry first appeared: a fact changed or was first stated later,
 * the entry left or came back, or it came later than `since`.
 */
function changed(facts: readonly FactTimeline[], since: string | undefined): boolean {
  const first = facts[0]!.changes[0]?.version;
  return facts.some((f) => f.changes.length > 1 || statedLater(f, first)) || (since !== undefined && first !== since);
}

/**
 * Facts whose `false` is the page's silence (no deprecation marker, no supervision line), not a
 * statement; every other fact's `false` is one (`Required: No`, `Default: false`).
 */
const SILENT_FALSE = new Set(['deprecated', 'supervised']);

/** Whether a fact's value says something the page states. */
const says = (fact: string, value: JsonValue): boolean => value !== null && !(value === false && SILENT_FALSE.has(fact));

/** A fact that says something first stated after the entry appeared in `first`. */
function statedLater(f: FactTimeline, first: string | undefined): boolean {
  const [only, ...more] = f.changes;
  return f.fact !== 'present' && !!only && !more.length && only.version !== first && says(f.fact, only.value);
}

/**
 * Keeps the timelines worth a row: those that changed or were first stated after the entry
 * appeared, presence when the entry came later than `since`, or every stated one when one entry
 * was asked for.
 */
function shown(facts: FactTimeline[], all: boolean, since: string | undefined): FactTimeline[] {
  const first = facts[0]!.changes[0]?.version;
  return facts.filter((f) =>
    f.changes.length > 1 ||
    statedLater(f, first) ||
    (f.fact === 'present' && since !== undefined && f.changes[0]?.version !== since) ||
    (all && f.changes.some((c) => says(f.fact, c.value))));
}

/** Definitions by name, the first of a name kept (as the diff keeps it). */
function definitionsOf(ir: IrDocument): Map<string, IrObject> {
  const m = new Map<string, IrObject>();
  for (const o of ir.objects) if (isDefinition(o) && !m.has(o.name)) m.set(o.name, o);
  return m;
}

/**
 * Why a filter matches nothing in any version, naming the near matches (`Wifi` → `WiFi`), or
 * undefined when it matches: a misspelt name must not read as "nothing changed".
 */
export function unmatchedFilter(versions: readonly SpecVersion[], filter: HistoryFilter): string | undefined {
  const maps = versions.map((v) => definitionsOf(v.ir));
  const span = `any of the ${versions.length} versions`;
  const code = (n: string): string => `\`${n}\``;
  let objects = [...new Set(maps.flatMap((m) => [...m.values()]))];
  if (filter.object !== undefined) {
    const wanted = filter.object;
    const names = new Set(objects.map((o) => o.name));
    if (!names.has(wanted)) return `no object ${code(wanted)} in ${span}${didYouMean(nearNames(wanted, names), code)}`;
    objects = objects.filter((o) => o.name === wanted);
  }
  if (filter.property !== undefined) {
    const wanted = filter.property;
    const keys = new Set(objects.flatMap((o) => o.properties.map((p) => p.name)));
    const where = filter.object !== undefined ? ` of ${code(filter.object)}` : '';
    if (!keys.has(wanted)) return `no key ${code(wanted)}${where} in ${span}${didYouMean(nearNames(wanted, keys), code)}`;
  }
  return undefined;
}

/**
 * The history of every definition across `versions` (oldest first). Without a filter only
 * objects and keys where something changed are listed, each with the facts that changed; with
 * one, the matching entries are listed with every fact they state.
 */
export function historyOf(versions: readonly SpecVersion[], filter: HistoryFilter = {}): HistoryReport {
  const labels = versions.map((v) => v.label);
  const maps = versions.map((v) => definitionsOf(v.ir));
  const names = [...new Set(maps.flatMap((m) => [...m.keys()]))].sort();
  const all = filter.object !== undefined || filter.property !== undefined;
  const entries: EntryHistory[] = [];
  for (const name of names) {
    if (filter.object !== undefined && name !== filter.object) continue;
    const found = maps.map((m) => m.get(name));
    const caps = found.map((o) => CAPABILITIES[o?.source.flavour ?? 'unknown']);
    const objectFacts = timelines(labels, found, caps, OBJECT_FACTS);
    const objectSince = objectFacts[0]!.changes[0]?.version;
    if (filter.property === undefined && (all || changed(objectFacts, labels[0]))) {
      entries.push({ object: name, facts: shown(objectFacts, all, labels[0]) });
    }
    const keys = [...new Set(found.flatMap((o) => o?.properties.map((p) => p.name) ?? []))];
    for (const key of keys) {
      if (filter.property !== undefined && key !== filter.property) continue;
      const props = found.map((o) => o?.properties.find((p) => p.name === key));
      const facts = timelines(labels, props, caps, PROPERTY_FACTS);
      if (all || changed(facts, objectSince)) entries.push({ object: name, property: key, facts: shown(facts, all, objectSince) });
    }
  }
  return { versions: labels, entries };
}
