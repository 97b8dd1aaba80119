/**
 * The same object read from different flavours gives the same facts: rendered-2025-04 against
 * changelog-2026-04-28 (the nearest dated pair), and the snapshot and listing samples against the
 * latest changelog. Per-key availability read from rendered prose is checked against the
 * changelog's `Available:` lines.
 */
import { describe, expect, it } from 'vitest';
import type { IrDocument, IrProperty, Platform } from '../../generator/model/ir.js';
import { corpusDir, describeCorpus } from '../helpers/corpus.js';
import { parsedIr } from '../helpers/parsed.js';

const FACTS = ['type', 'required', 'default', 'allowedValues'] as const;

interface Agreement {
  keys: number;
  agreeing: number;
  byFact: Record<string, number>;
  pairs: Array<[string, IrProperty, IrProperty]>;
}

/** Compares the keys both documents list for the objects both define. */
function agreement(a: IrDocument, b: IrDocument, facts: readonly (typeof FACTS)[number][] = FACTS): Agreement {
  const index = (ir: IrDocument) => new Map(ir.objects.filter((o) => o.properties.length).map((o) => [o.name, o]));
  const A = index(a);
  const B = index(b);
  const out: Agreement = { keys: 0, agreeing: 0, byFact: {}, pairs: [] };
  for (const [name, oa] of A) {
    const ob = B.get(name);
    if (!ob) continue;
    for (const pa of oa.properties) {
      const pb = ob.properties.find((p) => p.name === pa.name);
      if (!pb) continue;
      out.keys++;
      out.pairs.push([name, pa, pb]);
      const differing = facts.filter((f) => JSON.stringify(pa[f]) !== JSON.stringify(pb[f]));
      for (const f of differing) out.byFact[f] = (out.byFact[f] ?? 0) + 1;
      if (differing.length === 0) out.agreeing++;
    }
  }
  return out;
}

const major = (v: string | undefined) => (v === undefined ? undefined : Number.parseFloat(v));

describeCorpus('cross-flavour agreement', () => {
  const rendered = parsedIr(corpusDir('rendered-2025-04'));
  const changelogApril = parsedIr(corpusDir('changelog-2026-04-28'));
  const changelogLatest = parsedIr(corpusDir('changelog-2026-08-18'));

  it('rendered-2025-04 and changelog-2026-04-28 agree on type, required, default and allowed values for ≥ 98% of shared keys', () => {
    const r = agreement(rendered, changelogApril);
    const rate = r.agreeing / r.keys;
    expect(r.keys).toBeGreaterThan(3500);
    expect(rate, `agreement ${(rate * 100).toFixed(2)}% of ${r.keys} keys; disagreements by fact ${JSON.stringify(r.byFact)}`).toBeGreaterThanOrEqual(0.98);
  });

  it('snapshot and listing samples agree with the latest changelog', () => {
    // The listing flavour states no defaults or allowed values: only what both state is compared.
    for (const [dir, facts] of [['samples/snapshot', FACTS], ['samples/listing', ['type', 'required']]] as const) {
      const r = agreement(parsedIr(corpusDir(dir)), changelogLatest, facts);
      expect(r.keys, dir).toBeGreaterThan(20);
      expect(r.agreeing / r.keys, `${dir}: ${JSON.stringify(r.byFact)}`).toBeGreaterThanOrEqual(0.95);
    }
  });

  describe('per-key availability from rendered prose', () => {
    const r = agreement(rendered, changelogApril);
    const withProse = r.pairs.filter(([, pa]) => /available in (?:iOS|iPadOS|macOS|tvOS|visionOS|watchOS) \d/i.test(pa.description.replace(/`/g, '')));

    it('matches the changelog\'s Available line for ≥ 90% of the platforms prose names', () => {
      let stated = 0;
      let agreeing = 0;
      for (const [, pa, pb] of withProse) {
        for (const [platform, av] of Object.entries(pa.availability ?? {}) as Array<[Platform, { introduced?: string }]>) {
          if (av.introduced === undefined || !pb.availability?.[platform]?.introduced) continue;
          stated++;
          if (major(av.introduced) === major(pb.availability[platform]?.introduced)) agreeing++;
        }
      }
      expect(withProse.length).toBeGreaterThan(200);
      expect(agreeing / stated, `${agreeing} of ${stated}`).toBeGreaterThanOrEqual(0.9);
    });

    it('reads hand-checked sentences exactly', () => {
      const prop = (o: string, p: string) => rendered.objects.find((x) => x.name === o)?.properties.find((x) => x.name === p);
      expect(prop('DeviceLockCommand.Command', 'Message')?.availability).toEqual({ iOS: { introduced: '4' }, macOS: { introduced: '10.14' } });
      expect(prop('DeviceLockCommand.Command', 'PhoneNumber')?.availability).toEqual({ iOS: { introduced: '7' }, macOS: { introduced: '11.5' } });
      expect(prop('DeviceLockCommand.Command', 'PIN')?.availability).toEqual({ macOS: { introduced: '10.8' } });
      expect(prop('VPN', 'IPSec')?.availability).toEqual({ watchOS: { available: false } });
    });
  });
});
