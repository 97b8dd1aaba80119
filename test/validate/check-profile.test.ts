/**
 * What `validate` reports for profiles built in the test, with the checked-in validators (the
 * seeds plus the built-in TopLevel and CommonPayloadKeys): routing by PayloadType, the top level,
 * types as the device sees them, duplicates, unknown payload types, paths and the JSON shape.
 */
import { describe, expect, it } from 'vitest';
import * as checkedIn from '../fixtures/emit/seeds/validators/registry.js';
import { validateProfileBytes, type FileReport } from '../../generator/validate/index.js';
import { jsonValidationReport, textReport, validationExitCode } from '../../generator/validate/report.js';
import { parseSpecDir } from '../../generator/parse/index.js';
import { SEED_PAGES } from '../helpers/corpus.js';
import { bytes, dict, int, payload, profileXml, str } from '../helpers/profiles.js';

const APP = 'com.apple.vpn.managed.applayer';

async function check(xml: string, options = {}): Promise<FileReport> {
  return validateProfileBytes('test.mobileconfig', bytes(xml), checkedIn, options);
}

const findings = (r: FileReport): string[] => r.issues.map((i) => `${i.path} ${i.severity} ${i.code}`);

describe("the seeds' own profile example", () => {
  it('validates the AppLayerVPN page\'s example: its deprecated keys are warned about, the certificate payload is not checked', async () => {
    const example = parseSpecDir(SEED_PAGES).objects.find((o) => o.name === 'AppLayerVPN')!.examples![0]!;
    const r = await check(example.text);
    expect(r.payloads.map((p) => [p.payloadType, p.checked])).toEqual([[APP, true], ['com.apple.security.pkcs12', false]]);
    expect(r.issues.map((i) => `${i.path} ${i.severity} ${i.code}`)).toEqual([
      'PayloadContent[0].CalendarDomains warning deprecated',
      'PayloadContent[0].ContactsDomains warning deprecated',
      'PayloadContent[0].MailDomains warning deprecated',
    ]);
  });
});

