/**
 * Mutations of minimal valid profiles, made from the IR: `dmspec new`'s profile of each payload
 * type (the skeleton builder and `createProfile`), with every dictionary the payload can hold
 * reached through the skeleton of its object, and per key one wrong value of each kind the key's
 * page lets be wrong: another plist type, a value not in the allowed list, one past each end of
 * the range, the key left out when it is required, a wrongly typed value under a placeholder
 * key, a key the dictionary does not list. Each mutation says which finding must catch it (code
 * and path); a key that cannot be wrong in a kind is a skip with its reason.
 */
import { newDocument } from '../../generator/new-command.js';
import { alwaysRequired } from '../../generator/emit/required-code.js';
import { typedAllowed } from '../../generator/emit/emit-model.js';
import { standsForAnyKey, type IrDocument, type IrObject, type IrProperty, type IrType } from '../../generator/model/ir.js';
import { plistReal } from '../../generator/runtime/plist/index.js';
import { SkeletonIndex } from '../../generator/skeleton/skeleton.js';

export const MUTATION_KINDS = ['wrong-type', 'wrong-item-type', 'allowed-values', 'range', 'missing-required', 'placeholder-key', 'unknown-key'] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

type Dict = Record<string, unknown>;
type Step = string | number;

/** One dictionary of a minimal profile: the object it is, and where it is. */
export interface Context {
  object: IrObject;
  /** The minimal profile holding it. */
  profile: Dict;
  /** From the profile to the dictionary. */
  steps: readonly Step[];
  /** The payload type whose payload holds it (`Configuration` for the profile's top level). */
  payloadType: string;
}

export interface Mutation {
  kind: MutationKind;
  /** `Passcode.maxFailedAttempts`: the object and key mutated. */
  key: string;
  /** What was done: `= "text"`, `below 2`. */
  what: string;
  /** The finding that must catch it. */
  code: string;
  path: string;
  /** The profile with the key as it was (valid) and mutated: the finding is what `mutated` adds to `control`. */
  control: Dict;
  mutated: Dict;
}

export interface Skip {
  kind: MutationKind;
  key: string;
  reason: string;
}

/** `PayloadContent[0].IKEv2.MTU`, `OnDemandRules[2]`. */
export function pathOf(steps: readonly Step[]): string {
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** A deep copy of plain dictionaries and arrays; other values (dates, data, frozen reals) are shared, as nothing changes them. */
function copy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(copy) as T;
  if (typeof v !== 'object' || v === null || v instanceof Date || v instanceof Uint8Array || Object.isFrozen(v)) return v;
  const out: Dict = {};
  for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: copy(x), enumerable: true, writable: true, configurable: true });
  return out as T;
}

function set(d: Dict, key: string, value: unknown): void {
  Object.defineProperty(d, key, { value, enumerable: true, writable: true, configurable: true });
}

function at(profile: Dict, steps: readonly Step[]): Dict {
  let v: unknown = profile;
  for (const s of steps) v = (v as Record<Step, unknown>)[s];
  return v as Dict;
}

/**
 * A value of another plist type than `t`, the likeliest slip: `<integer>` for a string or a
 * boolean, `<real>1</real>` for an integer, a number or date or data written as a string, a list
 * for a dictionary and a dictionary (one item) for a list.
 */
function wrongValue(t: IrType): unknown {
  switch (t.kind) {
    case 'string':
      return 12345;
    case 'integer':
      return plistReal(1);
    case 'real':
      return '1.5';
    case 'boolean':
      return 1;
    case 'date':
      return '2026-01-01T00:00:00Z';
    case 'data':
      return 'AAAA';
    case 'dictionary':
    case 'ref':
      return [];
    case 'array':
      return {};
    case 'any':
      return undefined;
  }
}

