/**
 * The generated builders (`@dmspec/apple`'s `createProfile` and `createCommand`), typed by the
 * spec's interfaces: what they build validates, regenerating keeps UUIDs, and the types refuse
 * what the pages refuse.
 */
import { describe, expect, it } from 'vitest';
import { createCommand, createProfile, DocumentError, validateCommand, validateProfile, type CustomPayload, type Payload, type Profile } from '@dmspec/apple';
import { createProfile as fromBuild } from '@dmspec/apple/build';

const brief = (r: { valid: boolean; issues: Array<{ severity: string; code: string; path: string }> }): [boolean, string[]] => [r.valid, r.issues.map((i) => `${i.severity} ${i.code} ${i.path}`)];

describe('createProfile', () => {
  const office = (): Profile => createProfile({
    PayloadIdentifier: 'com.example.office', PayloadDisplayName: 'Office', PayloadOrganization: 'Example',
    PayloadContent: [
      { PayloadType: 'com.apple.wifi.managed', SSID_STR: 'Office', AutoJoin: true, EncryptionType: 'WPA2', Password: 'correct horse' },
      { PayloadType: 'com.apple.applicationaccess', allowAirDrop: false },
    ],
  });

  it('builds a profile that validates, with PayloadUUIDs a second build repeats', () => {
    const profile = office();
    expect(brief(validateProfile(profile))).toEqual([true, []]);
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1, PayloadUUID: expect.stringMatching(/^[0-9A-F-]{36}$/) });
    expect(profile.PayloadContent.map((p) => p.PayloadUUID)).toEqual(office().PayloadContent.map((p) => p.PayloadUUID));
    expect(new Set([profile.PayloadUUID, ...profile.PayloadContent.map((p) => p.PayloadUUID)]).size).toBe(3);
    expect(fromBuild).toBe(createProfile);
  });

  it('holds a third-party payload when its type is named', () => {
    type AutoUpdate = CustomPayload<'com.microsoft.autoupdate2', { ChannelName?: 'Current' | 'Preview' | 'Beta' }>;
    const profile = createProfile<Payload | AutoUpdate>({
      PayloadIdentifier: 'com.example.mau',
      PayloadContent: [{ PayloadType: 'com.microsoft.autoupdate2', ChannelName: 'Current' }],
    });
    expect(brief(validateProfile(profile))).toEqual([true, []]);
    expect(profile.PayloadContent[0]).toMatchObject({ PayloadIdentifier: 'com.example.mau.com.microsoft.autoupdate2', PayloadVersion: 1 });
  });

  it('refuses a profile with an error the types cannot see (a range), naming it, and validates with the caller\'s options', () => {
    const build = (attempts: number, options?: { platform: 'iOS' }): Profile => createProfile({
      PayloadIdentifier: 'com.example.passcode',
      PayloadContent: [{ PayloadType: 'com.apple.mobiledevice.passwordpolicy', maxFailedAttempts: attempts }],
    }, options);
    expect(build(5).PayloadContent).toHaveLength(1);
    expect(() => build(100)).toThrow(DocumentError);
    expect(() => build(100)).toThrow('the profile does not validate: PayloadContent[0].maxFailedAttempts: integer 100 is above the maximum 11');
    const error = ((): unknown => { try { build(100); } catch (e) { return e; } return undefined; })() as DocumentError;
    expect(error.issues.map((i) => `${i.severity} ${i.code} ${i.path}`)).toEqual(['error above-maximum PayloadContent[0].maxFailedAttempts']);
    expect(build(5, { platform: 'iOS' }).PayloadIdentifier).toBe('com.example.passcode');
  });

  it('is typed by the pages: a key of the wrong type, a key no page lists and a missing required key do not compile', () => {
    const build = (): unknown[] => [
      // @ts-expect-error allowAirDrop is a boolean
      createProfile({ PayloadIdentifier: 'x', PayloadContent: [{ PayloadType: 'com.apple.applicationaccess', allowAirDrop: 'no' }] }),
      // @ts-expect-error a PEM certificate payload needs its PayloadContent
      createProfile({ PayloadIdentifier: 'x', PayloadContent: [{ PayloadType: 'com.apple.security.pem', PayloadCertificateFileName: 'ca.pem' }] }),
      // @ts-expect-error a payload type no page defines needs naming (CustomPayload)
      createProfile({ PayloadIdentifier: 'x', PayloadContent: [{ PayloadType: 'com.example.unknown' }] }),
      // @ts-expect-error the profile's identifier names its UUID
      createProfile({ PayloadContent: [] }),
    ];
    expect(build).toBeTypeOf('function');
  });
});

describe('createCommand', () => {
  it('builds the envelope a server sends, which validates', () => {
    const lock = createCommand('DeviceLock', { PIN: '123456', Message: 'Call IT' }, { seed: 'device-42/lock-1' });
    expect(lock).toEqual({ Command: { RequestType: 'DeviceLock', PIN: '123456', Message: 'Call IT' }, CommandUUID: createCommand('DeviceLock', { PIN: '1' }, { seed: 'device-42/lock-1' }).CommandUUID });
    expect(brief(validateCommand(lock))).toEqual([true, []]);
    const list = createCommand('ProfileList');
    expect(brief(validateCommand(list))).toEqual([true, []]);
    expect(list.Command.RequestType).toBe('ProfileList');
  });

  it('refuses a command that does not validate and a CommandUUID that is no UUID', () => {
    expect(() => createCommand('DeviceLock', { PIN: '123456' }, { CommandUUID: 'lock-1' })).toThrow(TypeError);
    // A JavaScript caller's command: the types would refuse it.
    expect(() => (createCommand as (t: string, f: object) => unknown)('DeviceLock', { PIN: 123456 })).toThrow(/the DeviceLock command does not validate: Command.PIN: expected string/);
  });

  it('is typed by the command page', () => {
    const build = (): unknown[] => [
      // @ts-expect-error PIN is a string
      createCommand('DeviceLock', { PIN: 123456 }),
      // @ts-expect-error no command has this request type
      createCommand('Teleport'),
    ];
    expect(build).toBeTypeOf('function');
  });
});
