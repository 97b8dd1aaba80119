/**
 * Hostile profiles, as an attacker would make them, each within the documented limits on size:
 * every one ends in a clear error or the right finding, by a budget (never by luck of timing),
 * and the run goes on with the next file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as checkedIn from '../fixtures/emit/seeds/validators/registry.js';
import { validateProfileBytes, validateProfileFiles, type FileReport } from '../../generator/validate/index.js';
import { jsonValidationReport, textReport } from '../../generator/validate/report.js';
import { bp, bplist, deepBinary, referenceBomb } from '../helpers/bplist.js';
import { binaryOf, bytes, dict, payload, profileXml, signed, str } from '../helpers/profiles.js';
import { readError } from '../helpers/reports.js';

const APP = 'com.apple.vpn.managed.applayer';
const GOOD = profileXml([payload(APP, '1')]);
const dir = mkdtempSync(join(tmpdir(), 'dmspec-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (b: Uint8Array, options = {}): Promise<FileReport> => validateProfileBytes('p.mobileconfig', b, checkedIn, options);

/** Writes each file and validates them in one run, as `dmspec validate a b c` does. */
async function runFiles(files: Array<[string, Uint8Array]>): Promise<FileReport[]> {
  for (const [name, b] of files) writeFileSync(join(dir, name), b);
  return validateProfileFiles(files.map(([n]) => join(dir, n)), checkedIn, { timeoutMs: 10_000 });
}

