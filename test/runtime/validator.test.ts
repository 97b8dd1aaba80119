/**
 * The validator runtime (generator/runtime/validator/) on its own, as generated check functions
 * call it: runs and their pooled state, findings built into issues when first read, each
 * reporter, the option-dependent checks, and the whole-document routes.
 */
import { describe, expect, it } from 'vitest';
import {
  aboveMaximum, availabilityOf, begin, belowMinimum, compareVersions, deprecated, describeValue, finish, gated, isDict, isInteger, isReal, keyIndex,
  missingKeys, NO_OPTIONS, notAllowed, own, result, routeDocument, routeProfile, run, test, union, unknownKey, VALID, verdict,
  wrongType, type KeyFacts, type Run, type ValidationResult, type Validator,
} from '../../generator/runtime/validator/index.js';
import { PlistReal } from '../../generator/runtime/plist/index.js';

/** A check that reports `MTU` as a string where an integer belongs, under `p[0..d)`. */
const checkMtu = (v: unknown, r: Run, d: number): void => {
  if (!isDict(v)) return wrongType(r, d, undefined, 'dictionary', v);
  if (own(v, 'MTU') && !isInteger(v['MTU'])) wrongType(r, d, 'MTU', 'integer', v['MTU']);
};

const brief = (res: ValidationResult): string[] => res.issues.map((i) => `${i.severity} ${i.code} ${i.path}: ${i.message}`);

describe('runs', () => {
  it('gives the one shared frozen result when nothing is found', () => {
    const res = run(checkMtu, { MTU: 1300 }, NO_OPTIONS);
    expect(res).toBe(VALID);
    expect(Object.isFrozen(res) && Object.isFrozen(res.issues)).toBe(true);
  });

  it('builds issues with their messages when first read, and JSON sees { valid, issues }', () => {
    const res = run(checkMtu, { MTU: '1300' }, NO_OPTIONS);
    expect(res.valid).toBe(false);
    expect(JSON.parse(JSON.stringify(res))).toEqual({
      valid: false,
      issues: [{ path: 'MTU', code: 'wrong-type', severity: 'error', message: 'expected integer, got string "1300"', expected: 'integer', actual: '1300' }],
    });
    expect(res.issues).toBe(res.issues);
  });

  it('joins the path from the key stack only when reporting', () => {
    const res = run((v, r) => {
      r.p[0] = 'OnDemandRules';
      r.p[1] = 2;
      checkMtu(v, r, 2);
    }, { MTU: 1.5 }, NO_OPTIONS);
    expect(res.issues.map((i) => i.path)).toEqual(['OnDemandRules[2].MTU']);
  });

  it('reuses its state: a second run starts clean', () => {
    expect(run(checkMtu, 'x', NO_OPTIONS).valid).toBe(false);
    expect(run(checkMtu, {}, NO_OPTIONS)).toBe(VALID);
  });

  it('gives a nested run (a getter that validates) its own state', () => {
    const inner = { get MTU() { return run(checkMtu, { MTU: 'no' }, NO_OPTIONS).valid ? 1 : 'nested'; } };
    expect(brief(run(checkMtu, inner, NO_OPTIONS))).toEqual(['error wrong-type MTU: expected integer, got string "nested"']);
  });

  it('in a quick run (is<Name>) counts the first error, halts and keeps nothing', () => {
    const r = begin(NO_OPTIONS, true);
    wrongType(r, 0, 'a', 'integer', 'x');
    expect(r.halt).toBe(true);
    expect(r.found).toBeNull();
    expect(verdict(r)).toBe(false);
    expect(test(checkMtu, { MTU: 1 }, NO_OPTIONS)).toBe(true);
  });

  it('reports each finding code with its message, expected and actual', () => {
    const r = begin({ strict: true }, false);
    notAllowed(r, 0, 'Action', ['Connect', 'Disconnect'], 'Go');
    belowMinimum(r, 0, 'MTU', 1280, 1000);
    aboveMaximum(r, 0, 'MTU', 1400, new PlistReal(2000));
    missingKeys(r, 0, { RemoteAddress: undefined }, ['RemoteAddress', 'LocalIdentifier']);
    unknownKey(r, 0, { Frobnicate: true }, 'Frobnicate');
    unknownKey(r, 0, Object.create({ Inherited: 1 }) as Record<string, unknown>, 'Inherited');
    deprecated(r, 0, 'Old', 'deprecated: use New');
    expect(brief(finish(r))).toEqual([
      'error not-allowed Action: string "Go" is not one of "Connect", "Disconnect"',
      'error below-minimum MTU: integer 1000 is below the minimum 1280',
      'error above-maximum MTU: real 2000 is above the maximum 1400',
      'error missing-required RemoteAddress: the required key RemoteAddress is missing',
      'error missing-required LocalIdentifier: the required key LocalIdentifier is missing',
      'error unknown-key Frobnicate: Frobnicate is not a key of this dictionary',
      'warning deprecated Old: deprecated: use New',
    ]);
  });

  it('makes unknown keys warnings unless strict', () => {
    const r = begin(NO_OPTIONS, false);
    unknownKey(r, 0, { X: 1 }, 'X');
    expect(finish(r)).toMatchObject({ valid: true, issues: [{ severity: 'warning', code: 'unknown-key' }] });
  });
});

