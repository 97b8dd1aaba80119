/**
 * Mutations of minimal valid documents, made from the IR: `dmspec new`'s profile of each payload
 * type and command of each request type, and `createDeclaration`'s declaration of each
 * declaration type with the skeleton as its payload, the skeleton of each check-in message; with every dictionary the document can hold
 * reached through the skeleton of its object, and per key one wrong value of each kind the key's
 * page lets be wrong: another plist type, a value not in the allowed list, one past each end of
 * the range, the key left out when it is required (or required on another key's value that the
 * mutation sets: `required-when`), a wrongly typed value under a placeholder
 * key, a key the dictionary does not list. Each mutation says which finding must catch it (code
 * and path); a key that cannot be wrong in a kind is a skip with its reason.
 */
import { createDeclaration } from '@dmspec/apple';
import { newDocument } from '../../generator/new-command.js';
import { alwaysRequired } from '../../generator/emit/required-code.js';
import { typedAllowed } from '../../generator/emit/emit-model.js';
import { standsForAnyKey, type IrDocument, type IrObject, type IrProperty, type IrType } from '../../generator/model/ir.js';
import { plistReal } from '../../generator/runtime/plist/index.js';
import { SkeletonIndex } from '../../generator/skeleton/skeleton.js';

export const MUTATION_KINDS = ['wrong-type', 'wrong-item-type', 'allowed-values', 'range', 'missing-required', 'required-when', 'placeholder-key', 'unknown-key'] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

type Dict = Record<string, unknown>;
type Step = string | number;

