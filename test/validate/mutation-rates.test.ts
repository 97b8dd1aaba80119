/**
 * The validators against the IR of spec/ they were generated from: `dmspec new`'s minimal profile
 * of every payload type passes, every dictionary such a profile can hold passes with each of its
 * keys set to the skeleton's value (with what that value makes required), and one wrong value per key and kind (test/helpers/mutations.ts)
 * is caught with its code at its path, through the path `dmspec validate` takes (`checkProfile`
 * with the package's registry). The counts are exact and every mutation not caught exactly is
 * listed with its reason, so a regression, or a fix, shows here. `MUTATION_REPORT=1` prints the
 * rates per kind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as registry from '@dmspec/apple';
import { toXmlPlist, type PlistValue } from '../../generator/runtime/plist/index.js';
import { checkDocument } from '../../generator/validate/check-document.js';
import { checkProfile } from '../../generator/validate/check-profile.js';
import type { ValidatorModule } from '../../generator/validate/compile-validators.js';
import { newDocument } from '../../generator/new-command.js';
import { SkeletonIndex } from '../../generator/skeleton/skeleton.js';
import { dmspecIn } from '../helpers/cli.js';
import { contexts, MUTATION_KINDS, mutationsOf, DOCUMENT_KINDS, type Context, type DocumentKind, type Mutation, type MutationKind } from '../helpers/mutations.js';
import { specIr } from '../helpers/parsed.js';
import { tempDir } from '../helpers/temp.js';

const validators = registry as unknown as ValidatorModule;

/** Findings or misses of one kind: the exact text (or a pattern and how many match it), and why. */
interface Known {
  match: string | RegExp;
  count?: number;
  why: string;
}

interface Expected {
  /** Mutations per kind: how many, how many caught with exactly their code at their path. */
  rates: Partial<Record<MutationKind, { total: number; caught: number }>>;
  /** Mutations not caught exactly (`key what: what was found`). */
  notCaught: Known[];
  /** Dictionaries of a minimal document with an error (`object: findings`), keys whose skeleton value is one. */
  falseFindings: Known[];
  /** Keys left out of a kind, counted by reason. */
  skips: Record<string, number>;
}

const ROUTES = 'it chooses the document\'s validator';
const STATED = 'its condition is stated, not judged';

const EXPECTED: Record<DocumentKind, Expected> = {
  profile: {
    rates: {
      'wrong-type': { total: 1703, caught: 1703 },
      'wrong-item-type': { total: 263, caught: 263 },
      'allowed-values': { total: 227, caught: 227 },
      range: { total: 71, caught: 71 },
      'missing-required': { total: 220, caught: 220 },
      'required-when': { total: 9, caught: 9 },
      'placeholder-key': { total: 12, caught: 12 },
      'unknown-key': { total: 225, caught: 225 },
    },
    // A payload type several pages share (com.apple.extensiblesso) is judged against the page it
    // matches best: the general SSO page's skeleton passes, and a `Type` not allowed is reported once.
    notCaught: [],
    falseFindings: [],
    skips: {
      'allowed-values: its listed values are exceptions to its range': 9,
      'placeholder-key: it takes a value of any type': 10,
      // WebContentFilter's provider keys and URLFilterParameters: FilterSockets, FilterPackets and FilterURLs count "when FilterType is Plugin".
      [`required-when: ${STATED}`]: 5,
      // VPN.DNS ServerName and ServerURL: the page lists them on fewer platforms than VPN.
      'required-when: it is required only on some platforms, or enrollments': 2,
      'unknown-key: it takes any key': 21,
      'unknown-key: its page lists only some of its keys': 7,
    },
  },
  declaration: {
    rates: {
      'wrong-type': { total: 846, caught: 846 },
      'wrong-item-type': { total: 108, caught: 108 },
      'allowed-values': { total: 109, caught: 109 },
      range: { total: 28, caught: 28 },
      'missing-required': { total: 167, caught: 167 },
      'required-when': { total: 17, caught: 17 },
      'placeholder-key': { total: 7, caught: 7 },
      'unknown-key': { total: 209, caught: 209 },
    },
    // A Payload that is no dictionary is reported once, by the envelope's validator.
    notCaught: [],
    falseFindings: [],
    // ContentCaching's ManagementStatusCertificateReference: ManagementSecurityConfig counts "if the ManagementStatusTarget is an https URL".
    skips: { [`wrong-type: ${ROUTES}`]: 1, [`missing-required: ${ROUTES}`]: 1, [`required-when: ${STATED}`]: 1, 'unknown-key: it takes any key': 7 },
  },
  'check-in': {
    rates: {
      'wrong-type': { total: 55, caught: 55 }, // with the UDID the bootstrap-token check-ins carry (erratum)
      'allowed-values': { total: 1, caught: 1 },
      'missing-required': { total: 9, caught: 9 },
      'unknown-key': { total: 10, caught: 10 },
    },
    notCaught: [],
    falseFindings: [],
    skips: { [`wrong-type: ${ROUTES}`]: 9, [`missing-required: ${ROUTES}`]: 9 },
  },
  command: {
    rates: {
      'wrong-type': { total: 444, caught: 444 },
      'wrong-item-type': { total: 19, caught: 19 },
      'allowed-values': { total: 37, caught: 37 },
      range: { total: 3, caught: 3 },
      'missing-required': { total: 208, caught: 208 },
      'unknown-key': { total: 166, caught: 166 },
    },
    // A command whose Command is missing or no dictionary is reported at Command itself.
    notCaught: [],
    falseFindings: [],
    skips: {
      [`wrong-type: ${ROUTES}`]: 67, [`missing-required: ${ROUTES}`]: 67,
      'allowed-values: its listed values are exceptions to its range': 2,
      'placeholder-key: it takes a value of any type': 4,
      // DeleteUser's UserName: DeleteAllUsers' description names ForceDeletion.
      [`required-when: ${STATED}`]: 1,
      'unknown-key: it takes any key': 4,
    },
  },
};