describe('budgets while reading', () => {
  it('stops a 645-byte reference bomb (50 references a level, 10 levels) at the value budget, then reads the next file', async () => {
    const bomb = referenceBomb(10, 50);
    expect(bomb.length).toBeLessThan(700);
    const [r, next] = await runFiles([['bomb.mobileconfig', bomb], ['good.mobileconfig', await binaryOf(GOOD)]]);
    expect(readError(r)).toMatch(/more than 100,000 values \(shared references count each time they are reached\)/);
    expect(readError(next)).toBeUndefined();
    expect(next!.payloads).toHaveLength(1);
  });

  it('refuses binary arrays nested 5,000 deep at 64 levels, and the next binary file still reads', async () => {
    const [deep, deeper, next] = await runFiles([['d1.mobileconfig', deepBinary(4100)], ['d2.mobileconfig', deepBinary(5000)], ['ok.mobileconfig', await binaryOf(GOOD)]]);
    expect(readError(deep)).toBe('nesting deeper than 64 levels');
    expect(readError(deeper)).toBe('nesting deeper than 64 levels');
    expect(readError(next)).toBeUndefined();
  });

  it('refuses a binary array that contains itself', async () => {
    expect(readError(await run(bplist([bp.array([0])])))).toMatch(/object 0 contains itself/);
  });

  it('keeps a report for one value with 130,000 findings (no push(...many) overflow)', async () => {
    const many = Array.from({ length: 130_000 }, (_, i) => ({ path: `k${i}`, code: 'unknown-key' as const, severity: 'warning' as const, message: 'x' }));
    const validator = (): { valid: boolean; issues: typeof many } => ({ valid: false, issues: many });
    const fake = { validatorsByName: new Map([['TopLevel', validator]]), validatorsByPayloadType: new Map(), objectsByPayloadType: new Map() };
    const r = await validateProfileBytes('p.mobileconfig', bytes(GOOD), fake);
    expect(readError(r)).toBeUndefined();
    expect(r.issues).toHaveLength(130_000);
    // The report lists 1,000 of them and counts the rest: the findings, the payload not checked, the count, the summary, the final newline.
    const lines = textReport([r]).split('\n');
    expect(lines).toHaveLength(1_000 + 4);
    expect(lines.at(-3)).toBe('p.mobileconfig: info omitted: 129,000 more findings not listed (unknown-key 129,000): the report lists at most 1,000 of each per file and 10,000 findings per run; the summary counts all');
    expect(lines.at(-2)).toMatch(/: 0 errors, 130000 warnings$/);
  });

  it('reports 99,000 unknown top-level keys end to end, just inside the value budget', async () => {
    const keys = Array.from({ length: 99_000 }, (_, i) => [`k${i}`, '<true/>'] as const);
    const r = await run(bytes(profileXml([payload(APP, '1')], keys)));
    expect(readError(r)).toBeUndefined();
    expect(r.issues.filter((i) => i.code === 'unknown-key')).toHaveLength(99_000);
  }, 60_000);

  it('stops a 15 MB flat XML file at the value budget', async () => {
    const flat = bytes(`<plist><array>${'<true/>'.repeat(2_200_000)}</array></plist>`);
    expect(flat.length).toBeGreaterThan(15_000_000);
    expect(readError(await run(flat))).toMatch(/^more than 100,000 values/);
  }, 60_000);

  it('stops the same content nested 60 deep, and gives a short error for a million unclosed tags', async () => {
    const nested = bytes(`<plist>${'<array>'.repeat(60)}${'<true/>'.repeat(1_000_000)}${'</array>'.repeat(60)}</plist>`);
    expect(readError(await run(nested))).toMatch(/more than 100,000 values/);
    const unclosed = await run(bytes(`<plist>${'<array>'.repeat(1_000_000)}`));
    expect([readError(unclosed), unclosed.issues[0]!.line]).toEqual(['nesting deeper than 64 levels', 1]);
    const unknown = await run(bytes(`<plist>${'<x>'.repeat(1_000_000)}`));
    expect(readError(unknown)!.length).toBeLessThan(200);
  }, 60_000);

  it('refuses a string or data value over its limit while reading it', async () => {
    const long = await run(bytes(profileXml([payload(APP, '1', [['Note', str('a'.repeat(1_000_001))]])])));
    expect(readError(long)).toMatch(/a string of 1,000,001 characters, over the limit of 1,000,000/);
    const many = await run(bytes(profileXml([payload(APP, '1')])), { limits: { maxBytes: 1 << 24, maxDepth: 64, maxTotalBytes: 100 } });
    expect(readError(many)).toMatch(/more than 100 bytes of strings and data/);
  });

  it('enforces the time limit inside reading, not between payloads', async () => {
    const wide = bytes(`<plist><array>${'<true/>'.repeat(5000)}</array></plist>`);
    const r = await run(wide, { timeoutMs: -1 });
    expect(readError(r)).toMatch(/^reading stopped after -1 ms time limit/);
  });

  it('reads only regular files: a link to /dev/zero and a FIFO are refused at once', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.mobileconfig'));
    execFileSync('mkfifo', [join(dir, 'fifo.mobileconfig')]);
    writeFileSync(join(dir, 'after.mobileconfig'), GOOD);
    const reports = await validateProfileFiles(['zero', 'fifo', 'after'].map((n) => join(dir, `${n}.mobileconfig`)), checkedIn);
    expect(reports.map((r) => readError(r))).toEqual(['not a regular file (a device); only regular files are read', 'not a regular file (a pipe); only regular files are read', undefined]);
  });
});

describe('duplicate keys', () => {
  it('refuses two PayloadContent keys, naming both lines', async () => {
    const top = '<key>PayloadIdentifier</key><string>com.example.profile</string>';
    const xml = profileXml([payload(APP, '1')]).replace(top, `\n<key>PayloadContent</key><array>${payload(APP, '2', [['Bad', '<true/>']])}</array>\n${top}`);
    const r = await run(bytes(xml));
    // The position is the finding's place, not part of its message.
    expect([readError(r), r.issues[0]!.line]).toEqual(['the key "PayloadContent" appears twice in one dictionary (lines 3 and 4); readers disagree on which value counts', 4]);
  });

  it('refuses two PayloadType keys in a payload, in XML and in binary', async () => {
    const xml = profileXml([dict([['PayloadType', str(APP)], ['PayloadType', str('com.apple.evil')]])]);
    expect(readError(await run(bytes(xml)))).toMatch(/the key "PayloadType" appears twice/);
    const bin = bplist([bp.dict([1, 1], [2, 3]), bp.ascii('PayloadType'), bp.ascii(APP), bp.ascii('x')]);
    expect(readError(await run(bin))).toMatch(/the key "PayloadType" appears twice in one dictionary \(entry 1 of object 0 and entry 2 of object 0\)/);
  });
});