describe('validating a profile', () => {
  it('passes a clean profile and routes each payload to the object of its PayloadType', async () => {
    const r = await check(profileXml([payload(APP, '1', [['SafariDomains', `<array>${str('example.com')}</array>`]])]));
    expect(r.issues).toEqual([]);
    // The seeds lack the VPN page AppLayerVPN inherits from: its keys are not checked, and the report says so.
    expect(r.payloads).toEqual([{ index: 0, payloadType: APP, object: 'AppLayerVPN', checked: true, coverage: 'partly checked', missing: ['VPN'] }]);
    expect(validationExitCode([r])).toBe(0);
  });

  it('checks types as the device sees them: <integer>1 for a boolean, a date in a <string>, <real> for an integer', async () => {
    const r = await check(profileXml([payload(APP, '1', [['OnDemandMatchAppEnabled', int(1)]])], [
      ['PayloadVersion', '<real>1</real>'], ['RemovalDate', str('2027-01-01T00:00:00Z')],
    ]));
    expect(r.issues.map((i) => [i.path, i.code, i.message])).toEqual([
      ['PayloadVersion', 'wrong-type', 'expected integer, got real 1'],
      ['RemovalDate', 'wrong-type', 'expected date, got string "2027-01-01T00:00:00Z"'],
      ['PayloadContent[0].OnDemandMatchAppEnabled', 'wrong-type', 'expected boolean, got integer 1'],
    ]);
    expect(r.issues[2]).toMatchObject({ payloadType: APP, severity: 'error', expected: 'boolean', actual: 1 });
  });

  it('checks the top level: missing keys, the Configuration type, allowed values', async () => {
    const xml = profileXml([payload(APP, '1')], [['PayloadType', str('Profile')], ['PayloadScope', str('Everyone')]])
      .replace(/<key>PayloadUUID<\/key><string>AAAA[^<]*<\/string>/, '');
    expect(findings(await check(xml))).toEqual([
      'PayloadUUID error missing-required',
      'PayloadType error not-allowed',
      'PayloadScope error not-allowed',
    ]);
  });

  it('reports payload types the spec does not know as not checked, and still checks their common keys', async () => {
    const r = await check(profileXml([
      dict([['PayloadType', str('com.example.custom')], ['PayloadIdentifier', str('com.example.c')], ['AnyKey', str('x')]]),
    ]));
    expect(r.payloads).toEqual([{ index: 0, payloadType: 'com.example.custom', checked: false, coverage: 'not checked', reason: 'the spec has no payload of this type' }]);
    expect(findings(r)).toEqual(['PayloadContent[0].PayloadUUID error missing-required', 'PayloadContent[0].PayloadVersion error missing-required']);
  });

  it('reports a payload without PayloadType, and one that is not a dictionary', async () => {
    const r = await check(profileXml([dict([['PayloadIdentifier', str('a')], ['PayloadUUID', str('b')], ['PayloadVersion', int(1)]]), str('oops')]));
    expect(r.payloads.map((p) => [p.payloadType, p.checked, p.reason])).toEqual([
      [null, false, 'the payload has no PayloadType'], [null, false, 'not a dictionary (string)'],
    ]);
    expect(findings(r)).toEqual(['PayloadContent[1] error wrong-type', 'PayloadContent[0].PayloadType error missing-required']);
  });

  it('makes repeated PayloadUUIDs and PayloadIdentifiers errors, naming the first user; reusing the profile identifier is a warning', async () => {
    const r = await check(profileXml([payload(APP, '1'), payload(APP, '1'), payload(APP, 'profile')], [['PayloadIdentifier', str('com.example.profile')]]));
    expect(r.issues.map((i) => `${i.path} ${i.severity} ${i.code}: ${i.message}`)).toEqual([
      'PayloadContent[1].PayloadUUID error duplicate-uuid: PayloadUUID "00000000-0000-0000-0000-000000000001" is already used by PayloadContent[0]',
      'PayloadContent[1].PayloadIdentifier error duplicate-identifier: PayloadIdentifier "com.example.1" is already used by PayloadContent[0]',
      'PayloadContent[2].PayloadIdentifier warning identifier-reuses-profile: PayloadIdentifier "com.example.profile" is also the profile\'s identifier; Apple asks payload identifiers to be unique',
    ]);
    expect(validationExitCode([r])).toBe(1);
  });

  it('treats __proto__ and constructor keys as plain data', async () => {
    const hostile: Array<[string, string]> = [['__proto__', dict([['polluted', '<true/>']])], ['constructor', str('x')]];
    const r = await check(profileXml([payload(APP, '1')], hostile));
    expect(findings(r)).toEqual(['__proto__ warning unknown-key', 'constructor warning unknown-key']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(findings(await check(profileXml([payload(APP, '1')], hostile), { strict: true }))).toEqual(['__proto__ error unknown-key', 'constructor error unknown-key']);
  });

  it('reports keys a platform or version does not support', async () => {
    const xml = profileXml([payload(APP, '1', [['CellularSliceUUID', str('x')]])]);
    // The page names iOS, iPadOS and watchOS only; it says nothing of macOS, so nothing is reported.
    expect(findings(await check(xml, { platform: 'macOS' }))).toEqual([]);
    expect(findings(await check(xml, { platform: 'iOS', osVersion: '17.4' }))).toEqual(['PayloadContent[0].CellularSliceUUID warning unavailable-on-platform']);
    expect(findings(await check(xml, { platform: 'iOS', osVersion: '18.0' }))).toEqual([]);
  });

  it('stops at the time limit with a timeout error naming the payloads it did not check', async () => {
    const r = await check(profileXml([payload(APP, '1'), payload(APP, '2')]), { timeoutMs: 0 });
    expect(findings(r)).toEqual(['PayloadContent[0] error timeout']);
    expect(r.issues[0]!.message).toBe('validation stopped after 0 ms time limit; PayloadContent[0] to [1] (2 payloads) were not checked');
    // Each payload not reached is reported as not checked, so no report reads as if it had been.
    expect(r.payloads.map((p) => [p.index, p.payloadType, p.coverage, p.reason])).toEqual([
      [0, APP, 'not checked', 'the time limit passed before it was checked'],
      [1, APP, 'not checked', 'the time limit passed before it was checked'],
    ]);
  });

  it('prints findings like a compiler, each with its severity, the profile\'s own first, then payload by payload, and a summary line', async () => {
    const r = await check(profileXml([payload(APP, '1', [['SafariDomains', str('no')]]), payload('com.example.x', '2')], [['Extra', str('x')]]));
    expect(textReport([r])).toBe([
      'test.mobileconfig:3:850: warning unknown-key (Configuration) Extra: Extra is not a key of this dictionary',
      'test.mobileconfig: info partly-checked PayloadContent[0] (com.apple.vpn.managed.applayer): the spec has no page for VPN; keys under it are not checked',
      'test.mobileconfig:3:313: error wrong-type PayloadContent[0] (com.apple.vpn.managed.applayer) SafariDomains: expected array of string, got string "no"',
      'test.mobileconfig: info not-checked PayloadContent[1] (com.example.x): the spec has no payload of this type',
      '1 file, 2 payloads (0 checked, 1 partly checked, 1 not checked): 1 error, 1 warning',
      '',
    ].join('\n'));
  });

  it('gives machines the documented JSON shape', async () => {
    const r = await check(profileXml([payload(APP, '1', [['SafariDomains', str('no')]])]));
    expect(JSON.parse(JSON.stringify(jsonValidationReport([r])))).toEqual({
      files: [{
        file: 'test.mobileconfig',
        kind: 'profile',
        payloads: [{ index: 0, payloadType: APP, object: 'AppLayerVPN', checked: true, coverage: 'partly checked', missing: ['VPN'] }],
        issues: [{ path: 'PayloadContent[0].SafariDomains', payloadType: APP, code: 'wrong-type', severity: 'error', message: 'expected array of string, got string "no"', expected: 'array of string', actual: 'no', line: 3, column: 313 }],
      }],
      summary: { files: 1, unreadable: 0, malformed: 0, skipped: 0, kinds: { profile: 1 }, payloads: 1, checked: 0, partlyChecked: 1, notChecked: 0, errors: 1, warnings: 0, infos: 0, suppressed: 0 },
    });
  });
});

describe('text reports', () => {
  it('shortens long lists of allowed values in text and keeps them whole in JSON', async () => {
    const r: FileReport = {
      file: 'x.mobileconfig', payloads: [], issues: [{
        path: 'PayloadContent[0].Mode', payloadType: 'com.example', code: 'not-allowed', severity: 'error',
        message: `string "z" is not one of ${Array.from({ length: 42 }, (_, i) => `"v${i}"`).join(', ')}`, expected: Array.from({ length: 42 }, (_, i) => `v${i}`), actual: 'z',
      }],
    };
    expect(textReport([r]).split('\n')[0]).toBe('x.mobileconfig: error not-allowed PayloadContent[0] (com.example) Mode: string "z" is not one of "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", … (34 more; --format json lists all 42)');
    expect(jsonValidationReport([r]).files[0]!.issues[0]!.expected).toHaveLength(42);
  });

  it('names the nested pages a partly checked payload lacks', async () => {
    const r: FileReport = { file: 'x.mobileconfig', kind: 'profile', payloads: [{ index: 0, payloadType: 'com.example', object: 'Example', checked: true, coverage: 'partly checked', missing: ['Example.Inner'] }], issues: [] };
    expect(textReport([r])).toBe([
      'x.mobileconfig: info partly-checked PayloadContent[0] (com.example): the spec has no page for Example.Inner; keys under it are not checked',
      '1 file, 1 payload (0 checked, 1 partly checked, 0 not checked): 0 errors, 0 warnings',
      '',
    ].join('\n'));
  });
});