/**
 * Keys with a range that no document `dmspec validate` reads holds: a command's response (device
 * traffic, judged by `validateCommandResponse`), and the requests of Apple's device-assignment and
 * roster web services.
 */
const RANGES_ELSEWHERE = [
  'ContentCachingInformationResponse.StatusResponse.DataMigrationProgress',
  'ContentCachingInformationResponse.StatusResponse.MaxCachePressureLast1Hour',
  'FetchDeviceRequest.limit',
  'RosterRequest.limit',
  'SyncDeviceRequest.limit',
];

/** `found` against `known`: each entry of `found` that none explains, and how many each explains. */
function explain(found: readonly string[], known: readonly Known[]): { unexplained: string[]; counts: number[] } {
  const counts = known.map(() => 0);
  const unexplained: string[] = [];
  for (const f of found) {
    const i = known.findIndex((k) => (typeof k.match === 'string' ? k.match === f : k.match.test(f)));
    if (i === -1) unexplained.push(f);
    else counts[i]!++;
  }
  return { unexplained, counts };
}

type Found = ReadonlyArray<{ code: string; path: string; severity: string }>;
const seen = new WeakMap<object, Found>();

/** The findings `dmspec validate` gives a document of `c`'s kind, once per document object. */
function findings(c: Context, root: Record<string, unknown>): Found {
  let hit = seen.get(root);
  if (!hit) {
    hit = c.document === 'profile'
      ? checkProfile('mutation.mobileconfig', root as PlistValue, validators).issues
      : checkDocument('mutation', c.document, c.type, root, validators, {}).issues;
    seen.set(root, hit);
  }
  return hit;
}

const id = (i: { code: string; path: string }): string => `${i.code} ${i.path}`;

/** What `m.mutated` adds to `m.control`, as `code path`, each as often as it is added. */
function added(c: Context, m: Mutation): string[] {
  const before = new Map<string, number>();
  for (const i of findings(c, m.control)) before.set(id(i), (before.get(id(i)) ?? 0) + 1);
  const out: string[] = [];
  for (const i of findings(c, m.mutated)) {
    const n = before.get(id(i)) ?? 0;
    if (n > 0) before.set(id(i), n - 1);
    else out.push(id(i));
  }
  return out;
}

interface Outcome {
  contexts: Context[];
  rates: Record<MutationKind, { total: number; caught: number }>;
  /** `key what: what was found` of each mutation not caught exactly. */
  notCaught: string[];
  /** Dictionaries of a minimal document with an error, and keys whose skeleton value is one. */
  falseFindings: string[];
  /** Keys left out of a kind, counted by reason. */
  skips: Record<string, number>;
  mutations: Mutation[];
}

