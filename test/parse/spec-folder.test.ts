/**
 * A spec folder read into its parts: a plain folder is all primary; a manifest names supplements,
 * whose pages only supply facts. Bad manifests are refused with a message naming the field.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePages } from '../../generator/parse/index.js';
import { SpecReadError } from '../../generator/parse/read-spec.js';
import { manifestText, parseManifest, readSpecFolder, specFolderOf, specPages, type SpecManifest } from '../../generator/parse/spec-folder.js';
import { tempDir } from '../helpers/temp.js';

const MANIFEST: SpecManifest = {
  primary: { date: '2026-08-18', flavour: 'changelog', source: 'a mirror' },
  supplements: [{ folder: 'supplement/old', flavour: 'rendered', date: '2025-04-13', source: 'older pages' }],
};

const PRIMARY = `# Passcode

The payload.

**Platforms:** iOS 4.0, macOS 10.7

## Properties

### maxFailedAttempts

- **Type:** \`integer\`
- **Required:** No

The number of failed attempts.

### minLength

- **Type:** \`integer\`
- **Required:** No

The minimum length.

## Discussion

Specify \`com.apple.mobiledevice.passwordpolicy\` as the payload type.
`;

const SUPPLEMENT = `
- Device Management
-  Passcode 

Device Management Profile

# Passcode

The payload.

iOS 4.0+macOS 10.7+

\`\`\` source
object Passcode
\`\`\`

## Properties

\`maxFailedAttempts\`

\`integer\`

The number of allowed failed attempts.

Minimum: \`2\`

Maximum: \`11\`

\`gone\`

\`integer\`

A key the primary page no longer lists.

Minimum: \`1\`

## Discussion

Specify \`com.apple.mobiledevice.passwordpolicy\` as the payload type.

### Profile Availability

|                            |                     |
|----------------------------|---------------------|
| Device Channel             | iOS, macOS          |
| User Channel               | \\-                  |
| Allow Manual Install       | iOS, macOS          |
| Requires Supervision       | \\-                  |
| Requires User Approved MDM | \\-                  |
| Allowed in User Enrollment | iOS                 |
| Allow Multiple Payloads    | iOS, macOS          |
`;

function folderWith(files: Record<string, string>): string {
  const dir = tempDir('spec-folder');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('readSpecFolder', () => {
  it('reads a folder without a manifest as primary pages only', () => {
    const dir = folderWith({ 'passcode.md': PRIMARY, 'supplement/old/passcode.md': SUPPLEMENT });
    const folder = readSpecFolder(dir);
    expect(folder.manifest).toBeUndefined();
    expect(folder.primary.map((p) => p.file)).toEqual(['passcode.md', 'supplement/old/passcode.md']);
    expect(folder.supplements).toEqual([]);
  });

  it('splits the pages by the manifest and marks each supplement page', () => {
    const dir = folderWith({ 'passcode.md': PRIMARY, 'supplement/old/passcode.md': SUPPLEMENT, 'spec.json': manifestText(MANIFEST) });
    const folder = readSpecFolder(dir);
    expect(folder.manifest).toEqual(MANIFEST);
    expect(folder.primary.map((p) => [p.file, p.supplement])).toEqual([['passcode.md', undefined]]);
    expect(folder.supplements.map((s) => [s.folder, s.date, s.pages.map((p) => p.file)])).toEqual([['supplement/old', '2025-04-13', ['supplement/old/passcode.md']]]);
    expect(specPages(folder).map((p) => [p.file, p.supplement?.date])).toEqual([['passcode.md', undefined], ['supplement/old/passcode.md', '2025-04-13']]);
  });

  it('refuses a supplement folder with no pages, and a spec with no primary page', () => {
    expect(() => readSpecFolder(folderWith({ 'passcode.md': PRIMARY, 'spec.json': manifestText(MANIFEST) }))).toThrow(/supplement folder supplement\/old holds no \.md pages/);
    expect(() => specFolderOf([{ file: 'supplement/old/a.md', text: SUPPLEMENT }], manifestText(MANIFEST))).toThrow(/no primary pages/);
  });
});

describe('parseManifest', () => {
  const bad = (patch: (m: Record<string, unknown>) => void): () => SpecManifest => {
    const m = JSON.parse(manifestText(MANIFEST)) as Record<string, unknown>;
    patch(m);
    return () => parseManifest(JSON.stringify(m), 'spec/spec.json');
  };
  const supplement = (m: Record<string, unknown>): Record<string, unknown> => (m['supplements'] as Array<Record<string, unknown>>)[0]!;

  it('names the field that is wrong', () => {
    expect(bad((m) => { m['extra'] = 1; })).toThrow(/spec\/spec\.json: the manifest has an unknown field "extra"/);
    expect(bad((m) => { supplement(m)['date'] = 'April'; })).toThrow(/supplements\[0\]\.date must be a date/);
    expect(bad((m) => { supplement(m)['flavour'] = 'html'; })).toThrow(/supplements\[0\]\.flavour must be one of/);
    expect(bad((m) => { delete (m['primary'] as Record<string, unknown>)['source']; })).toThrow(/primary\.source must be a string/);
    expect(() => parseManifest('{', 'x')).toThrow(SpecReadError);
  });

  it('keeps every supplement folder inside the spec and apart from the others', () => {
    for (const folder of ['../elsewhere', '/abs', 'a/../b', '.hidden', 'a\\b', '']) {
      expect(bad((m) => { supplement(m)['folder'] = folder; }), folder).toThrow(/must be a relative folder/);
    }
    expect(bad((m) => { (m['supplements'] as unknown[]).push({ ...supplement(m), folder: 'supplement/old/inner' }); })).toThrow(/overlap/);
  });
});

describe('a supplement in the IR', () => {
  const ir = parsePages(specPages(specFolderOf([{ file: 'passcode.md', text: PRIMARY }, { file: 'supplement/old/passcode.md', text: SUPPLEMENT }], manifestText(MANIFEST))));

  it('makes no object of a supplement page, and adds no key the primary page lacks', () => {
    expect(ir.objects.map((o) => [o.name, o.source.file])).toEqual([['Passcode', 'passcode.md']]);
    expect(ir.objects[0]!.properties.map((p) => p.name)).toEqual(['maxFailedAttempts', 'minLength']);
  });

  it('takes the range and the Profile Availability table the primary page does not state, with their source', () => {
    const [o] = ir.objects;
    expect(o!.properties[0]).toMatchObject({
      minimum: 2, maximum: 11,
      factSources: {
        minimum: { file: 'supplement/old/passcode.md', line: 25, date: '2025-04-13' },
        maximum: { file: 'supplement/old/passcode.md', line: 27, date: '2025-04-13' },
      },
    });
    expect(o!.properties[1]!.factSources).toBeUndefined();
    expect(o!.profileAvailability?.iOS).toMatchObject({ allowedInUserEnrollment: true, requiresSupervision: false });
    expect(o!.profileAvailability?.macOS).toMatchObject({ allowedInUserEnrollment: false });
    expect(o!.factSources?.profileAvailability).toEqual({ file: 'supplement/old/passcode.md', line: 43, date: '2025-04-13' });
  });

  it('never replaces what the primary page states', () => {
    const stated = PRIMARY.replace('The number of failed attempts.', 'The number of failed attempts.\n\n- **Minimum:** `4`');
    const fused = parsePages(specPages(specFolderOf([{ file: 'passcode.md', text: stated }, { file: 'supplement/old/passcode.md', text: SUPPLEMENT }], manifestText(MANIFEST))));
    const p = fused.objects[0]!.properties[0]!;
    expect([p.minimum, p.maximum]).toEqual([4, 11]);
    expect(Object.keys(p.factSources ?? {})).toEqual(['maximum']);
  });

  it('takes nothing from a page of the same name that describes something else', () => {
    const declaration = PRIMARY.replace('Specify `com.apple.mobiledevice.passwordpolicy` as the payload type.', 'Specify `com.apple.configuration.passcode.settings` as the declaration type.');
    const fused = parsePages(specPages(specFolderOf([{ file: 'passcode.md', text: declaration }, { file: 'supplement/old/passcode.md', text: SUPPLEMENT }], manifestText(MANIFEST))));
    expect(fused.objects[0]!.properties[0]!.minimum).toBeUndefined();
    expect(fused.diagnostics.filter((d) => d.code === 'supplement-mismatch').map((d) => d.message)).toEqual([
      "Passcode: the supplement's page of this name (supplement/old/passcode.md) describes a payload, this page a declaration; none of its facts are taken",
    ]);
  });
});