describe('values', () => {
  it('tells plist kinds apart', () => {
    expect([{}, [], new Date(0), new Uint8Array(1), null].map(isDict)).toEqual([true, false, false, false, false]);
    expect([1, 2n ** 60n, 1.5, new PlistReal(1), { plistReal: 1 }, '1'].map(isInteger)).toEqual([true, true, false, false, false, false]);
    expect([1, NaN, Infinity, new PlistReal(1), { plistReal: 1 }, { value: 1 }, '1'].map(isReal)).toEqual([true, true, true, true, false, false, false]);
    expect(own(Object.create({ x: 1 }) as Record<string, unknown>, 'x')).toBe(false);
    expect(own(JSON.parse('{"__proto__": 1}') as Record<string, unknown>, '__proto__')).toBe(true);
    expect(own({}, 'toString')).toBe(false);
  });

  it('describes values for messages, cutting long strings', () => {
    expect([null, [], new Date(0), new Uint8Array(0), new PlistReal(2), new PlistReal(-0), { plistReal: 2 }, 'no', 1, 2n ** 60n, 1.5, true, {}, undefined].map(describeValue)).toEqual([
      'null', 'array', 'date', 'data', 'real 2', 'real -0', 'dictionary', 'string "no"', 'integer 1', 'integer 1152921504606846976', 'real 1.5', 'boolean true', 'dictionary', 'undefined',
    ]);
    expect(describeValue('x'.repeat(100))).toBe(`string "${'x'.repeat(60)}…"`);
  });
});

