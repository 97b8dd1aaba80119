/**
 * Requirements on another key's value ("required if `SecurityType` is `PASSWORD`"), judged
 * where the page names the key and its value exactly, on real-shaped documents: a VPN payload of
 * each VPNType, a Wi-Fi payload of each EncryptionType, the Web Content Filter as iOS and macOS filters use it (and Apple's example),
 * DNS over HTTPS and TLS, AirPlay, Identification, Xsan, and declarations. Each document passes
 * as written and fails with exactly one `missing-required` at the key when the key is left out;
 * the guard (`is<Name>`) gives the validator's verdict on every one.
 */
import { describe, expect, it } from 'vitest';
import { validateCommand, validateDeclaration, validateProfile, type ValidateOptions } from '@dmspec/apple';
import * as V from '@dmspec/apple/validators';
import { parsePlist } from '../../generator/runtime/plist/index.js';
import { specIr } from '../helpers/parsed.js';

type Fn = (value: unknown, options?: ValidateOptions) => unknown;
const exported = V as unknown as Record<string, Fn>;
let n = 0;
const envelope = (type: string): Record<string, unknown> => ({ PayloadType: type, PayloadVersion: 1, PayloadIdentifier: `com.example.${++n}`, PayloadUUID: `A1B2C3D4-0000-1111-2222-${String(n).padStart(12, '0')}` });
const profile = (payload: object) => ({ PayloadType: 'Configuration', PayloadVersion: 1, PayloadIdentifier: 'com.example.p', PayloadUUID: 'F1E2D3C4-B5A6-4978-8A9B-0C1D2E3F4A5B', PayloadDisplayName: 'P', PayloadContent: [payload] });

/** Asserts that `is<ident>` gives `validate<ident>`'s verdict on `value`. */
function agrees(ident: string, value: unknown, options: ValidateOptions = {}): void {
  const valid = (exported[`validate${ident}`]!(value, options) as V.ValidationResult).valid;
  expect(exported[`is${ident}`]!(value, options), `is${ident} agrees with validate${ident}`).toBe(valid);
}

/** The errors of one payload through `validateProfile` (its warnings are the shared-profiles goldens'), checking its guard agrees. */
function findings(ident: string, type: string, keys: object, options: ValidateOptions = {}): string[] {
  const payload = { ...envelope(type), ...keys };
  const r = validateProfile(profile(payload), options);
  agrees(ident, payload, options);
  return r.issues.filter((i) => i.severity === 'error').map((i) => `${i.path.replace(/^PayloadContent\[0\]\.?/, '')} ${i.code}${i.code === 'missing-required' ? ` ${i.message}` : ''}`);
}

