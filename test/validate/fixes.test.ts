/**
 * A finding's suggestion as an edit: where the validators name the key an unknown key most likely
 * meant (`expected`), the finding carries the exact span of the key's text and its replacement,
 * and SARIF gives it as a fix; a key spelt with escapes gets no fix (the span would not be exact).
 */
import { describe, expect, it } from 'vitest';
import { validateDocumentBytes, type ProfileIssue } from '../../generator/validate/index.js';
import { placeIssues, plistPlaces } from '../../generator/validate/places.js';
import { parsePlist, toBinaryPlist } from '../../generator/runtime/plist/index.js';
import { sarifReport } from '../../generator/validate/sarif.js';
import type { ValidatorModule } from '../../generator/validate/compile-validators.js';
import { bytes } from '../helpers/profiles.js';
import { sarifErrors } from '../helpers/sarif.js';

/** Validators that find one misspelt key, as the generated ones do with a suggestion. */
const suggesting = {
  validatorsByName: new Map(), validatorsByPayloadType: new Map(), objectsByPayloadType: new Map(),
  validateDeclaration: () => ({
    valid: true,
    issues: [{ path: 'Payload.MinimumLenght', code: 'unknown-key', severity: 'warning', message: 'MinimumLenght is not a key of this dictionary; did you mean MinimumLength?', expected: 'MinimumLength' }],
  }),
} as unknown as ValidatorModule;

const doc = (key: string): Uint8Array => bytes(`{\n  "Type": "com.apple.configuration.passcode.settings",\n  "Identifier": "p",\n  "Payload": { "${key}": 6 }\n}\n`);

describe('fixes', () => {
  it('gives an unknown key\'s likely name as an edit of the key\'s own text, and SARIF as a fix', async () => {
    const r = await validateDocumentBytes('/tmp/p.json', doc('MinimumLenght'), suggesting);
    expect(r.issues[0]).toMatchObject({ line: 4, column: 16, fix: { description: 'Rename the key to MinimumLength', span: { line: 4, column: 17, length: 13 }, text: 'MinimumLength' } });
    const log = JSON.parse(sarifReport([r], { version: '1' }, { root: '/' }));
    expect(sarifErrors(log)).toBeNull();
    const result = log.runs[0].results[0];
    expect(result.fixes).toEqual([{
      description: { text: 'Rename the key to MinimumLength' },
      artifactChanges: [{
        artifactLocation: { uri: 'tmp/p.json', uriBaseId: '%SRCROOT%' },
        replacements: [{ deletedRegion: { startLine: 4, startColumn: 17, endLine: 4, endColumn: 30 }, insertedContent: { text: 'MinimumLength' } }],
      }],
    }]);
  });

  it('gives no fix where the key is spelt with escapes', async () => {
    const r = await validateDocumentBytes('p.json', doc('Minimum\\u004cenght'), suggesting);
    expect(r.issues[0]!.line).toBe(4);
    expect(r.issues[0]!.fix).toBeUndefined();
  });
});

describe('places from the plist reader\'s positions', () => {
  const XML = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<plist version="1.0">',
    '<dict>',
    '  <key>PayloadContent</key>',
    '  <array>',
    '    <dict>',
    '      <key>allowAirDrp</key><true/>',
    '      <key>a&#x2E;b</key><true/>',
    '    </dict>',
    '  </array>',
    '</dict>',
    '</plist>',
  ].join('\n');
  const issue = (path: string, expected?: string): ProfileIssue => ({ path, payloadType: 'x', code: 'unknown-key', severity: 'warning', message: 'm', ...(expected ? { expected } : {}) });

  it('places a finding at its key, an item at itself, a missing key at the dictionary that lacks it', () => {
    const placed = placeIssues([issue('PayloadContent[0].allowAirDrp'), issue('PayloadContent[0]'), issue('PayloadContent[0].PayloadUUID')], plistPlaces(parsePlist(XML).positions));
    expect(placed.map((i) => [i.line, i.column])).toEqual([[7, 7], [6, 5], [6, 5]]);
  });

  it('gives an exact edit of the key\'s text only where the source holds <key>NAME</key> there', () => {
    const [plain, escaped, elsewhere] = placeIssues([issue('PayloadContent[0].allowAirDrp', 'allowAirDrop'), issue('PayloadContent[0].a.b', 'ab'), issue('PayloadContent', 'Payload')], plistPlaces(parsePlist(XML).positions));
    expect(plain!.fix).toEqual({ description: 'Rename the key to allowAirDrop', span: { line: 7, column: 12, length: 11 }, text: 'allowAirDrop' });
    expect(XML.split('\n')[6]!.slice(11, 22)).toBe('allowAirDrp');
    expect([escaped!.line, escaped!.fix]).toEqual([8, undefined]);
    expect([elsewhere!.line, elsewhere!.fix?.span]).toEqual([4, { line: 4, column: 8, length: 14 }]);
  });

  it('places a finding in a binary plist, which has no lines, at its key\'s byte offset, with no edit', () => {
    const binary = parsePlist(toBinaryPlist(parsePlist(XML).value));
    const content = (binary.value as { PayloadContent: object[] }).PayloadContent[0]!;
    const keyAt = binary.positions.keyPositionOf(content, 'allowAirDrp') as { offset: number };
    expect(placeIssues([issue('PayloadContent[0].allowAirDrp', 'allowAirDrop')], plistPlaces(binary.positions))[0]).toEqual({ ...issue('PayloadContent[0].allowAirDrp', 'allowAirDrop'), byteOffset: keyAt.offset });
  });
});