/** A mutation's value as its report shows it. */
function shown(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(shown).join(', ')}]`;
  if (typeof v === 'object' && v !== null && Object.isFrozen(v)) return `<real>${Number(v)}</real>`;
  return JSON.stringify(v);
}

/** The number one past `bound` on the side of `sign`, not one of the page's listed values (which are exceptions to a range). */
function outside(p: IrProperty, bound: number, sign: -1 | 1, listed: readonly unknown[]): unknown {
  const real = scalarOf(p.type).kind === 'real';
  let n = bound + sign * (real ? 0.5 : 1);
  while (listed.includes(n)) n += sign;
  return n;
}

function scalarOf(t: IrType): IrType {
  return t.kind === 'array' ? scalarOf(t.items) : t;
}

/** `v` as the key's value: inside as many arrays as the key's type nests, and the path's `[0]`s to it. */
function wrapped(t: IrType, v: unknown): { value: unknown; suffix: string } {
  if (t.kind !== 'array') return { value: v, suffix: '' };
  const inner = wrapped(t.items, v);
  return { value: [inner.value], suffix: `[0]${inner.suffix}` };
}

/**
 * Every dictionary a minimal profile of the spec can hold, once per object: the profile's top
 * level, each page of each payload type (a shared type's other pages with their own skeleton in
 * the payload), then breadth first each object a key refers to, built by the skeleton where the
 * payload does not hold it already.
 */
export function contexts(ir: IrDocument, skeletons: SkeletonIndex = new SkeletonIndex(ir)): Context[] {
  const byName = new Map(ir.objects.map((o) => [o.name, o]));
  const out: Context[] = [];
  const seen = new Set<string>();
  const queue: Context[] = [];
  const top = byName.get('TopLevel');
  const first = newDocument([skeletons.names().payloadTypes[0]!], skeletons).value;
  if (top) queue.push({ object: top, profile: first, steps: [], payloadType: 'Configuration' });
  for (const t of skeletons.names().payloadTypes) {
    const made = newDocument([t], skeletons).value;
    const payload = (made['PayloadContent'] as Dict[])[0]!;
    const envelope = Object.fromEntries(['PayloadIdentifier', 'PayloadUUID', 'PayloadVersion', 'PayloadType'].filter((k) => k in payload).map((k) => [k, payload[k]]));
    for (const page of skeletons.payloadPages(t)) {
      const profile = copy(made);
      (profile['PayloadContent'] as Dict[])[0] = { ...envelope, ...skeletons.skeleton(page, 0, false) };
      queue.push({ object: page, profile, steps: ['PayloadContent', 0], payloadType: t });
    }
  }
  while (queue.length) {
    const c = queue.shift()!;
    if (seen.has(c.object.name)) continue;
    seen.add(c.object.name);
    out.push(c);
    const keys = [...skeletons.properties(c.object).map((p) => [p.name, p.type] as const), ...anyKeys(c.object).map((p) => [ANY_KEY, valuesOf(p)] as const)];
    for (const [name, type] of keys) {
      const target = refTarget(type, byName);
      if (!target || seen.has(target.name)) continue;
      const profile = copy(c.profile);
      const d = at(profile, c.steps);
      const inner = wrapped(type, skeletons.skeleton(target, 1));
      if (!Object.hasOwn(d, name) || !holdsDict(d[name])) set(d, name, inner.value);
      const steps = [...c.steps, name, ...(inner.suffix.match(/\[0\]/g) ?? []).map(() => 0)];
      queue.push({ object: target, profile, steps, payloadType: c.payloadType });
    }
  }
  return out;
}

/** The key a mutation puts where a dictionary takes any key. */
const ANY_KEY = 'dmspecAnyKey';

/** The object's keys that stand for any key: `ANY` and placeholders (`ConsentTextItem`). */
function anyKeys(o: IrObject): IrProperty[] {
  return o.properties.filter(standsForAnyKey);
}

/** The type of the values a key standing for any key takes. */
function valuesOf(p: IrProperty): IrType {
  return p.placeholderKey?.values ?? p.type;
}

function refTarget(t: IrType, byName: ReadonlyMap<string, IrObject>): IrObject | undefined {
  const s = scalarOf(t);
  return s.kind === 'ref' ? byName.get(s.name) : undefined;
}

/** A dictionary, or arrays down to one. */
function holdsDict(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0 && holdsDict(v[0]);
  return typeof v === 'object' && v !== null && !(v instanceof Date) && !(v instanceof Uint8Array) && !Object.isFrozen(v);
}

/** The mutations of one context, and the keys that cannot be wrong in a kind. */
export function mutationsOf(c: Context, skeletons: SkeletonIndex): { mutations: Mutation[]; skips: Skip[] } {
  const mutations: Mutation[] = [];
  const skips: Skip[] = [];
  const base = pathOf(c.steps);
  const keyPath = (k: string): string => (base === '' ? k : `${base}.${k}`);
  for (const p of anyKeys(c.object)) {
    const key = `${c.object.name}.${p.name}`;
    const values = valuesOf(p);
    if (values.kind === 'any') {
      skips.push({ kind: 'placeholder-key', key, reason: 'it takes a value of any type' });
      continue;
    }
    const control = copy(c.profile);
    set(at(control, c.steps), ANY_KEY, skeletons.empty(values, p.placeholderKey ? undefined : p, 1));
    const mutated = copy(c.profile);
    set(at(mutated, c.steps), ANY_KEY, wrongValue(values));
    mutations.push({ kind: 'placeholder-key', key, what: `${ANY_KEY} = ${shown(wrongValue(values))}`, code: 'wrong-type', path: keyPath(ANY_KEY), control, mutated });
  }
  for (const p of skeletons.properties(c.object)) {
    const key = `${c.object.name}.${p.name}`;
    const present = Object.hasOwn(at(c.profile, c.steps), p.name);
    const control = copy(c.profile);
    if (!present) set(at(control, c.steps), p.name, skeletons.valueOf(p, 1));
    const withValue = (kind: MutationKind, what: string, value: unknown, code: string, path: string): void => {
      const mutated = copy(control);
      set(at(mutated, c.steps), p.name, value);
      mutations.push({ kind, key, what, code, path, control, mutated });
    };
    // The payload's type routes it to its validator: a wrong one is another payload, not a wrong value.
    const routing = c.steps.length === 2 && p.name === 'PayloadType';
    if (p.type.kind === 'any') skips.push({ kind: 'wrong-type', key, reason: 'it takes a value of any type' });
    else if (routing) skips.push({ kind: 'wrong-type', key, reason: 'it chooses the payload\'s validator' });
    else withValue('wrong-type', `= ${shown(wrongValue(p.type))}`, wrongValue(p.type), 'wrong-type', keyPath(p.name));
    if (p.type.kind === 'array') {
      if (p.type.items.kind === 'any') skips.push({ kind: 'wrong-item-type', key, reason: 'its items take a value of any type' });
      else withValue('wrong-item-type', `= ${shown([wrongValue(p.type.items)])}`, [wrongValue(p.type.items)], 'wrong-type', `${keyPath(p.name)}[0]`);
    }
    const listed = typedAllowed(p.type, p.allowedValues) ?? [];
    const ranged = p.minimum !== undefined || p.maximum !== undefined;
    if (p.allowedValues?.length && !routing) {
      if (!listed.length) skips.push({ kind: 'allowed-values', key, reason: `its listed values are not of its type ${JSON.stringify(p.allowedValues)}` });
      else if (ranged) skips.push({ kind: 'allowed-values', key, reason: 'its listed values are exceptions to its range' });
      else if (scalarOf(p.type).kind === 'boolean') skips.push({ kind: 'allowed-values', key, reason: 'it is a boolean' });
      else {
        const scalar = scalarOf(p.type).kind;
        const v = scalar === 'string' ? 'dmspec-not-allowed' : Math.max(...(listed as number[])) + 1;
        const w = wrapped(p.type, v);
        withValue('allowed-values', `= ${shown(w.value)}`, w.value, 'not-allowed', keyPath(p.name) + w.suffix);
      }
    }
    for (const [bound, sign, code] of [[p.minimum, -1, 'below-minimum'], [p.maximum, 1, 'above-maximum']] as const) {
      if (bound === undefined) continue;
      const w = wrapped(p.type, outside(p, bound, sign, listed));
      withValue('range', `= ${shown(w.value)} (${sign < 0 ? 'minimum' : 'maximum'} ${bound})`, w.value, code, keyPath(p.name) + w.suffix);
    }
    if (alwaysRequired(p) && present) {
      if (routing) skips.push({ kind: 'missing-required', key, reason: 'it chooses the payload\'s validator' });
      else {
        const mutated = copy(c.profile);
        delete at(mutated, c.steps)[p.name];
        mutations.push({ kind: 'missing-required', key, what: 'left out', code: 'missing-required', path: keyPath(p.name), control: c.profile, mutated });
      }
    }
  }
  const takesAny = anyKeys(c.object).length > 0 || c.object.partialKeys !== undefined;
  if (!takesAny) {
    const mutated = copy(c.profile);
    set(at(mutated, c.steps), 'DmspecUnknownKey', true);
    mutations.push({ kind: 'unknown-key', key: `${c.object.name}.DmspecUnknownKey`, what: '= true', code: 'unknown-key', path: keyPath('DmspecUnknownKey'), control: c.profile, mutated });
  } else skips.push({ kind: 'unknown-key', key: c.object.name, reason: c.object.partialKeys ? 'its page lists only some of its keys' : 'it takes any key' });
  return { mutations, skips };
}
