/**
 * A finding's suggestion as an edit: where the validators name the key an unknown key most likely
 * meant (`expected`), the finding carries the exact span of the key's text and its replacement,
 * and SARIF gives it as a fix; a key spelt with escapes gets no fix (the span would not be exact).
 */
import { describe, expect, it } from 'vitest';
import { validateDocumentBytes, type ProfileIssue } from '../../generator/validate/index.js';
import { placeIssues, treePlaces } from '../../generator/validate/places.js';
import type { KeyTree } from '../../generator/validate/key-path.js';
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

describe('places from a key tree', () => {
  // The shape a plist reader with positions gives: each value's line and column, and its key's.
  const tree: KeyTree = {
    line: 3, column: 1,
    keys: new Map<string, KeyTree>([
      ['PayloadContent', { line: 5, column: 3, keyLine: 4, keyColumn: 3, items: [{ line: 6, column: 5, keys: new Map([['allowAirDrop', { line: 7, column: 30, keyLine: 7, keyColumn: 7 }]]) }] }],
    ]),
  };
  const issue = (path: string): ProfileIssue => ({ path, payloadType: 'x', code: 'wrong-type', severity: 'error', message: 'm' });

  it('places a finding at its key, an item at itself, a missing key at the dictionary that lacks it', () => {
    const placed = placeIssues([issue('PayloadContent[0].allowAirDrop'), issue('PayloadContent[0]'), issue('PayloadContent[0].PayloadUUID')], treePlaces(() => tree));
    expect(placed.map((i) => [i.line, i.column, i.fix])).toEqual([[7, 7, undefined], [6, 5, undefined], [6, 5, undefined]]);
  });

  it('places nothing from a tree without positions (a binary plist)', () => {
    const bare: KeyTree = { keys: new Map([['a', {}]]) };
    expect(placeIssues([issue('a')], treePlaces(() => bare))[0]).toEqual(issue('a'));
  });
});
