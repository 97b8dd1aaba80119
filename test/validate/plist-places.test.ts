/**
 * Findings in plists carry the file's line and column, as findings in JSON do: each at its key
 * (or the value, for the document itself), in text, JSON and SARIF; a suggested key name is an
 * exact edit of the key's text; the reader's own errors are placed where it stopped, their
 * message free of the line. Binary plists have no lines: their findings carry byte offsets
 * (`file:@0x1a2` in text); signed profiles keep their paths only.
 */
import { describe, expect, it } from 'vitest';
import * as checkedIn from '../fixtures/emit/seeds/validators/registry.js';
import { validateDocumentBytes } from '../../generator/validate/index.js';
import { sarifReport } from '../../generator/validate/sarif.js';
import { jsonValidationReport, textReport } from '../../generator/validate/report.js';
import { toBinaryPlist, parsePlist } from '../../generator/runtime/plist/index.js';
import { bytes, int, payload, profileXml, signed } from '../helpers/profiles.js';
import { sarifErrors } from '../helpers/sarif.js';
import { bp, bplist } from '../helpers/bplist.js';
import type { ValidatorModule } from '../../generator/validate/compile-validators.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dmspecIn } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const APP = 'com.apple.vpn.managed.applayer';
/** One key to a line, so each finding's line says which key it is. */
const XML = profileXml([payload(APP, '1', [['OnDemandMatchAppEnabled', int(1)], ['OnDemandMatchAppEnabld', '<true/>']])], [['PayloadVersion', '<real>1</real>']]).replace(/<key>/g, '\n<key>');
const lineOf = (needle: string): number => XML.slice(0, XML.indexOf(needle)).split('\n').length;

/** The seeds' validators, whose payload validator also names the key a misspelt one most likely meant, as the spec's do. */
const own = checkedIn.validatorsByPayloadType.get(APP)!;
const suggesting = {
  ...checkedIn,
  validatorsByPayloadType: new Map([[APP, (v: unknown, o?: object) => {
    const r = own(v, o);
    const misspelt = { path: 'OnDemandMatchAppEnabld', code: 'unknown-key', severity: 'warning', message: 'OnDemandMatchAppEnabld is not a key of this dictionary; did you mean OnDemandMatchAppEnabled?', expected: 'OnDemandMatchAppEnabled' };
    return { valid: r.valid, issues: [...r.issues, misspelt] };
  }]]),
} as unknown as ValidatorModule;

