/**
 * The shapes a profile arrives in (XML, binary, signed) give the same findings; hostile or broken
 * files give one clear error naming the file, never a crash, a hang or a partial report.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as checkedIn from '../fixtures/emit/seeds/validators/registry.js';
import { validateProfileBytes, validateProfileFiles, type FileReport } from '../../generator/validate/index.js';
import { textReport, validationExitCode } from '../../generator/validate/report.js';
import { binaryOf, bytes, int, payload, profileXml, signed } from '../helpers/profiles.js';
import { tempDir } from '../helpers/temp.js';
import { readError } from '../helpers/reports.js';

const APP = 'com.apple.vpn.managed.applayer';
/** A profile with two real mistakes: a <real> PayloadVersion and an <integer> boolean. */
const XML = profileXml([payload(APP, '1', [['OnDemandMatchAppEnabled', int(1)]])], [['PayloadVersion', '<real>1</real>']]);
const EXPECTED = ['PayloadVersion wrong-type', 'PayloadContent[0].OnDemandMatchAppEnabled wrong-type'];

const run = (b: Uint8Array, limits?: { maxBytes: number; maxDepth: number }): Promise<FileReport> =>
  validateProfileBytes('p.mobileconfig', b, checkedIn, limits ? { limits } : {});
const findings = (r: FileReport): string[] => r.issues.map((i) => `${i.path} ${i.code}`);

describe('profile formats', () => {
  it('reads a binary plist (bplist00) keeping <real> and <integer> apart', async () => {
    const bin = await binaryOf(XML);
    expect(Buffer.from(bin.subarray(0, 8)).toString()).toBe('bplist00');
    const r = await run(bin);
    expect(r.error).toBeUndefined();
    expect(findings(r)).toEqual(EXPECTED);
  });

  it('opens a signed profile, names the signer and checks the signature', async () => {
    const r = await run(signed(bytes(XML)));
    expect(r.signed).toEqual({ subject: 'CN=dmspec test signer, O=Example Org', issuer: 'CN=dmspec test signer, O=Example Org', signatureValid: true, certificates: 1 });
    expect(findings(r)).toEqual(EXPECTED);
    expect(textReport([r]).split('\n')[0]).toBe('p.mobileconfig: info signed by "CN=dmspec test signer, O=Example Org" (signature valid; chain not checked)');
  });

  it('opens a signed binary profile', async () => {
    const r = await run(signed(await binaryOf(XML)));
    expect(r.signed?.signatureValid).toBe(true);
    expect(findings(r)).toEqual(EXPECTED);
  });

  it('reports a signature that does not match the content', async () => {
    const envelope = signed(bytes(XML));
    const at = Buffer.from(envelope).indexOf('com.example.profile');
    envelope[at] = 'C'.charCodeAt(0);
    const r = await run(envelope);
    expect(r.signed?.signatureValid).toBe(false);
    expect(r.issues.find((i) => i.path === 'PayloadIdentifier')).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ path: '', code: 'signature-invalid', severity: 'error' });
  });

  it('keeps the trailing NUL bytes some tools append as a warning, not a parse failure', async () => {
    const r = await run(new Uint8Array([...bytes(XML), 0, 0, 0, 10]));
    expect(r.issues[0]).toMatchObject({ path: '', code: 'trailing-bytes', severity: 'warning', message: "3 NUL bytes follow the plist's closing tag" });
  });
});

