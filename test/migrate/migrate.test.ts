/**
 * `dmspec migrate`: a Restrictions profile with every Apple Intelligence key (deprecated in 26.4
 * in favour of the intelligence settings configuration) gives that configuration with the keys
 * whose correspondence the pages state, validated as a set, and lists each key it left with why;
 * real profiles (../shared/profiles) migrate the same way; the output is deterministic; `--out`
 * never replaces a file. And `validate` names the replacement where the deprecation does not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as apple from '@dmspec/apple';
import { migrateBytes, writeDeclarations, MigrateWriteError } from '../../generator/migrate/index.js';
import type { ValidatorModule } from '../../generator/validate/compile-validators.js';
import { validateDocumentBytes } from '../../generator/validate/index.js';
import { dmspecIn } from '../helpers/cli.js';
import { describeWith, PROFILES } from '../helpers/corpus.js';
import { specIr } from '../helpers/declaration-examples.js';
import { tempDir } from '../helpers/temp.js';

const validators = apple as unknown as ValidatorModule;
const INTELLIGENCE = 'com.apple.configuration.intelligence.settings';

/** The Restrictions keys whose page names the intelligence settings configuration, each set against its default. */
function intelligenceKeys(): Array<[string, boolean]> {
  const restrictions = specIr().objects.find((o) => o.payloadType === 'com.apple.applicationaccess')!;
  return restrictions.properties.filter((p) => p.declarativeReplacement?.declarationType === INTELLIGENCE).map((p) => [p.name, p.default !== true]);
}

