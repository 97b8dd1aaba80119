/**
 * Whole documents' types against what the guards check: a third-party payload typed with
 * `CustomPayload`, and guards that narrow to exactly what they verified (a payload, command,
 * declaration or message of a type no page defines is checked for its envelope alone, and typed so).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as plist from 'plist';
import { describe, expect, it } from 'vitest';
import {
  isCheckInMessage, isCommand, isDeclaration, isProfile,
  type CheckedProfile, type CustomPayload, type Payload, type Profile, type UncheckedCommand, type UncheckedPayload, type WiFi,
} from '@dmspec/apple';
import { describeWith, PROFILES } from '../helpers/corpus.js';

type Autoupdate = CustomPayload<'com.microsoft.autoupdate2', { ChannelName?: 'Current' | 'Preview' | 'Beta'; HowToCheck?: string }>;

const autoupdate: Autoupdate = {
  PayloadType: 'com.microsoft.autoupdate2', PayloadIdentifier: 'com.example.mau', PayloadUUID: 'B7F0C0DE-0000-4000-8000-000000000001', PayloadVersion: 1,
  ChannelName: 'Current',
};
const wifi: WiFi = { PayloadType: 'com.apple.wifi.managed', PayloadIdentifier: 'com.example.wifi', PayloadUUID: 'B7F0C0DE-0000-4000-8000-000000000002', PayloadVersion: 1, SSID_STR: 'Office', AutoJoin: true };

describe('third-party payloads', () => {
  it('type-check in a profile beside Apple payloads, and validate for their common keys', () => {
    const profile: Profile<Payload | Autoupdate> = {
      PayloadType: 'Configuration', PayloadIdentifier: 'com.example.profile', PayloadUUID: 'B7F0C0DE-0000-4000-8000-000000000000', PayloadVersion: 1,
      PayloadContent: [wifi, autoupdate],
    };
    // @ts-expect-error the payload's own keys are typed when given
    const wrong: Autoupdate = { ...autoupdate, ChannelName: 'Nightly' };
    // @ts-expect-error a type the spec defines has its own interface: CustomPayload of it is never
    const shadow: CustomPayload<'com.apple.wifi.managed'> = wifi;
    // @ts-expect-error a third-party payload still needs the common keys
    const bare: Autoupdate = { PayloadType: 'com.microsoft.autoupdate2', ChannelName: 'Current' };
    expect([wrong.ChannelName, shadow, bare.PayloadType]).toBeDefined();
    expect(isProfile(profile)).toBe(true);
    expect(isProfile({ ...profile, PayloadContent: [{ ...autoupdate, PayloadVersion: '1' }] })).toBe(false);
  });

  it('the payloads of a CheckedProfile include the unchecked kind: code cannot assume every payload is a page type', () => {
    const unchecked: UncheckedPayload = { PayloadType: 'com.apple.screensaver.ByHost', PayloadIdentifier: 'x', PayloadUUID: 'u', PayloadVersion: 1, idleTime: 300 };
    const checked: CheckedProfile = { PayloadType: 'Configuration', PayloadIdentifier: 'p', PayloadUUID: 'q', PayloadVersion: 1, PayloadContent: [wifi, unchecked] };
    const take = (p: Profile): number => p.PayloadContent.length;
    // @ts-expect-error a checked profile may hold payloads no page types: it is not a Profile<Payload>
    take(checked);
    expect(checked.PayloadContent).toHaveLength(2);
  });
});

describeWith(PROFILES, 'a guard on a real profile with a payload no page defines', () => {
  it('accepts com.apple.screensaver.ByHost and narrows to a type in which it can exist', () => {
    const value: unknown = plist.parse(readFileSync(join(PROFILES, 'rtrouton/SetDefaultScreensaver/SetDefaultScreensaver.mobileconfig'), 'utf8'));
    expect(isProfile(value)).toBe(true);
    if (!isProfile(value)) return;
    // The narrowed payload type holds the unchecked kind (this line does not compile otherwise).
    const holdsUnchecked: UncheckedPayload extends (typeof value.PayloadContent)[number] ? true : false = true;
    const payload = value.PayloadContent[0]!;
    expect([holdsUnchecked, payload.PayloadType]).toEqual([true, 'com.apple.screensaver.ByHost']);
    if (payload.PayloadType === 'com.apple.screensaver.ByHost') {
      // Not a page's type: only the unchecked kind is left, its own keys `unknown` until checked.
      const own: unknown = payload['moduleDict'];
      expect(own).toMatchObject({ moduleName: 'Computer Name' });
    }
  });
});

describe('guards of commands, declarations and check-in messages', () => {
  it('accept a type the spec does not define as the unchecked kind, and a known one as its interface', () => {
    const teleport: unknown = { Command: { RequestType: 'Teleport', Destination: 'Mars' }, CommandUUID: 'c' };
    expect(isCommand(teleport)).toBe(true);
    if (isCommand(teleport)) {
      const c: UncheckedCommand | { Command: { RequestType: string } } = teleport;
      expect(c.Command.RequestType).toBe('Teleport');
    }
    expect(isCommand({ Command: { RequestType: 'DeviceLock', PIN: 123456 }, CommandUUID: 'c' })).toBe(false);
    expect(isDeclaration({ Type: 'com.example.unknown', Identifier: 'i', ServerToken: 't', Payload: {} })).toBe(true);
    expect(isDeclaration({ Type: 'com.example.unknown', Identifier: 'i', ServerToken: 't' })).toBe(false);
    expect(isCheckInMessage({ MessageType: 'Hello' })).toBe(true);
    expect(isCheckInMessage({ MessageType: 7 })).toBe(false);
  });
});
