/**
 * A type several pages share is judged against the page the document matches best: a pinned
 * value chooses it, then a value only one page refuses, then fewest errors, most keys known and
 * page order; the result names the page and why, and never holds every page's errors at once.
 */
import { describe, expect, it } from 'vitest';
import { missingRequired, NO_OPTIONS, notAllowed, own, run, union, unknownKey, wrongType, type SharedPage, type ValidationResult, type Validator } from '../../generator/runtime/validator/index.js';

/** A page's check: its keys with their allowed values (free when none), the required ones, unknown keys warned. */
function page(keys: Record<string, readonly string[] | null>, required: readonly string[]): Validator {
  return (v, o = NO_OPTIONS) => run((x, r, d) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return wrongType(r, d, undefined, 'dictionary', x);
    const dict = x as Record<string, unknown>;
    for (const [k, value] of Object.entries(dict)) {
      if (!(k in keys)) unknownKey(r, d, dict, k);
      else if (typeof value !== 'string') wrongType(r, d, k, 'string', value);
      else if (keys[k] && !keys[k]!.includes(value)) notAllowed(r, d, k, keys[k]!, value);
    }
    for (const k of required) if (!own(dict, k)) missingRequired(r, d, k);
  }, v, o);
}

const GENERAL = { ExtensionIdentifier: null, TeamIdentifier: null, Type: ['Credential', 'Redirect'], URLs: null, Realm: null };
const KERBEROS = { ExtensionIdentifier: ['com.apple.AppSSOKerberos.KerberosExtension'], TeamIdentifier: ['apple'], Type: ['Credential'], Realm: null };
const sso = union([
  { name: 'ExtensibleSingleSignOn', validate: page(GENERAL, ['ExtensionIdentifier', 'Type']), keys: Object.keys(GENERAL), values: { Type: ['Credential', 'Redirect'] } },
  {
    name: 'ExtensibleSingleSignOnKerberos', validate: page(KERBEROS, ['ExtensionIdentifier', 'Realm', 'TeamIdentifier', 'Type']), keys: Object.keys(KERBEROS),
    values: { ExtensionIdentifier: ['com.apple.AppSSOKerberos.KerberosExtension'], TeamIdentifier: ['apple'], Type: ['Credential'] },
  },
]);
const brief = (r: ValidationResult): string[] => r.issues.map((i) => `${i.severity} ${i.code} ${i.path} [${i.judgedAgainst}]`);
const KERBEROS_ID = { ExtensionIdentifier: 'com.apple.AppSSOKerberos.KerberosExtension', TeamIdentifier: 'apple', Type: 'Credential' };

describe('a type several pages share', () => {
  it('passes a Redirect payload against the general page, saying why not Kerberos', () => {
    const r = sso({ ExtensionIdentifier: 'com.microsoft.CompanyPortalMac.ssoextension', TeamIdentifier: 'UBF8T346G9', Type: 'Redirect', URLs: 'https://login.microsoftonline.com' });
    expect(r.valid).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.judgedAgainst).toEqual({ object: 'ExtensibleSingleSignOn', reason: 'ExtensibleSingleSignOnKerberos does not allow its ExtensionIdentifier "com.microsoft.CompanyPortalMac.ssoextension", TeamIdentifier "UBF8T346G9" or Type "Redirect"' });
  });

  it('judges a payload carrying a pinned value against that page, though another page has fewer errors', () => {
    const r = sso(KERBEROS_ID);
    expect(brief(r)).toEqual(['error missing-required Realm [ExtensibleSingleSignOnKerberos]']);
    expect(r.valid).toBe(false);
    expect(r.judgedAgainst?.reason).toBe('its ExtensionIdentifier "com.apple.AppSSOKerberos.KerberosExtension" and TeamIdentifier "apple" are allowed by this page only');
    expect(sso({ ...KERBEROS_ID, Realm: 'EXAMPLE.COM' })).toMatchObject({ valid: true, issues: [], judgedAgainst: { object: 'ExtensibleSingleSignOnKerberos' } });
  });

  it('gives a payload matching neither the findings of the page with fewest errors, named', () => {
    const r = sso({ Type: 'Other', Realm: 'EXAMPLE.COM' });
    expect(brief(r)).toEqual(['error not-allowed Type [ExtensibleSingleSignOn]', 'error missing-required ExtensionIdentifier [ExtensibleSingleSignOn]']);
    expect(r.judgedAgainst).toEqual({ object: 'ExtensibleSingleSignOn', reason: 'fewest errors: 2, against 3 for ExtensibleSingleSignOnKerberos' });
  });

  it('breaks a tie by the keys known, then by page order, and says so', () => {
    const a: SharedPage = { name: 'A', validate: page({ X: null }, []), keys: ['X'] };
    const b: SharedPage = { name: 'B', validate: page({ X: null, Y: null }, []), keys: ['X', 'Y'] };
    expect(union([a, b])({ X: 'x' }).judgedAgainst).toEqual({ object: 'A', reason: 'a tie with B (0 errors, as many keys known): the first in name order' });
    expect(union([a, b])({ X: 'x', Y: 'y' }).judgedAgainst?.object).toBe('B');
  });

  it('judges a key the best page lacks by the page that defines it, and never calls it unknown', () => {
    // Pages that each document part of one dictionary (com.apple.MCX's).
    const time: SharedPage = { name: 'TimeServer', validate: page({ timeServer: null, timeZone: null }, ['timeServer']), keys: ['timeServer', 'timeZone'] };
    const energy: SharedPage = { name: 'EnergySaver', validate: page({ SleepDisabled: null }, []), keys: ['SleepDisabled'] };
    const mcx = union([energy, time]);
    expect(mcx({ timeServer: 'time.apple.com', timeZone: 'Europe/Paris' })).toMatchObject({ issues: [], judgedAgainst: { object: 'TimeServer', reason: 'the only one of its pages whose keys the payload uses' } });
    const mixed = mcx({ timeServer: 'time.apple.com', SleepDisabled: 1, Other: 'x' });
    expect(brief(mixed)).toEqual(['warning unknown-key Other [TimeServer]', 'error wrong-type SleepDisabled [EnergySaver]']);
    expect(mixed.judgedAgainst).toEqual({ object: 'TimeServer', reason: 'fewest errors: 0, against 1 for EnergySaver', also: ['EnergySaver'] });
    // Valid against EnergySaver, whose keys it holds; timeZone is TimeServer's, which judges its value only.
    expect(mcx({ timeZone: 'x', SleepDisabled: 'y' })).toMatchObject({ issues: [], judgedAgainst: { object: 'EnergySaver', reason: 'fewest errors: 0, against 1 for TimeServer' } });
    expect(brief(mcx({ timeZone: 1, SleepDisabled: 'y' }))).toEqual(['error wrong-type timeZone [TimeServer]']);
  });

  it('reports a value that is no dictionary once', () => {
    expect(brief(sso('text'))).toEqual(['error wrong-type  [ExtensibleSingleSignOn]']);
  });
});
