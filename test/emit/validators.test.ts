/**
 * The validators generated from the seeds (the goldens in test/fixtures/emit/seeds), on a valid VPN.IKEv2 payload and
 * on one mutation per kind of problem, each checked for its code, path and severity.
 */
import { describe, expect, it } from 'vitest';
import { validatorsByPayloadType } from '../fixtures/emit/seeds/validators/registry.js';
import { PlistReal } from '../../generator/runtime/plist/index.js';
import { isVPNIKEv2, validateAppLayerVPN, validateVPNIKEv2, type ValidationIssue } from '../fixtures/emit/seeds/validators/index.js';

const valid = (): Record<string, unknown> => ({
  AuthenticationMethod: 'Certificate',
  LocalIdentifier: 'client.example.com',
  RemoteAddress: 'vpn.example.com',
  RemoteIdentifier: 'vpn.example.com',
  DeadPeerDetectionRate: 'Medium',
  MTU: 1300,
  PPK: new Uint8Array([1, 2, 3]),
  OnDemandRules: [{ Action: 'Connect' }, { Action: 'Disconnect' }],
  ChildSecurityAssociationParameters: { EncryptionAlgorithm: 'AES-256' },
});

const brief = (issues: ValidationIssue[]) => issues.map((i) => `${i.severity} ${i.code} ${i.path}`);