const outcomes = new Map<DocumentKind, Outcome>();
const skeletons = new SkeletonIndex(specIr());

/** Every mutation of every dictionary of the minimal documents of one kind, judged: run once per kind. */
function outcome(document: DocumentKind): Outcome {
  const hit = outcomes.get(document);
  if (hit) return hit;
  const o: Outcome = { contexts: contexts(specIr(), document, skeletons), rates: Object.fromEntries(MUTATION_KINDS.map((k) => [k, { total: 0, caught: 0 }])) as Outcome['rates'], notCaught: [], falseFindings: [], skips: {}, mutations: [] };
  const falseFindings = new Set<string>();
  for (const c of o.contexts) {
    const made = mutationsOf(c, skeletons);
    for (const s of made.skips) o.skips[`${s.kind}: ${s.reason}`] = (o.skips[`${s.kind}: ${s.reason}`] ?? 0) + 1;
    o.mutations.push(...made.mutations);
    const errors = findings(c, c.root).filter((i) => i.severity === 'error');
    if (errors.length) falseFindings.add(`${c.object.name}: ${errors.map(id).join(', ')}`);
    for (const m of made.mutations) {
      // The control holds the key with the skeleton's value: a valid document too.
      const controlErrors = findings(c, m.control).filter((i) => i.severity === 'error' && !errors.some((e) => id(e) === id(i)));
      if (controlErrors.length) falseFindings.add(`${m.key} = its skeleton value: ${controlErrors.map(id).join(', ')}`);
      o.rates[m.kind].total++;
      const found = added(c, m);
      if (found.length === 1 && found[0] === `${m.code} ${m.path}`) o.rates[m.kind].caught++;
      else o.notCaught.push(`${m.key} ${m.what}: ${JSON.stringify(found)}`);
    }
  }
  o.falseFindings = [...falseFindings].sort();
  o.notCaught.sort();
  if (process.env['MUTATION_REPORT']) {
    for (const k of MUTATION_KINDS) if (o.rates[k].total) console.log(`${document} ${k}: ${o.rates[k].caught} of ${o.rates[k].total} (${((100 * o.rates[k].caught) / o.rates[k].total).toFixed(1)}%)`);
    console.log(JSON.stringify({ notCaught: o.notCaught, falseFindings: o.falseFindings, skips: o.skips }, null, 1));
  }
  outcomes.set(document, o);
  return o;
}

describe.each(DOCUMENT_KINDS)('mutations of the minimal %s of every type of spec/', (document) => {
  const expected = EXPECTED[document];

  it('passes every dictionary a minimal document holds, with each of its keys given the skeleton\'s value', () => {
    const { unexplained, counts } = explain(outcome(document).falseFindings, expected.falseFindings);
    expect(unexplained).toEqual([]);
    expect(counts).toEqual(expected.falseFindings.map((k) => k.count ?? 1));
  });

  it('catches each wrong value with its code at its path', () => {
    const o = outcome(document);
    const { unexplained, counts } = explain(o.notCaught, expected.notCaught);
    expect(unexplained).toEqual([]);
    expect(counts).toEqual(expected.notCaught.map((k) => k.count ?? 1));
    expect(Object.fromEntries(Object.entries(o.rates).filter(([, r]) => r.total > 0))).toEqual(expected.rates);
  });

  it('mutates every range of every dictionary it can hold, at both ends', () => {
    const o = outcome(document);
    const bounds = o.contexts.flatMap((c) => skeletons.properties(c.object).flatMap((p) => [p.minimum, p.maximum].filter((b) => b !== undefined)));
    expect(bounds.length).toBe(expected.rates.range?.total ?? 0);
    expect(o.mutations.filter((m) => m.kind === 'range').length).toBe(bounds.length);
  });

  it('leaves a key out of a kind only where it cannot be wrong in it', () => {
    expect(outcome(document).skips).toEqual(expected.skips);
  });
});

