/**
 * Name-based UUIDs: SHA-1 agrees with Node's on edge lengths (property-based too), and the
 * version 5 UUIDs are RFC 9562's.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DMSPEC_NAMESPACE, nameUuid, sha1, utf8 } from '../../generator/runtime/uuid/name-uuid.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261122);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('sha1', () => {
  it('is SHA-1 at the padding boundaries', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 7) & 0xff);
      expect(hex(sha1(bytes)), `${n} bytes`).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
  });

  it(`is SHA-1 of any bytes (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => hex(sha1(b)) === createHash('sha1').update(b).digest('hex')), { seed: SEED, numRuns: RUNS });
  });
});

describe('utf8', () => {
  it(`encodes as TextEncoder does (${RUNS} runs)`, () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => hex(utf8(s)) === hex(new TextEncoder().encode(s))), { seed: SEED, numRuns: RUNS });
    expect(hex(utf8('\ud800'))).toBe(hex(new TextEncoder().encode('\ud800')));
  });
});

describe('nameUuid', () => {
  it('gives RFC 9562\'s version 5 UUIDs', () => {
    expect(nameUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ED6657D-E927-568B-95E1-2665A8AEA6A2');
    // dmspec's namespace is itself the name "dmspec" in the URL namespace.
    expect(nameUuid('dmspec', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe(DMSPEC_NAMESPACE);
  });

  it('is the same for the same name, different for another, and refuses a namespace that is no UUID', () => {
    expect(nameUuid('com.example.a')).toBe(nameUuid('com.example.a'));
    expect(nameUuid('com.example.a')).not.toBe(nameUuid('com.example.b'));
    expect(nameUuid('a')).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(() => nameUuid('a', 'not-a-uuid')).toThrow(/not a UUID/);
  });
});