describe('generated validator for VPN.IKEv2', () => {
  it('accepts a valid payload and is a type guard', () => {
    const value: unknown = valid();
    expect(validateVPNIKEv2(value)).toEqual({ valid: true, issues: [] });
    if (isVPNIKEv2(value)) expect(value.AuthenticationMethod).toBe('Certificate');
    else expect.fail('a valid payload must pass the guard');
  });

  it.each([
    ['a missing required key', (v: Record<string, unknown>) => delete v['RemoteAddress'], 'error missing-required RemoteAddress'],
    ['a string for an integer', (v: Record<string, unknown>) => (v['MTU'] = '1300'), 'error wrong-type MTU'],
    ['a real for an integer', (v: Record<string, unknown>) => (v['MTU'] = 1300.5), 'error wrong-type MTU'],
    ['a plist <real> holding a whole number', (v: Record<string, unknown>) => (v['DisableMOBIKE'] = new PlistReal(1)), 'error wrong-type DisableMOBIKE'],
    ['a value not allowed', (v: Record<string, unknown>) => (v['AuthenticationMethod'] = 'Password'), 'error not-allowed AuthenticationMethod'],
    ['an integer not allowed', (v: Record<string, unknown>) => (v['DisableMOBIKE'] = 2), 'error not-allowed DisableMOBIKE'],
    ['below the minimum', (v: Record<string, unknown>) => (v['MTU'] = 1000), 'error below-minimum MTU'],
    ['above the maximum', (v: Record<string, unknown>) => (v['MTU'] = 9000), 'error above-maximum MTU'],
    ['a string for data', (v: Record<string, unknown>) => (v['PPK'] = 'AQID'), 'error wrong-type PPK'],
    ['an array item that is not a dictionary', (v: Record<string, unknown>) => (v['OnDemandRules'] = [{}, 'x']), 'error wrong-type OnDemandRules[1]'],
    ['an unknown key', (v: Record<string, unknown>) => (v['Frobnicate'] = true), 'warning unknown-key Frobnicate'],
  ])('reports %s', (_name, mutate, expected) => {
    const v = valid();
    mutate(v);
    expect(brief(validateVPNIKEv2(v).issues)).toEqual([expected]);
  });

  it('makes unknown keys errors with strict', () => {
    expect(validateVPNIKEv2({ ...valid(), Frobnicate: 1 }, { strict: true })).toMatchObject({ valid: false, issues: [{ code: 'unknown-key', severity: 'error' }] });
  });

  it('reports the actual and expected values', () => {
    const [issue] = validateVPNIKEv2({ ...valid(), MTU: '1300' }).issues;
    expect(issue).toEqual({ path: 'MTU', code: 'wrong-type', severity: 'error', message: 'expected integer, got string "1300"', expected: 'integer', actual: '1300' });
  });

  it('reports keys the target platform or version does not support', () => {
    expect(brief(validateVPNIKEv2(valid(), { platform: 'watchOS' }).issues)).toEqual(['warning unavailable-on-platform DeadPeerDetectionRate']);
    expect(brief(validateVPNIKEv2(valid(), { platform: 'iOS', osVersion: '13.4' }).issues)).toEqual(['warning unavailable-on-platform MTU']);
    expect(validateVPNIKEv2(valid(), { platform: 'iOS', osVersion: '14.0' }).issues).toEqual([]);
    expect(validateVPNIKEv2(valid(), { platform: 'macOS', osVersion: '10.15.7' }).issues.map((i) => i.path)).toEqual(['MTU']);
  });

  it('treats __proto__ and constructor as plain data', () => {
    const v = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as Record<string, unknown>;
    Object.assign(v, valid());
    expect(brief(validateVPNIKEv2(v).issues).sort()).toEqual(['warning unknown-key __proto__', 'warning unknown-key constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects what is not a dictionary', () => {
    for (const v of [null, 'x', 1, [], new Date()]) expect(brief(validateVPNIKEv2(v).issues)).toEqual(['error wrong-type ']);
  });
});

describe('generated validator for AppLayerVPN', () => {
  const payload = () => ({
    PayloadType: 'com.apple.vpn.managed.applayer', PayloadIdentifier: 'com.example.vpn', PayloadUUID: '5A015006-D559-4C5C-B197-737CF4DCFA96', PayloadVersion: 1,
    VPNUUID: '9F658A35-2B0F-4D5E-872D-61A9130FE882', SafariDomains: ['*.example.com'], OnDemandMatchAppEnabled: true,
  });

  it('is found by payload type and accepts the page example\'s payload', () => {
    expect(validatorsByPayloadType.get('com.apple.vpn.managed.applayer')).toBe(validateAppLayerVPN);
    expect(validateAppLayerVPN(payload())).toEqual({ valid: true, issues: [] });
  });

  it('checks the common payload keys and warns on deprecated keys', () => {
    expect(brief(validateAppLayerVPN({ ...payload(), PayloadType: 'com.apple.vpn.managed', CalendarDomains: ['a.example.com'] }).issues)).toEqual([
      'warning deprecated CalendarDomains',
      'error not-allowed PayloadType',
    ]);
    const { PayloadUUID: _, ...rest } = payload();
    expect(brief(validateAppLayerVPN(rest).issues)).toEqual(['error missing-required PayloadUUID']);
  });

  it('does not call keys unknown when an inherited object is missing from the spec', () => {
    expect(validateAppLayerVPN({ ...payload(), VPNType: 'VPN' }).issues).toEqual([]);
  });
});

describe('validation results', () => {
  it('shares one frozen result for a value with no finding', () => {
    const a = validateVPNIKEv2(valid());
    expect(a).toBe(validateVPNIKEv2(valid()));
    expect(Object.isFrozen(a) && Object.isFrozen(a.issues)).toBe(true);
  });

  it('builds issues when read, and serialises them with their messages', () => {
    const r = validateVPNIKEv2({ ...valid(), MTU: '1300', Frobnicate: true });
    expect(r.valid).toBe(false);
    expect(r.issues).toBe(r.issues);
    expect(JSON.parse(JSON.stringify(r))).toEqual({
      valid: false,
      issues: [
        { path: 'MTU', code: 'wrong-type', severity: 'error', message: 'expected integer, got string "1300"', expected: 'integer', actual: '1300' },
        { path: 'Frobnicate', code: 'unknown-key', severity: 'warning', message: 'Frobnicate is not a key of this dictionary' },
      ],
    });
  });

  it('gives the guard the same verdict as the validator, with and without options', () => {
    const cases: Array<[unknown, object | undefined]> = [
      [valid(), undefined], [{ ...valid(), MTU: '1300' }, undefined], [{ ...valid(), Frobnicate: 1 }, undefined],
      [{ ...valid(), Frobnicate: 1 }, { strict: true }], [valid(), { platform: 'watchOS' }], [null, undefined],
      [{ ...valid(), OnDemandRules: [{ Action: 'Nope' }, 'x'] }, undefined],
    ];
    for (const [value, options] of cases) expect(isVPNIKEv2(value, options), JSON.stringify([value, options])).toBe(validateVPNIKEv2(value, options).valid);
  });

  it('reports in the order of the page for an object of up to 72 keys, whose keys are read by name', () => {
    const { OnDemandRules: _, MTU: __, ...rest } = valid();
    // The page lists MTU before OnDemandRules; the value has them the other way round.
    const v = { OnDemandRules: [{}, 'x'], ...rest, MTU: 'big' };
    expect(brief(validateVPNIKEv2(v).issues)).toEqual(['error wrong-type MTU', 'error wrong-type OnDemandRules[1]']);
  });
});