describe('option-dependent checks', () => {
  const facts: KeyFacts = {
    availability: { iOS: { introduced: '14' }, macOS: { introduced: '11', removed: '15' }, tvOS: { available: false }, watchOS: { introduced: '7', availableThrough: '9.4' } },
    exhaustive: true,
    deprecatedIn: { iOS: '17' },
    instead: 'use New',
    situation: { supervised: true, platforms: ['iOS'], since: { iOS: '15' }, when: ['unsupervised'], note: 'Apple says so' },
  };
  const gatedIssues = (o: Parameters<typeof begin>[0]): string[] => {
    const r = begin(o, false);
    gated(r, 0, 'Key', facts);
    deprecated(r, 0, 'Key', 'deprecated in iOS 17', facts);
    return finish(r).issues.map((i) => `${i.code}: ${i.message}`);
  };

  it('compares versions numerically', () => {
    expect([compareVersions('14', '14.0'), compareVersions('10.15', '10.9'), compareVersions('9', '10')]).toEqual([0, 1, -1]);
  });

  it('reports availability by platform and version', () => {
    expect(gatedIssues({ platform: 'iOS', osVersion: '13.4' })).toEqual(['unavailable-on-platform: available in iOS 14 and later, not 13.4; the device ignores it']);
    expect(gatedIssues({ platform: 'macOS', osVersion: '15.1' })).toEqual(['unavailable-on-platform: removed in macOS 15; the device ignores it']);
    expect(gatedIssues({ platform: 'tvOS' })).toEqual(['unavailable-on-platform: not available in tvOS; the device ignores it']);
    expect(gatedIssues({ platform: 'watchOS', osVersion: '10' })).toEqual(['unavailable-on-platform: available in watchOS through 9.4 only, not 10; the device ignores it']);
    expect(gatedIssues({ platform: 'visionOS' })).toEqual(['unavailable-on-platform: not available in visionOS (the page lists iOS, macOS, watchOS); the device ignores it']);
    expect(gatedIssues({ platform: 'macOS', osVersion: '12' })).toEqual([]);
  });

  it('counts a deprecation on its platform from its version on', () => {
    expect(gatedIssues({ platform: 'iOS', osVersion: '16' })).toEqual([]);
    expect(gatedIssues({ platform: 'iOS', osVersion: '17.1' })).toEqual(['deprecated: deprecated in iOS 17: use New']);
    expect(gatedIssues({})).toEqual(['deprecated: deprecated in iOS 17']);
  });

  it('reports supervision and situational deprecation only in the situation', () => {
    expect(gatedIssues({ platform: 'iOS', osVersion: '16', supervised: false })).toEqual([
      'requires-supervision: requires a supervised device in iOS; an unsupervised device ignores it',
      'deprecated: deprecated on unsupervised devices: Apple says so',
    ]);
    expect(gatedIssues({ platform: 'iOS', osVersion: '14', supervised: false })).toEqual(['deprecated: deprecated on unsupervised devices: Apple says so']);
    expect(gatedIssues({ platform: 'iOS', osVersion: '16', supervised: true })).toEqual([]);
  });
});

describe('document routes', () => {
  const mtu: Validator = (v, o = NO_OPTIONS) => run(checkMtu, v, o);
  const keys = (known: readonly string[]): Validator => (v, o = NO_OPTIONS) =>
    run((x, r, d) => {
      if (!isDict(x)) return;
      for (const k of Object.keys(x)) if (!known.includes(k)) unknownKey(r, d, x, k);
    }, v, o);

  it('routes each payload of a profile by PayloadType; an unknown type gets the common keys only', () => {
    const byType = new Map([['com.example.vpn', mtu]]);
    const res = routeProfile({ PayloadContent: [{ PayloadType: 'com.example.vpn', MTU: 'x' }, 'not a dict', { PayloadType: 'com.other', Extra: 1 }] }, keys(['PayloadContent']), byType, keys(['PayloadType']), NO_OPTIONS);
    expect(brief(res)).toEqual(['error wrong-type PayloadContent[0].MTU: expected integer, got string "x"']);
  });

  it('routes a document by its type, warns about a type the spec lacks, and requires the key', () => {
    const route = { key: 'RequestType', under: 'Command', routes: new Map([['DeviceInformation', mtu]]), what: 'request type' };
    expect(brief(routeDocument({ Command: { RequestType: 'DeviceInformation' }, MTU: 'x' }, route, NO_OPTIONS))).toEqual(['error wrong-type MTU: expected integer, got string "x"']);
    expect(brief(routeDocument({ Command: { RequestType: 'Nope' } }, route, NO_OPTIONS))).toEqual(['warning unknown-type Command.RequestType: "Nope" is not a request type the spec defines: not checked']);
    // One slip from a type the spec defines names it (and only it), still unchecked.
    const misspelt = routeDocument({ Command: { RequestType: 'DeviceInfomation' } }, route, NO_OPTIONS);
    expect(brief(misspelt)).toEqual(['warning unknown-type Command.RequestType: "DeviceInfomation" is not a request type the spec defines; did you mean DeviceInformation? Not checked']);
    expect(misspelt.issues[0]).toMatchObject({ expected: 'DeviceInformation', actual: 'DeviceInfomation' });
    expect(routeDocument({ Command: { RequestType: 'deviceinformation' } }, route, NO_OPTIONS).issues[0]!.expected).toBe('DeviceInformation');
    expect(routeDocument({ Command: { RequestType: 'Nope' } }, route, NO_OPTIONS).issues[0]!.expected).toBeUndefined();
    expect(brief(routeDocument({ Command: {} }, route, NO_OPTIONS))).toEqual(['error missing-required Command.RequestType: the required key RequestType is missing']);
    expect(brief(routeDocument({ Command: { RequestType: 7 } }, route, NO_OPTIONS))).toEqual(['error wrong-type Command.RequestType: expected string, got integer 7']);
    expect(brief(routeDocument([], route, NO_OPTIONS))).toEqual(['error wrong-type : expected dictionary, got array']);
    // A command without a Command dictionary is wrong at Command itself.
    expect(brief(routeDocument({ CommandUUID: 'c' }, route, NO_OPTIONS))).toEqual(['error missing-required Command: the required key Command is missing']);
    expect(brief(routeDocument({ Command: [], CommandUUID: 'c' }, route, NO_OPTIONS))).toEqual(['error wrong-type Command: expected dictionary, got array']);
  });

  it('reports a declaration Payload that is no dictionary once, by the envelope', () => {
    const envelope: Validator = (v, o = NO_OPTIONS) => run((x, r, d) => {
      if (isDict(x) && !isDict(x['Payload'])) wrongType(r, d, 'Payload', 'dictionary', x['Payload']);
    }, v, o);
    const route = { key: 'Type', inside: 'Payload', envelope, routes: new Map([['com.example.d', mtu]]), what: 'declaration type' };
    expect(brief(routeDocument({ Type: 'com.example.d', Payload: [] }, route, NO_OPTIONS))).toEqual(['error wrong-type Payload: expected dictionary, got array']);
    expect(brief(routeDocument({ Type: 'com.example.d', Payload: { MTU: 'x' } }, route, NO_OPTIONS))).toEqual(['error wrong-type Payload.MTU: expected integer, got string "x"']);
  });

  it('makes a result from issues made elsewhere', () => {
    expect(result([])).toBe(VALID);
    expect(result([{ path: '', code: 'deprecated', severity: 'warning', message: 'm' }]).valid).toBe(true);
  });
});