function profile(keys: ReadonlyArray<[string, boolean]>, extra = ''): Uint8Array {
  const entries = keys.map(([k, v]) => `      <key>${k}</key><${v}/>`).join('\n');
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadContent</key>
  <array>
    <dict>
      <key>PayloadIdentifier</key><string>com.example.restrictions.intelligence</string>
      <key>PayloadType</key><string>com.apple.applicationaccess</string>
      <key>PayloadUUID</key><string>0F3C8C8E-2C49-4A39-9D8B-6E7E2A1C5B10</string>
      <key>PayloadVersion</key><integer>1</integer>
${entries}${extra}
    </dict>
  </array>
  <key>PayloadDisplayName</key><string>Apple Intelligence</string>
  <key>PayloadIdentifier</key><string>com.example.intelligence</string>
  <key>PayloadType</key><string>Configuration</string>
  <key>PayloadUUID</key><string>5A1D0B9E-7F4C-4E2A-8B3D-1C9E6F2A4D70</string>
  <key>PayloadVersion</key><integer>1</integer>
</dict>
</plist>
`);
}

describe('migrating a Restrictions profile with the Apple Intelligence keys', () => {
  const keys = intelligenceKeys();

  it('finds the 14 keys the page deprecates in favour of the intelligence settings configuration', () => {
    expect(keys).toHaveLength(14);
  });

  it('gives the intelligence settings configuration with the keys the pages tie to its own, and an activation, valid as a set', async () => {
    const r = await migrateBytes('ai.mobileconfig', profile(keys, '\n      <key>allowCamera</key><false/>'), validators);
    expect(r.declarations.map((d) => d.Type)).toEqual([INTELLIGENCE, 'com.apple.activation.simple']);
    const [settings, activation] = r.declarations;
    expect(settings!.Payload).toEqual({
      AllowAppleIntelligenceReport: false, AllowGenmoji: false, AllowImagePlayground: false, AllowImageWand: false,
      AllowPersonalizedHandwritingResults: false, AllowVisualIntelligenceSummary: false, AllowWritingTools: false,
      ForceOnDeviceOnlyDictation: true, ForceOnDeviceOnlyTranslation: true,
    });
    expect(activation!.Payload).toEqual({ StandardConfigurations: [settings!.Identifier] });
    expect(r.check?.issues).toEqual([]);
    expect(r.carried.every((c) => c.source.startsWith('restrictions.md:'))).toBe(true);
  });

  it('lists every key it left, with why', async () => {
    const r = await migrateBytes('ai.mobileconfig', profile(keys, '\n      <key>allowCamera</key><false/>'), validators);
    const left = r.left.map((l) => [l.path.replace('PayloadContent[0].', ''), l.reason]);
    const noKey = `${INTELLIGENCE} has no key of this name, and no page says which of its keys replaces this one`;
    expect(left).toEqual([
      ['allowMailSmartReplies', noKey], ['allowMailSummary', noKey], ['allowNotesTranscription', noKey],
      ['allowNotesTranscriptionSummary', noKey], ['allowSafariSummary', noKey],
      ...['PayloadIdentifier', 'PayloadType', 'PayloadUUID', 'PayloadVersion'].map((k) => [k, 'a key of the payload\'s envelope: a declaration has its own (Type, Identifier, ServerToken)']),
      ['allowCamera', 'its page names no declarative replacement'],
    ]);
    expect(r.carried.length + r.left.length).toBe(keys.length + 5);
  });

  it('is deterministic: the same profile gives the same declarations; a changed value a new token under the same identifier', async () => {
    const a = await migrateBytes('ai.mobileconfig', profile(keys), validators);
    const b = await migrateBytes('ai.mobileconfig', profile(keys), validators);
    expect(JSON.stringify(b.declarations)).toBe(JSON.stringify(a.declarations));
    const changed = await migrateBytes('ai.mobileconfig', profile(keys.map(([k, v]) => [k, k === 'allowGenmoji' ? !v : v])), validators);
    expect(changed.declarations[0]!.Identifier).toBe(a.declarations[0]!.Identifier);
    expect(changed.declarations[0]!.ServerToken).not.toBe(a.declarations[0]!.ServerToken);
  });

  it('carries nothing, and writes no declaration, from a profile with no replaced key', async () => {
    const r = await migrateBytes('camera.mobileconfig', profile([['allowCamera', false]]), validators);
    expect(r.declarations).toEqual([]);
    expect(r.left.map((l) => l.path)).toContain('PayloadContent[0].allowCamera');
  });
});

describe('dmspec migrate', () => {
  it('writes the declarations to --out, which validate then passes as a set, and never replaces a file', async () => {
    const dir = tempDir('migrate');
    const file = join(dir, 'ai.mobileconfig');
    writeFileSync(file, profile(intelligenceKeys()));
    const out = join(dir, 'declarations');
    const r = await dmspecIn(['migrate', '--out', out, file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/carried PayloadContent\[0\]\.allowGenmoji \(com\.apple\.applicationaccess\) to com\.apple\.configuration\.intelligence\.settings AllowGenmoji/);
    expect(r.stderr).toMatch(/left PayloadContent\[0\]\.allowMailSummary .*no page says which of its keys replaces this one/);
    expect(r.stderr).toMatch(/9 keys carried to 1 configuration and 1 activation; 9 left in the profile/);
    const v = await dmspecIn(['validate', out]);
    expect([v.code, v.stdout.trim().split('\n').pop()]).toEqual([0, '2 files (2 declarations), 0 payloads (0 checked, 0 not checked): 0 errors, 0 warnings']);
    const again = await dmspecIn(['migrate', '--out', out, file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/error: not replacing .*\.json/);
  });

  it('prints the declarations as a JSON array without --out, and everything as JSON with --json', async () => {
    const dir = tempDir('migrate');
    const file = join(dir, 'ai.mobileconfig');
    writeFileSync(file, profile([['allowGenmoji', false]]));
    const r = await dmspecIn(['migrate', file]);
    expect((JSON.parse(r.stdout) as Array<{ Type: string }>).map((d) => d.Type)).toEqual([INTELLIGENCE, 'com.apple.activation.simple']);
    const j = JSON.parse((await dmspecIn(['migrate', '--json', file])).stdout) as { carried: unknown[]; left: unknown[]; check: { summary: { errors: number } } };
    expect([j.carried.length, j.left.length, j.check.summary.errors]).toEqual([1, 4, 0]);
  });

  it('exits 2 on a file it cannot read', async () => {
    const r = await dmspecIn(['migrate', join(tempDir('migrate'), 'missing.mobileconfig')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: cannot read it: no such file or directory/);
  });

  it('refuses, before writing anything, when one of the files exists', () => {
    const dir = tempDir('migrate');
    const d = [{ Type: INTELLIGENCE, Identifier: 'A', ServerToken: '1', Payload: {} }, { Type: INTELLIGENCE, Identifier: 'B', ServerToken: '1', Payload: {} }];
    writeFileSync(join(dir, 'B.json'), 'mine');
    expect(() => writeDeclarations(dir, d)).toThrow(MigrateWriteError);
    expect(readFileSync(join(dir, 'B.json'), 'utf8')).toBe('mine');
    expect(() => readFileSync(join(dir, 'A.json'))).toThrow();
  });
});

describe('validate names the declarative replacement', () => {
  it('as a note where no deprecation quotes it, with what migrate does', async () => {
    // Without a platform every deprecation is reported; with one before the replacement exists, nothing is said.
    const notes = (r: { issues: Array<{ code: string }> }) => r.issues.filter((i) => i.code === 'declarative-replacement');
    const xml = profile([['allowGenmoji', false], ['allowMailSummary', false]]);
    expect(notes(await validateDocumentBytes('ai.mobileconfig', xml, validators))).toEqual([]);
    expect(notes(await validateDocumentBytes('ai.mobileconfig', xml, validators, { platform: 'iOS', osVersion: '18.4' }))).toEqual([]);
    // The deprecation filtered out (a version where the key's deprecation is not yet, the replacement already is): the note speaks.
    const facts = apple.payloadTypeFacts.get('com.apple.applicationaccess')!;
    const early = { ...validators, payloadTypeFacts: new Map([['com.apple.applicationaccess', { ...facts, replacements: facts.replacements!.map((r) => ({ ...r, availability: { iOS: { introduced: '18' } } })) }]]) } as unknown as ValidatorModule;
    const r = await validateDocumentBytes('ai.mobileconfig', xml, early, { platform: 'iOS', osVersion: '18.4' });
    expect(r.issues.map((i) => [i.path, i.code, i.severity])).toEqual([
      ['PayloadContent[0].allowGenmoji', 'declarative-replacement', 'info'],
      ['PayloadContent[0].allowMailSummary', 'declarative-replacement', 'info'],
    ]);
    expect(r.issues[0]!.message).toBe(`its page names the declarative management ${INTELLIGENCE} configuration to use instead (restrictions.md:889); dmspec migrate carries it to AllowGenmoji`);
    expect(r.issues[1]!.message).toMatch(/dmspec migrate cannot carry it: .*has no key of this name/);
  });

  it('through the deprecation\'s own message where it is deprecated, with no note beside it', async () => {
    const r = await validateDocumentBytes('ai.mobileconfig', profile([['allowGenmoji', false]]), validators);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['deprecated', 'warning']]);
    expect(r.issues[0]!.message).toContain(INTELLIGENCE);
  });

  it('saying so when the page names a declaration type the spec does not define', async () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>PayloadContent</key><array><dict>
      <key>PayloadIdentifier</key><string>p.pppc</string><key>PayloadType</key><string>com.apple.TCC.configuration-profile-policy</string>
      <key>PayloadUUID</key><string>9C7A7F0E-3C2B-4D1A-8E6F-5B4A3C2D1E0F</string><key>PayloadVersion</key><integer>1</integer>
      <key>Services</key><dict><key>BluetoothAlways</key><array/></dict></dict></array>
      <key>PayloadIdentifier</key><string>p</string><key>PayloadType</key><string>Configuration</string><key>PayloadUUID</key><string>1C7A7F0E-3C2B-4D1A-8E6F-5B4A3C2D1E0F</string><key>PayloadVersion</key><integer>1</integer></dict></plist>`;
    const r = await validateDocumentBytes('pppc.mobileconfig', new TextEncoder().encode(text), validators, { platform: 'macOS', osVersion: '15' });
    const note = r.issues.find((i) => i.code === 'declarative-replacement');
    expect(note?.path).toBe('PayloadContent[0].Services.BluetoothAlways');
    expect(note?.message).toMatch(/the Privacy key of the declarative management com\.apple\.configuration\.app-settings configuration to use instead, which the spec does not define/);
    const m = await migrateBytes('pppc.mobileconfig', new TextEncoder().encode(text), validators);
    expect(m.left.find((l) => l.path.endsWith('BluetoothAlways'))?.reason).toBe('the spec defines no declaration of type com.apple.configuration.app-settings');
  });
});

