/**
 * Every form of availability, deprecation and supervision sentence found by the corpus survey
 * (test/helpers/prose-survey.ts), each row a real sentence from the pages and the facts it states.
 * A row with `unread` names a platform and a version but states no fact about the key: it must be
 * reported, not read.
 */
import { describe, expect, it } from 'vitest';
import { readProseFacts, type KeyProseFacts } from '../../generator/parse/prose-facts.js';

interface Row {
  sentence: string;
  /** The facts on the key (only these fields are compared; absent fields must be absent). */
  facts?: Partial<KeyProseFacts>;
  unread?: true;
  values?: string[];
}

const ROWS: Row[] = [
  // Availability: "and later", "or later", "+", lists, "as of", "only", "and above", "and earlier", ranges.
  { sentence: 'Available in macOS 10.10 and later.', facts: { availability: { macOS: { introduced: '10.10' } } } },
  { sentence: 'Available in iOS 14 and later, and macOS 11 and later.', facts: { availability: { iOS: { introduced: '14' }, macOS: { introduced: '11' } } } },
  { sentence: 'Available in iOS 6 and later, macOS 10.15 and later, and tvOS 9 and later.', facts: { availability: { iOS: { introduced: '6' }, macOS: { introduced: '10.15' }, tvOS: { introduced: '9' } } } },
  { sentence: 'Available in iOS 16.2 and later and macOS 13.1 and later.', facts: { availability: { iOS: { introduced: '16.2' }, macOS: { introduced: '13.1' } } } },
  { sentence: 'Available in iOS 15 and later, and in macOS 12 and later.', facts: { availability: { iOS: { introduced: '15' }, macOS: { introduced: '12' } } } },
  { sentence: 'This value is available in macOS 10.15 and later.', facts: { availability: { macOS: { introduced: '10.15' } } } },
  { sentence: 'This key is available in iOS 17 and later.', facts: { availability: { iOS: { introduced: '17' } } } },
  { sentence: 'This field is available in iOS 13 and later, and tvOS 17 and later.', facts: { availability: { iOS: { introduced: '13' }, tvOS: { introduced: '17' } } } },
  { sentence: 'Available in macOS 10.15 and iOS 13.0 and later.', facts: { availability: { iOS: { introduced: '13.0' }, macOS: { introduced: '10.15' } } } },
  { sentence: 'Available in iOS 15 and macOS 14, and later.', facts: { availability: { iOS: { introduced: '15' }, macOS: { introduced: '14' } } } },
  { sentence: 'Support for this is available in iOS 15, and later.', facts: { availability: { iOS: { introduced: '15' } } } },
  { sentence: 'Available only in iOS 11 and later.', facts: { availability: { iOS: { introduced: '11' } } } },
  { sentence: 'Available only in iOS 12.0 and above.', facts: { availability: { iOS: { introduced: '12.0' } } } },
  { sentence: 'Supported on macOS 10.12 or later.', facts: { availability: { macOS: { introduced: '10.12' } } } },
  { sentence: 'Available on macOS 13 and later.', facts: { availability: { macOS: { introduced: '13' } } } },
  { sentence: 'Available to Temporary Sessions Only guest users on iOS 17+.', facts: { availability: { iOS: { introduced: '17' } } } },
  { sentence: 'This value is available for a Mac with Apple silicon in macOS 11 and later.', facts: { availability: { macOS: { introduced: '11' } } } },
  { sentence: 'Requires the Device Information access right, and is available in macOS 10.12 and later.', facts: { availability: { macOS: { introduced: '10.12' } } } },
  { sentence: 'This setting doesn’t support User Enrollment, and is available in macOS 10.11 and later.', facts: { availability: { macOS: { introduced: '10.11' } } } },
  { sentence: 'Available in macOS 11.5 and later and only on a Mac with Apple silicon.', facts: { availability: { macOS: { introduced: '11.5' } } } },
  { sentence: 'Only available in macOS 10.15 and earlier.', facts: { availability: { macOS: { availableThrough: '10.15' } } } },
  { sentence: 'Available in macOS 12 through macOS 14.6.', facts: { availability: { macOS: { introduced: '12', availableThrough: '14.6' } } } },
  // Availability and deprecation together; deprecation versions per platform.
  { sentence: 'Available as of iOS 4 and deprecated in iOS 16.', facts: { availability: { iOS: { introduced: '4', deprecated: '16' } }, deprecated: true } },
  { sentence: 'Available as of iOS 7 and macOS 10.9, and deprecated in iOS 16 and macOS 13.', facts: { availability: { iOS: { introduced: '7', deprecated: '16' }, macOS: { introduced: '10.9', deprecated: '13' } }, deprecated: true } },
  { sentence: 'This key is available in iOS 10 and later, and deprecated in iOS 15.', facts: { availability: { iOS: { introduced: '10', deprecated: '15' } }, deprecated: true } },
  { sentence: 'Deprecated in iOS 9.3.1 and later.', facts: { availability: { iOS: { deprecated: '9.3.1' } }, deprecated: true } },
  { sentence: 'Deprecated in macOS 10.14.', facts: { availability: { macOS: { deprecated: '10.14' } }, deprecated: true } },
  { sentence: 'Deprecated in iOS 26.4 and later, macOS 26.4 and later, and visionOS 26.4 and later.', facts: { availability: { iOS: { deprecated: '26.4' }, macOS: { deprecated: '26.4' }, visionOS: { deprecated: '26.4' } }, deprecated: true } },
  { sentence: 'As of iOS 12.0, this key is deprecated.', facts: { availability: { iOS: { deprecated: '12.0' } }, deprecated: true } },
  { sentence: 'In iOS 7 and later, this key is deprecated.', facts: { availability: { iOS: { deprecated: '7' } }, deprecated: true } },
  { sentence: 'This key is deprecated in iOS 14.5 and macOS 11.3.', facts: { availability: { iOS: { deprecated: '14.5' }, macOS: { deprecated: '11.3' } }, deprecated: true } },
  { sentence: 'This option is deprecated in macOS 11.', facts: { availability: { macOS: { deprecated: '11' } }, deprecated: true } },
  { sentence: 'Apple deprecated this setting in iOS 13.4.', facts: { availability: { iOS: { deprecated: '13.4' } }, deprecated: true } },
  { sentence: 'This key is deprecated.', facts: { deprecated: true } },
  { sentence: 'Deprecated.', facts: { deprecated: true } },
  { sentence: 'This key is deprecated and may not be returned in future responses.', facts: { deprecated: true } },
  // Replacements, as data.
  { sentence: 'In iOS 7 and later, this key is deprecated (but still supported) in favor of `EvaluateConnection` actions in the `OnDemandRules` dictionaries.', facts: { availability: { iOS: { deprecated: '7' } }, deprecated: true, replacedBy: 'EvaluateConnection' } },
  { sentence: 'This property is deprecated in iOS 13.4 and later; use the `VPNUUID` property of the CalDAV payload instead.', facts: { availability: { iOS: { deprecated: '13.4' } }, deprecated: true, replacedBy: 'VPNUUID' } },
  { sentence: 'Deprecated in macOS 15 and later as tvOS 18 AirPlay destinations don’t support it; use `DeviceName` instead.', facts: { availability: { macOS: { deprecated: '15' } }, deprecated: true, replacedBy: 'DeviceName' } },
  { sentence: 'Deprecated: use the declarative management `com.apple.configuration.intelligence.settings` configuration.', facts: { deprecated: true, replacedBy: 'com.apple.configuration.intelligence.settings' } },
  { sentence: 'Replaced with allowWallpaperModification in macOS 10.13.', facts: { availability: { macOS: { deprecated: '10.13' } }, deprecated: true, replacedBy: 'allowWallpaperModification' } },
  { sentence: 'In iOS 17 and later, `Key` is deprecated; use `NewKey` instead.', facts: { availability: { iOS: { deprecated: '17' } }, deprecated: true, replacedBy: 'NewKey' } },
  // Removal.
  { sentence: 'This property is deprecated as of macOS 26.2, and will be removed in macOS 27.0.', facts: { availability: { macOS: { deprecated: '26.2', removed: '27.0' } }, deprecated: true } },
  { sentence: 'The ability to grant access by this profile is deprecated as of macOS 26.2, and is removed in macOS 27.0.', facts: { availability: { macOS: { deprecated: '26.2', removed: '27.0' } }, deprecated: true } },
  { sentence: 'This profile deprecated its ability to grant access as of macOS 26.2, and removes that ability in macOS 27.0.', facts: { availability: { macOS: { deprecated: '26.2', removed: '27.0' } }, deprecated: true } },
  { sentence: 'Removed in tvOS 26.4 and later.', facts: { availability: { tvOS: { removed: '26.4' } } } },
  { sentence: 'Available in iOS 10.3 but no longer used in iOS 11 and later.', facts: { availability: { iOS: { introduced: '10.3', removed: '11' } } } },
  { sentence: 'This key isn’t supported in tvOS 10.2 and later.', facts: { availability: { tvOS: { removed: '10.2' } } } },
  { sentence: 'This property is not supported in macOS 11 and later.', facts: { availability: { macOS: { removed: '11' } } } },
  { sentence: 'Not available for Apple TV devices running tvOS 18 or later, use `DestinationName` instead.', facts: { availability: { tvOS: { removed: '18' } } } },
  { sentence: 'This feature isn’t supported in macOS.', facts: { availability: { macOS: { available: false } } } },
  { sentence: 'Not available in tvOS or watchOS.', facts: { availability: { tvOS: { available: false }, watchOS: { available: false } } } },
  // Supervision, per platform and with versions.
  { sentence: 'Requires supervision in iOS, visionOS, and watchOS.', facts: { supervision: { iOS: {}, visionOS: {}, watchOS: {} } } },
  { sentence: 'Requires supervision in tvOS.', facts: { supervision: { tvOS: {} } } },
  { sentence: 'Requires a supervised device.', facts: { supervision: {} } },
  { sentence: 'Supervised only.', facts: { supervision: {} } },
  { sentence: 'Allowed enrollments: supervised', facts: { supervision: {} } },
  { sentence: 'Requires a supervised device in iOS 13 and later.', facts: { supervision: { iOS: { since: '13' } } } },
  { sentence: 'Requires a supervised device in iOS and watchOS.', facts: { supervision: { iOS: {}, watchOS: {} } } },
  { sentence: 'Requires a supervised device in iOS 13 and later, and Shared iPad doesn’t support it.', facts: { supervision: { iOS: { since: '13' } } } },
  { sentence: 'Requires a supervised device until iOS 13 and macOS 10.15.', facts: { supervision: { iOS: { until: '13' }, macOS: { until: '10.15' } } } },
  { sentence: 'As of iOS 13, requires a supervised device.', facts: { supervision: { iOS: { since: '13' } } } },
  { sentence: 'This setting is available only on supervised devices and doesn’t support User Enrollment.', facts: { supervision: {} } },
  { sentence: 'This setting is available for supervised devices in iOS 7 and later, and macOS 10.15 and later.', facts: { availability: { iOS: { introduced: '7' }, macOS: { introduced: '10.15' } }, supervision: { iOS: { since: '7' }, macOS: { since: '10.15' } } } },
  { sentence: 'This restriction will require supervision in a future release.', facts: {} },
  { sentence: 'In a future release, this restriction will begin requiring supervision and will apply to personal Apple Accounts only.', facts: {} },
  // Conditional deprecation: a condition, never a key deprecation.
  { sentence: 'Support for this restriction on unsupervised devices is deprecated.', facts: { deprecatedWhen: ['unsupervised'] } },
  { sentence: 'Support for this restriction on unsupervised devices and with Managed Apple Accounts is deprecated.', facts: { deprecatedWhen: ['unsupervised', 'managedAppleAccount'] } },
  { sentence: 'Support for this restriction on unsupervised devices and with managed Apple IDs is deprecated.', facts: { deprecatedWhen: ['unsupervised', 'managedAppleAccount'] } },
  // Facts about one allowed value stay on that value.
  { sentence: '`NONE` was deprecated in tvOS 11.3.', values: ['NONE', 'WPA'], facts: { valueFacts: { NONE: { line: 1, deprecated: true, deprecationNote: 'NONE was deprecated in tvOS 11.3.', availability: { tvOS: { deprecated: '11.3' } } } } } },
  { sentence: '`CellularServices` is available in iOS 11.3 and later; it exempts `VoLTE`, `IMS` and `MMS`.', values: ['VoiceMail', 'CellularServices'], facts: { valueFacts: { CellularServices: { line: 1, availability: { iOS: { introduced: '11.3' } } } } } },
  { sentence: '- `com.apple.mdm.bootstraptoken`: Indicates that the server supports escrowing the bootstrap token. Available in iOS 26 and later, macOS 11 and later, and visionOS 26 and later.', values: ['com.apple.mdm.bootstraptoken'], facts: { valueFacts: { 'com.apple.mdm.bootstraptoken': { line: 1, availability: { iOS: { introduced: '26' }, macOS: { introduced: '11' }, visionOS: { introduced: '26' } } } } } },
  { sentence: '`DES` and `3DES` are available only in iOS, macOS, and visionOS prior to iOS 26, macOS 26, and visionOS 26.', values: ['DES', '3DES', 'AES-256'], facts: { valueFacts: {
    DES: { line: 1, availability: { iOS: { removed: '26' }, macOS: { removed: '26' }, visionOS: { removed: '26' } } },
    '3DES': { line: 1, availability: { iOS: { removed: '26' }, macOS: { removed: '26' }, visionOS: { removed: '26' } } },
  } } },
  { sentence: '- `Allow`: Deprecated.', values: ['Allow', 'Drop'], facts: { valueFacts: { Allow: { line: 1, deprecated: true, deprecationNote: 'Deprecated.' } } } },
  { sentence: 'As of tvOS 18, `DeviceID` isn’t supported.', values: ['DeviceID', 'DeviceName'], facts: { valueFacts: { DeviceID: { line: 1, availability: { tvOS: { removed: '18' } } } } } },
  // Sentences naming a platform and a version that state no fact about the key: reported.
  { sentence: 'In iOS 10 and later, MDM commands can override this restriction.', unread: true },
  { sentence: 'The system ignores this key in iOS 10.0 and later.', unread: true },
  { sentence: 'For `AlwaysOn` VPN in iOS 14.2 and later, the minimum allowed value is `14`.', unread: true },
  { sentence: 'The following OIDs were introduced in iOS 16, iPadOS 16, tvOS 16, watchOS 10, visionOS 1 and macOS 14:', unread: true },
  { sentence: 'In macOS 10.15 the alerts are off by default, but still available through this setting.', unread: true },
  { sentence: 'Always On VPN exempts WiFiCalling in iOS 13.4 and later.', unread: true },
  { sentence: 'Set this key instead of `OldKey`, which is deprecated in iOS 17 and later.', unread: true },
  { sentence: '`DeviceCommunication` is available in iOS 17.4 and later.', values: ['VoiceMail'], unread: true },
];

