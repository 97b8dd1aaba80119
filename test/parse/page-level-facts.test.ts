/**
 * Facts read from prose beyond a key's availability: ranges a key's prose states, the
 * deprecation a page's Discussion states of the whole object, a payload type that starts with a
 * dot, and the keys a page allows in User Enrollment. Each sentence is a real one from spec/.
 */
import { describe, expect, it } from 'vitest';
import { objectProseFacts } from '../../generator/parse/object-prose.js';
import { parsePage } from '../../generator/parse/index.js';
import { proseRange } from '../../generator/parse/prose-range.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IrObject } from '../../generator/model/ir.js';
import { SPEC } from '../helpers/corpus.js';

/** One page of spec/, parsed alone (fusion with the supplement is tested in spec-folder.test.ts). */
const page = (file: string): IrObject => parsePage({ file, text: readFileSync(join(SPEC, file), 'utf8') }).object!;

const range = (text: string) => {
  const r = proseRange([{ value: text, line: 10 }]);
  return { minimum: r.minimum?.value, maximum: r.maximum?.value, exceptions: r.exceptions?.value };
};

describe('ranges in a key\'s prose', () => {
  it('reads the forms Apple writes', () => {
    expect(range('The tile size. Values must be in the range from 16 to 128.')).toEqual({ minimum: 16, maximum: 128 });
    expect(range('This value controls the interval. The minimum value is 20 seconds. If no key is specified, the default is 20 seconds.')).toMatchObject({ minimum: 20, maximum: undefined });
    expect(range('The default value is 64,800 (18 hours). The minimum value is 3600 (1 hour).')).toMatchObject({ minimum: 3600 });
    expect(range('The minimum value is `0` seconds and the maximum value is `14400` seconds.')).toMatchObject({ minimum: 0, maximum: 14400 });
    expect(range('The minimum allowed value is 2700 seconds (45 minutes). The system allows implementations to download data.')).toMatchObject({ minimum: 2700 });
    expect(range('The number of seconds before a device goes to sleep. The minimum value for this setting is `120` seconds.')).toMatchObject({ minimum: 120 });
  });

  it('keeps a value the prose gives a meaning outside the range as an exception', () => {
    expect(range('The minimum value is 30 seconds. Setting this value to `0` removes the timeout.')).toEqual({ minimum: 30, maximum: undefined, exceptions: [0] });
  });

  it('does not read a bound that holds only in a condition or on one platform', () => {
    for (const text of [
      'For `AlwaysOn` VPN, the minimum allowed value is `14`.',
      'On macOS, the system translates this inactivity value to screen-saver settings. The maximum value for macOS is `60`.',
      'The length of time to wait, in seconds, before disconnecting an on-demand connection. In watchOS, the maximum allowed value is `15`.',
      'RSA key pairs need to have a `KeySize` that’s a multiple of 8 in the range of 1024 through 4096 (inclusive).',
      'An array of up to 10 strings representing app bundle-ids.',
    ]) expect(range(text), text).toEqual({ minimum: undefined, maximum: undefined, exceptions: undefined });
  });

  it('puts them on the keys of spec/, each at its sentence\'s line; a stated list of values wins', () => {
    const key = (file: string, k: string) => page(file).properties.find((p) => p.name === k)!;
    expect(key('dock.md', 'tilesize')).toMatchObject({ minimum: 16, maximum: 128, factLines: { minimum: 255, maximum: 255 } });
    expect(key('settingscommand/command-data.dictionary/settings-data.dictionary/shareddeviceconfiguration-data.dictionary.md', 'UserSessionTimeout')).toMatchObject({ minimum: 30, allowedValues: [0] });
    // "0, 60, 300, 900, 3600, 14400 … The minimum value is 0 and the maximum 14400": the list says more.
    const grace = key('settingscommand/command-data.dictionary/settings-data.dictionary/shareddeviceconfiguration-data.dictionary/passcodepolicy-data.dictionary.md', 'PasscodeLockGracePeriod');
    expect([grace.minimum, grace.maximum]).toEqual([undefined, undefined]);
  });
});

describe('a Discussion that deprecates its object', () => {
  const facts = (text: string) => objectProseFacts({ value: text, line: 20 });

  it('reads the sentence, its versions and the replacement', () => {
    expect(facts('Specify `com.apple.systemuiserver` as the payload type.\n\nThis payload is deprecated as of macOS 11.')).toEqual({
      deprecated: true, deprecationNote: 'This payload is deprecated as of macOS 11.', availability: { macOS: { deprecated: '11' } }, line: 22,
    });
    expect(facts('This profile is deprecated. Use the [Cellular](/documentation/devicemanagement/cellular) profile instead.')).toMatchObject({ deprecated: true, replacedBy: 'Cellular' });
    expect(facts('Deprecated in iOS 26. Use the [ExtensibleSingleSignOn](/documentation/devicemanagement/extensiblesinglesignon) payload instead.')).toMatchObject({
      deprecated: true, availability: { iOS: { deprecated: '26' } }, replacedBy: 'ExtensibleSingleSignOn',
    });
  });

  it('leaves sentences about other things alone', () => {
    expect(facts('The `allowSimple` key is deprecated in iOS 17. Support for this payload on unsupervised devices is deprecated.')).toEqual({});
  });

  it('deprecates the payload of spec/ once, on the platforms its page lists', () => {
    const media = page('mediamanagementallowedmedia.md');
    expect(media).toMatchObject({ deprecated: true, availability: { macOS: { introduced: '10.7', deprecated: '11' } }, factLines: { deprecated: 40 } });
    expect(Object.keys(media.availability ?? {})).toEqual(['macOS']);
  });
});

describe('other page facts', () => {
  it('reads a payload type that starts with a dot', () => {
    const r = parsePage({ file: 'g.md', text: '# GlobalPreferences\n\n## Properties\n\n### AppleLocale\n\n- **Type:** `string`\n\n## Discussion\n\nSpecify `.GlobalPreferences` as the payload type.\n' });
    expect(r.object).toMatchObject({ kind: 'profile', payloadType: '.GlobalPreferences' });
  });

  it('reads "Allowed for user enrollments" lines into the key, at their line', () => {
    const restrictions = page('restrictions.md');
    const allowed = restrictions.properties.filter((p) => p.allowedInUserEnrollment);
    expect(allowed.length).toBe(25);
    expect(restrictions.properties.find((p) => p.name === 'allowAssistant')).toMatchObject({ allowedInUserEnrollment: ['iOS', 'visionOS'], factLines: { allowedInUserEnrollment: 210 } });
    expect(allowed.every((p) => !p.description.includes('Allowed for user enrollments:'))).toBe(true);
    // Earlier pages say it in a sentence, which stays prose.
    const r = parsePage({ file: 'r.md', text: '# R\n\n## Properties\n\n### allowX\n\n- **Type:** `boolean`\n\nIf `false`, no X. Allowed for user enrollments in iOS, and macOS.\n' });
    expect(r.object!.properties[0]).toMatchObject({ allowedInUserEnrollment: ['iOS', 'macOS'], factLines: { allowedInUserEnrollment: 9 } });
  });
});
