/**
 * The builders' runtime (generator/runtime/build/): SHA-1 and UUIDs against independent
 * implementations, and the profile and command builders on their own.
 */
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCommand, buildProfile, COMMAND_NAMESPACE, isUuid, PAYLOAD_NAMESPACE, PROFILE_NAMESPACE, randomUuid, sha1, uuidV5,
} from '../../generator/runtime/build/index.js';

const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const FIXED = { profile: { PayloadType: 'Configuration', PayloadVersion: 1 }, payload: { PayloadVersion: 1 } };

describe('sha1 and UUIDs', () => {
  it('SHA-1 equals node:crypto on any bytes, across block boundaries', () => {
    expect(Buffer.from(sha1(new TextEncoder().encode('abc'))).toString('hex')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
      expect(Buffer.from(sha1(b)).toString('hex')).toBe(createHash('sha1').update(b).digest('hex'));
    }), { numRuns: 300, seed: 22 });
  });

  it('version-5 UUIDs equal RFC 9562 and Python\'s uuid5, for any name (UTF-8)', () => {
    expect(uuidV5('python.org', DNS_NAMESPACE)).toBe('886313E1-3B8A-5372-9B90-0C9AEE199E5D');
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ED6657D-E927-568B-95E1-2665A8AEA6A2');
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
      const hash = createHash('sha1').update(Buffer.from(DNS_NAMESPACE.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
      hash[6] = (hash[6]! & 0x0f) | 0x50;
      hash[8] = (hash[8]! & 0x3f) | 0x80;
      const hex = hash.subarray(0, 16).toString('hex').toUpperCase();
      expect(uuidV5(name, DNS_NAMESPACE)).toBe(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
    }), { numRuns: 200, seed: 22 });
  });

  it('the namespaces are the UUIDs of their URLs, and a random UUID is version 4 and new each time', () => {
    expect([PROFILE_NAMESPACE, PAYLOAD_NAMESPACE, COMMAND_NAMESPACE]).toEqual(['profile', 'payload', 'command'].map((k) => uuidV5(`https://dmspec.invalid/namespace/${k}`, URL_NAMESPACE)));
    const a = randomUuid();
    expect(a).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(randomUuid()).not.toBe(a);
    expect([isUuid(randomUUID()), isUuid('not-a-uuid'), isUuid(a)]).toEqual([true, false, true]);
    expect(() => uuidV5('x', 'nope')).toThrow(TypeError);
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
      PayloadUUID: uuidV5('com.example.office', PROFILE_NAMESPACE),
      PayloadContent: [
        { PayloadType: 'com.apple.wifi.managed', SSID_STR: 'Office', PayloadIdentifier: 'com.example.office.com.apple.wifi.managed', PayloadUUID: uuidV5('com.example.office.com.apple.wifi.managed', PAYLOAD_NAMESPACE), PayloadVersion: 1 },
        { PayloadType: 'com.apple.wifi.managed', SSID_STR: 'Guest', PayloadIdentifier: 'com.example.office.com.apple.wifi.managed.2', PayloadUUID: uuidV5('com.example.office.com.apple.wifi.managed.2', PAYLOAD_NAMESPACE), PayloadVersion: 1 },
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
    expect(seeded.CommandUUID).toBe(uuidV5('device-42/command-7', COMMAND_NAMESPACE));
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