describe('VPN', () => {
  const ppp = { AuthName: 'jane', CommRemoteAddress: 'vpn.example.com' };
  const ikev2 = { AuthenticationMethod: 'Certificate', LocalIdentifier: 'client.example.com', RemoteAddress: 'vpn.example.com', RemoteIdentifier: 'vpn.example.com', PayloadCertificateUUID: 'A1B2C3D4-0000-1111-2222-999999999999' };
  const byType: Record<string, object> = {
    L2TP: { PPP: ppp, IPSec: { AuthenticationMethod: 'SharedSecret', SharedSecret: new Uint8Array([1, 2]) } },
    IPSec: { IPSec: { AuthenticationMethod: 'SharedSecret', RemoteAddress: 'vpn.example.com', XAuthName: 'jane', XAuthEnabled: 1 } },
    IKEv2: { IKEv2: ikev2 },
    AlwaysOn: { AlwaysOn: { TunnelConfigurations: [{ ProtocolType: 'IKEv2', Interfaces: ['Cellular', 'WiFi'] }], UIToggleEnabled: 1 }, IKEv2: ikev2 },
    VPN: { VPNSubType: 'com.cisco.anyconnect', VendorConfig: {}, VPN: { RemoteAddress: 'vpn.example.com', AuthenticationMethod: 'Password' } },
    TransparentProxy: { VPNSubType: 'com.example.proxy', TransparentProxy: { ProviderBundleIdentifier: 'com.example.proxy.extension', ProviderDesignatedRequirement: 'anchor apple generic', ProviderType: 'app-proxy' } },
  };
  const proxies = { HTTPEnable: 1, HTTPProxy: 'proxy.example.com', HTTPPort: 8080, HTTPSEnable: 1, HTTPSProxy: 'proxy.example.com', HTTPSPort: 8443 };

  for (const [VPNType, keys] of Object.entries(byType)) {
    it(`passes a ${VPNType} VPN with proxies, and requires each proxy's port with its host`, () => {
      const vpn = (more: object) => findings('VPN', 'com.apple.vpn.managed', { UserDefinedName: `Corp ${VPNType}`, VPNType, ...keys, ...more });
      expect(vpn({})).toEqual([]);
      expect(vpn({ Proxies: proxies })).toEqual([]);
      // A proxy set by its auto-configuration URL has no host and needs no port.
      expect(vpn({ Proxies: { ProxyAutoConfigEnable: 1, ProxyAutoConfigURLString: 'https://example.com/proxy.pac' } })).toEqual([]);
      const { HTTPSPort: _, ...noPort } = proxies;
      expect(vpn({ Proxies: noPort })).toEqual(['Proxies.HTTPSPort missing-required the required key HTTPSPort is missing (required when HTTPSProxy is present)']);
    });
  }

  it('requires DNS over TLS\'s ServerName and DNS over HTTPS\'s ServerURL on the platforms the key names', () => {
    const vpn = (DNS: object, options?: ValidateOptions) => findings('VPN', 'com.apple.vpn.managed', { UserDefinedName: 'Corp', VPNType: 'IKEv2', ...byType['IKEv2'], DNS }, options);
    const tls = { DNSProtocol: 'TLS', ServerAddresses: ['10.0.0.53'], ServerName: 'dns.example.com' };
    expect(vpn(tls, { platform: 'iOS' })).toEqual([]);
    expect(vpn({ DNSProtocol: 'HTTPS', ServerAddresses: ['10.0.0.53'], ServerURL: 'https://dns.example.com/dns-query' }, { platform: 'macOS' })).toEqual([]);
    expect(vpn({ ...tls, ServerName: undefined }, { platform: 'iOS' })).toEqual(['DNS.ServerName missing-required the required key ServerName is missing (required when DNSProtocol is TLS and on iOS, iPadOS, macOS, tvOS, visionOS, watchOS)']);
    // The page lists ServerName on fewer platforms than VPN: without a platform it is not required.
    expect(vpn({ ...tls, ServerName: undefined })).toEqual([]);
    expect(vpn({ DNSProtocol: 'Cleartext', ServerAddresses: ['10.0.0.53'] }, { platform: 'iOS' })).toEqual([]);
  });
});

describe('Wi-Fi', () => {
  // No Wi-Fi key is required on another's value: each encryption type's usual keys pass as they are.
  for (const EncryptionType of ['WEP', 'WPA', 'WPA2', 'WPA3', 'Any', 'None']) {
    it(`passes a ${EncryptionType} network`, () => {
      const secured = EncryptionType === 'None' ? {} : EncryptionType === 'Any' ? { EAPClientConfiguration: { AcceptEAPTypes: [25], UserName: 'jane' } } : { Password: 'correct horse battery' };
      expect(findings('WiFi', 'com.apple.wifi.managed', { SSID_STR: 'Corp', EncryptionType, AutoJoin: true, HIDDEN_NETWORK: false, ProxyType: 'None', ...secured })).toEqual([]);
    });
  }
});

