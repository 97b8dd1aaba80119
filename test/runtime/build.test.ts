/**
 * The builders' runtime (generator/runtime/build/): UUIDs, and the profile and command builders
 * on their own (the generated, typed and validating builders are test/emit/builders.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildCommand, buildProfile, checked, commandUuid, DocumentError, isUuid, payloadUuid, profileUuid, randomUuid,
} from '../../generator/runtime/build/index.js';
import { nameUuid } from '../../generator/runtime/uuid/name-uuid.js';
const FIXED = { profile: { PayloadType: 'Configuration', PayloadVersion: 1 }, payload: { PayloadVersion: 1 } };

describe('UUIDs', () => {
  it('a random UUID is version 4, upper-case and new each time; isUuid takes any version\'s text form', () => {
    const a = randomUuid();
    expect(a).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(randomUuid()).not.toBe(a);
    expect([isUuid(randomUUID()), isUuid('not-a-uuid'), isUuid(a), isUuid(42)]).toEqual([true, false, true, false]);
  });

  it('profiles, payloads and commands are named apart: one name gives three UUIDs', () => {
    expect(new Set([profileUuid('com.example'), payloadUuid('com.example'), commandUuid('com.example')]).size).toBe(3);
    expect(profileUuid('com.example')).toBe(nameUuid('profile/com.example'));
  });
});

describe('buildProfile', () => {
  const input = {
    PayloadIdentifier: 'com.example.office', PayloadDisplayName: 'Office',
    PayloadContent: [
      { PayloadType: 'com.apple.wifi.managed', SSID_STR: 'Office' },
      { PayloadType: 'com.apple.wifi.managed', SSID_STR: 'Guest' },
      { PayloadType: 'com.apple.applicationaccess', PayloadIdentifier: 'com.example.r', PayloadUUID: '11111111-2222-4333-8444-555555555555', allowAirDrop: false },
    ],
  };

  it('fills what follows from the identifiers and what Apple fixes, and keeps what was given', () => {
    const p = buildProfile(input, FIXED);
    expect(p).toEqual({
      PayloadIdentifier: 'com.example.office', PayloadDisplayName: 'Office', PayloadType: 'Configuration', PayloadVersion: 1,
      PayloadUUID: profileUuid('com.example.office'),
      PayloadContent: [
        { PayloadType: 'com.apple.wifi.managed', SSID_STR: 'Office', PayloadIdentifier: 'com.example.office.com.apple.wifi.managed', PayloadUUID: payloadUuid('com.example.office.com.apple.wifi.managed'), PayloadVersion: 1 },
        { PayloadType: 'com.apple.wifi.managed', SSID_STR: 'Guest', PayloadIdentifier: 'com.example.office.com.apple.wifi.managed.2', PayloadUUID: payloadUuid('com.example.office.com.apple.wifi.managed.2'), PayloadVersion: 1 },
        { PayloadType: 'com.apple.applicationaccess', PayloadIdentifier: 'com.example.r', PayloadUUID: '11111111-2222-4333-8444-555555555555', allowAirDrop: false, PayloadVersion: 1 },
      ],
    });
  });

  it('is deterministic and leaves its input as it was', () => {
    const before = structuredClone(input);
    expect(buildProfile(input, FIXED)).toEqual(buildProfile(structuredClone(input), FIXED));
    expect(input).toEqual(before);
  });

  it('keeps __proto__ in the data as a key, and refuses input that cannot name its UUIDs', () => {
    const payload = JSON.parse('{"PayloadType":"com.example.app","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const p = buildProfile({ PayloadIdentifier: 'x', PayloadContent: [payload] }, FIXED);
    const built = (p['PayloadContent'] as Array<Record<string, unknown>>)[0]!;
    expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
    expect(Object.keys(built)).toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(() => buildProfile({ PayloadContent: [] }, FIXED)).toThrow(/PayloadIdentifier/);
    expect(() => buildProfile({ PayloadIdentifier: 'x' }, FIXED)).toThrow(/PayloadContent/);
    expect(() => buildProfile({ PayloadIdentifier: 'x', PayloadContent: [{ SSID_STR: 'a' }] }, FIXED)).toThrow(/PayloadContent\[0\] needs its PayloadType/);
    expect(() => buildProfile('profile', FIXED)).toThrow(TypeError);
  });
});

describe('buildCommand', () => {
  it('gives the envelope, with the caller\'s UUID, a seeded one, or a random one', () => {
    expect(buildCommand('DeviceLock', { PIN: '123456' }, { CommandUUID: '0F2C6C1E-94B6-4C7A-8C07-3E1B0D5A7A11' })).toEqual({
      Command: { RequestType: 'DeviceLock', PIN: '123456' }, CommandUUID: '0F2C6C1E-94B6-4C7A-8C07-3E1B0D5A7A11',
    });
    const seeded = buildCommand('ProfileList', {}, { seed: 'device-42/command-7' });
    expect(seeded.CommandUUID).toBe(commandUuid('device-42/command-7'));
    expect(buildCommand('ProfileList', {}, { seed: 'device-42/command-7' }).CommandUUID).toBe(seeded.CommandUUID);
    const random = buildCommand('ProfileList');
    expect(random.CommandUUID).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4/);
    expect(buildCommand('ProfileList').CommandUUID).not.toBe(random.CommandUUID);
  });

  it('keeps RequestType its own and refuses a CommandUUID that is not a UUID', () => {
    expect(buildCommand('DeviceLock', { RequestType: 'EraseDevice', PIN: '1' }, { seed: 's' }).Command).toEqual({ RequestType: 'DeviceLock', PIN: '1' });
    expect(() => buildCommand('DeviceLock', {}, { CommandUUID: 'c' })).toThrow(/not a UUID/);
    expect(() => buildCommand('', {})).toThrow(TypeError);
  });
});

describe('checked', () => {
  it('gives back a document without errors and refuses one with errors, naming them', () => {
    const warning = { path: 'x', code: 'unknown-key' as const, severity: 'warning' as const, message: 'unknown key' };
    const error = { path: 'PayloadContent[0].SSID_STR', code: 'missing-required' as const, severity: 'error' as const, message: 'SSID_STR is required' };
    const doc = {};
    expect(checked('the profile', doc, { valid: true, issues: [warning] })).toBe(doc);
    const thrown = (() => { try { checked('the profile', doc, { valid: false, issues: [warning, error] }); } catch (e) { return e; } return undefined; })();
    expect(thrown).toBeInstanceOf(DocumentError);
    expect((thrown as DocumentError).message).toBe('the profile does not validate: PayloadContent[0].SSID_STR: SSID_STR is required');
    expect((thrown as DocumentError).issues).toEqual([warning, error]);
  });
});
