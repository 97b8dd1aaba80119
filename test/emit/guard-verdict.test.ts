/**
 * `is<Name>` is its own pure code (no run, no findings), so its verdict is proven equal to
 * `validate<Name>(v).valid` rather than shared with it: fast-check takes the payloads of the
 * pages' examples and of the real profiles, and values built from each object's own keys, mutates
 * them (keys deleted, values of every plist type set at any depth, the object's keys given values
 * of about their own types: allowed values, numbers at and past a range's ends, plist reals) and compares the two on the checked-in package, with and
 * without options. Run longer: `FUZZ_RUNS=20000 FUZZ_SEED=$RANDOM npx vitest run test/emit/guard-verdict.test.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as V from '@dmspec/apple/validators';
import { buildEmitModel, allProperties } from '../../generator/emit/emit-model.js';
import type { IrDocument, IrProperty, IrType } from '../../generator/model/ir.js';
import { parsePlist, plistReal } from '../../generator/runtime/plist/index.js';
import { ROOT } from '../helpers/cli.js';
import { PROFILES, profileFiles } from '../helpers/corpus.js';
import { examplePayloads } from '../helpers/example-payloads.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 400);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203);

type Fn = (value: unknown, options?: V.ValidateOptions) => unknown;
const exported = V as unknown as Record<string, Fn>;
const ir = JSON.parse(readFileSync(join(ROOT, 'generated/ir.json'), 'utf8')) as IrDocument;
const model = buildEmitModel(ir);
const objects = model.objects.map((e) => ({ ident: e.ident, keys: allProperties(e).map((p) => p.name), validate: exported[`validate${e.ident}`]!, is: exported[`is${e.ident}`]! }));
const byIdent = new Map(objects.map((o) => [o.ident, o]));
const verdict = (ident: string, v: unknown, o?: V.ValidateOptions): [boolean, boolean] => {
  const x = byIdent.get(ident)!;
  return [x.is(v, o) as boolean, (x.validate(v, o) as V.ValidationResult).valid];
};

/** The examples' payloads, and each payload of the real profiles whose type one object defines. */
function corpusPayloads(): Array<{ ident: string; value: Record<string, unknown> }> {
  const { valid, invalid } = examplePayloads(ir, model, (ident, v) => verdict(ident, v)[1]);
  const out = [...valid, ...invalid].map(({ ident, value }) => ({ ident, value }));
  const byType = new Map<string, string[]>();
  for (const e of model.objects) if (e.ir.payloadType) byType.set(e.ir.payloadType, [...(byType.get(e.ir.payloadType) ?? []), e.ident]);
  for (const file of existsSync(PROFILES) ? profileFiles(PROFILES) : []) {
    let root: unknown;
    try {
      root = parsePlist(readFileSync(file)).value;
    } catch {
      continue; // signed: the other tests read those
    }
    const content = (root as { PayloadContent?: unknown }).PayloadContent;
    for (const p of Array.isArray(content) ? content : []) {
      const idents = byType.get((p as { PayloadType?: string }).PayloadType ?? '');
      if (idents?.length === 1) out.push({ ident: idents[0]!, value: p as Record<string, unknown> });
    }
  }
  return out;
}

const payloads = corpusPayloads();
const keyNames = [...new Set(objects.flatMap((o) => o.keys))].sort();

/** A value of any type the validators tell apart, with numbers where ranges and lists bite. */
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'com.apple.wifi.managed', 'Configuration', 'true', '1'),
  fc.integer({ min: -3, max: 70000 }),
  fc.constantFrom(0, 1, -1, 2 ** 31, 2 ** 53, 0.5, Number.NaN, Infinity),
  fc.double(),
  fc.boolean(),
  fc.integer().map((n) => plistReal(n)),
  // A dictionary that looks like a real: a dictionary.
  fc.integer().map((n) => ({ plistReal: n })),
  fc.constant(new Date(0)),
  fc.constant(new Uint8Array([1, 2])),
  fc.constant(null),
  fc.constant(undefined),
);
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...keyNames.slice(0, 400), 'Unknown', '__proto__'), tie('value'), { maxKeys: 3 }).map((d) => Object.fromEntries(Object.entries(d)))),
})).value;

/** `key` a name, or an index into the dictionary's own keys and its object's listed keys (so most mutations hit a key the object checks). */
type Mutation = { path: number[]; op: 'delete' | 'set' | 'typed'; key: string | number; value: unknown; pick: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(), { maxLength: 3 }),
  op: fc.constantFrom('delete' as const, 'set' as const, 'typed' as const, 'typed' as const),
  pick: fc.nat(),
  key: fc.oneof({ weight: 3, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constantFrom(...keyNames) }, { weight: 1, arbitrary: fc.constantFrom('Unknown', 'constructor', 'toString') }),
  value: anyValue,
});

