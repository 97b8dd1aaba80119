/**
 * Payload types several pages share, with real documents: `com.apple.extensiblesso` is
 * ExtensibleSingleSignOn and ExtensibleSingleSignOnKerberos, `com.apple.MCX` six pages. A payload
 * is judged against the one page it matches best, and the report says which; a Microsoft Entra
 * payload (Microsoft's documented Enterprise SSO plug-in and Platform SSO profiles) is never told
 * to become a Kerberos one. Through the library (`validateProfile`, the registry) and the CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProfile } from '@dmspec/apple';
import { objectsByPayloadType, validatorsByPayloadType } from '@dmspec/apple/registry';
import { parsePlist } from '@dmspec/apple/plist';
import { dmspecIn } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const SSO = join(import.meta.dirname, '../fixtures/validate/sso');
const ENTRA = join(SSO, 'entra-enterprise-sso-plugin.mobileconfig');
const ENTRA_PLATFORM_SSO = join(SSO, 'entra-platform-sso.mobileconfig');
const KERBEROS = join(SSO, 'kerberos-sso.mobileconfig');

type Dict = Record<string, unknown>;
const read = (file: string): Dict => parsePlist(readFileSync(file)).value as Dict;
const firstPayload = (profile: Dict): Dict => (profile['PayloadContent'] as Dict[])[0]!;
const brief = (issues: ReadonlyArray<{ path: string; severity: string; code: string; judgedAgainst?: string }>): string[] =>
  issues.map((i) => `${i.severity} ${i.code} ${i.path} [${i.judgedAgainst ?? ''}]`);
const sso = validatorsByPayloadType.get('com.apple.extensiblesso')!;

/** The fixture `from` without the payload's string key `key`, written as a file (lines stay Apple's layout). */
function without(from: string, key: string): { file: string; profile: Dict } {
  const text = readFileSync(from, 'utf8');
  const cut = text.replace(new RegExp(`\\t\\t\\t<key>${key}</key>\\n\\t\\t\\t<string>[^<]*</string>\\n`), '');
  expect(cut).not.toBe(text);
  const file = join(tempDir('shared-types'), 'p.mobileconfig');
  writeFileSync(file, cut);
  return { file, profile: parsePlist(cut).value as Dict };
}

