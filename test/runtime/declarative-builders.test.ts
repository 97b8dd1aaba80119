/**
 * The package's declarative builders, as a server uses them from `@dmspec/apple`:
 * `createDeclaration` typed by `Type`, a set builder that names identifiers and server tokens
 * deterministically and refuses a set the device would refuse, and `checkDeclarationSet`. Sets
 * are built from the pages' own examples. The `@ts-expect-error` lines are checked by `npm test`'s
 * type check: each is a mistake the types must catch.
 */
import { describe, expect, it } from 'vitest';
import { checkDeclarationSet, createDeclaration, createDeclarationSet, DeclarationSetError, validateDeclaration, type DeclarationTypeMap } from '@dmspec/apple';
import { example } from '../helpers/declaration-examples.js';

const payloadOf = <K extends keyof DeclarationTypeMap>(_type: K, page: string): DeclarationTypeMap[K] => example(page, 'x').Payload as unknown as DeclarationTypeMap[K];
const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

describe('createDeclaration', () => {
  it('gives a declaration of the type, valid, with a name-based Identifier and ServerToken', () => {
    const d = createDeclaration('com.apple.configuration.account.caldav', { HostName: 'calendar.example.com', Port: 8443 });
    expect(d.Type).toBe('com.apple.configuration.account.caldav');
    expect(d.Identifier).toMatch(UUID);
    expect(d.ServerToken).toMatch(UUID);
    expect(d.Payload.HostName).toBe('calendar.example.com');
    expect(validateDeclaration(d).issues).toEqual([]);
  });

  it('is deterministic: the same keys in any order give the same values; a changed value a new token', () => {
    const a = createDeclaration('com.apple.configuration.account.caldav', { HostName: 'h', Port: 1 });
    const b = createDeclaration('com.apple.configuration.account.caldav', { Port: 1, HostName: 'h' });
    expect(b).toEqual(a);
    const seeded = createDeclaration('com.apple.configuration.account.caldav', { HostName: 'h', Port: 2 }, { seed: 'work-calendar' });
    const again = createDeclaration('com.apple.configuration.account.caldav', { HostName: 'h', Port: 3 }, { seed: 'work-calendar' });
    expect(again.Identifier).toBe(seeded.Identifier);
    expect(again.ServerToken).not.toBe(seeded.ServerToken);
  });

  it('keeps the Identifier and ServerToken it is given', () => {
    const d = createDeclaration('com.apple.configuration.passcode.settings', {}, { Identifier: 'passcode', ServerToken: 'v1' });
    expect([d.Identifier, d.ServerToken]).toEqual(['passcode', 'v1']);
  });

  it('takes no payload for a type none of whose keys is required, and needs one otherwise (types)', () => {
    expect(createDeclaration('com.apple.configuration.passcode.settings').Payload).toEqual({});
    // @ts-expect-error HostName is required by the CalDAV page
    expect(() => createDeclaration('com.apple.configuration.account.caldav')).not.toThrow();
    // @ts-expect-error Port is an integer on its page
    createDeclaration('com.apple.configuration.account.caldav', { HostName: 'h', Port: '8443' });
    // @ts-expect-error a type the spec does not define
    createDeclaration('com.apple.configuration.nothing', {});
  });

  it('refuses what cannot be a declaration\'s JSON with a TypeError, and leaves __proto__ a key', () => {
    const cyclic: Record<string, unknown> = { HostName: 'h' };
    cyclic['Self'] = cyclic;
    expect(() => createDeclaration('com.apple.configuration.account.caldav', cyclic as never)).toThrow(TypeError);
    expect(() => createDeclaration('com.apple.configuration.account.caldav', { HostName: 'h', Port: Number.NaN })).toThrow(/NaN/);
    expect(() => createDeclaration('com.apple.configuration.account.caldav', { HostName: 'h', When: new Date(0) } as never)).toThrow(/Date/);
    expect(() => createDeclaration('' as 'com.apple.configuration.passcode.settings')).toThrow(TypeError);
    const payload = JSON.parse('{ "HostName": "h", "__proto__": { "polluted": true } }') as DeclarationTypeMap['com.apple.configuration.account.caldav'];
    const d = createDeclaration('com.apple.configuration.account.caldav', payload);
    expect(Object.getPrototypeOf(d.Payload)).toBe(Object.prototype);
    expect(Object.keys(d.Payload)).toEqual(['HostName', '__proto__']);
  });
});