describe('suggestions', () => {
  it('finds the one key a misspelt name most likely meant', async () => {
    const { closest, editDistance } = await import('../../generator/runtime/validator/index.js');
    expect(closest('allowAirdrop', ['allowAirDrop', 'allowAirPrint'])).toBe('allowAirDrop');
    expect(closest('com.apple.applicationacess', ['com.apple.applicationaccess', 'com.apple.applicationaccess.new'])).toBe('com.apple.applicationaccess');
    expect(closest('allowCamrea', ['allowCamera', 'allowChat'])).toBe('allowCamera');
    // Two equally close candidates: no guess between them; short names need an exact case-fold.
    expect(closest('allowB', ['allowA', 'allowC'])).toBeUndefined();
    expect(closest('MTV', ['MTU'])).toBeUndefined();
    expect(closest('PayloadEnabled', ['PayloadVersion', 'PayloadUUID'])).toBeUndefined();
    expect(editDistance('abcd', 'abdc', 2)).toBe(1);
    expect(editDistance('a'.repeat(50), 'b'.repeat(50), 2)).toBe(3);
  });
});

describe('the compact forms generated validators hold', () => {
  it('availabilityOf reads platforms in order, with each field', () => {
    expect(availabilityOf('iOS:7,macOS:10.9-12,watchOS!,tvOS:9~17,visionOS+,iPadOS')).toEqual({
      iOS: { introduced: '7' }, macOS: { introduced: '10.9', removed: '12' }, watchOS: { available: false },
      tvOS: { introduced: '9', availableThrough: '17' }, visionOS: { available: true }, iPadOS: {},
    });
    expect(Object.keys(availabilityOf('macOS:11,iOS:14'))).toEqual(['macOS', 'iOS']);
  });

  it('keyIndex numbers the names by position, the payload keys after them', () => {
    expect([...keyIndex(['A', 'B'])]).toEqual([['A', 0], ['B', 1]]);
    expect([...keyIndex(['A'], true)].map(([k, i]) => `${k}=${i}`).join(' ')).toBe('A=0 PayloadDescription=1 PayloadDisplayName=2 PayloadIdentifier=3 PayloadOrganization=4 PayloadType=5 PayloadUUID=6 PayloadVersion=7');
  });
});