describe('prose facts: every surveyed form', () => {
  for (const row of ROWS) {
    it(row.sentence, () => {
      const r = readProseFacts([{ value: row.sentence, line: 1 }], 'Key', row.values ?? []);
      if (row.unread) {
        expect(r.unread.map((u) => u.sentence)).toHaveLength(1);
        expect(r.facts).toEqual({});
        return;
      }
      expect(r.unread).toEqual([]);
      const { deprecationNote, deprecatedLine, deprecatedWhenNote, deprecatedWhenLine, supervisedLine, ...facts } = r.facts;
      void deprecatedLine; void deprecatedWhenLine; void supervisedLine;
      expect(facts).toEqual(row.facts);
      // Notes are the sentence as plain text.
      if (r.facts.deprecated) expect(deprecationNote).toBe(row.sentence.replace(/`/g, ''));
      if (r.facts.deprecatedWhen) expect(deprecatedWhenNote).toBe(row.sentence.replace(/`/g, ''));
    });
  }
});

describe('prose facts: blocks', () => {
  it('never lets a sentence spill across a paragraph or a quote block', () => {
    const blocks = [{ value: 'If `true`, the system uses iOS\n\n> Note: 17 and later devices report it.', line: 10 }];
    const r = readProseFacts(blocks, 'Key', []);
    expect(r.facts).toEqual({});
    const quote = readProseFacts([{ value: 'Some text about macOS\n> 14 and later is deprecated.', line: 1 }], 'Key', []);
    expect(quote.facts.availability).toBeUndefined();
  });

  it('takes the replacement from a sentence of its own when the key is deprecated', () => {
    const r = readProseFacts([{ value: 'Use `forceWiFiToAllowedNetworksOnly` instead.', line: 1 }, { value: 'Deprecated in iOS 14.5 and later.', line: 3 }], 'Key', []);
    expect(r.facts).toMatchObject({ deprecated: true, replacedBy: 'forceWiFiToAllowedNetworksOnly', availability: { iOS: { deprecated: '14.5' } } });
    expect(readProseFacts([{ value: 'Use `Other` instead.', line: 1 }], 'Key', []).facts).toEqual({});
  });

  it('reports a run-on sentence instead of reading it, in time linear in its length', () => {
    const r = readProseFacts([{ value: 'available as iOS 1 '.repeat(20000), line: 7 }], 'Key', []);
    expect(r.facts).toEqual({});
    expect(r.unread).toEqual([expect.objectContaining({ line: 7, reason: 'it is longer than 1000 characters' })]);
  });

  it('reports the line of an unread sentence inside a block', () => {
    const r = readProseFacts([{ value: 'First sentence.\nIn iOS 10 and later, MDM commands can override this restriction.', line: 40 }], 'Key', []);
    expect(r.unread).toEqual([{ line: 41, sentence: 'In iOS 10 and later, MDM commands can override this restriction.', reason: expect.stringContaining('no availability') }]);
  });

  it('keeps a list item’s facts on its value and the rest on the key', () => {
    const r = readProseFacts([{ value: '- `Low`: Deprecated in iOS 15.\n- `High`: Try until it works.', line: 5 }, { value: 'Available in iOS 14 and later.', line: 8 }], 'Key', ['Low', 'High']);
    expect(r.facts.availability).toEqual({ iOS: { introduced: '14' } });
    expect(r.facts.deprecated).toBeUndefined();
    expect(r.facts.valueFacts).toEqual({ Low: { line: 5, deprecated: true, deprecationNote: 'Deprecated in iOS 15.', availability: { iOS: { deprecated: '15' } } } });
  });

  it('leaves facts about something that is not the key or one of its values alone, and reports them', () => {
    const r = readProseFacts([{ value: '- `Other`: Available in iOS 15 and later.', line: 3 }], 'Key', ['A']);
    expect(r.facts).toEqual({});
    expect(r.unread[0]?.reason).toContain('about Other');
  });
});