/**
 * A value of `t` chosen by `pick`: an allowed value, a number at or just past a range's ends, a
 * plist real, an object of a referenced dictionary with its required keys; often valid, often just not.
 */
function plausible(t: IrType, p: Pick<IrProperty, 'allowedValues' | 'minimum' | 'maximum'>, pick: number, depth: number): unknown {
  const allowed = p.allowedValues ?? [];
  if (allowed.length && pick % 4 !== 3 && t.kind !== 'array') return allowed[pick % allowed.length];
  const edges = [p.minimum, p.maximum, p.minimum === undefined ? undefined : p.minimum - 1, p.maximum === undefined ? undefined : p.maximum + 1].filter((n): n is number => n !== undefined);
  switch (t.kind) {
    case 'string':
      return ['', 'x', 'com.example.payload', 'On'][pick % 4];
    case 'integer':
      return [...edges, 0, 1, 2.5][pick % (edges.length + 3)];
    case 'real':
      return pick % 2 ? plistReal([...edges, 0.5][pick % (edges.length + 1)]!) : [...edges, 1.5][pick % (edges.length + 1)];
    case 'boolean':
      return pick % 5 === 4 ? 1 : pick % 2 === 0;
    case 'date':
      return pick % 5 === 4 ? '2026-01-01T00:00:00Z' : new Date(pick);
    case 'data':
      return pick % 5 === 4 ? 'AQI=' : new Uint8Array([pick % 256]);
    case 'dictionary':
    case 'any':
      return pick % 5 === 4 ? [] : {};
    case 'array':
      return pick % 5 === 4 ? plausible(t.items, p, pick >> 3, depth) : Array.from({ length: pick % 3 }, (_, i) => plausible(t.items, p, pick + i * 7, depth));
    case 'ref': {
      const target = model.byName.get(t.name);
      if (!target || depth > 2) return {};
      // Its required keys, each plausible: most such objects pass, some do not.
      return Object.fromEntries(allProperties(target).filter((q) => q.required || pick % 3 === 0).map((q, i) => [q.name, plausible(q.type, q, pick + i * 13, depth + 1)]));
    }
    default:
      return undefined;
  }
}