describe('hostile and broken profiles', () => {
  const BAD: Array<[string, () => Uint8Array | Promise<Uint8Array>, RegExp]> = [
    ['billion laughs', () => bytes(`<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><plist><dict><key>k</key><string>&c;</string></dict></plist>`), /declares XML entities/],
    ['an external entity', () => bytes(`<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY x SYSTEM "file:///etc/passwd">]><plist><dict><key>k</key><string>&x;</string></dict></plist>`), /declares XML entities/],
    ['malformed XML', () => bytes('<?xml version="1.0"?><plist><dict><key>k</key><string>v</dict></plist>'), /malformed XML/],
    ['deep nesting', () => bytes(`<plist>${'<array>'.repeat(5000)}${'</array>'.repeat(5000)}</plist>`), /nesting deeper than 64/],
    ['a file over the size limit', () => bytes(XML + ' '.repeat(2000)), /over the limit of 1000/],
    ['an empty file', () => new Uint8Array(), /the file is empty/],
    ['a PNG', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /not a property list/],
    ['malformed JSON', () => bytes('{"Type": "com.apple.configuration.passcode.settings",'), /expected a key in double quotes, found end of the file/],
    ['invalid UTF-8', () => new Uint8Array([...bytes('<plist><string>'), 0xff, 0xfe, ...bytes('</string></plist>')]), /not valid UTF-8/],
    ['a truncated binary plist', async () => (await binaryOf(XML)).subarray(0, 60), /binary plist is truncated or malformed/],
    ['a truncated signature', () => signed(bytes(XML)).subarray(0, 700), /signed envelope is truncated or malformed/],
    ['DER that is not CMS', () => new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]), /not CMS SignedData/],
    ['an <integer> holding text', () => bytes('<plist><dict><key>PayloadVersion</key><integer>one</integer></dict></plist>'), /<integer> holds "one"/],
  ];
  for (const [name, make, message] of BAD) {
    it(`refuses ${name} with a clear error`, async () => {
      const limits = name.includes('size') ? { maxBytes: 1000, maxDepth: 64 } : undefined;
      const r = await run(await make(), limits);
      // A file that is no readable document is an error finding of that file: exit 1, not 2 (a usage error's).
      expect(r.error).toBeUndefined();
      expect(r.issues).toEqual([expect.objectContaining({ path: '', code: 'malformed', severity: 'error', message: expect.stringMatching(message) })]);
      expect(textReport([r])).toMatch(/^p\.mobileconfig(:\d+:\d+)?: error malformed: /);
      expect(validationExitCode([r])).toBe(1);
    });
  }

  it('accepts Apple\'s own DOCTYPE, which declares no entities', async () => {
    expect(readError(await run(bytes(XML)))).toBeUndefined();
  });

  it('checks the size on disk before reading a file, and names unreadable files', async () => {
    const dir = tempDir('profiles');
    writeFileSync(join(dir, 'big.mobileconfig'), XML + ' '.repeat(5000));
    const reports = await validateProfileFiles([join(dir, 'big.mobileconfig'), join(dir, 'missing.mobileconfig')], checkedIn, { limits: { maxBytes: 1000, maxDepth: 64 } });
    expect(reports.map(readError)).toEqual([expect.stringMatching(/over the limit of 1000/), 'cannot read it: no such file or directory']);
    // Only the file dmspec could not open is an I/O error (exit 2); the one over the limit is an error finding.
    expect(reports.map((r) => r.error)).toEqual([undefined, 'cannot read it: no such file or directory']);
  });

  it('reports a plist whose top level is not a dictionary, or JSON that is no declaration, as a document of unknown kind', async () => {
    const r = await run(bytes('<plist><array/></plist>'));
    expect(r.issues.map((i) => [i.path, i.severity, i.code])).toEqual([['', 'error', 'unknown-document']]);
    expect(r.issues[0]!.message).toMatch(/^a plist whose top level is an array that is no document dmspec knows/);
    const json = await run(bytes('{"PayloadType": "Configuration"}'));
    expect([json.kind, ...json.issues.map((i) => i.code)]).toEqual(['unknown', 'unknown-document']);
    expect(validationExitCode([json])).toBe(1);
  });

  it('reports a command response as device traffic it cannot route (a warning, exit 0), not as an unknown document (an error)', async () => {
    const response = '<plist><dict><key>CommandUUID</key><string>0001-A</string><key>QueryResponses</key><dict><key>DeviceName</key><string>iPad</string></dict>'
      + '<key>Status</key><string>Acknowledged</string><key>UDID</key><string>00008030-001A2B3C4D5E6F70</string></dict></plist>';
    const r = await run(bytes(response));
    expect(r.issues.map((i) => [i.path, i.severity, i.code])).toEqual([['', 'warning', 'unknown-document']]);
    expect(r.issues[0]!.message).toMatch(/^an MDM command response \(CommandUUID, Status\), which does not name its request type: not checked/);
    expect(validationExitCode([r])).toBe(0);
    // A dictionary with only one of the two keys is still no document dmspec knows.
    const half = await run(bytes('<plist><dict><key>Status</key><string>Acknowledged</string></dict></plist>'));
    expect(half.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'unknown-document']]);
  });
});