describe('the minimal documents of spec/ and its ranges', () => {
  it('passes the minimal profile of each payload type as dmspec new writes it (a deprecated payload or key warned of)', () => {
    const { payloadTypes } = skeletons.names();
    expect(payloadTypes.length).toBe(119);
    const c = outcome('profile').contexts[0]!;
    const issues = payloadTypes.flatMap((t) => findings(c, newDocument([t], skeletons).value).map((i) => `${t}: ${i.severity} ${i.code}`));
    expect(issues.filter((i) => !i.endsWith(': warning deprecated'))).toEqual([]);
    expect(issues.length).toBe(13);
  });

  it('starts from a document of every payload, declaration, request and check-in message type', () => {
    const types = (d: DocumentKind): number => new Set(outcome(d).contexts.map((c) => c.type)).size;
    // The profiles' types include the top level's `Configuration`.
    expect(DOCUMENT_KINDS.map(types)).toEqual([120, 58, 67, 9]);
  });

  it('mutates every range the IR states but for keys of no document dmspec validate reads', () => {
    const reached = new Set(DOCUMENT_KINDS.flatMap((d) => outcome(d).contexts.map((c) => c.object.name)));
    const ranged = specIr().objects.flatMap((o) => o.properties.filter((p) => p.minimum !== undefined || p.maximum !== undefined).map((p) => ({ object: o.name, key: `${o.name}.${p.name}` })));
    expect(ranged.length).toBe(61);
    expect(ranged.filter((r) => !reached.has(r.object)).map((r) => r.key)).toEqual(RANGES_ELSEWHERE);
  });

  it('mutates every judged condition on another key\'s value but for keys of no document dmspec validate reads', () => {
    const mutated = new Set(DOCUMENT_KINDS.flatMap((d) => outcome(d).mutations.filter((m) => m.kind === 'required-when').map((m) => m.key)));
    const judged = specIr().objects.flatMap((o) => o.properties.filter((p) => p.requiredWhen?.length && p.requiredWhen.every((c) => c.kind === 'key' && c.unjudged === undefined)).map((p) => `${o.name}.${p.name}`));
    expect(judged.length).toBe(30);
    // The asset keys of an app manifest (InstallApplication's ManifestURL), which no profile, declaration or command holds.
    expect(judged.filter((k) => !mutated.has(k))).toEqual(['ManifestURL.ItemsItem.AssetsItem.md5-size', 'ManifestURL.ItemsItem.AssetsItem.md5s', 'ManifestURL.ItemsItem.AssetsItem.sha256-size', 'ManifestURL.ItemsItem.AssetsItem.sha256s']);
  });

  it('passes dmspec validate with new\'s profile of several payload types, and fails a mutated one with exit 1 at its key\'s line and column', async () => {
    const dir = tempDir('mutation');
    const file = join(dir, 'new.mobileconfig');
    const types = ['com.apple.wifi.managed', 'com.apple.vpn.managed', 'com.apple.mobiledevice.passwordpolicy', 'com.apple.dock'];
    expect((await dmspecIn(['new', ...types, '--out', file])).code).toBe(0);
    const ok = await dmspecIn(['validate', '--no-config', file]);
    expect([ok.code, ok.stdout]).toEqual([0, '1 file, 4 payloads (4 checked, 0 not checked): 0 errors, 0 warnings\n']);
    const m = outcome('profile').mutations.find((x) => x.key === 'WiFi.ProxyServerPort' && x.code === 'above-maximum')!;
    const bad = join(dir, 'mutated.mobileconfig');
    writeFileSync(bad, toXmlPlist(m.mutated as PlistValue));
    const r = await dmspecIn(['validate', '--no-config', bad]);
    expect(r.code).toBe(1);
    // `file:line:col: error above-maximum PayloadContent[0] (com.apple.wifi.managed) ProxyServerPort: …`, placed at the key.
    const lines = readFileSync(bad, 'utf8').split('\n');
    const keyLine = lines.findIndex((l) => l.includes('<key>ProxyServerPort</key>'));
    const errors = r.stdout.split('\n').filter((l) => l.includes(' error '));
    expect(errors).toEqual([`${bad}:${keyLine + 1}:${lines[keyLine]!.indexOf('<key>') + 1}: error above-maximum PayloadContent[0] (com.apple.wifi.managed) ProxyServerPort: integer 65536 is above the maximum 65535`]);
  });
});

