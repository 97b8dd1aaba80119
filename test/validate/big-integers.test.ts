/**
 * Integers past ±2^53, which a device reads exactly (plists hold 64-bit integers): `parsePlist`
 * returns them as bigints, the writers write them back exactly, the validators take them where
 * an integer is expected and compare them exactly with a range, and `dmspec validate` accepts a
 * profile holding one. The generated types say so: `number | bigint` for an integer key whose
 * range does not hold it within the safe integers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProfile } from '@dmspec/apple';
import { isRestrictions } from '@dmspec/apple/validators';
import { parsePlist, toBinaryPlist, toXmlPlist } from '../../generator/runtime/plist/index.js';
import { dmspecIn, ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const BIG = 2n ** 60n;

/** A restrictions profile as Apple's tools write it, its fingerprint timeout 2^60 seconds (never, in effect). */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>PayloadDisplayName</key>
			<string>Restrictions</string>
			<key>PayloadIdentifier</key>
			<string>com.example.restrictions.payload</string>
			<key>PayloadType</key>
			<string>com.apple.applicationaccess</string>
			<key>PayloadUUID</key>
			<string>5B0D6B43-6A44-4C0A-9E0B-2B1C7E3B8A11</string>
			<key>PayloadVersion</key>
			<integer>1</integer>
			<key>allowAirDrop</key>
			<false/>
			<key>enforcedFingerprintTimeout</key>
			<integer>${BIG}</integer>
		</dict>
	</array>
	<key>PayloadDisplayName</key>
	<string>Restrictions</string>
	<key>PayloadIdentifier</key>
	<string>com.example.restrictions</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>0E7C1E51-1F5B-4E43-8B5C-6B0A3F9C2D20</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;

const timeout = (v: unknown): unknown => ((v as { PayloadContent: Array<Record<string, unknown>> }).PayloadContent[0]!)['enforcedFingerprintTimeout'];

describe('integers past 2^53', () => {
  it('round-trip exactly through parsePlist, toXmlPlist and toBinaryPlist', () => {
    const doc = parsePlist(PROFILE);
    expect(timeout(doc.value)).toBe(BIG);
    // Apple's layout: the XML written is the text read.
    expect(toXmlPlist(doc.value)).toBe(PROFILE);
    const binary = parsePlist(toBinaryPlist(doc.value));
    expect(binary.format).toBe('binary');
    expect(binary.value).toEqual(doc.value);
    expect(timeout(binary.value)).toBe(BIG);
    expect(timeout(parsePlist(toXmlPlist(binary.value)).value)).toBe(BIG);
  });

  it('validate where an integer is expected, and the guard narrows to a type that holds a bigint', () => {
    const value = parsePlist(PROFILE).value;
    expect(validateProfile(value)).toEqual({ valid: true, issues: [] });
    const payload = (value as { PayloadContent: unknown[] }).PayloadContent[0];
    if (!isRestrictions(payload)) expect.fail('the guard refused the payload');
    // Type-checked under strict: the key is `number | bigint`, so this assignment compiles.
    const limit: number | bigint | undefined = payload.enforcedFingerprintTimeout;
    expect(limit).toBe(BIG);
    const types = readFileSync(join(ROOT, 'generated/types/Restrictions.d.ts'), 'utf8');
    expect(types).toMatch(/enforcedFingerprintTimeout\?: number \| bigint;/);
    // A key whose range holds it within the safe integers stays `number`: the guard refuses anything else.
    expect(readFileSync(join(ROOT, 'generated/types/Passcode.d.ts'), 'utf8')).toMatch(/maxFailedAttempts\?: number;/);
  });

  it('compare exactly with a range: 2^60 is above a maximum of 11, -2^60 below a minimum of 0', () => {
    const passcode = (key: string, n: bigint): unknown => parsePlist(PROFILE.replace('com.apple.applicationaccess', 'com.apple.mobiledevice.passwordpolicy')
      .replace(/\t\t\t<key>allowAirDrop<\/key>[^]*?<\/dict>/, `\t\t\t<key>${key}</key>\n\t\t\t<integer>${n}</integer>\n\t\t</dict>`)).value;
    const found = (v: unknown) => validateProfile(v).issues.map((i) => [i.path, i.code, i.actual]);
    expect(found(passcode('maxFailedAttempts', BIG))).toEqual([['PayloadContent[0].maxFailedAttempts', 'above-maximum', String(BIG)]]);
    expect(found(passcode('maxPINAgeInDays', -BIG))).toEqual([['PayloadContent[0].maxPINAgeInDays', 'below-minimum', String(-BIG)]]);
    expect(found(passcode('maxPINAgeInDays', 2n ** 53n + 1n))).toEqual([['PayloadContent[0].maxPINAgeInDays', 'above-maximum', String(2n ** 53n + 1n)]]);
  });

  it('pass dmspec validate in XML and binary (exit 0), where they were refused as unreadable', async () => {
    const dir = tempDir('big-integers');
    writeFileSync(join(dir, 'cache.mobileconfig'), PROFILE);
    writeFileSync(join(dir, 'cache-binary.mobileconfig'), toBinaryPlist(parsePlist(PROFILE).value));
    const run = await dmspecIn(['validate', 'cache.mobileconfig', 'cache-binary.mobileconfig'], dir);
    expect([run.code, run.stdout]).toEqual([0, expect.stringMatching(/^2 files, 2 payloads \(2 checked, 0 not checked\): 0 errors, 0 warnings\n$/m)]);
    // Past the 64-bit range a plist holds, the file is still unreadable.
    writeFileSync(join(dir, 'cache.mobileconfig'), PROFILE.replace(String(BIG), String(2n ** 64n)));
    const past = await dmspecIn(['validate', 'cache.mobileconfig'], dir);
    expect([past.code, past.stdout]).toEqual([1, expect.stringContaining(`cache.mobileconfig:${PROFILE.slice(0, PROFILE.indexOf(`<integer>${BIG}`)).split('\n').length}:4: error malformed: the integer ${2n ** 64n} is outside the 64-bit range property lists hold`)]);
  });
});