/** A set of the pages' examples: a CalDAV account with its credentials, status subscriptions, and their activation. */
function buildRealSet(seed = 'com.example.fleet') {
  const set = createDeclarationSet({ seed });
  const credentials = set.add('com.apple.asset.credential.userpassword', payloadOf('com.apple.asset.credential.userpassword', 'AssetCredentialUserNameAndPassword'));
  const cal = set.add('com.apple.configuration.account.caldav', { ...payloadOf('com.apple.configuration.account.caldav', 'AccountCalDAV'), AuthenticationCredentialsAssetReference: credentials.Identifier });
  const subscriptions = set.add('com.apple.configuration.management.status-subscriptions', payloadOf('com.apple.configuration.management.status-subscriptions', 'ManagementStatusSubscriptions'));
  set.add('com.apple.activation.simple', { StandardConfigurations: [cal.Identifier, subscriptions.Identifier], Predicate: '@status(device.model.family) == "iPad"' });
  return set;
}

describe('createDeclarationSet', () => {
  it('builds a set of the pages\' examples that dmspec\'s checks pass, each declaration valid', () => {
    const { declarations, warnings } = buildRealSet().build();
    expect(warnings).toEqual([]);
    expect(declarations.map((d) => d.Type)).toEqual(['com.apple.asset.credential.userpassword', 'com.apple.configuration.account.caldav', 'com.apple.configuration.management.status-subscriptions', 'com.apple.activation.simple']);
    expect(declarations.flatMap((d) => validateDeclaration(d).issues.filter((i) => i.severity === 'error'))).toEqual([]);
    expect(checkDeclarationSet(declarations)).toEqual([]);
    expect(new Set(declarations.map((d) => d.Identifier)).size).toBe(4);
  });

  it('names the same identifiers and tokens when built again, others under another seed', () => {
    const ids = (seed?: string) => buildRealSet(seed).build().declarations.map((d) => [d.Identifier, d.ServerToken]);
    expect(ids()).toEqual(ids());
    expect(ids('com.example.other').map(([id]) => id)).not.toEqual(ids().map(([id]) => id));
  });

  it('counts declarations of one type: the second gets its own identifier', () => {
    const set = createDeclarationSet({ seed: 's' });
    const a = set.add('com.apple.configuration.passcode.settings', { MinimumLength: 6 });
    const b = set.add('com.apple.configuration.passcode.settings', { MinimumLength: 6 });
    expect(a.Identifier).not.toBe(b.Identifier);
    expect(set.declarations).toHaveLength(2);
  });

  it('refuses a dangling reference with one typed finding, and says which', () => {
    const set = createDeclarationSet({ seed: 's' });
    set.add('com.apple.configuration.account.caldav', { HostName: 'h', AuthenticationCredentialsAssetReference: 'missing' });
    set.add('com.apple.activation.simple', { StandardConfigurations: [set.declarations[0]!.Identifier, 'nowhere'] });
    let caught: unknown;
    try {
      set.build();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DeclarationSetError);
    const findings = (caught as DeclarationSetError).findings.map((f) => [f.index, f.path, f.code]);
    expect(findings).toEqual([
      [0, 'Payload.AuthenticationCredentialsAssetReference', 'dangling-declaration-reference'],
      [1, 'Payload.StandardConfigurations[1]', 'dangling-declaration-reference'],
    ]);
    expect((caught as Error).message).toContain('Error.MissingAssets');
  });

  it('refuses a duplicate identifier and a predicate that does not parse, at its offset', () => {
    const set = createDeclarationSet({ seed: 's' });
    const p = set.add('com.apple.configuration.passcode.settings', {}, { Identifier: 'p' });
    set.add('com.apple.configuration.passcode.settings', { MinimumLength: 4 }, { Identifier: 'p' });
    set.add('com.apple.activation.simple', { StandardConfigurations: [p.Identifier], Predicate: 'TRUEPREDICATE AND' });
    const e = (() => { try { set.build(); } catch (x) { return x as DeclarationSetError; } return undefined; })();
    expect(e?.findings.map((f) => [f.index, f.code, f.offset])).toEqual([[1, 'duplicate-declaration', undefined], [2, 'predicate-syntax', 'TRUEPREDICATE AND'.length]]);
  });

  it('returns warnings it does not refuse for: a configuration nothing activates, an unknown status item', () => {
    const set = createDeclarationSet({ seed: 's' });
    set.add('com.apple.configuration.passcode.settings', {});
    set.add('com.apple.configuration.management.status-subscriptions', { StatusItems: [{ Name: 'device.model.flavour' }] });
    set.add('com.apple.activation.simple', { StandardConfigurations: [set.declarations[1]!.Identifier] });
    const { warnings } = set.build();
    expect(warnings.map((f) => [f.index, f.path, f.code, f.severity])).toEqual([
      [1, 'Payload.StatusItems[0].Name', 'unknown-status-item', 'warning'],
      [0, 'Identifier', 'not-activated', 'warning'],
    ]);
  });

  it('needs a seed', () => {
    expect(() => createDeclarationSet({ seed: '' })).toThrow(TypeError);
    // @ts-expect-error the seed is required
    expect(() => createDeclarationSet({})).toThrow(/seed/);
  });
});
