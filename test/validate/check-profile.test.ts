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
    expect(r.payloads).toEqual([{ index: 0, payloadType: APP, object: 'AppLayerVPN', checked: true }]);
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
    expect(r.payloads).toEqual([{ index: 0, payloadType: 'com.example.custom', checked: false, reason: 'the spec has no payload of this type' }]);
    expect(findings(r)).toEqual(['PayloadContent[0].PayloadUUID error missing-required', 'PayloadContent[0].PayloadVersion error missing-required']);
  });

  it('reports a payload without PayloadType, and one that is not a dictionary', async () => {
    const r = await check(profileXml([dict([['PayloadIdentifier', str('a')], ['PayloadUUID', str('b')], ['PayloadVersion', int(1)]]), str('oops')]));
    expect(r.payloads.map((p) => [p.payloadType, p.checked, p.reason])).toEqual([
      [null, false, 'the payload has no PayloadType'], [null, false, 'not a dictionary (string)'],
    ]);
    expect(findings(r)).toEqual(['PayloadContent[1] error wrong-type', 'PayloadContent[0].PayloadType error missing-required']);
  });

  it('makes repeated PayloadUUIDs and PayloadIdentifiers errors, naming the first user', async () => {
    const r = await check(profileXml([payload(APP, '1'), payload(APP, '1'), payload(APP, 'profile')], [['PayloadIdentifier', str('com.example.profile')]]));
    expect(r.issues.map((i) => `${i.path} ${i.code}: ${i.message}`)).toEqual([
      'PayloadContent[1].PayloadUUID duplicate-uuid: PayloadUUID "00000000-0000-0000-0000-000000000001" is already used by PayloadContent[0]',
      'PayloadContent[1].PayloadIdentifier duplicate-identifier: PayloadIdentifier "com.example.1" is already used by PayloadContent[0]',
      'PayloadContent[2].PayloadIdentifier duplicate-identifier: PayloadIdentifier "com.example.profile" is already used by the profile',
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
    expect(findings(await check(xml, { platform: 'iOS', osVersion: '17.4' }))).toEqual(['PayloadContent[0].CellularSliceUUID error unavailable-on-platform']);
    expect(findings(await check(xml, { platform: 'iOS', osVersion: '18.0' }))).toEqual([]);
  });

  it('stops at the time limit with a timeout error instead of running on', async () => {
    const r = await check(profileXml([payload(APP, '1'), payload(APP, '2')]), { timeoutMs: 0 });
    expect(findings(r)).toEqual(['PayloadContent[0] error timeout']);
    expect(r.payloads).toEqual([]);
  });

  it('prints findings like a compiler and a summary line', async () => {
    const r = await check(profileXml([payload(APP, '1', [['SafariDomains', str('no')]]), payload('com.example.x', '2')]));
    expect(textReport([r])).toBe([
      'test.mobileconfig: PayloadContent[1] (com.example.x): not checked: the spec has no payload of this type',
      'test.mobileconfig: PayloadContent[0] (com.apple.vpn.managed.applayer) SafariDomains: wrong-type: expected array of string, got string "no"',
      '1 file, 2 payloads (1 checked, 1 not checked): 1 error, 0 warnings',
      '',
    ].join('\n'));
  });

  it('gives machines the documented JSON shape', async () => {
    const r = await check(profileXml([payload(APP, '1', [['SafariDomains', str('no')]])]));
    expect(JSON.parse(JSON.stringify(jsonValidationReport([r])))).toEqual({
      files: [{
        file: 'test.mobileconfig',
        payloads: [{ index: 0, payloadType: APP, object: 'AppLayerVPN', checked: true }],
        issues: [{ path: 'PayloadContent[0].SafariDomains', payloadType: APP, code: 'wrong-type', severity: 'error', message: 'expected array of string, got string "no"', expected: 'array of string', actual: 'no' }],
      }],
      summary: { files: 1, unreadable: 0, payloads: 1, checked: 1, notChecked: 0, errors: 1, warnings: 0 },
    });
  });
});