describe('payload types several pages share', () => {
  it('are com.apple.MCX (6 pages) and com.apple.extensiblesso (2) in spec/', () => {
    const shared = [...objectsByPayloadType].filter(([, names]) => names.length > 1).map(([type, names]) => `${type}: ${names.join(', ')}`);
    expect(shared).toEqual([
      'com.apple.MCX: Accounts, EnergySaver, FDEFileVaultOptions, MobileAccounts, TimeServer, WiFiManagedSettings',
      'com.apple.extensiblesso: ExtensibleSingleSignOn, ExtensibleSingleSignOnKerberos',
    ]);
  });

  it('passes Microsoft\'s Entra Enterprise SSO plug-in and Platform SSO payloads against the general page', () => {
    for (const file of [ENTRA, ENTRA_PLATFORM_SSO]) {
      const profile = read(file);
      expect(validateProfile(profile).issues, file).toEqual([]);
      expect(validateProfile(profile, { platform: 'macOS', osVersion: '15' }).issues, file).toEqual([]);
      const r = sso(firstPayload(profile));
      expect(r).toMatchObject({ valid: true, issues: [], judgedAgainst: { object: 'ExtensibleSingleSignOn' } });
      expect(r.judgedAgainst!.reason).toContain('ExtensibleSingleSignOnKerberos does not allow its ExtensionIdentifier "com.microsoft.CompanyPortalMac.ssoextension"');
    }
  });

  it('passes a Kerberos SSO payload against the Kerberos page, chosen by its pinned values', () => {
    const profile = read(KERBEROS);
    expect(validateProfile(profile).issues).toEqual([]);
    expect(sso(firstPayload(profile)).judgedAgainst).toEqual({
      object: 'ExtensibleSingleSignOnKerberos',
      reason: 'its ExtensionIdentifier "com.apple.AppSSOKerberos.KerberosExtension" and TeamIdentifier "apple" are allowed by this page only',
    });
  });

  it('gives a Kerberos payload without Realm the Kerberos page\'s finding, though the general page would take it', () => {
    const { profile } = without(KERBEROS, 'Realm');
    expect(brief(validateProfile(profile).issues)).toEqual(['error missing-required PayloadContent[0].Realm [ExtensibleSingleSignOnKerberos]']);
    // A Kerberos value on a Redirect payload: the pinned ExtensionIdentifier still names the page.
    expect(brief(sso({ ...firstPayload(read(KERBEROS)), Type: 'Redirect' }).issues)).toEqual(['error not-allowed Type [ExtensibleSingleSignOnKerberos]']);
  });

  it('gives a payload matching neither page the findings of the one with fewest errors, named', () => {
    const payload = { ...firstPayload(read(ENTRA)), Type: 'SAML' };
    const r = sso(payload);
    expect(brief(r.issues)).toEqual(['error not-allowed Type [ExtensibleSingleSignOn]']);
    expect(r.judgedAgainst).toEqual({ object: 'ExtensibleSingleSignOn', reason: 'ExtensibleSingleSignOnKerberos does not allow its ExtensionIdentifier "com.microsoft.CompanyPortalMac.ssoextension" or TeamIdentifier "UBF8T346G9"' });
    const bare = sso({ PayloadType: 'com.apple.extensiblesso', PayloadIdentifier: 'com.example.sso', PayloadUUID: '6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D', PayloadVersion: 1, Type: 'SAML' });
    expect(bare.judgedAgainst).toEqual({ object: 'ExtensibleSingleSignOn', reason: 'fewest errors: 2, against 4 for ExtensibleSingleSignOnKerberos' });
    expect(brief(bare.issues)).toEqual(['error missing-required ExtensionIdentifier [ExtensibleSingleSignOn]', 'error not-allowed Type [ExtensibleSingleSignOn]']);
  });

  it('says which page through dmspec validate, in text and JSON', async () => {
    const ok = await dmspecIn(['validate', '--no-config', ENTRA, ENTRA_PLATFORM_SSO, KERBEROS]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('info judged-against PayloadContent[0] (com.apple.extensiblesso): ExtensibleSingleSignOnKerberos, of the pages com.apple.extensiblesso shares: its ExtensionIdentifier');
    expect(ok.stdout).toMatch(/entra-platform-sso\.mobileconfig: info judged-against PayloadContent\[0\] \(com\.apple\.extensiblesso\): ExtensibleSingleSignOn, /);
    expect(ok.stdout).toContain('3 files, 3 payloads (3 checked, 0 not checked): 0 errors, 0 warnings');
    const { file } = without(KERBEROS, 'Realm');
    const missing = await dmspecIn(['validate', '--no-config', file]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/p\.mobileconfig:7:3: error missing-required PayloadContent\[0\] \(com\.apple\.extensiblesso\) Realm: the required key Realm is missing\n/);
    const json = JSON.parse((await dmspecIn(['validate', '--no-config', '--format', 'json', file])).stdout) as { files: Array<{ payloads: Array<{ object: string; judgedAgainst: { object: string } }>; issues: Array<{ judgedAgainst?: string }> }> };
    expect(json.files[0]!.payloads[0]).toMatchObject({ object: 'ExtensibleSingleSignOnKerberos', judgedAgainst: { object: 'ExtensibleSingleSignOnKerberos' } });
    expect(json.files[0]!.issues.map((i) => i.judgedAgainst)).toEqual(['ExtensibleSingleSignOnKerberos']);
  });

  it('judges a com.apple.MCX payload against the page whose keys it holds, and the platform facts of every page apply', async () => {
    const mcx = validatorsByPayloadType.get('com.apple.MCX')!;
    const time = { PayloadType: 'com.apple.MCX', PayloadIdentifier: 'com.example.time', PayloadUUID: '0C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F', PayloadVersion: 1, timeServer: 'time.apple.com', timeZone: 'America/New_York' };
    expect(mcx(time)).toMatchObject({ issues: [], judgedAgainst: { object: 'TimeServer' } });
    // A key of another of its pages is that page's to judge, not unknown.
    expect(brief(mcx({ ...time, DisableGuestAccount: 'yes' }).issues)).toEqual(['error wrong-type DisableGuestAccount [Accounts]']);
    expect(brief(mcx({ ...time, DisableGuestAccount: true }).issues)).toEqual([]);
  });
});
