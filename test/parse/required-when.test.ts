/**
 * Conditional requirements read from a key's prose: each real sentence form of the pages gives
 * its condition, with the sentence's line, on the key it is about; a sentence naming a key the
 * object lacks is reported, not applied; a sentence that only mentions a requirement gives none.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../generator/parse/parse-page.js';
import type { IrProperty } from '../../generator/model/ir.js';
import { specIr } from '../helpers/parsed.js';

const page = (file: string) => {
  const r = parsePage({ file, text: readFileSync(`spec/${file}`, 'utf8') });
  return { object: r.object!, diagnostics: r.diagnostics, key: (name: string): IrProperty => r.object!.properties.find((p) => p.name === name)! };
};

/** A changelog-flavour page of one object whose keys are `[name, prose, type?]`. */
function synthetic(keys: ReadonlyArray<readonly [string, string, string?]>) {
  const body = keys.map(([name, prose, type]) => `### ${name}\n\n- **Type:** \`${type ?? 'string'}\`\n- **Required:** No\n\n${prose}\n`).join('\n');
  const r = parsePage({ file: 'x.md', text: `# X\n\nAn object.\n\n## Properties\n\n${body}` });
  return { r, key: (name: string) => r.object!.properties.find((p) => p.name === name)! };
}

describe('conditional requirements of TokenUpdate, as the page states them', () => {
  const { key } = page('tokenupdaterequest.md');

  it('requires UDID in a device enrollment and EnrollmentID in a user enrollment, each with its sentence\'s line', () => {
    expect(key('UDID').requiredWhen).toEqual([{ kind: 'enrollment', enrollment: 'device' }]);
    expect(key('UDID').factLines?.requiredWhen).toBe(82);
    // EnrollmentID is also listed on fewer platforms than the message (no tvOS, no watchOS).
    expect(key('EnrollmentID').requiredWhen).toEqual([{ kind: 'enrollment', enrollment: 'user' }, { kind: 'platform', platforms: ['iOS', 'iPadOS', 'macOS', 'visionOS'] }]);
    expect(key('EnrollmentID').factLines?.requiredWhen).toBe(26);
    expect(key('EnrollmentUserID').requiredWhen).toEqual([{ kind: 'enrollment', enrollment: 'user', channel: 'user' }, { kind: 'platform', platforms: ['macOS'] }]);
  });

  it('requires a key its page lists on some platforms only there, and leaves the others required everywhere', () => {
    expect(key('NotOnConsole').requiredWhen).toEqual([{ kind: 'platform', platforms: ['macOS', 'tvOS'] }]);
    expect(key('NotOnConsole').factLines?.requiredWhen).toBe(54);
    for (const k of ['MessageType', 'Topic', 'Token', 'PushMagic']) {
      expect(key(k).required, k).toBe(true);
      expect(key(k).requiredWhen, k).toBeUndefined();
    }
  });
});

describe('every sentence form', () => {
  it('reads another key\'s value, presence and absence', () => {
    const { r, key } = synthetic([
      ['FilterType', 'The type.', 'string'],
      ['PluginBundleID', 'The bundle ID. Required when `FilterType` is `Plugin`. Otherwise, it ignores this value. Required when `FilterType` is `Plugin`.'],
      ['Password', 'The AirPlay password; required if `FilterType` is `PASSWORD`.'],
      ['Cert', 'Required when `FilterType` is set to `signedByCACert` or `specificServerCert`.'],
      ['Page', 'Required when setting the `FilterType` key to `Home`.'],
      ['HostName', 'The host.'],
      ['Port', 'The port. This field is required if `HostName` is specified.', 'integer'],
      ['Size', 'The device requires this key when the `HostName` key is present.', 'integer'],
      ['Disabled', 'Off.', 'boolean'],
      ['Configuration', 'Required if `Disabled` isn’t present or is `false`.'],
      ['Message', 'You must provide this value if you don’t provide a value for `Phone`.'],
      ['Phone', 'You must provide this value if you don’t provide a value for `Message`.'],
    ]);
    // Stated twice, kept once.
    expect(key('PluginBundleID').requiredWhen).toEqual([{ kind: 'key', key: 'FilterType', values: ['Plugin'], line: 19 }]);
    expect(key('Password').requiredWhen).toEqual([{ kind: 'key', key: 'FilterType', values: ['PASSWORD'], line: 26 }]);
    expect(key('Cert').requiredWhen).toEqual([{ kind: 'key', key: 'FilterType', values: ['signedByCACert', 'specificServerCert'], line: 33 }]);
    expect(key('Page').requiredWhen).toEqual([{ kind: 'key', key: 'FilterType', values: ['Home'], line: 40 }]);
    expect(key('Port').requiredWhen).toEqual([{ kind: 'key', key: 'HostName', line: 54 }]);
    expect(key('Size').requiredWhen).toEqual([{ kind: 'key', key: 'HostName', line: 61 }]);
    // Values are typed like the key they are about: `false` of a boolean is false.
    expect(key('Configuration').requiredWhen).toEqual([{ kind: 'key', key: 'Disabled', values: [false], orAbsent: true, line: 75 }]);
    expect(key('Message').requiredWhen).toEqual([{ kind: 'absent', key: 'Phone' }]);
    expect(key('Phone').requiredWhen).toEqual([{ kind: 'absent', key: 'Message' }]);
    expect(key('FilterType').requiredWhen).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.code === 'unread-requirement')).toEqual([]);
  });

  it('reads enrollments, negated and per channel', () => {
    const { key } = synthetic([
      ['A', 'The system requires this value if the enrollment type isn’t a user enrollment.'],
      ['B', 'This key is required for user enrollments.'],
      ['C', 'The system requires this value if the enrollment type is a user enrollment on the user channel.'],
    ]);
    expect(key('A').requiredWhen).toEqual([{ kind: 'enrollment', enrollment: 'device' }]);
    expect(key('B').requiredWhen).toEqual([{ kind: 'enrollment', enrollment: 'user' }]);
    expect(key('C').requiredWhen).toEqual([{ kind: 'enrollment', enrollment: 'user', channel: 'user' }]);
  });

  it('reports a condition on a key the object lacks, and reads nothing from a sentence that only mentions a requirement', () => {
    const { r, key } = synthetic([
      ['Grace', 'Required when `AllowGracePeriod` is set.'],
      ['Requirement', 'The required format is “Identifier (TeamIdentifier)”, for example “com.example.app (ABCD1234)”.'],
      ['Credentials', 'The credentials required for XAuth.'],
    ]);
    expect(key('Grace').requiredWhen).toBeUndefined();
    expect(key('Requirement').requiredWhen).toBeUndefined();
    expect(key('Credentials').requiredWhen).toBeUndefined();
    const unread = r.diagnostics.filter((d) => d.code === 'unread-requirement');
    expect(unread.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['info', 12, 'X.Grace: "Required when `AllowGracePeriod` is set." names AllowGracePeriod, which is not a key of X: the requirement is not applied'],
    ]);
  });
});