describe('findings in plists', () => {
  it('are placed at their key in text, JSON and SARIF, with the suggested name as an exact edit', async () => {
    const r = await validateDocumentBytes('/tmp/p.mobileconfig', bytes(XML), suggesting);
    const at = (path: string) => r.issues.find((i) => i.path === path);
    expect(at('PayloadVersion')).toMatchObject({ code: 'wrong-type', line: lineOf('<key>PayloadVersion</key><real>'), column: 1 });
    expect(at('PayloadContent[0].OnDemandMatchAppEnabled')).toMatchObject({ code: 'wrong-type', line: lineOf('<key>OnDemandMatchAppEnabled<'), column: 1 });
    const misspelt = at('PayloadContent[0].OnDemandMatchAppEnabld')!;
    expect(misspelt).toMatchObject({ code: 'unknown-key', line: lineOf('<key>OnDemandMatchAppEnabld<'), column: 1 });
    expect(misspelt.fix).toEqual({ description: 'Rename the key to OnDemandMatchAppEnabled', span: { line: misspelt.line, column: 6, length: 22 }, text: 'OnDemandMatchAppEnabled' });

    expect(textReport([r])).toContain(`/tmp/p.mobileconfig:${lineOf('<key>PayloadVersion</key><real>')}:1: error wrong-type`);
    const json = JSON.parse(JSON.stringify(jsonValidationReport([r]))) as { files: Array<{ issues: Array<{ path: string; line?: number; column?: number }> }> };
    expect(json.files[0]!.issues.find((i) => i.path === 'PayloadVersion')).toMatchObject({ line: lineOf('<key>PayloadVersion</key><real>'), column: 1 });
    const log = JSON.parse(sarifReport([r], { version: '1' }, { root: '/' }));
    expect(sarifErrors(log)).toBeNull();
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'unknown-key');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: misspelt.line, startColumn: 1 });
    expect(result.fixes[0].artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { startLine: misspelt.line, startColumn: 6, endLine: misspelt.line, endColumn: 28 }, insertedContent: { text: 'OnDemandMatchAppEnabled' } });
  });

  it('give no edit where the key is spelt with a reference (the span would not be exact)', async () => {
    const r = await validateDocumentBytes('p.mobileconfig', bytes(XML.replace('<key>OnDemandMatchAppEnabld', '<key>OnDemandMatch&#65;ppEnabld')), suggesting);
    const misspelt = r.issues.find((i) => i.code === 'unknown-key')!;
    expect(misspelt.line).toBe(lineOf('<key>OnDemandMatchAppEnabld<'));
    expect(misspelt.fix).toBeUndefined();
  });

  it('are placed at their key\'s byte offset in a binary plist (JSON byteOffset, SARIF region), with no line and no edit', async () => {
    const binary = toBinaryPlist(parsePlist(XML).value);
    const r = await validateDocumentBytes('/tmp/p.mobileconfig', binary, suggesting);
    const placed = r.issues.filter((i) => i.code === 'wrong-type' || i.code === 'unknown-key');
    expect(placed.map((i) => i.path)).toEqual(['PayloadVersion', 'PayloadContent[0].OnDemandMatchAppEnabled', 'PayloadContent[0].OnDemandMatchAppEnabld']);
    for (const i of placed) {
      const key = i.path.split('.').at(-1)!;
      // The offset is the key's string object: its marker (ASCII, length in the low nibble or an integer after it) and then the key's bytes.
      const at = i.byteOffset!;
      const marker = binary[at]!;
      expect(marker >> 4).toBe(0x5);
      const start = (marker & 0x0f) === 0x0f ? at + 3 : at + 1;
      expect([new TextDecoder().decode(binary.subarray(start, start + key.length)), i.line, i.fix]).toEqual([key, undefined, undefined]);
    }
    expect(textReport([r])).toContain(`/tmp/p.mobileconfig:@0x${placed[0]!.byteOffset!.toString(16)}: error wrong-type (Configuration) PayloadVersion`);
    const json = JSON.parse(JSON.stringify(jsonValidationReport([r]))) as { files: Array<{ issues: Array<{ path: string; byteOffset?: number }> }> };
    expect(json.files[0]!.issues.find((i) => i.path === 'PayloadVersion')!.byteOffset).toBe(placed[0]!.byteOffset);
    const log = JSON.parse(sarifReport([r], { version: '1' }, { root: '/' }));
    expect(sarifErrors(log)).toBeNull();
    expect(log.runs[0].results.map((x: { locations: Array<{ physicalLocation: { region?: object } }> }) => x.locations[0]!.physicalLocation.region).filter(Boolean)).toEqual(placed.map((i) => ({ byteOffset: i.byteOffset })));
  });

  it('show a binary plist\'s byte offset in the text report as file:@0xHEX, the same offset as --format json gives, through the CLI', async () => {
    const dir = tempDir('binary-places');
    const file = join(dir, 'p.mobileconfig');
    writeFileSync(file, toBinaryPlist(parsePlist(XML).value));
    const text = await dmspecIn(['validate', 'p.mobileconfig'], dir);
    const json = await dmspecIn(['validate', '--format', 'json', 'p.mobileconfig'], dir);
    expect([text.code, json.code]).toEqual([1, 1]);
    const issues = (JSON.parse(json.stdout) as { files: Array<{ issues: Array<{ code: string; path: string; byteOffset?: number }> }> }).files[0]!.issues;
    const wrong = issues.filter((i) => i.code === 'wrong-type');
    expect(wrong.length).toBe(2);
    for (const i of wrong) {
      expect(i.byteOffset).toBeGreaterThan(8);
      expect(text.stdout).toMatch(new RegExp(`^p\\.mobileconfig:@0x${i.byteOffset!.toString(16)}: error wrong-type .* ${i.path.split('.').at(-1)}:`, 'm'));
    }
    // A binary plist the reader stops in: the file's one finding, at the repeated key's offset.
    writeFileSync(file, bplist([bp.dict([1, 1], [2, 2]), bp.ascii('PayloadType'), bp.ascii('Configuration')]));
    const stopped = await dmspecIn(['validate', 'p.mobileconfig'], dir);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(new RegExp(`^p\\.mobileconfig:@0x${(8 + bp.dict([1, 1], [2, 2]).length).toString(16)}: error malformed: `, 'm'));
  });

  it('place trailing NUL bytes where the first of them is, not at the root dictionary', async () => {
    const dir = tempDir('trailing');
    const xml = XML.replace(/\n$/, '');
    const lines = xml.split('\n').length;
    const last = xml.split('\n').at(-1)!;
    expect(last.endsWith('</plist>')).toBe(true);
    for (const [tail, line, column] of [['\n\0\0\0', lines + 1, 1], ['\0\0\n', lines, last.length + 1], ['\r\n\r\n\0', lines + 2, 1]] as const) {
      writeFileSync(join(dir, 'p.mobileconfig'), xml + tail);
      const run = await dmspecIn(['validate', '--format', 'json', 'p.mobileconfig'], dir);
      const issue = (JSON.parse(run.stdout) as { files: Array<{ issues: Array<{ code: string; line?: number; column?: number }> }> }).files[0]!.issues.find((i) => i.code === 'trailing-bytes');
      expect([tail, issue?.line, issue?.column]).toEqual([tail, line, column]);
    }
  });

  it('keep their paths only in a signed profile, whose plist lies inside the envelope (its lines and offsets are not the file\'s)', async () => {
    for (const b of [signed(bytes(XML)), signed(toBinaryPlist(parsePlist(XML).value))]) {
      const r = await validateDocumentBytes('p.mobileconfig', b, checkedIn);
      expect(r.issues.filter((i) => i.code === 'wrong-type').map((i) => [i.path, i.line, i.byteOffset])).toEqual([['PayloadVersion', undefined, undefined], ['PayloadContent[0].OnDemandMatchAppEnabled', undefined, undefined]]);
    }
  });

  it('place a binary plist\'s repeated key at the byte offset of its second occurrence', async () => {
    const dup = bplist([bp.dict([1, 1], [2, 2]), bp.ascii('PayloadType'), bp.ascii('Configuration')]);
    const r = await validateDocumentBytes('p.mobileconfig', dup, checkedIn);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'malformed', severity: 'error', byteOffset: 8 + bp.dict([1, 1], [2, 2]).length })]);
    expect(r.issues[0]!.line).toBeUndefined();
    const region = JSON.parse(sarifReport([r], { version: '1' }, { root: '/' })).runs[0].results[0].locations[0].physicalLocation.region;
    expect(region).toEqual({ byteOffset: r.issues[0]!.byteOffset });
  });

  it('place the reader\'s own error where it stopped, the message without the line', async () => {
    const broken = XML.replace('<key>PayloadVersion</key><real>1</real>', '<key>PayloadVersion</key><date>1</date>');
    const r = await validateDocumentBytes('p.mobileconfig', bytes(broken), checkedIn);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'malformed', severity: 'error', line: lineOf('<key>PayloadVersion</key><real>'), column: 26, message: '<date> holds "1", not a date as YYYY-MM-DDTHH:MM:SSZ (UTC)' })]);
  });
});
