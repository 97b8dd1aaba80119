/**
 * A `<real>` holding a whole number (`<real>3600</real>`), which devices and Apple's tools write:
 * `parsePlist` returns it as a `PlistReal`, so it never passes as an integer, and the generated
 * types say so — a real key is `number | PlistReal` — so a guard never narrows such a value to a
 * bare `number` that code would then call `toFixed` on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProfile, validateProfile } from '@dmspec/apple';
import { isDeviceInformationResponseQueryResponses } from '@dmspec/apple/validators';
import { isPlistReal, parsePlist, type PlistReal } from '../../generator/runtime/plist/index.js';
import { ROOT } from '../helpers/cli.js';

/** A profile that removes itself after an hour, its duration written as Apple's tools write a real. */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>DurationUntilRemoval</key>
	<real>3600</real>
	<key>PayloadContent</key>
	<array/>
	<key>PayloadDisplayName</key>
	<string>Temporary</string>
	<key>PayloadIdentifier</key>
	<string>com.example.temporary</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>0E7C1E51-1F5B-4E43-8B5C-6B0A3F9C2D21</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;

describe('whole-number reals', () => {
  it('validate as reals, and the guard narrows to a type that holds a PlistReal', () => {
    const value = parsePlist(PROFILE).value;
    expect(validateProfile(value)).toEqual({ valid: true, issues: [] });
    if (!isProfile(value)) expect.fail('the guard refused the profile');
    // Type-checked under strict: the key is `number | PlistReal`, so this compiles…
    const duration: number | PlistReal | undefined = value.DurationUntilRemoval;
    expect(isPlistReal(duration)).toBe(true);
    expect(Number(duration)).toBe(3600);
    // …and treating it as a bare number does not.
    // @ts-expect-error a whole-number <real> is a PlistReal, not a number
    const seconds: number | undefined = value.DurationUntilRemoval;
    expect(typeof seconds).toBe('object');
  });

  it('are typed number | PlistReal in every real key of a device response, and the guard agrees', () => {
    const types = readFileSync(join(ROOT, 'generated/types/DeviceInformationResponseQueryResponses.d.ts'), 'utf8');
    expect(types).toMatch(/^import type \{ PlistReal \} from '\.\.\/runtime\/plist\/index\.js';$/m);
    expect(types).toMatch(/AvailableDeviceCapacity\?: number \| PlistReal;/);
    expect(readFileSync(join(ROOT, 'generated/types/index.d.ts'), 'utf8')).toMatch(/AvailableDeviceCapacity\?: number \| PlistReal;/);
    const answers = parsePlist('<plist version="1.0"><dict><key>AvailableDeviceCapacity</key><real>64</real><key>BatteryLevel</key><real>0.5</real></dict></plist>').value;
    if (!isDeviceInformationResponseQueryResponses(answers)) expect.fail('the guard refused the answers');
    const capacity: number | PlistReal | undefined = answers.AvailableDeviceCapacity;
    expect([isPlistReal(capacity), Number(capacity), answers.BatteryLevel]).toEqual([true, 64, 0.5]);
    // An integer key stays number (or bigint): only reals name PlistReal.
    expect(types).toMatch(/MaximumResidentUsers\?: number \| bigint;/);
  });
});
