/**
 * Each flavour on hand-written pages (test/fixtures/parse/<case>/input.md), compared with a
 * golden `expected.json`, plus exact assertions on the facts that matter most.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage, type PageResult } from '../../generator/parse/index.js';
import { expectGolden } from '../helpers/golden.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/parse');

function parseFixture(name: string): PageResult {
  // The file name says nothing about the flavour: detection reads the content only.
  return parsePage({ file: 'page.md', text: readFileSync(join(FIXTURES, name, 'input.md'), 'utf8') });
}

describe('flavour fixtures match their goldens', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, () => {
      expectGolden(join(FIXTURES, name, 'expected.json'), `${JSON.stringify(parseFixture(name), null, 2)}\n`);
    });
  }
});

describe('changelog flavour', () => {
  const r = parseFixture('changelog-key-facts');
  const o = r.object!;
  const prop = (n: string) => o.properties.find((p) => p.name === n)!;

  it('is detected from content and reads the object', () => {
    expect(r.flavour).toBe('changelog');
    expect(o).toMatchObject({ name: 'Example.Payload', kind: 'profile', payloadType: 'com.example.payload', summary: 'The payload that configures an example.' });
    expect(o.availability).toEqual({ iOS: { introduced: '14.0' }, iPadOS: { introduced: '14.0' }, macOS: { introduced: '11.0' } });
  });

  it('types every stated fact', () => {
    expect(prop('Mode')).toMatchObject({
      type: { kind: 'string' }, typeOrigin: 'stated', required: true, default: 'Medium', allowedValues: ['Low', 'Medium', 'High'], deprecated: true,
      availability: { iOS: { introduced: '14', deprecated: '17' }, iPadOS: { introduced: '14' }, macOS: { introduced: '11' }, watchOS: { available: false } },
    });
    expect(prop('Retries')).toMatchObject({ type: { kind: 'integer' }, default: 3, supervised: true, supervisedPlatforms: ['iOS'] });
    expect(prop('Enabled').default).toBe(true);
    expect(prop('Rules').type).toEqual({ kind: 'array', items: { kind: 'ref', name: 'Example.Rule' } });
  });

  it('keeps per-value meanings and a line for every fact', () => {
    expect(prop('Mode').valueDescriptions).toEqual([
      { value: 'Low', description: 'Try once.' },
      { value: 'Medium', description: 'Try three times.' },
      { value: 'High', description: 'Try until it works.' },
    ]);
    expect(prop('Mode').factLines).toEqual({ type: 11, required: 12, default: 13, allowedValues: 14, availability: 24, deprecated: 25 });
    expect(prop('Mode').description).not.toMatch(/Available:|Allowed Values/);
  });

  it('reports an unknown fact label instead of dropping it', () => {
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-fact', line: 53 }));
    expect(prop('Note').description).toContain('**Flavour:** `odd`');
  });
});

describe('rendered flavour', () => {
  const r = parseFixture('rendered-untyped');
  const prop = (n: string) => r.object!.properties.find((p) => p.name === n)!;

  it('reads role, deprecated platform line and keys with spaces', () => {
    expect(r.flavour).toBe('rendered');
    expect(r.object).toMatchObject({ kind: 'object', deprecated: true, availability: { iOS: { introduced: '5.0', deprecated: '6.1.6' } } });
    expect(prop('Automatic Restart On Power Loss')).toMatchObject({
      type: { kind: 'integer' }, required: true, minimum: 0, maximum: 1,
      availability: { iOS: { introduced: '14' }, macOS: { introduced: '10.15' } },
    });
  });

  it('reads deprecation from the marker and the prose', () => {
    expect(prop('Legacy')).toMatchObject({ deprecated: true, availability: { iOS: { deprecated: '14.5' }, macOS: { deprecated: '11.3' } } });
    expect(prop('Legacy').deprecationNote).toBe('Deprecated in iOS 14.5 and macOS 11.3.');
  });

  it('reads an empty default and a single Value', () => {
    expect(prop('Anything').default).toBe('');
    expect(prop('RequestType').allowedValues).toEqual(['DeviceLock']);
  });
});

describe('snapshot and listing flavours', () => {
  it('snapshot: header, required marker, indented facts', () => {
    const r = parseFixture('snapshot-keys');
    expect(r.flavour).toBe('snapshot');
    const [auth, mtu, rules] = r.object!.properties;
    expect(r.object).toMatchObject({ kind: 'profile', availability: { iOS: { introduced: '4.0' }, iPadOS: { introduced: '4.0' }, macOS: { introduced: '10.7' } } });
    expect(auth).toMatchObject({ name: 'AuthenticationMethod', required: true, allowedValues: ['None', 'SharedSecret', 'Certificate'] });
    expect(mtu).toMatchObject({ name: 'MTU', default: 1280, minimum: 1280, maximum: 1400, availability: { iOS: { introduced: '14' }, macOS: { introduced: '11' } } });
    expect(rules?.type).toEqual({ kind: 'array', items: { kind: 'ref', name: 'VPN.VPN.OnDemandRulesElement' } });
    expect(r.diagnostics).toEqual([]);
  });

  it('listing: types in parentheses, inline availability, footer ignored', () => {
    const r = parseFixture('listing-keys');
    expect(r.flavour).toBe('listing');
    expect(r.object!.properties.map((p) => [p.name, p.type, p.required])).toEqual([
      ['AuthName', { kind: 'string' }, false],
      ['AuthProtocol', { kind: 'array', items: { kind: 'string' } }, false],
      ['RequestType', { kind: 'string' }, true],
    ]);
    expect(r.object!.properties[0]?.availability).toEqual({ iOS: { introduced: '14' }, macOS: { introduced: '11' } });
    expect(r.object!.availability).toEqual({ iOS: { introduced: '4.0' }, macOS: { introduced: '10.7' } });
    expect(r.diagnostics).toEqual([]);
  });
});

describe('pages that are not objects', () => {
  it('an unknown flavour with properties is an error, not silence', () => {
    const r = parseFixture('unknown-flavour');
    expect(r.flavour).toBe('unknown');
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'unknown-flavour', file: 'page.md' })]);
  });

  it('an article is classified and reported', () => {
    const r = parseFixture('article-page');
    expect(r.object).toMatchObject({ name: 'Managing Example Devices', kind: 'article', properties: [] });
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'info', code: 'not-an-object' })]);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '\u0000\u0001', '# \n## Properties\n### \n- **Type:**', '---\n: : :\n---\n# X\n## Properties\nA: b', '`'.repeat(5000)]) {
      expect(() => parsePage({ file: 'x.md', text })).not.toThrow();
    }
  });
});
