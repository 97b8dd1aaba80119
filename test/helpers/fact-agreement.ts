/**
 * Availability, deprecation and supervision compared key by key between two IR documents of
 * different flavours, each difference put down to a cause where one is known.
 */
import { PLATFORMS, type IrDocument, type IrProperty } from '../../generator/model/ir.js';

export interface FactAgreement {
  compared: number;
  agreeing: number;
  /** Cause → count; `unexplained` is what no known cause covers. */
  causes: Record<string, number>;
  examples: string[];
}

export interface CrossFlavourFacts {
  availability: FactAgreement;
  deprecation: FactAgreement;
  supervision: FactAgreement;
}

const major = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number.parseFloat(v));
const empty = (): FactAgreement => ({ compared: 0, agreeing: 0, causes: {}, examples: [] });

function differ(f: FactAgreement, cause: string, example: string): void {
  f.causes[cause] = (f.causes[cause] ?? 0) + 1;
  if (f.examples.length < 40 && cause !== 'the pages state different versions') f.examples.push(example);
}

/** Versions from Apple's 2025 release on (26) did not exist when the older pages were taken. */
const isNewer = (p: IrProperty): boolean =>
  PLATFORMS.some((x) => (major(p.availability?.[x]?.deprecated) ?? 0) >= 26) || /declarative management/i.test(p.description);

/** `a` is the older document (rendered), `b` the newer (changelog). */
export function crossFlavourFacts(a: IrDocument, b: IrDocument): CrossFlavourFacts {
  const out: CrossFlavourFacts = { availability: empty(), deprecation: empty(), supervision: empty() };
  const index = (ir: IrDocument) => new Map(ir.objects.filter((o) => o.properties.length).map((o) => [o.name, o]));
  const B = index(b);
  for (const [name, oa] of index(a)) {
    const ob = B.get(name);
    if (!ob) continue;
    for (const pa of oa.properties) {
      const pb = ob.properties.find((p) => p.name === pa.name);
      if (!pb) continue;
      const key = `${name}.${pa.name}`;
      for (const x of PLATFORMS) {
        const ia = pa.availability?.[x]?.introduced;
        const ib = pb.availability?.[x]?.introduced;
        if (ia === undefined || ib === undefined) continue;
        out.availability.compared++;
        if (major(ia) === major(ib)) out.availability.agreeing++;
        else differ(out.availability, 'the pages state different versions', `${key} ${x} ${ia} vs ${ib}`);
      }
      compareDeprecation(out.deprecation, key, pa, pb);
      compareSupervision(out.supervision, key, pa, pb);
    }
  }
  return out;
}

function compareDeprecation(f: FactAgreement, key: string, pa: IrProperty, pb: IrProperty): void {
  if (!pa.deprecated && !pb.deprecated && !pa.deprecatedWhen && !pb.deprecatedWhen) return;
  f.compared++;
  const same = !!pa.deprecated === !!pb.deprecated && JSON.stringify(pa.deprecatedWhen ?? []) === JSON.stringify(pb.deprecatedWhen ?? []);
  if (same) return void f.agreeing++;
  const markerOnly = (p: IrProperty) => p.deprecated && !p.deprecationNote && !PLATFORMS.some((x) => p.availability?.[x]?.deprecated);
  if (pa.deprecated && !pb.deprecated && markerOnly(pa)) differ(f, 'rendered Deprecated marker, not printed by the changelog flavour', key);
  else if (pb.deprecated && !pa.deprecated && isNewer(pb)) differ(f, 'deprecated in Apple’s 2025 release or later, after the rendered pages were taken', key);
  else if (pb.deprecated && !pa.deprecated) differ(f, 'only the changelog page states the deprecation', key);
  else if (!!pa.deprecatedWhen !== !!pb.deprecatedWhen) differ(f, 'the conditional deprecation sentence is on one page only', key);
  else differ(f, 'unexplained', `${key}: ${JSON.stringify([pa.deprecated, pa.deprecatedWhen])} vs ${JSON.stringify([pb.deprecated, pb.deprecatedWhen])}`);
}

function compareSupervision(f: FactAgreement, key: string, pa: IrProperty, pb: IrProperty): void {
  if (!pa.supervised && !pb.supervised) return;
  f.compared++;
  if (!!pa.supervised !== !!pb.supervised) {
    const newer = PLATFORMS.some((x) => (major(pb.availability?.[x]?.introduced) ?? 0) >= 18.4 && pa.availability?.[x]?.introduced === undefined);
    const only = pb.supervised ? 'only the changelog page states supervision' : 'only the rendered page states supervision';
    return differ(f, newer ? 'the key is newer than the rendered pages' : only, key);
  }
  // A page that says "Requires a supervised device." without platforms agrees with any list.
  if (!pa.supervisedPlatforms || !pb.supervisedPlatforms) return void f.agreeing++;
  if (JSON.stringify(pa.supervisedPlatforms) === JSON.stringify(pb.supervisedPlatforms)) return void f.agreeing++;
  const added = pb.supervisedPlatforms.filter((x) => !pa.supervisedPlatforms?.includes(x));
  const removed = pa.supervisedPlatforms.filter((x) => !pb.supervisedPlatforms?.includes(x));
  differ(f, removed.length === 0 ? `the changelog adds platforms (${[...new Set(added)].join(', ')})` : 'unexplained', `${key}: ${pa.supervisedPlatforms.join('|')} vs ${pb.supervisedPlatforms.join('|')}`);
}
