/**
 * The validators against the IR of spec/ they were generated from: `dmspec new`'s minimal profile
 * of every payload type passes, every dictionary such a profile can hold passes with each of its
 * keys set to the skeleton's value, and one wrong value per key and kind (test/helpers/mutations.ts)
 * is caught with its code at its path, through the path `dmspec validate` takes (`checkProfile`
 * with the package's registry). The counts are exact and every mutation not caught exactly is
 * listed with its reason, so a regression, or a fix, shows here. `MUTATION_REPORT=1` prints the
 * rates per kind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as registry from '@dmspec/apple';
import { toXmlPlist, type PlistValue } from '../../generator/runtime/plist/index.js';
import { checkProfile } from '../../generator/validate/check-profile.js';
import type { ValidatorModule } from '../../generator/validate/compile-validators.js';
import { newDocument } from '../../generator/new-command.js';
import { SkeletonIndex } from '../../generator/skeleton/skeleton.js';
import { dmspecIn } from '../helpers/cli.js';
import { contexts, MUTATION_KINDS, mutationsOf, type Mutation, type MutationKind, type Skip } from '../helpers/mutations.js';
import { specIr } from '../helpers/parsed.js';
import { tempDir } from '../helpers/temp.js';

const validators = registry as unknown as ValidatorModule;

/**
 * `com.apple.extensiblesso` is shared by ExtensibleSingleSignOn and ExtensibleSingleSignOnKerberos,
 * and the registry keeps both pages' findings: a payload of the first page (Microsoft Entra's
 * Redirect) gets Kerberos's errors, and a `Type` not allowed is reported by both pages.
 */
const SHARED_SSO = 'the registry judges com.apple.extensiblesso by both of its pages';

/** Dictionaries of a minimal profile that do not pass, each with why. */
const FALSE_FINDINGS: Record<string, string> = {
  'ExtensibleSingleSignOn: not-allowed PayloadContent[0].ExtensionIdentifier, missing-required PayloadContent[0].Realm, missing-required PayloadContent[0].TeamIdentifier': SHARED_SSO,
  'ExtensibleSingleSignOn.ExtensionData: not-allowed PayloadContent[0].ExtensionIdentifier, missing-required PayloadContent[0].Realm, missing-required PayloadContent[0].TeamIdentifier': SHARED_SSO,
  'ExtensibleSingleSignOn.PlatformSSO: not-allowed PayloadContent[0].ExtensionIdentifier, missing-required PayloadContent[0].Realm, missing-required PayloadContent[0].TeamIdentifier': SHARED_SSO,
  'ExtensibleSingleSignOn.PlatformSSO.AuthorizationGroups: not-allowed PayloadContent[0].ExtensionIdentifier, missing-required PayloadContent[0].Realm, missing-required PayloadContent[0].TeamIdentifier': SHARED_SSO,
  'ExtensibleSingleSignOn.PlatformSSO.TokenToUserMapping: not-allowed PayloadContent[0].ExtensionIdentifier, missing-required PayloadContent[0].Realm, missing-required PayloadContent[0].TeamIdentifier': SHARED_SSO,
  // Kerberos pins TeamIdentifier (Apple's), which the first page leaves to the extension's vendor.
  'ExtensibleSingleSignOn.TeamIdentifier = its skeleton value: not-allowed PayloadContent[0].TeamIdentifier': SHARED_SSO,
};

/** Mutations not caught exactly (`key what: what was found`), each with why. */
const NOT_CAUGHT: Record<string, string> = {
  'ExtensibleSingleSignOn.Type = "dmspec-not-allowed": ["not-allowed PayloadContent[0].Type","not-allowed PayloadContent[0].Type"]': SHARED_SSO,
  'ExtensibleSingleSignOnKerberos.Type = "dmspec-not-allowed": ["not-allowed PayloadContent[0].Type","not-allowed PayloadContent[0].Type"]': SHARED_SSO,
};

/** Mutations per kind: how many, how many caught with exactly their code at their path. */
const RATES: Record<MutationKind, { total: number; caught: number }> = {
  'wrong-type': { total: 1703, caught: 1703 },
  'wrong-item-type': { total: 263, caught: 263 },
  'allowed-values': { total: 227, caught: 225 },
  range: { total: 71, caught: 71 },
  'missing-required': { total: 220, caught: 220 },
  'placeholder-key': { total: 12, caught: 12 },
  'unknown-key': { total: 225, caught: 225 },
};

/** Keys left out of a kind, counted by reason. */
const SKIPS: Record<string, number> = {
  'allowed-values: its listed values are exceptions to its range': 9,
  'placeholder-key: it takes a value of any type': 10,
  'unknown-key: it takes any key': 21,
  'unknown-key: its page lists only some of its keys': 7,
};

type Found = ReadonlyArray<{ code: string; path: string; severity: string }>;
const seen = new WeakMap<object, Found>();

/** The findings `dmspec validate` gives a profile, once per profile object. */
function findings(profile: Record<string, unknown>): Found {
  let hit = seen.get(profile);
  if (!hit) {
    hit = checkProfile('mutation.mobileconfig', profile as PlistValue, validators).issues;
    seen.set(profile, hit);
  }
  return hit;
}

const id = (i: { code: string; path: string }): string => `${i.code} ${i.path}`;

/** What `mutated` adds to `control`, as `code path`, each as often as it is added. */
function added(m: Mutation): string[] {
  const before = new Map<string, number>();
  for (const i of findings(m.control)) before.set(id(i), (before.get(id(i)) ?? 0) + 1);
  const out: string[] = [];
  for (const i of findings(m.mutated)) {
    const n = before.get(id(i)) ?? 0;
    if (n > 0) before.set(id(i), n - 1);
    else out.push(id(i));
  }
  return out;
}

