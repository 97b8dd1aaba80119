/**
 * Diffs of real spec updates (../shared/corpus), each asserted change read by hand in both
 * versions of its page; self-diffs; a cross-flavour diff free of flavour noise; the reports
 * checked in under test/examples/diff/ (golden, so they stay current).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffIr, jsonReport, markdownReport, type DiffReport } from '../../generator/diff/index.js';
import type { IrDocument } from '../../generator/model/ir.js';
import { parseSpecDir } from '../../generator/parse/index.js';
import { corpusDir, describeCorpus } from '../helpers/corpus.js';
import { expectGolden } from '../helpers/golden.js';

const EXAMPLES = join(import.meta.dirname, '../examples/diff');
const find = (r: DiffReport, object: string, property?: string) => r.changes.filter((c) => c.object === object && c.property === property);

describeCorpus('diffs of real spec versions', () => {
  const ir: Record<string, IrDocument> = {};
  let april: DiffReport;
  let august: DiffReport;
  let crossFlavour: DiffReport;

  beforeAll(() => {
    for (const d of ['changelog-2026-04-28', 'changelog-2026-06-09', 'changelog-2026-08-18', 'rendered-2025-04']) ir[d] = parseSpecDir(corpusDir(d));
    april = diffIr(ir['changelog-2026-04-28']!, ir['changelog-2026-06-09']!, { old: 'changelog-2026-04-28', new: 'changelog-2026-06-09' });
    august = diffIr(ir['changelog-2026-06-09']!, ir['changelog-2026-08-18']!, { old: 'changelog-2026-06-09', new: 'changelog-2026-08-18' });
    crossFlavour = diffIr(ir['rendered-2025-04']!, ir['changelog-2026-04-28']!, { old: 'rendered-2025-04', new: 'changelog-2026-04-28' });
  });

  it('self-diffs are empty', () => {
    for (const [name, doc] of Object.entries(ir)) expect(diffIr(doc, doc).changes, name).toEqual([]);
    expect(diffIr(ir['changelog-2026-08-18']!, parseSpecDir(corpusDir('changelog-2026-08-18'))).changes).toEqual([]);
  });

  it('2026-04-28 → 2026-06-09 (the yearly release): VPN.IKEv2 gains TLS 1.3 and per-key availability lines', () => {
    expect(find(april, 'VPN.IKEv2', 'TLSMaximumVersion').filter((c) => c.kind === 'allowed-values-changed')).toEqual([
      expect.objectContaining({ kind: 'allowed-values-changed', class: 'additive', old: null, new: '1.3' }),
    ]);
    expect(find(april, 'VPN.IKEv2', 'PPK')).toContainEqual(expect.objectContaining({
      kind: 'availability-changed', platform: 'iOS', class: 'informational', old: null, new: { introduced: '18' },
    }));
    expect(find(april, 'VPN.IKEv2', 'MTU')).toContainEqual(expect.objectContaining({ kind: 'availability-changed', platform: 'watchOS', class: 'additive', new: { introduced: '10' } }));
    expect(april.summary).toMatchObject({ breaking: 18 });
    expect(april.changes.filter((c) => c.kind === 'object-added').length).toBe(117);
  });

  it('2026-06-09 → 2026-08-18: two keys removed, both breaking', () => {
    expect(august.changes.filter((c) => c.class === 'breaking')).toEqual([
      expect.objectContaining({ object: 'NetworkVPNAlwaysOnTunnelConfigurationElement_IKEV2Object', property: 'NetworkRouting', kind: 'property-removed' }),
      expect.objectContaining({ object: 'NetworkVPNIPSecOnDemandObject', property: 'DisableUserOverride', kind: 'property-removed', old: 'boolean', new: null }),
    ]);
  });

  it('rendered-2025-04 → changelog-2026-04-28 shows content, not flavour', () => {
    // The changelog flavour prints no ranges and no object deprecation; the rendered one states
    // availability only in prose. None of that may show as a change.
    expect(crossFlavour.changes.filter((c) => c.kind === 'range-changed')).toEqual([]);
    expect(crossFlavour.changes.filter((c) => c.kind === 'availability-changed' && c.property !== undefined && (c.old === null || c.new === null))).toEqual([]);
    expect(crossFlavour.changes.filter((c) => c.kind === 'deprecation-changed' && c.property === undefined)).toEqual([]);
    // MTU reads "Available in iOS 14 and later…" in prose on one side and says it nowhere on the other.
    expect(find(crossFlavour, 'VPN.IKEv2', 'MTU')).toEqual([]);
    expect(find(crossFlavour, 'VPN.IKEv2', 'AllowPostQuantumKeyExchangeFallback')).toEqual([expect.objectContaining({ kind: 'property-added' })]);
  });

  it('the checked-in example reports are current', () => {
    expectGolden(join(EXAMPLES, 'changelog-2026-04-28..changelog-2026-06-09.md'), markdownReport(april));
    expectGolden(join(EXAMPLES, 'changelog-2026-06-09..changelog-2026-08-18.md'), markdownReport(august));
    expectGolden(join(EXAMPLES, 'changelog-2026-06-09..changelog-2026-08-18.json'), jsonReport(august));
  });
});

describe('classification', () => {
  const base = (props: object[]): IrDocument => ({
    irVersion: 1, diagnostics: [],
    objects: [{ name: 'X', kind: 'object', properties: props as never, source: { file: 'x.md', line: 1, flavour: 'snapshot' } }],
  });
  const prop = (extra: object) => ({ name: 'K', type: { kind: 'integer' }, typeOrigin: 'stated', required: false, description: '', source: { file: 'x.md', line: 3 }, ...extra });

  it.each([
    ['a type change', {}, { type: { kind: 'string' } }, 'type-changed', 'breaking'],
    ['a key newly required', {}, { required: true }, 'required-changed', 'breaking'],
    ['a key no longer required', { required: true }, {}, 'required-changed', 'additive'],
    ['an allowed value removed', { allowedValues: [0, 1] }, { allowedValues: [0] }, 'allowed-values-changed', 'breaking'],
    ['an allowed value added', { allowedValues: [0] }, { allowedValues: [0, 1] }, 'allowed-values-changed', 'additive'],
    ['a range narrowed', { maximum: 10 }, { maximum: 5 }, 'range-changed', 'breaking'],
    ['a range widened', { minimum: 5 }, { minimum: 1 }, 'range-changed', 'additive'],
    ['a default changed', { default: 1 }, { default: 2 }, 'default-changed', 'informational'],
    ['a deprecation', {}, { deprecated: true }, 'deprecation-changed', 'informational'],
    ['a description edit', { description: 'A.' }, { description: 'B.' }, 'description-changed', 'informational'],
  ])('%s', (_n, before, after, kind, cls) => {
    const r = diffIr(base([prop(before)]), base([prop(after)]));
    expect(r.changes.map((c) => [c.kind, c.class])).toEqual([[kind, cls]]);
  });

  it('a removed key is breaking and an added one additive', () => {
    expect(diffIr(base([prop({})]), base([])).changes.map((c) => [c.kind, c.class])).toEqual([['property-removed', 'breaking']]);
    expect(diffIr(base([]), base([prop({})])).changes.map((c) => [c.kind, c.class])).toEqual([['property-added', 'additive']]);
  });

  it('whitespace, links and code ticks are not description changes', () => {
    const r = diffIr(base([prop({ description: 'See [VPN](/documentation/vpn)  for `Key`.' })]), base([prop({ description: 'See VPN for Key.' })]));
    expect(r.changes).toEqual([]);
  });
});