describe('values read as Apple reads them', () => {
  const value = (v: string): Uint8Array => bytes(profileXml([payload(APP, '1', [['V', v]])]));
  const LENIENT: Array<[string, string, RegExp]> = [
    ['<date>1</date>', '<date>1</date>', /<date> holds "1", not a date/],
    ['February 30', '<date>2026-02-30T00:00:00Z</date>', /<date> holds "2026-02-30T00:00:00Z"/],
    ['a date without Z', '<date>2026-02-01T00:00:00</date>', /not a date as YYYY-MM-DDTHH:MM:SSZ \(UTC\)/],
    ['junk inside <data>', '<data>AAAA!!AAAA</data>', /<data> is not valid base64/],
    ['<true>no</true>', '<true>no</true>', /<true> holds "no"; it must be empty/],
    ['an element inside a string', '<string>Sys<b/>tem</string>', /<b> inside <string>: a value holds text only/],
    ['<real>0b101</real>', '<real>0b101</real>', /<real> holds "0b101"/],
    ['an integer past the 64-bit range', '<integer>18446744073709551616</integer>', /the integer 18446744073709551616 is outside the 64-bit range property lists hold/],
  ];
  for (const [name, v, message] of LENIENT) {
    it(`refuses ${name}`, async () => {
      expect(readError(await run(value(v)))).toMatch(message);
    });
  }

  it('refuses a 16-byte binary integer 2^100 instead of reading it as 0', async () => {
    const bin = bplist([bp.dict([1], [2]), bp.ascii('PayloadVersion'), bp.int(1n << 100n, 4)]);
    expect(readError(await run(bin))).toBe('the integer 1267650600228229401496703205376 is outside the 64-bit range property lists hold');
    // A PayloadType makes it a profile: a plist of neither kind is not checked at all.
    const neg = bplist([bp.dict([1, 3], [2, 4]), bp.ascii('PayloadVersion'), bp.int(-2n, 3), bp.ascii('PayloadType'), bp.ascii('Configuration')]);
    expect((await run(neg)).issues.find((i) => i.path === 'PayloadVersion')?.actual).toBe(-2);
  });

  it('takes nan and inf as reals, as Apple does, not as wrong types', async () => {
    for (const v of ['nan', 'inf', '-infinity']) {
      const r = await run(bytes(profileXml([payload(APP, '1')], [['DurationUntilRemoval', `<real>${v}</real>`]])));
      expect(r.issues.filter((i) => i.path === 'DurationUntilRemoval'), v).toEqual([]);
    }
    const wrong = await run(bytes(profileXml([payload(APP, '1')], [['DurationUntilRemoval', '<string>nan</string>']])));
    expect(wrong.issues.filter((i) => i.path === 'DurationUntilRemoval').map((i) => i.code)).toEqual(['wrong-type']);
  });

  it('keeps a nan or inf real as its plist spelling in JSON reports, not null', async () => {
    for (const [v, shown] of [['nan', 'nan'], ['-inf', '-inf'], ['+infinity', 'inf']]) {
      const r = await run(bytes(profileXml([payload(APP, '1')], [['PayloadVersion', `<real>${v}</real>`]])));
      const json = JSON.parse(JSON.stringify(jsonValidationReport([r])));
      expect(json.files[0].issues.find((i: { path: string }) => i.path === 'PayloadVersion'), v).toMatchObject({ code: 'wrong-type', actual: shown });
    }
  });

  it('reads UTF-16 XML, nan reals and entity text inside CDATA or a comment', async () => {
    const text = profileXml([payload(APP, '1', [['N', '<real>nan</real>'], ['C', '<string><![CDATA[<!ENTITY x "y">]]></string>']])]).replace('<plist', '<!-- <!ENTITY z "w"> --><plist').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      let b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      if (encoding === 'utf16be') b = Buffer.from(b).swap16();
      const r = await run(new Uint8Array(b));
      expect(readError(r)).toBeUndefined();
      expect(r.payloads).toEqual([expect.objectContaining({ payloadType: APP, checked: true })]);
    }
  });
});