describeWith(PROFILES, 'migrating real profiles', () => {
  const real = (name: string) => readFileSync(join(PROFILES, 'rtrouton', name, `${name}.mobileconfig`));

  it('carries Image Playground and Writing Tools, and leaves the summaries the pages tie to no key', async () => {
    const carried = async (name: string) => (await migrateBytes(name, real(name), validators)).carried.map((c) => c.to);
    expect(await carried('AppleIntelligenceDisableImagePlayground')).toEqual(['AllowImagePlayground']);
    expect(await carried('AppleIntelligenceDisableWritingTools')).toEqual(['AllowWritingTools']);
    for (const name of ['AppleIntelligenceDisableNotesTranscriptionSummary', 'AppleIntelligenceDisableSafariSummary', 'AppleIntelligenceDisableExternalIntelligenceLogins']) {
      const r = await migrateBytes(name, real(name), validators);
      expect(r.declarations, name).toEqual([]);
      expect(r.left.filter((l) => l.declarationType !== undefined), name).toHaveLength(1);
    }
  });
});

describe('the replacements of spec/', () => {
  it('are the 35 sentences naming a declarative replacement, 13 of whose keys carry over', async () => {
    const { payloadTypeFacts } = await import('@dmspec/apple/registry');
    const all = [...payloadTypeFacts.values()].flatMap((f) => f.replacements ?? []);
    const by = (t: string) => all.filter((r) => r.declarationType === t);
    expect(all).toHaveLength(35);
    expect(all.filter((r) => r.carriesTo !== undefined).map((r) => `${r.path}→${r.carriesTo}`)).toEqual([
      'allowAppleIntelligenceReport→AllowAppleIntelligenceReport', 'allowAutoCorrection→AllowAutoCorrection', 'allowDefinitionLookup→AllowDefinitionLookup',
      'allowDictation→AllowDictation', 'allowGenmoji→AllowGenmoji', 'allowImagePlayground→AllowImagePlayground', 'allowImageWand→AllowImageWand',
      'allowPersonalizedHandwritingResults→AllowPersonalizedHandwritingResults', 'allowSpellCheck→AllowSpellCheck', 'allowVisualIntelligenceSummary→AllowVisualIntelligenceSummary',
      'allowWritingTools→AllowWritingTools', 'forceOnDeviceOnlyDictation→ForceOnDeviceOnlyDictation', 'forceOnDeviceOnlyTranslation→ForceOnDeviceOnlyTranslation',
    ]);
    expect([by(INTELLIGENCE).length, by('com.apple.configuration.keyboard.settings').length, by('com.apple.configuration.siri.settings').length]).toEqual([14, 7, 4]);
    // The privacy preferences pages name a type no page defines (the configuration is com.apple.configuration.app.settings).
    expect(by('com.apple.configuration.app-settings').map((r) => [r.path, r.key, r.declaration])).toEqual([
      ['Services.Accessibility', 'Privacy', undefined], ['Services.BluetoothAlways', 'Privacy', undefined], ['Services.SpeechRecognition', 'Privacy', undefined],
    ]);
  });
});