describe('Web Content Filter', () => {
  const filter = (keys: object, options?: ValidateOptions) => findings('WebContentFilter', 'com.apple.webcontent-filter', keys, options);

  it('passes Apple\'s example (FilterSockets with FilterType BuiltIn, no provider), an iOS plug-in filter and a macOS system-extension filter', () => {
    expect(filter({ AutoFilterEnabled: true, FilterBrowsers: true, FilterSockets: true, FilterType: 'BuiltIn', PermittedURLs: ['https://allowed.example.com'] })).toEqual([]);
    // An iOS filter names its provider app by PluginBundleID: FilterSockets' provider keys are macOS ones.
    const ios = { FilterType: 'Plugin', UserDefinedName: 'School filter', PluginBundleID: 'com.example.filter', FilterBrowsers: true, FilterSockets: true, ServerAddress: 'filter.example.com', Organization: 'Example School' };
    expect(filter(ios, { platform: 'iOS' })).toEqual([]);
    const mac = { FilterType: 'Plugin', UserDefinedName: 'Corp filter', PluginBundleID: 'com.example.filter', FilterSockets: true, FilterDataProviderBundleIdentifier: 'com.example.filter.data', FilterDataProviderDesignatedRequirement: 'identifier "com.example.filter.data" and anchor apple generic', FilterGrade: 'firewall' };
    expect(filter(mac, { platform: 'macOS' })).toEqual([]);
    expect(filter(mac)).toEqual([]);
  });

  it('requires a plug-in filter\'s PluginBundleID and UserDefinedName, and nothing of a built-in one', () => {
    expect(filter({ FilterType: 'Plugin', UserDefinedName: 'Corp filter' })).toEqual(['PluginBundleID missing-required the required key PluginBundleID is missing (required when FilterType is Plugin)']);
    expect(filter({ FilterType: 'Plugin', PluginBundleID: 'com.example.filter' })).toEqual(['UserDefinedName missing-required the required key UserDefinedName is missing (required when FilterType is Plugin)']);
    expect(filter({ FilterType: 'BuiltIn', AutoFilterEnabled: true })).toEqual([]);
    // The page's default is BuiltIn: an absent FilterType requires neither.
    expect(filter({ AutoFilterEnabled: true })).toEqual([]);
  });

  it('states but does not judge the provider keys, whose condition keys count only "when FilterType is Plugin"', () => {
    expect(filter({ FilterType: 'Plugin', UserDefinedName: 'Corp filter', PluginBundleID: 'com.example.filter', FilterPackets: true, FilterURLs: true }, { platform: 'macOS' })).toEqual([]);
  });
});

describe('other payloads', () => {
  it('requires DNS over HTTPS\'s ServerURL, not DNS over TLS\'s', () => {
    const dns = (DNSSettings: object) => findings('DNSSettings', 'com.apple.dnsSettings.managed', { DNSSettings });
    expect(dns({ DNSProtocol: 'HTTPS', ServerURL: 'https://dns.example.com/dns-query', ServerAddresses: ['2001:db8::53'] })).toEqual([]);
    expect(dns({ DNSProtocol: 'TLS', ServerName: 'dns.example.com' })).toEqual([]);
    expect(dns({ DNSProtocol: 'HTTPS', ServerAddresses: ['2001:db8::53'] })).toEqual(['DNSSettings.ServerURL missing-required the required key ServerURL is missing (required when DNSProtocol is HTTPS)']);
  });

  it('requires AirPlay\'s Password when SecurityType is PASSWORD', () => {
    const airplay = (keys: object) => findings('AirPlaySecurity', 'com.apple.airplay.security', { AccessType: 'ANY', ...keys });
    expect(airplay({ SecurityType: 'PASSCODE_ONCE' })).toEqual([]);
    expect(airplay({ SecurityType: 'PASSWORD', Password: 'secret' })).toEqual([]);
    expect(airplay({ SecurityType: 'PASSWORD' })).toEqual(['Password missing-required the required key Password is missing (required when SecurityType is PASSWORD)']);
  });

  it('requires Identification\'s Password only when the profile holds it (AuthMethod Password)', () => {
    const id = (keys: object) => findings('Identification', 'com.apple.configurationprofile.identification', { PayloadIdentification: { EmailAddress: 'jane@example.com', FullName: 'Jane Appleseed', UserName: 'jane', ...keys } }, { platform: 'macOS' });
    expect(id({ AuthMethod: 'UserEnteredPassword' })).toEqual([]);
    expect(id({ AuthMethod: 'Password', Password: 'secret' })).toEqual([]);
    expect(id({ AuthMethod: 'Password' })).toEqual(['PayloadIdentification.Password missing-required the required key Password is missing (required when AuthMethod is Password)']);
  });

  it('requires Xsan\'s sharedSecret with sanAuthMethod, as a StorNext SAN without one needs neither', () => {
    const xsan = (keys: object) => findings('Xsan', 'com.apple.xsan', { sanName: 'SAN1', ...keys }, { platform: 'macOS' });
    expect(xsan({})).toEqual([]);
    expect(xsan({ sanAuthMethod: 'auth_secret', sharedSecret: 'c2VjcmV0' })).toEqual([]);
    expect(xsan({ sanAuthMethod: 'auth_secret' })).toEqual(['sharedSecret missing-required the required key sharedSecret is missing (required when sanAuthMethod is present)']);
  });
});

