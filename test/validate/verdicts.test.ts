/**
 * Verdicts an admin can trust, with the checked-in validators of Apple's whole spec: platform and
 * version exactly as the pages say (keys and whole payload types), deprecations only on their
 * platform and from their version on, the device's supervision and enrollment, identifier rules,
 * signatures and their chain, and the rules of a profile as a whole.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as checkedIn from '@dmspec/apple';
import { readPemCertificates, validateDocumentBytes, validatorsFor, type FileReport, type ValidateProfilesOptions, type ValidatorModule } from '../../generator/validate/index.js';
import { textReport, validationExitCode } from '../../generator/validate/report.js';
import { FINDING_RULES } from '../../generator/validate/severities.js';
import { corpusDir, describeWith, PROFILES } from '../helpers/corpus.js';
import { bytes, dict, payload, profileXml, signed, signedByKeyId, signerPem, strangerPem, str } from '../helpers/profiles.js';

const validators: ValidatorModule = checkedIn;
const RESTRICTIONS = 'com.apple.applicationaccess';
const no = '<false/>';

async function run(xml: string | Uint8Array, options: ValidateProfilesOptions = {}, v: ValidatorModule = validators): Promise<FileReport> {
  return validateDocumentBytes('p.mobileconfig', typeof xml === 'string' ? bytes(xml) : xml, v, options);
}
const findings = (r: FileReport): string[] => r.issues.map((i) => `${i.path} ${i.severity} ${i.code}`);
const restrictions = (...keys: string[]): string => profileXml([payload(RESTRICTIONS, '1', keys.map((k) => [k, no] as const))]);
const restrictionsWith = (key: string, value: string): string => profileXml([payload(RESTRICTIONS, '1', [[key, value]])]);

describe('platform and version, as the pages say', () => {
  it('warns of a key on a platform its exhaustive Available list omits (the device ignores it)', async () => {
    // "Available: iOS 7+ | iPadOS 7+"
    const xml = restrictions('allowAppCellularDataModification');
    expect(findings(await run(xml, { platform: 'macOS', osVersion: '15' }))).toEqual(['PayloadContent[0].allowAppCellularDataModification warning unavailable-on-platform']);
    expect(findings(await run(xml, { platform: 'iOS', osVersion: '17' }))).toEqual([]);
  });

  it('makes a whole payload type the platform lacks one error, not one per key', async () => {
    for (const type of ['com.apple.appstore', 'com.apple.systempreferences']) {
      const r = await run(profileXml([payload(type, '1')]), { platform: 'iOS' });
      expect(findings(r)).toEqual(['PayloadContent[0].PayloadType error unavailable-on-platform']);
      expect(r.issues[0]!.message).toMatch(/not available in iOS: its page lists macOS/);
    }
    // Where the payload's page gives no exhaustive platform list, its keys' lists judge: a macOS key, never its macOS deprecation.
    const setup = await run(profileXml([payload('com.apple.SetupAssistant.managed', '1', [['SkipSiriSetup', '<true/>']])]), { platform: 'iOS' });
    expect(findings(setup)).toEqual(['PayloadContent[0].SkipSiriSetup warning unavailable-on-platform']);
  });

  it('warns of a deprecation on its own platform from its version on, and names version and replacement', async () => {
    const xml = restrictions('allowGenmoji');
    expect(findings(await run(xml, { platform: 'macOS', osVersion: '15' }))).toEqual([]);
    const at = await run(xml, { platform: 'macOS', osVersion: '26.4' });
    expect(at.issues.map((i) => i.message)).toEqual(['deprecated in macOS 26.4: use the declarative management com.apple.configuration.intelligence.settings configuration.']);
    expect(findings(await run(xml, { platform: 'macOS', osVersion: '14' }))).toEqual(['PayloadContent[0].allowGenmoji warning unavailable-on-platform']);
    // Without a platform the message names every platform that deprecates it.
    expect((await run(xml)).issues[0]!.message).toMatch(/Deprecated in iOS 26\.4, iPadOS 26\.4, macOS 26\.4, visionOS 26\.4/);
  });

  it('keeps other platforms\' deprecations silent', async () => {
    const r = await run(profileXml([payload('com.apple.SetupAssistant.managed', '1', [['SkipSiriSetup', '<true/>']])]), { platform: 'macOS', osVersion: '14' });
    expect(findings(r)).toEqual([]);
    const later = await run(profileXml([payload('com.apple.SetupAssistant.managed', '1', [['SkipSiriSetup', '<true/>']])]), { platform: 'macOS', osVersion: '15' });
    expect(later.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^deprecated in macOS 15/)]);
  });

  it('warns of a removed key from its removal version on: the device ignores it', async () => {
    const xml = profileXml([payload('com.apple.SoftwareUpdate', '1', [['CatalogURL', str('https://example.com/catalog')]])]);
    expect(findings(await run(xml, { platform: 'macOS', osVersion: '15' }))).toEqual(['PayloadContent[0].CatalogURL warning unavailable-on-platform']);
    expect((await run(xml, { platform: 'macOS', osVersion: '15' })).issues[0]!.message).toBe('removed in macOS 11; the device ignores it');
    expect(findings(await run(xml, { platform: 'macOS', osVersion: '10.15' }))).toEqual([]);
  });
});

describe("the device's situation", () => {
  it('reports a key that needs supervision only when the device is known to be unsupervised', async () => {
    const xml = restrictions('allowAppInstallation');
    expect(findings(await run(xml, { platform: 'iOS', osVersion: '17' }))).toEqual([]);
    expect(findings(await run(xml, { platform: 'iOS', osVersion: '17', supervised: true }))).toEqual([]);
    expect(findings(await run(xml, { platform: 'iOS', osVersion: '17', supervised: false }))).toEqual(['PayloadContent[0].allowAppInstallation warning requires-supervision']);
    // "Requires a supervised device in iOS 13 and later": not before it, and never on a platform the page does not name.
    expect(findings(await run(xml, { platform: 'iOS', osVersion: '12', supervised: false }))).toEqual([]);
    expect(findings(await run(xml, { platform: 'iPadOS', osVersion: '17', supervised: false }))).toEqual([]);
    expect(findings(await run(xml, { platform: 'iOS', enrollment: 'user' }))).toEqual(['PayloadContent[0].allowAppInstallation warning requires-supervision']);
  });

  it('keeps a conditional deprecation silent on supervised devices', async () => {
    // allowCamera: "Support for this restriction on unsupervised devices … is deprecated".
    const xml = restrictions('allowCamera');
    expect(findings(await run(xml))).toEqual([]);
    expect(findings(await run(xml, { platform: 'iOS', supervised: true }))).toEqual([]);
    const r = await run(xml, { platform: 'iOS', supervised: false });
    expect(findings(r)).toEqual(['PayloadContent[0].allowCamera warning deprecated']);
    expect(r.issues[0]!.message).toMatch(/^deprecated on unsupervised devices/);
  });

  it('checks payload types against their Profile Availability table: one instance, User Enrollment, supervision', async () => {
    const table = { requiresSupervision: true, allowedInUserEnrollment: false, allowMultiplePayloads: false };
    const withTable: ValidatorModule = { ...validators, payloadTypeFacts: new Map([['com.apple.dock', { profile: { macOS: table }, source: 'dock.md:1' }]]) };
    const xml = profileXml([payload('com.apple.dock', '1'), payload('com.apple.dock', '2')]);
    expect(findings(await run(xml, {}, withTable))).toEqual(['PayloadContent[1].PayloadType error single-instance']);
    expect(findings(await run(xml, { platform: 'macOS', enrollment: 'user' }, withTable)).sort()).toEqual([
      'PayloadContent[0].PayloadType error not-in-user-enrollment', 'PayloadContent[0].PayloadType error requires-supervision',
      'PayloadContent[1].PayloadType error not-in-user-enrollment', 'PayloadContent[1].PayloadType error requires-supervision',
      'PayloadContent[1].PayloadType error single-instance',
    ]);
    // A platform the table does not name: nothing is guessed.
    expect(findings(await run(xml, { platform: 'iOS', enrollment: 'user' }, withTable))).toEqual([]);
  });
});

describeWith(corpusDir('rendered-2025-04'), 'the Profile Availability table of a real rendered page', () => {
  it('reads LoginWindowScripts\' table (macOS only, one payload per profile, not in User Enrollment) into the checks', async () => {
    const spec = mkdtempSync(join(tmpdir(), 'dmspec-rendered-'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'dmspec-rendered-cache-'));
    try {
      copyFileSync(join(corpusDir('rendered-2025-04'), 'loginwindowscripts.md'), join(spec, 'loginwindowscripts.md'));
      const { validators: rendered } = await validatorsFor({ spec, cacheDir });
      const scripts = (id: string): string => payload('com.apple.mcxloginscripts', id, [['skipLoginHook', '<false/>']]);
      const one = profileXml([scripts('1')]);
      const two = profileXml([scripts('1'), scripts('2')]);
      expect(findings(await run(one, { platform: 'macOS' }, rendered!))).toEqual([]);
      expect(findings(await run(two, { platform: 'macOS' }, rendered!))).toEqual(['PayloadContent[1].PayloadType error single-instance']);
      expect(findings(await run(one, { platform: 'macOS', enrollment: 'user' }, rendered!))).toEqual(['PayloadContent[0].PayloadType error not-in-user-enrollment']);
      expect(findings(await run(one, { platform: 'iOS' }, rendered!))).toEqual(['PayloadContent[0].PayloadType error unavailable-on-platform']);
    } finally {
      rmSync(spec, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('identifiers', () => {
  it('makes a payload reusing the profile identifier a warning, and payloads sharing one an error', async () => {
    const r = await run(profileXml([payload(RESTRICTIONS, 'profile'), payload(RESTRICTIONS, '1'), payload(RESTRICTIONS, '1')]));
    expect(findings(r)).toEqual([
      'PayloadContent[2].PayloadUUID error duplicate-uuid',
      'PayloadContent[0].PayloadIdentifier warning identifier-reuses-profile',
      'PayloadContent[2].PayloadIdentifier error duplicate-identifier',
    ]);
  });
});

describe('references between payloads', () => {
  const wifi = (anchors: string[]): string => payload('com.apple.wifi.managed', '1', [
    ['SSID_STR', str('Office')], ['EncryptionType', str('WPA2')],
    ['EAPClientConfiguration', dict([['AcceptEAPTypes', '<array><integer>13</integer></array>'], ['PayloadCertificateAnchorUUID', `<array>${anchors.map(str).join('')}</array>`]])],
  ]);
  const cert = payload('com.apple.security.root', 'c', [['PayloadContent', '<data>AAAA</data>']]);

  it('warns of a certificate UUID that matches no payload of the profile, and accepts one that does', async () => {
    const ok = await run(profileXml([wifi(['00000000-0000-0000-0000-00000000000c']), cert]));
    expect(findings(ok).filter((f) => f.includes('dangling'))).toEqual([]);
    const r = await run(profileXml([wifi(['00000000-0000-0000-0000-00000000000c', 'DEADBEEF-0000-0000-0000-000000000000']), cert]));
    expect(findings(r).filter((f) => f.includes('dangling'))).toEqual(['PayloadContent[0].EAPClientConfiguration.PayloadCertificateAnchorUUID[1] warning dangling-reference']);
    expect(r.issues.find((i) => i.code === 'dangling-reference')!.message).toBe('"DEADBEEF-0000-0000-0000-000000000000" is the PayloadUUID of no payload in this profile; the page says this key names one');
  });

  it('reports a key of certificate UUIDs given one UUID instead of an array once, as the wrong type', async () => {
    const one = payload('com.apple.wifi.managed', '1', [
      ['SSID_STR', str('Office')], ['EncryptionType', str('WPA2')],
      ['EAPClientConfiguration', dict([['AcceptEAPTypes', '<array><integer>13</integer></array>'], ['PayloadCertificateAnchorUUID', str('DEADBEEF-0000-0000-0000-000000000000')]])],
    ]);
    expect(findings(await run(profileXml([one, cert])))).toEqual(['PayloadContent[0].EAPClientConfiguration.PayloadCertificateAnchorUUID error wrong-type']);
  });

  it('follows the MDM page\'s own example to its SCEP payload, and finds the identity gone once that payload\'s UUID changes', async () => {
    const example = readFileSync(new URL('../../spec/mdm.md', import.meta.url), 'utf8').match(/```plist\n([\s\S]*?)```/)![1]!;
    expect(findings(await run(example)).filter((f) => f.includes('dangling'))).toEqual([]);
    const mutated = example.replace(/(<key>PayloadUUID<\/key>\s*<string>)47492623-e4e7-4a64-ba63-2f31d2ca1a5f/, '$1AAAAAAAA-e4e7-4a64-ba63-2f31d2ca1a5f');
    expect(mutated).not.toBe(example);
    const r = await run(mutated);
    expect(findings(r).filter((f) => f.includes('dangling'))).toEqual([expect.stringMatching(/^PayloadContent\[\d\]\.IdentityCertificateUUID warning dangling-reference$/)]);
  });
});

describe('signatures', () => {
  const xml = restrictions('allowAirDrop');
  it('makes a signature that does not match its content an error (exit 1)', async () => {
    const envelope = signed(bytes(xml));
    const at = Buffer.from(envelope).indexOf('allowAirDrop');
    envelope[at] = 'X'.charCodeAt(0);
    const r = await run(envelope);
    expect(findings(r)).toEqual([' error signature-invalid', 'PayloadContent[0].XllowAirDrop warning unknown-key']);
    expect(validationExitCode([r])).toBe(1);
    expect(textReport([r]).split('\n')[0]).toBe('p.mobileconfig: info signed by "CN=dmspec test signer, O=Example Org" (signature NOT valid; chain not checked)');
  });

  it('verifies the chain to --trust anchors, and reports untrusted and expired signers', async () => {
    const envelope = signed(bytes(xml));
    const trusted = await run(envelope, { trust: readPemCertificates(signerPem(), 'signer.pem'), now: new Date('2027-01-01') });
    expect(trusted.signed?.chain).toEqual({ trusted: true });
    expect(findings(trusted)).toEqual([]);
    expect(textReport([trusted])).toContain('(signature valid; chain trusted)');
    const stranger = await run(envelope, { trust: readPemCertificates(strangerPem(), 'other.pem'), now: new Date('2027-01-01') });
    expect(findings(stranger)).toEqual([' error signer-untrusted']);
    expect(stranger.issues[0]!.message).toMatch(/no chain to a certificate of other\.pem/);
    const expired = await run(envelope, { trust: readPemCertificates(signerPem(), 'signer.pem'), now: new Date('2040-01-01') });
    expect(expired.issues[0]!.message).toMatch(/the signer's certificate expired on 2036-01-01/);
  });

  it('finds and verifies a signer named by subject key identifier, whatever identifier its certificate carries', async () => {
    // The SHA-1 of the key (what openssl cms -sign -keyid writes by default), and an identifier a CA chose.
    for (const keyId of [undefined, '0102030405060708090a0b0c0d0e0f1011121314']) {
      const { envelope, pem } = signedByKeyId(bytes(xml), keyId);
      const r = await run(envelope, { trust: readPemCertificates(pem, 'signer.pem'), now: new Date('2027-01-01') });
      expect(r.signed, keyId).toMatchObject({ subject: 'CN=key-identified signer', signatureValid: true, chain: { trusted: true } });
      expect(findings(r), keyId).toEqual([]);
    }
    // A key identifier no certificate of the envelope has is still a signer without a certificate.
    const { envelope } = signedByKeyId(bytes(xml), 'ffff');
    const der = Buffer.from(envelope);
    const at = der.lastIndexOf(Buffer.from([0x80, 0x02, 0xff, 0xff]));
    der[at + 3] = 0xfe;
    const unknown = await run(new Uint8Array(der), { trust: readPemCertificates(signerPem(), 'signer.pem'), now: new Date('2027-01-01') });
    expect(unknown.signed).toMatchObject({ subject: '', signatureValid: false, chain: { trusted: false, reason: 'the envelope carries no certificate for the signer' } });
  });
});

describe('other documents', () => {
  it('validates a declaration, a command and a check-in message through the generated document validators', async () => {
    const declaration = await validateDocumentBytes('d.json', bytes(JSON.stringify({ Type: 'com.apple.configuration.passcode.settings', Identifier: 'x', ServerToken: 't', Payload: { MinimumLength: 'six' } })), validators);
    expect([declaration.kind, declaration.documentType, ...findings(declaration)]).toEqual(['declaration', 'com.apple.configuration.passcode.settings', 'Payload.MinimumLength error wrong-type']);
    const command = await validateDocumentBytes('c.plist', bytes(`<plist>${dict([['Command', dict([['RequestType', str('DeviceLock')], ['PIN', '<integer>1</integer>']])], ['CommandUUID', str('u')]])}</plist>`), validators);
    expect([command.kind, ...findings(command)]).toEqual(['command', 'Command.PIN error wrong-type']);
    const checkIn = await validateDocumentBytes('m.plist', bytes(`<plist>${dict([['MessageType', str('Authenticate')], ['UDID', str('u')]])}</plist>`), validators);
    expect(checkIn.kind).toBe('check-in');
    expect(findings(checkIn)).toContain('Topic error missing-required');
  });

  it('reports a document of no known kind instead of guessing', async () => {
    const r = await validateDocumentBytes('x.json', bytes('{"name": "x"}'), validators);
    expect(findings(r)).toEqual([' error unknown-document']);
    // Found by a walk, a plist of no known kind is skipped (counted, not reported); one named like a profile is a warning.
    const walked = await validateDocumentBytes('x.plist', bytes('<plist><array/></plist>'), validators, { named: false });
    expect([walked.skipped, ...findings(walked)]).toEqual(['a plist that is no device-management document']);
    const profileLike = await validateDocumentBytes('x.mobileconfig', bytes('<plist><array/></plist>'), validators, { named: false });
    expect(findings(profileLike)).toEqual([' warning unknown-document']);
  });
});

describe('filters', () => {
  it('leaves out allowed keys and ignored codes, and counts them', async () => {
    const xml = profileXml([payload(RESTRICTIONS, '1', [['PayloadEnabled', '<true/>'], ['Extra', '<true/>']])]);
    const r = await run(xml, { filters: { allowKeys: ['PayloadEnabled'], ignore: [{ code: 'unknown-key', path: 'PayloadContent[*].Extra' }] } });
    expect(r.issues).toEqual([]);
    expect(r.suppressed).toBe(2);
    expect(textReport([r])).toContain('0 errors, 0 warnings (2 findings suppressed)');
  });
});

describe('a real profile', () => {
  it('reads DisableSiri with PayloadEnabled allowed: nothing to report', async () => {
    let data: Uint8Array;
    try {
      data = readFileSync(`${PROFILES}/rtrouton/DisableSiri/DisableSiri.mobileconfig`);
    } catch {
      return expect.soft(true, 'shared profiles absent').toBe(true);
    }
    expect(findings(await run(data))).toEqual(['PayloadContent[0].PayloadEnabled warning unknown-key']);
    expect(findings(await run(data, { filters: { allowKeys: ['PayloadEnabled'] } }))).toEqual([]);
  });
});

describe('facts the changelog pages drop, from the 2025-04-13 supplement and the Discussions', () => {
  const passcode = (entries: ReadonlyArray<readonly [string, string]>): string => profileXml([payload('com.apple.mobiledevice.passwordpolicy', '1', entries)]);

  it('checks the ranges of the rendered pages: Passcode out of range is an error, in range is not', async () => {
    expect(findings(await run(passcode([['maxFailedAttempts', '<integer>100</integer>'], ['minLength', '<integer>40</integer>'], ['pinHistory', '<integer>0</integer>']])))).toEqual([
      'PayloadContent[0].maxFailedAttempts error above-maximum',
      'PayloadContent[0].minLength error above-maximum',
      'PayloadContent[0].pinHistory error below-minimum',
    ]);
    const r = await run(passcode([['maxFailedAttempts', '<integer>100</integer>']]));
    expect(r.issues[0]!.message).toBe('integer 100 is above the maximum 11');
    expect(findings(await run(passcode([['maxFailedAttempts', '<integer>11</integer>'], ['minLength', '<integer>6</integer>'], ['pinHistory', '<integer>50</integer>']])))).toEqual([]);
  });

  it('applies a Profile Availability table: App Lock needs a supervised iOS device', async () => {
    const xml = profileXml([payload('com.apple.app.lock', '1', [['App', dict([['Identifier', str('com.example.kiosk')]])]])]);
    const r = await run(xml, { platform: 'iOS', supervised: false });
    expect(findings(r)).toEqual(['PayloadContent[0].PayloadType error requires-supervision']);
    expect(r.issues[0]!.message).toMatch(/requires a supervised device on iOS \(supplement\/rendered-2025-04-13\/applock\.md:\d+, the page of 2025-04-13\)/);
    expect(findings(await run(xml, { platform: 'iOS', supervised: true }))).toEqual([]);
  });

  it('reports a payload its Discussion deprecates once, on PayloadType, instead of key by key', async () => {
    const xml = profileXml([payload('com.apple.systemuiserver', '1', [['mount-controls', dict([['harddisk-external', '<array><string>deny</string></array>']])]])]);
    const r = await run(xml);
    expect(findings(r)).toEqual(['PayloadContent[0].PayloadType warning deprecated']);
    expect(r.issues[0]!.message).toBe('the payload type is deprecated in macOS 11: This payload is deprecated as of macOS 11. (mediamanagementallowedmedia.md:40)');
    expect(findings(await run(xml, { platform: 'macOS', osVersion: '10.15' }))).toEqual([]);
  });

  it('gives com.apple.MCX the platforms its six pages share: macOS only', async () => {
    const xml = profileXml([payload('com.apple.MCX', '1', [['timeServer', str('time.apple.com')]])]);
    expect(findings(await run(xml, { platform: 'iOS' }))).toEqual(['PayloadContent[0].PayloadType error unavailable-on-platform']);
    expect(findings(await run(xml, { platform: 'macOS' }))).toEqual([]);
  });

  it('checks a .GlobalPreferences payload against its page', async () => {
    const r = await run(profileXml([payload('.GlobalPreferences', '1', [['MultipleSessionEnabled', str('yes')]])]));
    expect(r.payloads[0]).toMatchObject({ object: 'GlobalPreferences', checked: true });
    expect(findings(r)).toEqual(['PayloadContent[0].MultipleSessionEnabled error wrong-type']);
  });
});

describe('numbers, suggestions and severities as devices behave', () => {
  it('compares a number key\'s allowed values numerically: safariAcceptCookies as <real> 0, 1, 1.5, 2', async () => {
    for (const v of ['0', '1', '1.5', '2', '2.0']) expect(findings(await run(restrictionsWith('safariAcceptCookies', `<real>${v}</real>`))), v).toEqual([]);
    expect(findings(await run(restrictionsWith('safariAcceptCookies', '<integer>2</integer>')))).toEqual([]);
    const wrong = await run(restrictionsWith('safariAcceptCookies', '<real>3</real>'));
    expect(wrong.issues.map((i) => `${i.code}: ${i.message}`)).toEqual(['not-allowed: real 3 is not one of 0, 1, 1.5, 2']);
    // An integer key stays strict: a <real> is not an integer.
    expect(findings(await run(profileXml([payload('com.apple.mobiledevice.passwordpolicy', '1', [['minLength', '<real>6</real>']])])))).toEqual(['PayloadContent[0].minLength error wrong-type']);
  });

  it('names the key an unknown one most likely meant', async () => {
    const r = await run(restrictionsWith('allowAirdrop', no));
    expect(r.issues.map((i) => `${i.severity} ${i.code}: ${i.message}`)).toEqual(['warning unknown-key: allowAirdrop is not a key of this dictionary; did you mean allowAirDrop?']);
    expect(r.issues[0]!.expected).toBe('allowAirDrop');
    expect((await run(restrictionsWith('allowNothingLikeIt', no))).issues[0]!.message).toBe('allowNothingLikeIt is not a key of this dictionary');
    // The suggestion is the edit a report offers as a fix, with the spec's own validators.
    const json = `{\n  "Type": "com.apple.configuration.passcode.settings",\n  "Identifier": "p",\n  "ServerToken": "t",\n  "Payload": { "MinimumLenght": 6 }\n}\n`;
    const declaration = await validateDocumentBytes('p.json', bytes(json), validators);
    expect(declaration.issues.map((i) => [i.code, i.expected, i.fix?.text, i.fix?.span])).toEqual([['unknown-key', 'MinimumLength', 'MinimumLength', { line: 5, column: 17, length: 13 }]]);
  });

  it('warns of a payload type one slip from Apple\'s, naming it; a third party\'s type is only not checked', async () => {
    const r = await run(profileXml([payload('com.apple.applicationacess', '1', [['allowAirDrop', no]])]));
    expect(findings(r)).toEqual(['PayloadContent[0].PayloadType warning unknown-type']);
    expect(r.issues[0]!.message).toBe('"com.apple.applicationacess" is not a payload type the spec defines; did you mean com.apple.applicationaccess? The payload is not checked');
    expect(r.payloads[0]).toMatchObject({ checked: false, coverage: 'not checked' });
    expect(findings(await run(profileXml([payload('com.example.settings', '1', [['anything', no]])])))).toEqual([]);
  });

  it('takes each severity from what the device does: refuses (error) or installs and ignores (warning)', async () => {
    // A key the platform lacks is ignored; a payload type it lacks is refused.
    expect(findings(await run(restrictions('allowAppCellularDataModification'), { platform: 'macOS' }))).toEqual(['PayloadContent[0].allowAppCellularDataModification warning unavailable-on-platform']);
    expect(findings(await run(profileXml([payload('com.apple.MCX', '1', [['timeServer', str('time.apple.com')]])]), { platform: 'iOS' }))).toEqual(['PayloadContent[0].PayloadType error unavailable-on-platform']);
    for (const [code, rule] of Object.entries(FINDING_RULES)) {
      expect(rule.severity, code).toBe(rule.device === 'refuses' || rule.device === 'policy' || rule.device === 'unread' ? 'error' : rule.device === 'note' ? 'info' : 'warning');
    }
  });
});
