/**
 * Diffs of real spec updates (../shared/corpus), each asserted change read by hand in both
 * versions of its page; self-diffs; a cross-flavour diff free of flavour noise; word diffs of
 * real rewordings; the yearly report grouped yet accounting for every change; line budgets;
 * the history of hand-picked keys over three versions; the reports checked in under
 * test/examples/diff/ (golden, so they stay current). Each corpus folder is parsed once.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffIr, historyOf, jsonReport, markdownReport, reportSections, type DiffReport, type HistoryReport } from '../../generator/diff/index.js';
import type { IrDocument } from '../../generator/model/ir.js';
import { parseSpecDir } from '../../generator/parse/index.js';
import { markdownHunks } from '../../generator/diff/markdown.js';
import { ref } from '../../generator/diff/report-view.js';
import { corpusDir, describeCorpus } from '../helpers/corpus.js';
import { parsedIr } from '../helpers/parsed.js';
import { expectGolden } from '../helpers/golden.js';

const EXAMPLES = join(import.meta.dirname, '../examples/diff');
const find = (r: DiffReport, object: string, property?: string) => r.changes.filter((c) => c.object === object && c.property === property);

describeCorpus('diffs of real spec versions', () => {
  const ir: Record<string, IrDocument> = {};
  let april: DiffReport;
  let august: DiffReport;
  let crossFlavour: DiffReport;

  beforeAll(() => {
    for (const d of ['changelog-2026-04-28', 'changelog-2026-06-09', 'changelog-2026-08-18', 'rendered-2025-04']) ir[d] = parsedIr(corpusDir(d));
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
    // 8 of them are dictionaries of StatusReport.StatusItems, composed from the status items the newer version adds.
    expect(april.changes.filter((c) => c.kind === 'object-added').length).toBe(125);
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

  it('word diffs of real rewordings: the Attest sentence that no longer says what to do on macOS', () => {
    const attest = find(august, 'ACMECredential', 'Attest');
    expect(attest).toEqual([expect.objectContaining({ kind: 'description-changed', class: 'informational' })]);
    expect(attest[0]!.hunks).toEqual([{
      before: '… is true, set HardwareBound to true.', removed: 'On macOS, set this key, if present, to false.', added: '', after: 'The hardware requirements for attestation are …',
    }]);
    expect(find(august, 'ACMECredential', 'HardwareBound')[0]!.hunks).toEqual([expect.objectContaining({
      removed: 'On macOS, this is a required key. Set the value to false', added: 'Set this key to false on Mac devices that don\'t have Apple silicon or a T2 chip',
    })]);
    const md = markdownReport(august);
    expect(md).toContain('- `ACMECredential.Attest`: … is true, set HardwareBound to true. ~~On macOS, set this key, if present, to false.~~ The hardware requirements for attestation are …\n');
    expect(JSON.parse(jsonReport(august)).changes.find((c: { property?: string }) => c.property === 'Attest').hunks[0].removed).toBe('On macOS, set this key, if present, to false.');
  });

  it('a sentence that states a changed fact is shown with that change', () => {
    const supervision = find(april, 'Restrictions', 'allowChat').find((c) => c.kind === 'supervision-changed');
    const description = find(april, 'Restrictions', 'allowChat').find((c) => c.kind === 'description-changed');
    expect(supervision).toMatchObject({ kind: 'supervision-changed', old: ['iOS'], new: ['iOS', 'visionOS'] });
    expect(description!.hunks).toEqual([expect.objectContaining({ fact: 'supervision', withChange: true })]);
    const bluetooth = find(april, 'PrivacyPreferencesPolicyControl.Services', 'BluetoothAlways');
    expect(bluetooth.map((c) => c.kind)).toEqual(['availability-changed', 'deprecation-changed', 'description-changed']);
    const md = markdownReport(april);
    // Shown once, with the deprecation (in the list of the "deprecated on 117 keys" line), not as wording.
    const sentence = '`PrivacyPreferencesPolicyControl.Services.BluetoothAlways` — “… the app to access Bluetooth devices. **Deprecated: use the Privacy key in the declarative management com.apple.configuration.app-settings configuration.**”';
    expect(md.split(sentence)).toHaveLength(2);
    expect(md).not.toContain('- `PrivacyPreferencesPolicyControl.Services.BluetoothAlways`:');
  });

  it('the yearly report groups iPadOS listed on every key into one line', () => {
    const ipad = april.changes.filter((c) => c.kind === 'availability-changed' && c.platform === 'iPadOS' && c.old === null && c.class === 'additive');
    expect(ipad.length).toBe(486);
    const md = markdownReport(april);
    expect(md).toContain('\n- iPadOS listed for the first time on 486 keys\n  <details><summary>486 changes</summary>\n\n  - 13+ (66): `AccountConfigurationResponse.EnrollmentID`, ');
    expect(md).not.toMatch(/^- .*iPadOS — → /m);
    expect(md.split('\n').length - 1).toBeLessThanOrEqual(430);
  });

  it('every "same edit" line is true for every key it names: only text each key\'s own diff shows', () => {
    let groups = 0;
    for (const r of [april, august]) {
      for (const e of reportSections(r).flatMap((x) => x.entries)) {
        if (!e.line.startsWith('the same edit on ')) continue;
        groups++;
        const members = e.covers.map((i) => r.changes[i]!);
        const names = members.length <= 6 ? members.map(ref).join(', ') : `${members.length} keys`;
        expect(e.line.startsWith(`the same edit on ${names}: `)).toBe(true);
        const shown = e.line.slice(`the same edit on ${names}: `.length);
        for (const m of members) {
          const own = markdownHunks((m.hunks ?? []).filter((h) => !h.withChange));
          for (const piece of shown.split('…').map((x) => x.trim()).filter(Boolean)) expect(own, `${m.object}.${m.property}`).toContain(piece);
        }
      }
    }
    expect(groups).toBeGreaterThan(40);
    // The line the 06-09 → 08-18 report got wrong: allowTimeMachineBackup's sentence is its own.
    const line = markdownReport(august).split('\n').find((l) => l.includes('`Restrictions.allowTimeMachineBackup`'))!;
    expect(line).not.toContain('AppStoreID');
  });

  it('the grouped Markdown accounts for every change of the JSON', () => {
    for (const r of [april, august]) {
      const json = JSON.parse(jsonReport(r)) as DiffReport;
      expect(json.changes.length).toBe(r.changes.length);
      const covered = reportSections(r).flatMap((s) => s.entries.flatMap((e) => e.covers)).sort((a, b) => a - b);
      expect(covered).toEqual(json.changes.map((_, i) => i));
      // And each change is named where it is accounted for: its key in a line or a list.
      const md = markdownReport(r);
      const missing = json.changes.filter((c) => !md.includes(c.property !== undefined ? `\`${c.property}\`` : `\`${c.object}\``) && !md.includes(`\`${c.object}.${c.property}\``));
      expect(missing).toEqual([]);
    }
    // 18 of them are the 802.1X Ethernet pages' profile-specific keys: the 2026-04-28 mirror lost their lists.
    // 22 are the composed StatusReport.StatusItems dictionaries' (8 objects, 12 keys, 2 wordings): both versions have them.
    expect(april.changes.length).toBe(2968);
  });

  it('--max-lines keeps the summary and every breaking change and says what it cut', () => {
    const full = markdownReport(april);
    const cut = markdownReport(april, { maxLines: 80 });
    expect(cut.split('\n').length - 1).toBeLessThanOrEqual(80);
    const breaking = full.slice(full.indexOf('## Breaking'), full.indexOf('## Additive'));
    expect(breaking.match(/^- /gm)).toHaveLength(18);
    expect(cut).toContain(breaking);
    const kept = reportSections(april).flatMap((s) => (s.whole ? [] : s.entries));
    const shown = (cut.slice(cut.indexOf('## Additive')).match(/^- /gm) ?? []).length;
    const left = kept.slice(shown).reduce((n, e) => n + e.covers.length, 0);
    expect(cut).toContain(`_Cut to fit 80 lines: ${kept.length - shown} entries (${left.toLocaleString('en-US')} changes) left out.`);
    // Below what the summary and breaking changes need, they still come whole.
    const tiny = markdownReport(august, { maxLines: 5 });
    expect(tiny).toContain('- `NetworkVPNIPSecOnDemandObject.DisableUserOverride`: key removed');
    expect(tiny).toMatch(/kept whole although they take more than 5 lines/);
  });

  describe('history over the three changelog versions', () => {
    let history: HistoryReport;
    const timeline = (object: string, property: string, fact: string) =>
      history.entries.find((e) => e.object === object && e.property === property)?.facts.find((f) => f.fact === fact)?.changes;
    beforeAll(() => {
      history = historyOf(['changelog-2026-04-28', 'changelog-2026-06-09', 'changelog-2026-08-18'].map((label) => ({ label, ir: ir[label]! })));
    });

    it('keys removed, added and removed again', () => {
      expect(timeline('Restrictions', 'allowRapidSecurityResponseInstallation', 'present')).toEqual([
        { version: 'changelog-2026-04-28', value: true }, { version: 'changelog-2026-06-09', value: false },
      ]);
      expect(timeline('NetworkVPNIPSecOnDemandObject', 'DisableUserOverride', 'present')).toEqual([
        { version: 'changelog-2026-06-09', value: true }, { version: 'changelog-2026-08-18', value: false },
      ]);
    });

    it('allowed values, supervision and availability in the version they changed', () => {
      expect(timeline('VPN.IKEv2', 'TLSMaximumVersion', 'allowedValues')).toEqual([
        { version: 'changelog-2026-04-28', value: ['1.0', '1.1', '1.2'] }, { version: 'changelog-2026-06-09', value: ['1.0', '1.1', '1.2', '1.3'] },
      ]);
      expect(timeline('Restrictions', 'allowChat', 'supervised')).toEqual([
        { version: 'changelog-2026-04-28', value: ['iOS'] }, { version: 'changelog-2026-06-09', value: ['iOS', 'visionOS'] },
      ]);
      expect(timeline('Restrictions', 'allowCamera', 'iPadOS')).toEqual([
        { version: 'changelog-2026-04-28', value: null }, { version: 'changelog-2026-06-09', value: { introduced: '4' } },
      ]);
      // Calendar came in 06-09 without an Available line (saying nothing of platforms); 08-18 says iOS 27+.
      expect(timeline('IntelligenceSettingsAppsObject', 'Calendar', 'present')).toEqual([{ version: 'changelog-2026-06-09', value: true }]);
      expect(timeline('IntelligenceSettingsAppsObject', 'Calendar', 'iOS')).toEqual([{ version: 'changelog-2026-08-18', value: { introduced: '27' } }]);
    });

    it('across flavours, a fact one flavour cannot state is not read as a change', () => {
      const mixed = historyOf(['rendered-2025-04', 'changelog-2026-04-28', 'changelog-2026-06-09'].map((label) => ({ label, ir: ir[label]! })), { object: 'VPN.IKEv2', property: 'MTU' });
      const facts = Object.fromEntries(mixed.entries[0]!.facts.map((f) => [f.fact, f.changes]));
      expect(facts).toMatchObject({
        // Both 2025-04 and 04-28 say "Available in iOS 14 and later, and macOS 11 and later" in
        // prose; a rendered page's silence on watchOS says nothing, a changelog page's does.
        iOS: [{ version: 'rendered-2025-04', value: { introduced: '14' } }],
        watchOS: [{ version: 'changelog-2026-04-28', value: null }, { version: 'changelog-2026-06-09', value: { introduced: '10' } }],
        // The changelog flavour prints no range: the rendered page's bounds stand.
        minimum: [{ version: 'rendered-2025-04', value: 1280 }],
      });
    });

    it('a key asked for by name: every fact it states, from its first version', () => {
      const camera = historyOf(['changelog-2026-04-28', 'changelog-2026-06-09', 'changelog-2026-08-18'].map((label) => ({ label, ir: ir[label]! })), { object: 'Restrictions', property: 'allowCamera' });
      expect(camera.entries).toHaveLength(1);
      // "Support for this restriction on unsupervised devices is deprecated.": a condition, not a deprecation of the key.
      expect(camera.entries[0]!.facts.find((f) => f.fact === 'deprecatedWhen')!.changes).toEqual([{ version: 'changelog-2026-04-28', value: ['unsupervised'] }]);
      expect(camera.entries[0]!.facts.find((f) => f.fact === 'deprecated')?.changes ?? []).not.toContainEqual(expect.objectContaining({ value: true }));
      expect(camera.entries[0]!.facts.find((f) => f.fact === 'macOS')!.changes).toEqual([{ version: 'changelog-2026-04-28', value: { introduced: '10.11' } }]);
    });
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
