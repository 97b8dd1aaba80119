/**
 * The two founding pages (test/fixtures/seeds/): the rendered VPN.IKEv2 page and the frontmatter AppLayerVPN
 * page, parsed into exact IR.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { irJson } from '../../generator/emit/ir-json.js';
import { parseSpecDir } from '../../generator/parse/index.js';
import { SEED_PAGES } from '../helpers/corpus.js';
import { expectGolden } from '../helpers/golden.js';

const ir = parseSpecDir(SEED_PAGES);
const object = (name: string) => ir.objects.find((o) => o.name === name)!;
const prop = (o: string, p: string) => object(o).properties.find((x) => x.name === p)!;

describe('seeds', () => {
  it('match the golden IR', () => {
    expectGolden(join(import.meta.dirname, '../fixtures/emit/seeds/ir.json'), irJson(ir));
  });

  it('VPN.IKEv2 (rendered): object facts', () => {
    expect(object('VPN.IKEv2')).toMatchObject({
      kind: 'profile',
      summary: 'The dictionary to use for an IKEv2 VPN type.',
      availability: { iOS: { introduced: '4.0' }, iPadOS: { introduced: '4.0' }, macOS: { introduced: '10.7' }, tvOS: { introduced: '17.0' }, visionOS: { introduced: '1.0' } },
      source: { file: 'vpn-ikev2.md', line: 9, flavour: 'rendered' },
    });
    expect(object('VPN.IKEv2').properties).toHaveLength(44);
  });

  it('VPN.IKEv2 (rendered): typed values, refs, ranges', () => {
    expect(prop('VPN.IKEv2', 'AuthenticationMethod')).toMatchObject({ type: { kind: 'string' }, required: true, allowedValues: ['None', 'SharedSecret', 'Certificate'] });
    expect(prop('VPN.IKEv2', 'MTU')).toMatchObject({
      type: { kind: 'integer' }, default: 1280, minimum: 1280, maximum: 1400,
      availability: { iOS: { introduced: '14' }, macOS: { introduced: '11' } }, source: { line: 239 },
    });
    expect(prop('VPN.IKEv2', 'DisableMOBIKE')).toMatchObject({ default: 0, allowedValues: [0, 1] });
    expect(prop('VPN.IKEv2', 'ChildSecurityAssociationParameters').type).toEqual({ kind: 'ref', name: 'VPN.IKEv2.ChildSecurityAssociationParameters' });
    expect(prop('VPN.IKEv2', 'OnDemandRules').type).toEqual({ kind: 'array', items: { kind: 'ref', name: 'VPN.VPN.OnDemandRulesElement' } });
    expect(prop('VPN.IKEv2', 'PPK').type).toEqual({ kind: 'data' });
    expect(prop('VPN.IKEv2', 'TLSMaximumVersion')).toMatchObject({ default: '1.2', allowedValues: ['1.0', '1.1', '1.2'] });
  });

  it('VPN.IKEv2 (rendered): availability stated in prose', () => {
    expect(prop('VPN.IKEv2', 'EnableFallback').availability).toEqual({ iOS: { introduced: '13' }, tvOS: { introduced: '17' }, watchOS: { available: false } });
    expect(prop('VPN.IKEv2', 'DeadPeerDetectionRate').availability).toEqual({ watchOS: { available: false } });
    expect(prop('VPN.IKEv2', 'ProviderDesignatedRequirement').availability).toEqual({ macOS: { introduced: '10.15' }, tvOS: { introduced: '17' }, watchOS: { introduced: '10' } });
    expect(prop('VPN.IKEv2', 'DeadPeerDetectionRate').valueDescriptions?.[0]).toEqual({ value: 'None', description: 'No keepalive.' });
  });

  it('AppLayerVPN (frontmatter): keys split exactly, types inferred and labelled', () => {
    const o = object('AppLayerVPN');
    expect(o).toMatchObject({ kind: 'profile', payloadType: 'com.apple.vpn.managed.applayer', inherits: ['VPN'], source: { flavour: 'frontmatter' } });
    expect(o.properties.map((p) => [p.name, p.type.kind, p.typeOrigin])).toEqual([
      ['AssociatedDomains', 'array', 'prose'],
      ['CalendarDomains', 'array', 'example'],
      ['CellularSliceUUID', 'string', 'prose'],
      ['ContactsDomains', 'array', 'example'],
      ['ExcludedDomains', 'array', 'prose'],
      ['MailDomains', 'array', 'example'],
      ['OnDemandMatchAppEnabled', 'boolean', 'example'],
      ['SafariDomains', 'array', 'example'],
      ['SMBDomains', 'array', 'prose'],
      ['VPNUUID', 'string', 'example'],
    ]);
    expect(prop('AppLayerVPN', 'CalendarDomains')).toMatchObject({
      deprecated: true,
      availability: { iOS: { introduced: '13', deprecated: '13.4' }, iPadOS: { introduced: '13', deprecated: '13.4' }, macOS: { introduced: '10.15' } },
    });
    expect(prop('AppLayerVPN', 'VPNUUID').description).toBe('A globally unique identifier for this VPN configuration.');
    expect(o.examples?.[0]?.text).toMatch(/^<\?xml[\s\S]*<\/plist>$/);
  });

  it('reports the refs the two seeds cannot resolve', () => {
    expect(ir.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      'applayervpn.md:9 unresolved-inherits',
      'vpn-ikev2.md:57 unresolved-ref',
      'vpn-ikev2.md:209 unresolved-ref',
      'vpn-ikev2.md:283 unresolved-ref',
    ]);
  });
});