export const DOCUMENT_KINDS = ['profile', 'declaration', 'command', 'check-in'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** One dictionary of a minimal document: the object it is, and where it is. */
export interface Context {
  document: DocumentKind;
  object: IrObject;
  /** The minimal document holding it. */
  root: Dict;
  /** From the document's root to the dictionary. */
  steps: readonly Step[];
  /** The payload, declaration or request type of the document (`Configuration` for a profile's top level). */
  type: string;
  /**
   * Where the dictionary routes the document: `key` chooses the validator (`PayloadType`,
   * `RequestType`, a declaration's `Type`), and another validator judges `content`'s value
   * (a declaration's `Payload`, a command's `Command`), which is its own context.
   */
  routes?: { key?: string; content?: string };
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
 * boolean, `<real>1</real>` for an integer (1.5 in JSON), a number or date or data written as a string, a list
 * for a dictionary and a dictionary (one item) for a list.
 */
function wrongValue(t: IrType, json: boolean): unknown {
  switch (t.kind) {
    case 'string':
      return 12345;
    case 'integer':
      // JSON (a declaration) has no whole-number real: a fraction.
      return json ? 1.5 : plistReal(1);
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
 * Every dictionary a minimal document of the spec can hold, once per object, breadth first from
 * the documents' roots: for profiles the top level and each page of each payload type (a shared
 * type's other pages with their own skeleton in the payload), for declarations each declaration
 * type's page in `createDeclaration`'s envelope and then the envelope, for commands `dmspec new`'s
 * command of each request type; then each object a key refers to, built by the skeleton where
 * the document does not hold it already.
 */
export function contexts(ir: IrDocument, document: DocumentKind = 'profile', skeletons: SkeletonIndex = new SkeletonIndex(ir)): Context[] {
  const byName = new Map(ir.objects.map((o) => [o.name, o]));
  const queue = roots(ir, document, skeletons, byName);
  const out: Context[] = [];
  const seen = new Set<string>();
  while (queue.length) {
    const c = queue.shift()!;
    if (seen.has(c.object.name)) continue;
    seen.add(c.object.name);
    out.push(c);
    const keys = [...skeletons.properties(c.object).map((p) => [p.name, p.type] as const), ...anyKeys(c.object).map((p) => [ANY_KEY, valuesOf(p)] as const)];
    for (const [name, type] of keys) {
      const target = refTarget(type, byName);
      if (!target || seen.has(target.name) || name === c.routes?.content) continue;
      const root = copy(c.root);
      const d = at(root, c.steps);
      const inner = wrapped(type, skeletons.skeleton(target, 1));
      if (!Object.hasOwn(d, name) || !holdsDict(d[name])) set(d, name, inner.value);
      const steps = [...c.steps, name, ...(inner.suffix.match(/\[0\]/g) ?? []).map(() => 0)];
      queue.push({ document, object: target, root, steps, type: c.type });
    }
  }
  return out;
}

/** The first dictionaries of each document kind, in the order they are visited. */
function roots(ir: IrDocument, document: DocumentKind, skeletons: SkeletonIndex, byName: ReadonlyMap<string, IrObject>): Context[] {
  const queue: Context[] = [];
  if (document === 'profile') {
    const top = byName.get('TopLevel');
    if (top) queue.push({ document, object: top, root: newDocument([skeletons.names().payloadTypes[0]!], skeletons).value, steps: [], type: 'Configuration' });
    for (const t of skeletons.names().payloadTypes) {
      const made = newDocument([t], skeletons).value;
      const payload = (made['PayloadContent'] as Dict[])[0]!;
      const envelope = Object.fromEntries(['PayloadIdentifier', 'PayloadUUID', 'PayloadVersion', 'PayloadType'].filter((k) => k in payload).map((k) => [k, payload[k]]));
      for (const page of skeletons.payloadPages(t)) {
        const root = copy(made);
        (root['PayloadContent'] as Dict[])[0] = { ...envelope, ...skeletons.skeleton(page, 0, false) };
        queue.push({ document, object: page, root, steps: ['PayloadContent', 0], type: t, routes: { key: 'PayloadType' } });
      }
    }
  } else if (document === 'declaration') {
    const build = createDeclaration as unknown as (t: string, payload: object) => Dict;
    const pages = ir.objects.filter((o) => o.declarationType !== undefined);
    for (const page of pages) queue.push({ document, object: page, root: build(page.declarationType!, skeletons.skeleton(page)), steps: ['Payload'], type: page.declarationType! });
    const base = byName.get('DeclarationBase');
    if (base && pages.length) queue.push({ document, object: base, root: queue[0]!.root, steps: [], type: pages[0]!.declarationType!, routes: { key: 'Type', content: 'Payload' } });
  } else if (document === 'check-in') {
    // A check-in message's page: its `MessageType` allows the one value that names it.
    for (const page of ir.objects) {
      const type = page.properties.find((p) => p.name === 'MessageType')?.allowedValues;
      if (type?.length === 1 && typeof type[0] === 'string') queue.push({ document, object: page, root: skeletons.skeleton(page), steps: [], type: type[0], routes: { key: 'MessageType' } });
    }
  } else {
    for (const t of skeletons.names().requestTypes) {
      const page = skeletons.command(t)!;
      const root = newDocument([t], skeletons).value;
      queue.push({ document, object: page, root, steps: [], type: t, routes: { content: 'Command' } });
      const inner = refTarget(page.properties.find((p) => p.name === 'Command')!.type, byName);
      if (inner) queue.push({ document, object: inner, root, steps: ['Command'], type: t, routes: { key: 'RequestType' } });
    }
  }
  return queue;
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
  const json = c.document === 'declaration';
  const base = pathOf(c.steps);
  const keyPath = (k: string): string => (base === '' ? k : `${base}.${k}`);
  for (const p of anyKeys(c.object)) {
    const key = `${c.object.name}.${p.name}`;
    const values = valuesOf(p);
    if (values.kind === 'any') {
      skips.push({ kind: 'placeholder-key', key, reason: 'it takes a value of any type' });
      continue;
    }
    const control = copy(c.root);
    set(at(control, c.steps), ANY_KEY, skeletons.empty(values, p.placeholderKey ? undefined : p, 1));
    const mutated = copy(c.root);
    set(at(mutated, c.steps), ANY_KEY, wrongValue(values, json));
    mutations.push({ kind: 'placeholder-key', key, what: `${ANY_KEY} = ${shown(wrongValue(values, json))}`, code: 'wrong-type', path: keyPath(ANY_KEY), control, mutated });
  }
  for (const p of skeletons.properties(c.object)) {
    const key = `${c.object.name}.${p.name}`;
    const present = Object.hasOwn(at(c.root, c.steps), p.name);
    const control = copy(c.root);
    // The key with the skeleton's value, and what that value makes required (`HTTPPort` with `HTTPProxy`).
    if (!present) {
      set(at(control, c.steps), p.name, skeletons.valueOf(p, 1));
      skeletons.complete(c.object, at(control, c.steps), 1);
    }
    const withValue = (kind: MutationKind, what: string, value: unknown, code: string, path: string): void => {
      const mutated = copy(control);
      set(at(mutated, c.steps), p.name, value);
      mutations.push({ kind, key, what, code, path, control, mutated });
    };
    // The payload's type routes it to its validator: a wrong one is another payload, not a wrong value.
    const routing = p.name === c.routes?.key;
    if (p.type.kind === 'any') skips.push({ kind: 'wrong-type', key, reason: 'it takes a value of any type' });
    else if (routing) skips.push({ kind: 'wrong-type', key, reason: 'it chooses the document\'s validator' });
    else withValue('wrong-type', `= ${shown(wrongValue(p.type, json))}`, wrongValue(p.type, json), 'wrong-type', keyPath(p.name));
    if (p.type.kind === 'array') {
      if (p.type.items.kind === 'any') skips.push({ kind: 'wrong-item-type', key, reason: 'its items take a value of any type' });
      else withValue('wrong-item-type', `= ${shown([wrongValue(p.type.items, json)])}`, [wrongValue(p.type.items, json)], 'wrong-type', `${keyPath(p.name)}[0]`);
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
      if (routing) skips.push({ kind: 'missing-required', key, reason: 'it chooses the document\'s validator' });
      else {
        const mutated = copy(c.root);
        delete at(mutated, c.steps)[p.name];
        mutations.push({ kind: 'missing-required', key, what: 'left out', code: 'missing-required', path: keyPath(p.name), control: c.root, mutated });
      }
    }
  }
  for (const p of skeletons.properties(c.object)) requiredWhen(c, p, skeletons, mutations, skips, keyPath);
  const takesAny = anyKeys(c.object).length > 0 || c.object.partialKeys !== undefined;
  if (!takesAny) {
    const mutated = copy(c.root);
    set(at(mutated, c.steps), 'DmspecUnknownKey', true);
    mutations.push({ kind: 'unknown-key', key: `${c.object.name}.DmspecUnknownKey`, what: '= true', code: 'unknown-key', path: keyPath('DmspecUnknownKey'), control: c.root, mutated });
  } else skips.push({ kind: 'unknown-key', key: c.object.name, reason: c.object.partialKeys ? 'its page lists only some of its keys' : 'it takes any key' });
  return { mutations, skips };
}

/**
 * A key required on another key's value (`Password` when `SecurityType` is `PASSWORD`), left out
 * of a dictionary whose other key holds that value: the control sets the condition's key to its
 * first value (or its skeleton value, for "is present") and holds the key, the mutation does not.
 */
function requiredWhen(c: Context, p: IrProperty, skeletons: SkeletonIndex, mutations: Mutation[], skips: Skip[], keyPath: (k: string) => string): void {
  const conditions = p.requiredWhen ?? [];
  if (!conditions.some((x) => x.kind === 'key')) return;
  const key = `${c.object.name}.${p.name}`;
  const unjudged = conditions.find((x) => x.kind === 'key' && x.unjudged !== undefined);
  if (unjudged) return void skips.push({ kind: 'required-when', key, reason: 'its condition is stated, not judged' });
  if (conditions.some((x) => x.kind !== 'key')) return void skips.push({ kind: 'required-when', key, reason: 'it is required only on some platforms, or enrollments' });
  const control = copy(c.root);
  const d = at(control, c.steps);
  const props = new Map(skeletons.properties(c.object).map((q) => [q.name, q]));
  for (const x of conditions) {
    if (x.kind !== 'key') continue;
    if (x.values?.length) set(d, x.key, x.values[0]);
    else if (!Object.hasOwn(d, x.key)) set(d, x.key, skeletons.valueOf(props.get(x.key)!, 1));
  }
  if (!Object.hasOwn(d, p.name)) set(d, p.name, skeletons.valueOf(p, 1));
  skeletons.complete(c.object, d, 1);
  const mutated = copy(control);
  delete at(mutated, c.steps)[p.name];
  mutations.push({ kind: 'required-when', key, what: `left out (${conditions.map((x) => (x.kind === 'key' ? `${x.key} ${x.values?.length ? `= ${shown(x.values[0])}` : 'present'}` : '')).join(', ')})`, code: 'missing-required', path: keyPath(p.name), control, mutated });
}