/** A deep copy with the mutations applied: each walks `path` (child by index, as far as containers go) and deletes or sets there. */
function mutated(value: unknown, mutations: readonly Mutation[], ident: string): unknown {
  const props = allProperties(model.objects.find((e) => e.ident === ident)!);
  const listed = props.map((p) => p.name);
  const copy = structuredClone(value);
  for (const m of mutations) {
    if (m.op === 'typed') {
      // A key the object lists, at the top, given a value of (about) its own type.
      const p = props[m.pick % props.length];
      if (p && copy !== null && typeof copy === 'object') (copy as Record<string, unknown>)[p.name] = plausible(p.type, p, typeof m.key === 'number' ? m.key : m.pick, 0);
      continue;
    }
    let at: unknown = copy;
    for (const step of m.path) {
      const children = Array.isArray(at) ? at : at !== null && typeof at === 'object' && !(at instanceof Date) && !(at instanceof Uint8Array) ? Object.values(at) : [];
      const next = children.length ? children[step % children.length] : undefined;
      if (next === null || typeof next !== 'object' || next instanceof Date || next instanceof Uint8Array) break;
      at = next;
    }
    if (Array.isArray(at)) {
      if (m.op === 'delete') at.splice(m.path.length % (at.length || 1), 1);
      else at[at.length ? m.path.length % at.length : 0] = m.value;
    } else if (at !== null && typeof at === 'object') {
      const dict = at as Record<string, unknown>;
      const keys = Object.keys(dict);
      if (m.op === 'delete' && keys.length) delete dict[keys[(typeof m.key === 'number' ? m.key : 0) % keys.length]!];
      const pool = [...keys, ...listed];
      const key = typeof m.key === 'number' ? (pool.length ? pool[m.key % pool.length]! : 'Key') : m.key;
      if (m.op === 'set') Object.defineProperty(dict, key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return copy;
}

const OPTIONS: ReadonlyArray<V.ValidateOptions | undefined> = [undefined, undefined, {}, { strict: true }, { platform: 'iOS' }, { platform: 'macOS', osVersion: '10.9' }, { supervised: false }, { enrollment: 'user' }];

describe('is<Name> and validate<Name> agree', () => {
  it('has payloads to start from (the pages\' examples, the real profiles)', () => {
    expect(payloads.length).toBeGreaterThan(100);
  });

  it('on every corpus payload as it is', () => {
    for (const p of payloads) {
      const [is, valid] = verdict(p.ident, p.value);
      expect(is, p.ident).toBe(valid);
    }
  });

  it('on corpus payloads mutated at any depth, with and without options', () => {
    const stat = { valid: 0, runs: 0 };
    fc.assert(fc.property(fc.nat(payloads.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom(...OPTIONS), (i, ms, o) => {
      const p = payloads[i]!;
      const v = mutated(p.value, ms, p.ident);
      const [is, valid] = verdict(p.ident, v, o);
      if (valid) stat.valid++;
      stat.runs++;
      expect(is, `${p.ident} ${JSON.stringify(o)}`).toBe(valid);
    }), { numRuns: RUNS, seed: SEED });
    // Both verdicts are exercised: a property that saw only invalid values would prove little.
    expect(stat.valid).toBeGreaterThan(RUNS / 5);
    expect(stat.runs - stat.valid).toBeGreaterThan(RUNS / 5);
  });

  it('on values built from each object\'s own keys, for every object', () => {
    const objectValue = fc.nat(objects.length - 1).chain((i) => {
      const o = objects[i]!;
      const keys = o.keys.length ? fc.constantFrom(...o.keys) : fc.constant('Key');
      return fc.tuple(fc.constant(o.ident), fc.dictionary(keys, anyValue, { maxKeys: 8 }).map((d) => Object.fromEntries(Object.entries(d))));
    });
    fc.assert(fc.property(objectValue, fc.constantFrom(...OPTIONS), ([ident, v], o) => {
      const [is, valid] = verdict(ident, v, o);
      expect(is, `${ident} ${JSON.stringify(o)}`).toBe(valid);
    }), { numRuns: RUNS * 5, seed: SEED });
  });

  it('on every object\'s plausible values with each key deleted in turn (required and conditionally required keys)', () => {
    let valid = 0;
    let runs = 0;
    for (const e of model.objects) {
      for (let pick = 0; pick < 3; pick++) {
        const whole = plausible({ kind: 'ref', name: e.ir.name }, {}, pick, 0) as Record<string, unknown>;
        for (const key of [undefined, ...Object.keys(whole)]) {
          const v = { ...whole };
          if (key !== undefined) delete v[key];
          for (const o of [undefined, { enrollment: 'device' as const }]) {
            const [is, ok] = verdict(e.ident, v, o);
            expect(is, `${e.ident} without ${key}`).toBe(ok);
            runs++;
            if (ok) valid++;
          }
        }
      }
    }
    expect(valid).toBeGreaterThan(runs / 5);
    expect(runs - valid).toBeGreaterThan(runs / 5);
  });

  it('on every corpus payload with each of its keys deleted in turn', () => {
    for (const p of payloads) {
      for (const key of Object.keys(p.value)) {
        const v = { ...p.value };
        delete v[key];
        const [is, valid] = verdict(p.ident, v);
        expect(is, `${p.ident} without ${key}`).toBe(valid);
      }
    }
  });

  it('where a value is not a dictionary', () => {
    for (const o of objects) for (const v of [null, 1, 'x', [], new Date(0)]) expect(verdict(o.ident, v)).toEqual([false, false]);
  });
});

describe('is<Name> and validate<Name> agree on hostile values', () => {
  const common = (type: string): Record<string, unknown> => ({ PayloadType: type, PayloadVersion: 1, PayloadIdentifier: 'com.example.p', PayloadUUID: '6B0DD0C1-9F6A-4C5E-8E57-6C3C8A7B1E01' });
  const wifi = (): Record<string, unknown> => ({ ...common('com.apple.wifi.managed'), SSID_STR: 'Office' });
  const layout = (more: Record<string, unknown>) => ({ ...common('com.apple.homescreenlayout'), Dock: [], Pages: [], ...more });
  const agree = (ident: string, v: unknown): boolean => {
    const [is, valid] = verdict(ident, v);
    expect(is, ident).toBe(valid);
    return valid;
  };
  const polluted = <T>(key: string, value: unknown, f: () => T): T => {
    Object.defineProperty(Object.prototype, key, { value, configurable: true, enumerable: true, writable: true });
    try {
      return f();
    } finally {
      delete (Object.prototype as Record<string, unknown>)[key];
    }
  };

  it('reads own properties only: keys on a prototype, a polluted Object.prototype, __proto__ as data', () => {
    expect(agree('WiFi', Object.create(wifi()))).toBe(false);
    expect(agree('WiFi', Object.assign(Object.create({ SSID_STR: 5 }), common('com.apple.wifi.managed')))).toBe(true);
    polluted('SSID_STR', 5, () => expect(agree('WiFi', common('com.apple.wifi.managed'))).toBe(true));
    polluted('PayloadUUID', 'x', () => expect(agree('WiFi', { SSID_STR: 'a' })).toBe(false));
    polluted('allowAirDrop', 'no', () => expect(agree('Restrictions', common('com.apple.applicationaccess'))).toBe(true));
    polluted('PayloadType', 'com.apple.applicationaccess', () => expect(agree('Restrictions', { PayloadVersion: 1, PayloadIdentifier: 'a', PayloadUUID: 'b' })).toBe(false));
    polluted('Frobnicate', 1, () => expect(agree('WiFi', wifi())).toBe(true));
    expect(agree('WiFi', JSON.parse('{"__proto__": {"SSID_STR": 1}, "constructor": 1, "PayloadType": "com.apple.wifi.managed", "PayloadVersion": 1, "PayloadIdentifier": "a", "PayloadUUID": "b", "SSID_STR": "x"}'))).toBe(true);
    expect(agree('HomeScreenLayout', layout({ Dock: [plistReal(1)] }))).toBe(false);
  });

  it('reads a dictionary without a prototype, and sees Object.prototype polluted after its code is optimised', () => {
    const bare = (v: Record<string, unknown>): object => Object.assign(Object.create(null) as object, v);
    expect(agree('WiFi', bare(wifi()))).toBe(true);
    expect(agree('WiFi', bare({ ...wifi(), SSID_STR: 5 }))).toBe(false);
    expect(agree('WiFi', bare({ SSID_STR: 'Office' }))).toBe(false);
    // Warm the guard and the validator on a value lacking HIDDEN_NETWORK, so V8 optimises their key tests.
    const lacking = wifi();
    for (let i = 0; i < 50_000; i++) verdict('WiFi', lacking);
    expect(agree('WiFi', { ...lacking, HIDDEN_NETWORK: 'yes' })).toBe(false);
    polluted('HIDDEN_NETWORK', 'yes', () => expect(agree('WiFi', lacking)).toBe(true));
    polluted('PayloadUUID', 5, () => expect(agree('WiFi', lacking)).toBe(true));
    expect(agree('WiFi', lacking)).toBe(true);
  });

  it('stops a value that contains itself at the depth limit, without overflowing the stack', () => {
    const folder: Record<string, unknown> = { Type: 'Folder', DisplayName: 'f' };
    folder['Pages'] = [[folder]];
    expect(agree('HomeScreenLayout', layout({ Dock: [folder] }))).toBe(false);
    // Chains of folders just inside and just past the depth limit (each folder is three levels: Pages, a page, an item).
    const chain = (levels: number): unknown => {
      let item: unknown = { Type: 'Application', BundleID: 'com.example' };
      for (let i = 0; i < levels; i++) item = { Type: 'Folder', DisplayName: 'f', Pages: [[item]] };
      return layout({ Dock: [item] });
    };
    const verdicts = Array.from({ length: 40 }, (_, i) => agree('HomeScreenLayout', chain(i)));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });

  it('stops at the value limit exactly where the validator stops', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    expect(agree('HomeScreenLayout', layout({ Dock: sparse }))).toBe(false);
    let item: Record<string, unknown> = { Type: 'Application', BundleID: 'com.example' };
    for (let i = 0; i < 30; i++) item = { Type: 'Folder', DisplayName: 'f', Pages: [[item, item]] };
    expect(agree('HomeScreenLayout', layout({ Dock: [item] }))).toBe(false);
    // A page of n shared apps: each counts twice (an item, a dictionary); with the layout and its page, 2n + 2.
    const app = { Type: 'Application', BundleID: 'com.example' };
    expect(agree('HomeScreenLayout', layout({ Pages: [new Array(499_999).fill(app)] }))).toBe(true);
    expect(agree('HomeScreenLayout', layout({ Pages: [new Array(500_000).fill(app)] }))).toBe(false);
    // Keys looked through count: a small object's keys when it has unlisted ones, a large object's every key.
    const keys = (base: Record<string, unknown>, extra: number): Record<string, unknown> => {
      for (let i = 0; i < extra; i++) base[`k${i}`] = undefined;
      return base;
    };
    const big = keys(wifi(), 999_994);
    expect(agree('WiFi', big)).toBe(true);
    big['k999994'] = undefined;
    expect(agree('WiFi', big)).toBe(false);
    // The same million keys made a Restrictions payload (building them is most of this test's
    // time): the common keys, then k0 to k999994, in that order, as a fresh object would hold them.
    const large = big;
    large['PayloadType'] = 'com.apple.applicationaccess';
    delete large['SSID_STR'];
    expect(Object.keys(large).slice(0, 5)).toEqual(['PayloadType', 'PayloadVersion', 'PayloadIdentifier', 'PayloadUUID', 'k0']);
    expect(Object.keys(large).length).toBe(4 + 999_995);
    expect(agree('Restrictions', large)).toBe(true);
    large['k999995'] = undefined;
    expect(agree('Restrictions', large)).toBe(false);
  });
});