describe('declarations', () => {
  const declaration = (Type: string, Payload: object) => validateDeclaration({ Type, Identifier: 'com.example.d', ServerToken: '1', Payload }).issues.map((i) => `${i.path} ${i.code}`);

  it('requires Safari\'s start page URL or extension for the page type that uses it', () => {
    const safari = (NewTabStartPage: object) => {
      agrees('SafariSettingsNewTabStartPageObject', NewTabStartPage);
      return declaration('com.apple.configuration.safari.settings', { NewTabStartPage });
    };
    expect(safari({ PageType: 'Start' })).toEqual([]);
    expect(safari({ PageType: 'Home', HomepageURL: 'https://intranet.example.com' })).toEqual([]);
    expect(safari({ PageType: 'Home' })).toEqual(['Payload.NewTabStartPage.HomepageURL missing-required']);
    expect(safari({ PageType: 'Extension' })).toEqual(['Payload.NewTabStartPage.ExtensionIdentifier missing-required']);
  });

  it('requires the temporary pairing configuration unless pairing is disabled, and the unpairing hour for the Hour policy', () => {
    const audio = (TemporaryPairing: object) => {
      agrees('AudioAccessorySettingsTemporaryPairingObject', TemporaryPairing);
      return declaration('com.apple.configuration.audio-accessory.settings', { TemporaryPairing });
    };
    expect(audio({ Disabled: true })).toEqual([]);
    expect(audio({ Configuration: { UnpairingTime: { Policy: 'None' } } })).toEqual([]);
    expect(audio({ Configuration: { UnpairingTime: { Policy: 'Hour', Hour: 22 } } })).toEqual([]);
    expect(audio({})).toEqual(['Payload.TemporaryPairing.Configuration missing-required']);
    expect(audio({ Disabled: false })).toEqual(['Payload.TemporaryPairing.Configuration missing-required']);
    expect(audio({ Configuration: { UnpairingTime: { Policy: 'Hour' } } })).toEqual(['Payload.TemporaryPairing.Configuration.UnpairingTime.Hour missing-required']);
  });
});

describe('the pages\' own examples', () => {
  it('gives no example of a profile, declaration or command a finding on a key required on another key\'s value', () => {
    const ir = specIr();
    const conditional = new Set(ir.objects.flatMap((o) => o.properties.filter((p) => p.requiredWhen?.some((c) => c.kind === 'key')).map((p) => p.name)));
    let read = 0;
    const found: string[] = [];
    for (const o of ir.objects) {
      for (const ex of o.examples ?? []) {
        let v: Record<string, unknown>;
        try {
          v = (ex.format === 'plist' ? parsePlist(ex.text).value : JSON.parse(ex.text)) as Record<string, unknown>;
        } catch {
          continue;
        }
        const r = ex.format === 'plist' && 'PayloadContent' in v ? validateProfile(v) : ex.format === 'json' && 'Payload' in v ? validateDeclaration(v) : ex.format === 'plist' && 'Command' in v ? validateCommand(v) : undefined;
        if (!r) continue;
        read++;
        for (const i of r.issues) if (i.code === 'missing-required' && conditional.has(i.path.split('.').at(-1)!)) found.push(`${o.name}: ${i.path}`);
      }
    }
    expect(read).toBeGreaterThan(150);
    expect(found).toEqual([]);
  });
});