describe('mutations of the minimal profile of every payload type of spec/', () => {
  const skeletons = new SkeletonIndex(specIr());
  const rates = Object.fromEntries(MUTATION_KINDS.map((k) => [k, { total: 0, caught: 0 }])) as Record<MutationKind, { total: number; caught: number }>;
  const notCaught: string[] = [];
  const falseFindings = new Set<string>();
  const skips: Skip[] = [];
  const mutations: Mutation[] = [];

  beforeAll(() => {
    for (const c of contexts(specIr(), skeletons)) {
      const made = mutationsOf(c, skeletons);
      skips.push(...made.skips);
      mutations.push(...made.mutations);
      const errors = findings(c.profile).filter((i) => i.severity === 'error');
      if (errors.length) falseFindings.add(`${c.object.name}: ${errors.map(id).join(', ')}`);
      for (const m of made.mutations) {
        // The control holds the key with the skeleton's value: a valid profile too.
        const controlErrors = findings(m.control).filter((i) => i.severity === 'error' && !errors.some((e) => id(e) === id(i)));
        if (controlErrors.length) falseFindings.add(`${m.key} = its skeleton value: ${controlErrors.map(id).join(', ')}`);
        rates[m.kind].total++;
        const found = added(m);
        if (found.length === 1 && found[0] === `${m.code} ${m.path}`) rates[m.kind].caught++;
        else notCaught.push(`${m.key} ${m.what}: ${JSON.stringify(found)}`);
      }
    }
    if (process.env['MUTATION_REPORT']) {
      for (const k of MUTATION_KINDS) console.log(`${k}: ${rates[k].caught} of ${rates[k].total} (${((100 * rates[k].caught) / rates[k].total).toFixed(1)}%)`);
    }
  });

  it('passes the minimal profile of each payload type as dmspec new writes it (a deprecated payload or key warned of)', () => {
    const { payloadTypes } = skeletons.names();
    expect(payloadTypes.length).toBe(119);
    const issues = payloadTypes.flatMap((t) => findings(newDocument([t], skeletons).value).map((i) => `${t}: ${i.severity} ${i.code}`));
    expect(issues.filter((i) => !i.endsWith(': warning deprecated'))).toEqual([]);
    expect(issues.length).toBe(13);
  });

  it('passes every dictionary a minimal profile holds, with each of its keys given the skeleton\'s value', () => {
    expect([...falseFindings].sort()).toEqual(Object.keys(FALSE_FINDINGS).sort());
  });

  it('catches each wrong value with its code at its path', () => {
    expect(notCaught.sort()).toEqual(Object.keys(NOT_CAUGHT).sort());
    expect(rates).toEqual(RATES);
  });

  it('mutates every range of every dictionary a profile can hold, at both ends', () => {
    const byName = new Map(specIr().objects.map((o) => [o.name, o]));
    const reached = new Set(contexts(specIr(), skeletons).map((c) => c.object.name));
    const bounds = [...reached].flatMap((n) => skeletons.properties(byName.get(n)!).flatMap((p) => [p.minimum, p.maximum].filter((b) => b !== undefined)));
    expect(bounds.length).toBe(RATES.range.total);
    expect(mutations.filter((m) => m.kind === 'range').map((m) => m.code).sort()).toEqual([...Array(34).fill('above-maximum'), ...Array(37).fill('below-minimum')].sort());
  });

  it('leaves a key out of a kind only where it cannot be wrong in it', () => {
    const counted: Record<string, number> = {};
    for (const s of skips) counted[`${s.kind}: ${s.reason}`] = (counted[`${s.kind}: ${s.reason}`] ?? 0) + 1;
    expect(counted).toEqual(SKIPS);
  });

  it('passes dmspec validate with new\'s profile of several payload types, and fails a mutated one with exit 1 at its key', async () => {
    const dir = tempDir('mutation');
    const file = join(dir, 'new.mobileconfig');
    const types = ['com.apple.wifi.managed', 'com.apple.vpn.managed', 'com.apple.mobiledevice.passwordpolicy', 'com.apple.dock'];
    expect((await dmspecIn(['new', ...types, '--out', file])).code).toBe(0);
    const ok = await dmspecIn(['validate', '--no-config', file]);
    expect([ok.code, ok.stdout]).toEqual([0, '1 file, 4 payloads (4 checked, 0 not checked): 0 errors, 0 warnings\n']);
    const m = mutations.find((x) => x.key === 'WiFi.ProxyServerPort' && x.code === 'above-maximum')!;
    const bad = join(dir, 'mutated.mobileconfig');
    writeFileSync(bad, toXmlPlist(m.mutated as PlistValue));
    const r = await dmspecIn(['validate', '--no-config', bad]);
    expect(r.code).toBe(1);
    // `file[:line:col]: error above-maximum PayloadContent[0] (com.apple.wifi.managed) ProxyServerPort: …`
    const found = r.stdout.split('\n').filter((l) => l.startsWith(bad) && l.includes(' error ')).map((l) => /^(?::(\d+):\d+)?: error above-maximum .*\bProxyServerPort: integer 65536 is above the maximum 65535$/.exec(l.slice(bad.length)));
    expect(found.length, r.stdout).toBe(1);
    expect(found[0], r.stdout).not.toBeNull();
    // Where the reader places findings, the line is the key's (or its value's, the next line).
    const at = found[0]![1];
    if (at !== undefined) {
      const keyLine = readFileSync(bad, 'utf8').split('\n').findIndex((l) => l.includes('<key>ProxyServerPort</key>')) + 1;
      expect([keyLine, keyLine + 1]).toContain(Number(at));
    }
  });
});
