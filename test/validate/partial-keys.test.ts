/**
 * Payloads whose page lists only some of their keys (the 802.1X Ethernet pages' "profile-specific
 * keys"), with the checked-in validators: Apple's own example raises no unknown-key false alarm,
 * and the keys the page does list are checked as it says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as checkedIn from '@dmspec/apple';
import { parsePage } from '../../generator/parse/index.js';
import { validateDocumentBytes, type FileReport, type ValidatorModule } from '../../generator/validate/index.js';
import { textReport } from '../../generator/validate/report.js';
import { SPEC } from '../helpers/corpus.js';
import { bytes, payload, profileXml, str } from '../helpers/profiles.js';

const validators: ValidatorModule = checkedIn;
const PAGES = ['firstactiveethernet', 'firstethernet', 'globalethernet', 'secondactiveethernet', 'secondethernet', 'thirdactiveethernet', 'thirdethernet'];
const findings = (r: FileReport): string[] => r.issues.map((i) => `${i.path} ${i.severity} ${i.code}`);

/** The profile example of a page of spec/, exactly as the page gives it. */
function example(file: string): string {
  const r = parsePage({ file, text: readFileSync(join(SPEC, file), 'utf8') });
  const ex = r.object?.examples?.find((e) => e.format === 'plist');
  if (!ex) throw new Error(`${file} has no plist example`);
  return ex.text;
}

describe('a payload whose page lists only some of its keys', () => {
  it.each(PAGES)('8021x%s: Apple\'s example gives no unknown-key, only SetupModes as an array, which the page calls a String', async (name) => {
    const file = `8021x${name}.md`;
    const r = await validateDocumentBytes(file, bytes(example(file)), validators);
    // AutoJoin, EncryptionType, Password, ProxyType, HIDDEN_NETWORK, AuthenticationMethod and
    // CaptiveBypass are Wi-Fi keys the page does not list: not unknown here.
    expect(findings(r)).toEqual(['PayloadContent[0].SetupModes error wrong-type']);
    expect(r.issues[0]!.message).toBe('expected string, got array');
    // The Wi-Fi keys are not checked either: the report says so rather than "checked".
    expect(r.payloads).toEqual([expect.objectContaining({ coverage: 'partly checked', partialKeys: true })]);
    expect(textReport([r])).toContain(`${file}: info partly-checked PayloadContent[0] (${r.payloads[0]!.payloadType}): its page lists only some of its keys; keys it does not list are not checked`);
    expect(textReport([r])).toContain('(0 checked, 1 partly checked, 0 not checked)');
  });

  it('checks the keys it lists: a string SetupModes and a well-formed EAPClientConfiguration pass, wrong types do not', async () => {
    const type = 'com.apple.firstethernet.managed';
    const ok = profileXml([payload(type, '1', [['Interface', str('FirstEthernet')], ['SetupModes', str('System')], ['AutoJoin', '<true/>'], ['EAPClientConfiguration', '<dict><key>AcceptEAPTypes</key><array><integer>25</integer></array><key>UserName</key><string>user</string></dict>']])]);
    expect(findings(await validateDocumentBytes('p.mobileconfig', bytes(ok), validators))).toEqual([]);
    const bad = profileXml([payload(type, '1', [['Interface', '<integer>1</integer>'], ['EAPClientConfiguration', str('user')]])]);
    expect(findings(await validateDocumentBytes('p.mobileconfig', bytes(bad), validators))).toEqual([
      'PayloadContent[0].Interface error wrong-type',
      'PayloadContent[0].EAPClientConfiguration error wrong-type',
    ]);
  });

  it('is said so in the checked-in docs, types and JSON Schema', () => {
    const generated = join(SPEC, '../generated');
    expect(readFileSync(join(generated, 'docs/T8021XFirstEthernet.md'), 'utf8')).toContain('| Keys | only some are listed on the page: keys not listed here are not reported as unknown |');
    expect(readFileSync(join(generated, 'types/T8021XFirstEthernet.d.ts'), 'utf8')).toContain(' * Also takes keys its page does not list (it lists only some): validators do not report them as unknown.\n');
    const schema = JSON.parse(readFileSync(join(generated, 'schema/T8021XFirstEthernet.schema.json'), 'utf8')) as { additionalProperties: unknown; properties: Record<string, unknown> };
    expect(schema.additionalProperties).toBe(true);
    expect(Object.keys(schema.properties).slice(0, 3)).toEqual(['Interface', 'EAPClientConfiguration', 'SetupModes']);
  });

  it('keeps reporting unknown keys, even with strict, only where a page lists all its keys', async () => {
    const xml = profileXml([payload('com.apple.firstethernet.managed', '1', [['Frobnicate', '<true/>']]), payload('com.apple.wifi.managed', '2', [['SSID_STR', str('x')], ['Frobnicate', '<true/>']])]);
    expect(findings(await validateDocumentBytes('p.mobileconfig', bytes(xml), validators, { strict: true }))).toEqual(['PayloadContent[1].Frobnicate error unknown-key']);
  });
});
