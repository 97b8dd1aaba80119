/**
 * Fusion of a supplement into the primary objects. A supplement is an older snapshot of the
 * pages in another flavour (Apple's rendered pages of 2025-04-13 beside the changelog mirror of
 * 2026-08-18); the primary pages drop facts it states: ranges, Profile Availability tables, the
 * deprecation badge of a whole page. A fact is taken from the supplement's page of the same
 * object and key only where the primary page does not state it, never over it, and it carries
 * where it came from (`factSources`: file, line, date).
 *
 * Objects match by name, and only when both pages describe the same kind of thing (the same
 * kind and payload type): a 2026 declaration `ContentCaching` is not the 2025 payload of that
 * name. Supplement objects never become objects of their own.
 */
import type { SupplementInfo } from '../parse/flavour.js';
import type { Diagnostic } from './diagnostics.js';
import { innermostType, type FactSource, type IrObject, type IrProperty, type IrType, type JsonValue, type PropertyFact } from './ir.js';

/** One supplement's objects (definitions only, first of each name) and where they are from. */
export interface SupplementObjects {
  info: SupplementInfo;
  objects: ReadonlyMap<string, IrObject>;
}

/** What fusion took, counted per fact: for the summary of a run and for tests. */
export type FusionCounts = Partial<Record<PropertyFact | 'objectDeprecated' | 'profileAvailability', number>>;

/**
 * Fills each primary definition's unstated facts from the supplements, in the manifest's order
 * (the first supplement that states a fact gives it). Changes `objects` in place: they are the
 * build's own copies.
 */
export function fuseSupplements(objects: readonly IrObject[], supplements: readonly SupplementObjects[]): { diagnostics: Diagnostic[]; counts: FusionCounts } {
  const diagnostics: Diagnostic[] = [];
  const counts: FusionCounts = {};
  const count = (fact: keyof FusionCounts): void => void (counts[fact] = (counts[fact] ?? 0) + 1);
  for (const o of objects) {
    for (const s of supplements) {
      const other = s.objects.get(o.name);
      if (!other) continue;
      const why = mismatch(o, other);
      if (why) {
        diagnostics.push({
          severity: 'info', code: 'supplement-mismatch', file: o.source.file, line: o.source.line,
          message: `${o.name}: the supplement's page of this name (${other.source.file}) ${why}; none of its facts are taken`,
        });
        continue;
      }
      fuseObject(o, other, s.info, count);
    }
  }
  return { diagnostics, counts };
}

/** Why two pages of one name are not the same object, or undefined when they are. */
function mismatch(o: IrObject, other: IrObject): string | undefined {
  if (o.payloadType !== undefined && other.payloadType !== undefined && o.payloadType !== other.payloadType) {
    return `has the payload type ${other.payloadType}, this page ${o.payloadType}`;
  }
  // Flavours classify some pages differently (a request page is a command in one, an object in
  // another); a payload and a declaration are different things whatever the flavour.
  const role = (x: IrObject): string | undefined => (x.payloadType !== undefined || x.kind === 'profile' ? 'payload' : x.declarationType !== undefined || x.kind === 'declaration' ? 'declaration' : undefined);
  const [a, b] = [role(o), role(other)];
  if (a !== undefined && b !== undefined && a !== b) return `describes a ${b}, this page a ${a}`;
  return undefined;
}

function sourceOf(other: IrObject, line: number | undefined, info: SupplementInfo): FactSource {
  return { file: other.source.file, line: line ?? other.source.line, date: info.date };
}

function fuseObject(o: IrObject, other: IrObject, info: SupplementInfo, count: (fact: keyof FusionCounts) => void): void {
  if (o.profileAvailability === undefined && other.profileAvailability !== undefined) {
    o.profileAvailability = other.profileAvailability;
    (o.factSources ??= {}).profileAvailability = sourceOf(other, other.factLines?.profileAvailability, info);
    count('profileAvailability');
  }
  if (!o.deprecated && other.deprecated) {
    o.deprecated = true;
    (o.factSources ??= {}).deprecated = sourceOf(other, other.factLines?.deprecated, info);
    count('objectDeprecated');
  }
  const keys = new Map(other.properties.map((p) => [p.name, p]));
  o.properties = o.properties.map((p) => {
    const sp = keys.get(p.name);
    return sp ? fuseProperty(p, sp, other, info, count) : p;
  });
}

function isNumeric(t: IrType): boolean {
  const k = innermostType(t).kind;
  return k === 'integer' || k === 'real';
}

/** The value fits the type the primary page states (numbers for a numeric type). */
function fits(v: JsonValue, t: IrType): boolean {
  const k = innermostType(t).kind;
  if (k === 'integer') return typeof v === 'number' && Number.isInteger(v);
  if (k === 'real') return typeof v === 'number';
  return false;
}

/**
 * One key's unstated facts: the range (on a key both pages type as numbers) and the values the
 * supplement lists beside its range (exceptions to it, `0` meaning "never"). A key's own
 * deprecation is not taken: the primary pages state it (`Deprecated:` lines), and where the
 * supplement alone marks a key, the primary says more (CatalogURL: removed in macOS 11).
 * The property is copied before it is changed: page results may be cached and handed out again.
 */
function fuseProperty(p: IrProperty, sp: IrProperty, other: IrObject, info: SupplementInfo, count: (fact: keyof FusionCounts) => void): IrProperty {
  const taken: Partial<Record<PropertyFact, FactSource>> = {};
  const out: IrProperty = { ...p };
  // A list of allowed values the primary page states says more than a range around it.
  const numeric = isNumeric(p.type) && isNumeric(sp.type) && p.allowedValues === undefined;
  let ranged = false;
  for (const bound of ['minimum', 'maximum'] as const) {
    const v = sp[bound];
    if (!numeric || v === undefined || p[bound] !== undefined || p.factLines?.[bound] !== undefined) continue;
    if (innermostType(p.type).kind === 'integer' && !Number.isInteger(v)) continue;
    out[bound] = v;
    taken[bound] = sourceOf(other, sp.factLines?.[bound] ?? sp.source.line, info);
    ranged = true;
  }
  if (ranged && p.allowedValues === undefined && sp.allowedValues?.length && sp.allowedValues.every((v) => fits(v, p.type))) {
    out.allowedValues = sp.allowedValues;
    taken.allowedValues = sourceOf(other, sp.factLines?.allowedValues ?? sp.source.line, info);
  }
  const facts = Object.keys(taken) as PropertyFact[];
  if (!facts.length) return p;
  for (const f of facts) count(f);
  out.factSources = { ...p.factSources, ...taken };
  return out;
}