describe('terminal and report injection', () => {
  it('shows line breaks, C1 controls and bidi overrides in XML keys as escapes', async () => {
    const xml = profileXml([payload('com.evil\u009b2J', '1')], [['a\nb.mobileconfig: (Configuration) fine: ok\u202e', '<true/>']]);
    const text = textReport([await run(bytes(xml))]);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u0080-\u009f\u202e]/);
    expect(text).toContain('com.evil\\x9b2J');
    expect(text).toContain('a\\nb.mobileconfig');
    expect(text).toContain('\\u202e');
    expect(text.split('\n').filter((l) => l.startsWith('b.mobileconfig'))).toEqual([]);
  });

  it('shows ESC and BEL in a binary plist\'s payload type as escapes', async () => {
    const type = 'com.evil\u001b]0;owned\u0007';
    const bin = bplist([bp.dict([1], [2]), bp.ascii('PayloadContent'), bp.array([3]), bp.dict([4], [5]), bp.ascii('PayloadType'), bp.ascii(type)]);
    const text = textReport([await run(bin)]);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text).toContain('com.evil\\e]0;owned\\x07');
  });

  it('quotes a signer subject that poses as the verdict', async () => {
    const r = await run(signed(bytes(GOOD), 'x (signature valid; chain checked)\u001b[2K\r'));
    const line = textReport([r]).split('\n')[0]!;
    expect(line).toBe('p.mobileconfig: info signed by "CN=x (signature valid; chain checked)\\e[2K\\r, O=Example Org" (signature valid; chain not checked)');
  }, 60_000);
});

describe('signed envelopes', () => {
  it('refuses CMS nested 200,000 levels deep before asn1js reads it', async () => {
    const deep = new Uint8Array(400_000);
    for (let i = 0; i < deep.length; i += 2) { deep[i] = 0x30; deep[i + 1] = 0x80; }
    expect(readError(await run(deep))).toBe('the signed envelope nests deeper than 40 levels');
  });

  it('refuses an envelope of millions of tiny elements', async () => {
    const flat = new Uint8Array(2_000_006);
    flat.set([0x30, 0x84, 0x00, 0x1e, 0x84, 0x80]);
    for (let i = 6; i < flat.length; i += 2) { flat[i] = 0x05; flat[i + 1] = 0x00; }
    expect(readError(await run(flat))).toBe('the signed envelope holds more than 100,000 elements');
  });
});

describe('one run over every hostile file', () => {
  it('reports each hostile file with its own error and still checks the good file after them', async () => {
    const hostile: Array<[string, Uint8Array]> = [
      ['bomb', referenceBomb(10, 50)],
      ['deep', deepBinary(5000)],
      ['cycle', bplist([bp.array([0])])],
      ['unclosed', bytes(`<plist>${'<array>'.repeat(100_000)}`)],
      ['dup', bytes(profileXml([dict([['PayloadType', str(APP)], ['PayloadType', str(APP)]])]))],
      ['date', bytes(profileXml([payload(APP, '1', [['D', '<date>2026-02-30T00:00:00Z</date>']])]))],
      ['cms', new Uint8Array(Array.from({ length: 20_000 }, (_, i) => (i % 2 ? 0x80 : 0x30)))],
    ];
    const reports = await runFiles([...hostile.map(([n, b]): [string, Uint8Array] => [`all-${n}.mobileconfig`, b]), ['all-good.mobileconfig', await binaryOf(GOOD)]]);
    expect(reports.slice(0, -1).map((r) => readError(r) !== undefined)).toEqual(hostile.map(() => true));
    expect(reports.at(-1)).toMatchObject({ payloads: [{ payloadType: APP, checked: true }] });
    expect(readError(reports.at(-1)!)).toBeUndefined();
  });
});
