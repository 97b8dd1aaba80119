/**
 * Conditional requirements read from a key's prose: each real sentence form of the pages gives
 * its condition, with the sentence's line, on the key it is about; a sentence naming a key the
 * object lacks is reported, not applied; a sentence that only mentions a requirement gives none.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../generator/parse/parse-page.js';
import type { IrProperty } from '../../generator/model/ir.js';

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
    expect(key('PluginBundleID').requiredWhen).toEqual([{ kind: 'key', key: 'FilterType', values: ['Plugin'] }]);
    expect(key('Password').requiredWhen).toEqual([{ kind: 'key', key: 'FilterType', values: ['PASSWORD'] }]);
    expect(key('Cert').requiredWhen).toEqual([{ kind: 'key', key: 'FilterType', values: ['signedByCACert', 'specificServerCert'] }]);
    expect(key('Page').requiredWhen).toEqual([{ kind: 'key', key: 'FilterType', values: ['Home'] }]);
    expect(key('Port').requiredWhen).toEqual([{ kind: 'key', key: 'HostName' }]);
    expect(key('Size').requiredWhen).toEqual([{ kind: 'key', key: 'HostName' }]);
    // Values are typed like the key they are about: `false` of a boolean is false.
    expect(key('Configuration').requiredWhen).toEqual([{ kind: 'key', key: 'Disabled', values: [false], orAbsent: true }]);
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