describe("which conditions on another key's value validators judge", () => {
  it('judges one whose key is named exactly, with its value, and whose prose names only the keys it makes required', () => {
    const { key } = synthetic([
      ['PageType', 'The start page: `Home` uses `HomepageURL`.'],
      ['HomepageURL', 'The URL. Required when setting `PageType` to `Home`.'],
      ['HostName', 'The host.'],
      ['Port', 'The port. This field is required if `HostName` is specified.', 'integer'],
    ]);
    expect(key('HomepageURL').requiredWhen).toEqual([{ kind: 'key', key: 'PageType', values: ['Home'], line: 19 }]);
    expect(key('Port').requiredWhen).toEqual([{ kind: 'key', key: 'HostName', line: 33 }]);
  });

  it('leaves stated, with the reason, one whose key is itself conditioned or whose requirement names a third key', () => {
    const { key } = synthetic([
      ['FilterType', 'The type.'],
      ['FilterSockets', 'If `true`, filters sockets. Use when `FilterType` is `Plugin`.', 'boolean'],
      ['Provider', 'The provider. Required if `FilterSockets` is `true`.'],
      ['Mode', 'The mode.'],
      ['Other', 'The other.'],
      ['Cert', 'Required when `Mode` is `signed`. It is required with `Other`.'],
    ]);
    expect(key('Provider').requiredWhen).toEqual([
      { kind: 'key', key: 'FilterSockets', values: [true], line: 26, unjudged: 'the description of FilterSockets names FilterType: when FilterSockets counts may depend on it' },
    ]);
    expect(key('Cert').requiredWhen).toEqual([{ kind: 'key', key: 'Mode', values: ['signed'], line: 47, unjudged: 'the requirement of Cert (line 47) also names Other' }]);
  });

  it('judges 32 of the 39 conditions of spec/ and says why not for the other 7', () => {
    const web = page('webcontentfilter.md');
    for (const name of ['FilterDataProviderBundleIdentifier', 'FilterDataProviderDesignatedRequirement', 'FilterPacketProviderBundleIdentifier', 'FilterPacketProviderDesignatedRequirement', 'URLFilterParameters']) {
      expect(web.key(name).requiredWhen?.find((c) => c.kind === 'key')?.unjudged, name).toMatch(/^the description of Filter(Sockets|Packets|URLs) names FilterType/);
    }
    // Apple's example sets FilterSockets with FilterType BuiltIn: the plug-in keys are judged on FilterType itself.
    for (const name of ['PluginBundleID', 'UserDefinedName']) expect(web.key(name).requiredWhen, name).toEqual([{ kind: 'key', key: 'FilterType', values: ['Plugin'], line: name === 'PluginBundleID' ? 201 : 234 }]);
    // A key required on another's value that some of its object's platforms lack is required only on the others.
    expect(web.key('FilterDataProviderDesignatedRequirement').requiredWhen?.find((c) => c.kind === 'platform')).toEqual({ kind: 'platform', platforms: ['macOS'] });
    expect(page('airplaysecurity.md').key('Password').requiredWhen).toEqual([{ kind: 'key', key: 'SecurityType', values: ['PASSWORD'], line: 26 }]);
    expect(page('deleteusercommand/command-data.dictionary.md').key('UserName').requiredWhen?.[0]).toMatchObject({ key: 'DeleteAllUsers', unjudged: 'the description of DeleteAllUsers names ForceDeletion: when DeleteAllUsers counts may depend on it' });
    const conditions = specIr().objects.flatMap((o) => o.properties.flatMap((p) => (p.requiredWhen ?? []).filter((c) => c.kind === 'key').map((c) => ({ key: `${o.name}.${p.name}`, c }))));
    expect(conditions.length).toBe(39);
    expect(conditions.filter((x) => x.c.unjudged !== undefined).map((x) => x.key)).toEqual([
      'ContentCaching.ManagementStatusCertificateReference',
      'DeleteUserCommand.Command.UserName',
      'WebContentFilter.FilterDataProviderBundleIdentifier',
      'WebContentFilter.FilterDataProviderDesignatedRequirement',
      'WebContentFilter.FilterPacketProviderBundleIdentifier',
      'WebContentFilter.FilterPacketProviderDesignatedRequirement',
      'WebContentFilter.URLFilterParameters',
    ]);
    // Each keeps its sentence's line.
    expect(conditions.every((x) => Number.isInteger(x.c.line) && x.c.line > 0)).toBe(true);
  });
});
