/**
 * Straight-line validation code for one object: a check per key, in the order the page lists
 * them, calling the small helpers of the generated runtime. No interpreter walks the IR at run
 * time; every constant is inlined as a literal.
 */
import { assertNever, type Availability, type IrProperty, type IrType, type JsonValue } from '../model/ir.js';
import { deprecationText, typeLabel, valueLabel } from './docs-text.js';
import { allProperties, takesUnlistedKeys, typedAllowed, type EmitModel, type EmitObject } from './emit-model.js';
import { tsString } from './naming.js';
import { alwaysRequired, requiredCode } from './required-code.js';
import { availabilityOf } from '../runtime/validator/gated.js';
import { PAYLOAD_KEYS } from '../runtime/validator/values.js';

function lit(v: JsonValue): string {
  return typeof v === 'string' ? tsString(v) : JSON.stringify(v);
}

interface Constraint {
  allowed?: readonly JsonValue[] | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
}

/**
 * Where a value is, as generated code names it: `p[0..d + off)` of the run's path stack, then
 * `key` (an expression: a string literal, an index variable, or `undefined` for the value itself).
 */
interface Place {
  off: number;
  key: string;
}

const depth = (off: number): string => (off === 0 ? 'd' : `d + ${off}`);
const where = (at: Place): string => `r, ${depth(at.off)}, ${at.key}`;

/**
 * Checks of allowed values and range on a value already known to have the right type. `n` is
 * what is compared: the value itself, or for a real (which a plist `<real>` may wrap) its number,
 * so `<real>2</real>` is the allowed value `2` and ranges compare numerically.
 */
function constraintCode(c: Constraint, x: string, at: Place, n: string = x): string[] {
  const allowed = c.allowed?.length ? c.allowed : undefined;
  const inAllowed = allowed ? allowed.map((v) => `${n} === ${lit(v)}`).join(' || ') : '';
  const allowedList = allowed ? pooled(`[${allowed.map(lit).join(', ')}]`) : '';
  const hasRange = c.minimum !== undefined || c.maximum !== undefined;
  if (!hasRange) return allowed ? [`if (!(${inAllowed})) notAllowed(${where(at)}, ${allowedList}, ${x});`] : [];
  const out: string[] = [];
  // Where a page gives both, listed values are exceptions to the range (`0` meaning "never").
  const guard = allowed ? `!(${inAllowed}) && ` : '';
  if (c.minimum !== undefined) out.push(`if (${guard}(${n} as number) < ${c.minimum}) belowMinimum(${where(at)}, ${c.minimum}, ${x});`);
  if (c.maximum !== undefined) out.push(`if (${guard}(${n} as number) > ${c.maximum}) aboveMaximum(${where(at)}, ${c.maximum}, ${x});`);
  return out;
}

/** The runtime's reporters of the commonest expected types (`notString(…)` for `wrongType(…, "string", …)`). */
const WRONG: Readonly<Record<string, string>> = { string: 'notString', boolean: 'notBoolean', integer: 'notInteger', dictionary: 'notDictionary', 'array of string': 'notStrings' };

/** The report that value `x` at `at` is not of type `t`. */
function reportWrong(t: IrType, at: Place, x: string): string {
  const label = typeLabel(t);
  const short = WRONG[label];
  return short ? `${short}(${where(at)}, ${x});` : `wrongType(${where(at)}, ${pooled(tsString(label))}, ${x});`;
}

/**
 * Code that checks value `x`, at `at`, against type `t`. A check that descends (into an array's
 * items or a referenced object) first writes the key it descends through into the path stack;
 * nothing else is written or allocated while the value is right.
 */
function typeCheck(t: IrType, c: Constraint, x: string, at: Place, model: EmitModel): string[] {
  const simple = (test: string, n: string = x): string[] => {
    const constraints = constraintCode(c, x, at, n);
    const report = reportWrong(t, at, x);
    if (!constraints.length) return [`if (${test}) ${report}`];
    return [`if (${test}) ${report}`, 'else {', ...constraints.map((l) => `  ${l}`), '}'];
  };
  switch (t.kind) {
    case 'string':
      return simple(`typeof ${x} !== 'string'`);
    case 'integer':
      // A bigint (past ±2^53) is never an allowed value's literal, and compares exactly with a range's ends.
      return simple(`!isInteger(${x})`);
    case 'real':
      return simple(`!isReal(${x})`, `numberOf(${x})`);
    case 'boolean':
      return simple(`typeof ${x} !== 'boolean'`);
    case 'date':
      return simple(`!(${x} instanceof Date)`);
    case 'data':
      return simple(`!(${x} instanceof Uint8Array)`);
    case 'dictionary':
      return simple(`!isDict(${x})`);
    case 'any':
      return [];
    case 'ref': {
      const target = model.byName.get(t.name);
      if (!target) return simple(`!isDict(${x})`);
      return [`r.p[${depth(at.off)}] = ${at.key};`, `check${target.ident}(${x}, r, ${depth(at.off + 1)});`];
    }
    case 'array': {
      const i = `i${at.off}`;
      const xi = `x${at.off + 1}`;
      const inner = typeCheck(t.items, c, xi, { off: at.off + 1, key: i }, model);
      // The commonest arrays, checked by the runtime: strings with no allowed values, dictionaries of one object.
      const target = t.items.kind === 'ref' ? model.byName.get(t.items.name) : undefined;
      if (t.items.kind === 'string' && inner.length === 1) return [`stringItems(${where(at)}, ${x});`];
      if (target) return [`dictItems(${where(at)}, ${x}, check${target.ident}, ${pooled(tsString(typeLabel(t)))});`];
      const report = `if (!Array.isArray(${x})) ${reportWrong(t, at, x)}`;
      if (!inner.length) return [report];
      return [
        report,
        // The items are counted first: a sparse array of length 2^32 - 1 is one limit error, not a hang.
        `else if (enterItems(${where(at)}, ${x}.length)) {`,
        `  r.p[${depth(at.off)}] = ${at.key};`,
        `  for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`,
        `    const ${xi}: unknown = ${x}[${i}];`,
        ...inner.map((l) => `    ${l}`),
        '  }',
        '}',
      ];
    }
    default:
      return assertNever(t);
  }
}

/** Only the availability fields the runtime reads, so later IR additions leave the validators as they are. */
export function runtimeAvailability(av: Availability): Record<string, Record<string, string | boolean>> {
  const out: Record<string, Record<string, string | boolean>> = {};
  for (const [platform, a] of Object.entries(av)) {
    if (!a) continue;
    const { introduced, removed, availableThrough, available } = a;
    out[platform] = JSON.parse(JSON.stringify({ introduced, removed, availableThrough, available })) as Record<string, string | boolean>;
  }
  return out;
}

/**
 * Keys per chunk function. The check function looks each key of the value up once (its index in
 * the object's key map) and hands it to the chunk that holds the index, where a `switch` runs the
 * key's checks. Chunks keep functions small enough for V8 to optimise and the type checker's
 * flow analysis cheap on objects of 300 keys.
 */
export const CHUNK = 16;

/** A key's facts constant, and what in it the generated code must pass on. */
interface KeyFactsRef {
  name: string;
  /** Availability or supervision facts: checked by `gated` when the options ask. */
  gated: boolean;
  /** Per-platform deprecation versions: `deprecated` needs the constant. */
  deprecatedIn: boolean;
}

/** One key's checks, on its value `x`; `key` is the expression that names the key. */
function keyChecks(prop: IrProperty, facts: KeyFactsRef | undefined, model: EmitModel, key = tsString(prop.name)): string[] {
  const checks = typeCheck(prop.type, { allowed: typedAllowed(prop.type, prop.allowedValues), minimum: prop.minimum, maximum: prop.maximum }, 'x', { off: 0, key }, model);
  // Option-dependent checks cost one test of a flag when their options are absent.
  if (facts?.gated) checks.push(`if (r.gated) gated(r, d, ${key}, ${facts.name});`);
  if (prop.deprecated) checks.push(`deprecated(r, d, ${key}, ${pooled(tsString(deprecationText(prop)))}${facts?.deprecatedIn ? `, ${facts.name}` : ''});`);
  return checks;
}

/** One key's case in a large object's chunk: its checks; returns 1 for a required key, so the caller can count them. */
function propertyCase(prop: IrProperty, index: number, facts: KeyFactsRef | undefined, model: EmitModel): string[] {
  // `k` is the key the value has (the one the object's key map gave `index`): named once, by the caller's loop.
  return [`case ${index}: {`, ...keyChecks(prop, facts, model, 'k').map((l) => `  ${l}`), `  return ${alwaysRequired(prop) ? 1 : 0};`, '}'];
}

/** Keys an object literal inherits: reading them as `v[key]` would find the prototype's. */
export const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * How a small object's code reads key `name` of dictionary `v` into `x` (the key into `k`, so
 * the rest of its code names it once), and tells whether it was there. Only an own property
 * counts (a key on a prototype, or on a polluted `Object.prototype`, is not the value's). On a
 * plain dictionary (`p`: its prototype is `Object.prototype` or null, see `dictKind`) a key found
 * that `Object.prototype` lacks is its own, a test V8 folds to a constant (`k` holds a constant);
 * any other dictionary costs one lookup per key present.
 */
export function keyRead(name: string): { read: string; absent: string; present: string } {
  const key = tsString(name);
  // Object.prototype's own keys (`constructor`, `toString`) are read only when the value owns them.
  if (INHERITED.has(name)) return { read: `own(v, k = ${key}) ? v[k] : undefined`, absent: 'x === undefined', present: 'x !== undefined' };
  const mine = '(p && !(k in OBJECT_PROTOTYPE) || own(v, k))';
  return { read: `v[k = ${key}]`, absent: `x === undefined || !${mine}`, present: `x !== undefined && ${mine}` };
}

/** One key's block in a small object's chunk: read by its constant name, counted when present. */
function propertyBlock(prop: IrProperty, facts: KeyFactsRef | undefined, model: EmitModel): string[] {
  const { read, absent, present } = keyRead(prop.name);
  const checks = ['  n++;', ...keyChecks(prop, facts, model, 'k').map((l) => `  ${l}`)];
  const block = (head: string): string[] => (checks.length === 1 ? [`${head} ${checks[0]!.trim()}`] : [`${head} {`, ...checks, '}']);
  return [
    `x = ${read};`,
    ...(alwaysRequired(prop) ? [`if (${absent}) missingRequired(r, d, k);`, ...block('else')] : block(`if (${present})`)),
  ];
}

/**
 * Objects of at most this many keys read each key by its constant name (a load V8 caches per
 * shape, and folds to a constant for a key the shape lacks: cheaper than any lookup) and count
 * what they found: the value holds unknown keys only when it has more keys than that. Larger
 * objects (Restrictions, 209 keys), whose values use a few of hundreds of keys, look up each key
 * the value has in the object's key map instead.
 */
export const SMALL = 72;

/** Whether the object's last keys are the seven every payload has, in that order (`keyIndex(names, true)` appends them). */
function endsWithPayloadKeys(props: readonly IrProperty[]): boolean {
  const start = props.length - PAYLOAD_KEYS.length;
  return start >= 0 && PAYLOAD_KEYS.every((name, j) => props[start + j]!.name === name);
}

/**
 * Declarations the validators module shares between objects: one facts constant per distinct
 * set of facts (most keys of a page state the same availability), named `$f<n>` (an object's
 * identifier never holds `$`) in the order first met.
 */
export interface SharedDeclarations {
  facts: Map<string, string>;
  lines: string[];
  /**
   * Chunk functions and key maps by their code, with the object's name taken out: an object
   * whose chunk or key list another object already has (the 802.1X payloads of each interface,
   * `Title` and `URL` bookmarks) calls the first one's.
   */
  chunks: Map<string, string>;
  keyMaps: Map<string, string>;
  /** Literals by their code, with the uses seen (see `pooled`). */
  literals: Map<string, { id: number; uses: number }>;
}

export function sharedDeclarations(): SharedDeclarations {
  return { facts: new Map(), lines: [], chunks: new Map(), keyMaps: new Map(), literals: new Map() };
}

/**
 * The declarations `validatorCode` is writing into: its literals (messages, labels, lists of
 * allowed values) are pooled there while it runs.
 */
let writing: SharedDeclarations | undefined;

const HOLE = '\u0001';

/**
 * A literal of generated code that many keys repeat (a deprecation message, a type's label, a
 * list of allowed values): a placeholder `resolveLiterals` turns into a shared constant when
 * the module uses it more than once, else back into the literal.
 */
function pooled(code: string): string {
  if (!writing) return code;
  let entry = writing.literals.get(code);
  if (entry === undefined) {
    entry = { id: writing.literals.size, uses: 0 };
    writing.literals.set(code, entry);
  }
  entry.uses++;
  return `${HOLE}${entry.id}${HOLE}`;
}

/**
 * Resolves the placeholders of `pooled` in `lines` (every object's code, once all are written):
 * a literal used more than once becomes `$l<n>`, declared in `shared.lines`.
 */
export function resolveLiterals(shared: SharedDeclarations, lines: string[][]): void {
  const byId: string[] = [];
  for (const [code, { id, uses }] of shared.literals) {
    if (uses < 2) byId[id] = code;
    else {
      byId[id] = `$l${id}`;
      shared.lines.push(`const $l${id} = ${code};`);
    }
  }
  const hole = new RegExp(`${HOLE}(\\d+)${HOLE}`, 'g');
  for (const list of lines) for (let i = 0; i < list.length; i++) if (list[i]!.includes(HOLE)) list[i] = list[i]!.replace(hole, (_, id: string) => byId[Number(id)]!);
}

function sharedFacts(shared: SharedDeclarations, literal: Record<string, unknown>): string {
  const json = JSON.stringify(literal);
  let name = shared.facts.get(json);
  if (name === undefined) {
    name = `$f${shared.facts.size}`;
    shared.facts.set(json, name);
    shared.lines.push(`const ${name}: KeyFacts = ${factsLiteral(literal)};`);
  }
  return name;
}

/** The facts as code: the availability as `availabilityOf`'s compact text where its versions allow. */
function factsLiteral(literal: Record<string, unknown>): string {
  const av = literal['availability'] as Record<string, Record<string, string | boolean>> | undefined;
  const text = av && compactAvailability(av);
  if (text === undefined) return JSON.stringify(literal);
  // The commonest facts, an availability alone (and whether its list is exhaustive): one call.
  if (Object.keys(literal).every((k) => k === 'availability' || k === 'exhaustive')) return `/* @__PURE__ */ availabilityFacts(${tsString(text)}${literal['exhaustive'] ? ', true' : ''})`;
  const fields = Object.entries(literal).map(([k, v]) => `${JSON.stringify(k)}: ${k === 'availability' ? `/* @__PURE__ */ availabilityOf(${tsString(text)})` : JSON.stringify(v)}`);
  return `{ ${fields.join(', ')} }`;
}

const MARK: Readonly<Record<string, string>> = { introduced: ':', removed: '-', availableThrough: '~' };

/** `availabilityOf`'s text for `av`, or undefined when a value would not survive it. */
function compactAvailability(av: Record<string, Record<string, string | boolean>>): string | undefined {
  const entries: string[] = [];
  for (const [platform, a] of Object.entries(av)) {
    if (!/^[A-Za-z]+$/.test(platform)) return undefined;
    let entry = platform;
    for (const [field, v] of Object.entries(a)) {
      if (field === 'available' && typeof v === 'boolean') entry += v ? '+' : '!';
      else if (MARK[field] !== undefined && typeof v === 'string' && /^[0-9A-Za-z._ ]*$/.test(v)) entry += MARK[field] + v;
      else return undefined;
    }
    entries.push(entry);
  }
  const text = entries.join(',');
  // Only a text the runtime reads back as the same facts.
  return entries.length && JSON.stringify(availabilityOf(text)) === JSON.stringify(av) ? text : undefined;
}

export interface ValidatorCode {
  /** Top-level declarations the check function calls: the key map, key facts, chunk functions. */
  helpers: string[];
  /** The body of `check<Ident>(u, r, d)`. */
  body: string[];
}

/**
 * The code of one object's check: one pass over the keys the value has, each looked up once in
 * the object's key map and checked by its case; then, only when fewer required keys were seen
 * than the object lists, a look for the missing ones.
 */
export function validatorCode(e: EmitObject, model: EmitModel, shared: SharedDeclarations): ValidatorCode {
  writing = shared;
  try {
    return objectCode(e, model, shared);
  } finally {
    writing = undefined;
  }
}

function objectCode(e: EmitObject, model: EmitModel, shared: SharedDeclarations): ValidatorCode {
  const props = allProperties(e);
  const helpers: string[] = [];
  const keys = `k${e.ident}`;
  const facts = props.map((p): KeyFactsRef | undefined => {
    const literal = keyFacts(p);
    if (literal === undefined) return undefined;
    return { name: sharedFacts(shared, literal), gated: 'availability' in literal || 'situation' in literal, deprecatedIn: 'deprecatedIn' in literal };
  });
  // The key map from the names alone: a key's index is its position (`true`: then the seven every payload has).
  const payload = endsWithPayloadKeys(props);
  const listed = payload ? props.slice(0, -PAYLOAD_KEYS.length) : props;
  const keyList = `[${listed.map((p) => tsString(p.name)).join(', ')}]${payload ? ', true' : ''}`;
  const sameKeys = shared.keyMaps.get(keyList);
  if (sameKeys === undefined) shared.keyMaps.set(keyList, keys);
  helpers.push(`const ${keys}: ReadonlyMap<string, number> = ${sameKeys ?? `/* @__PURE__ */ keyIndex(${keyList})`};`);
  const wildcard = e.wildcard ?? e.inherits.find((p) => p.wildcard)?.wildcard;
  // A key the map lacks: checked against the `ANY` key's type, left alone where the object also
  // takes keys it does not list (a page the spec lacks, or a page that lists only some), else reported.
  const unknown: Unlisted = wildcard
    ? typeCheck(wildcard.type, { allowed: typedAllowed(wildcard.type, wildcard.allowedValues), minimum: wildcard.minimum, maximum: wildcard.maximum }, 'x', { off: 0, key: 'k' }, model)
    : takesUnlistedKeys(e) ? [] : 'report';
  // Entering counts against the run's limits, so a value that contains itself stops at a depth limit.
  const body = ['const c = enterDict(u, r, d);', 'if (c === 0) return;', 'const v = u as Dict;'];
  // Conditional requirements are judged first: the value's own keys decide them, not the loop's early return.
  const conditional = requiredCode(e.ident, props);
  if (conditional.length) {
    helpers.push(...conditional);
    body.push(`q${e.ident}(v, r, d);`);
  }
  return props.length <= SMALL ? smallObject(e, props, facts, unknown, helpers, body, model, shared) : largeObject(e, props, facts, unknown, helpers, body, model);
}

/** What a check does with a key its object does not list: `'report'` it as unknown, or these lines (none: leave it alone). */
type Unlisted = 'report' | string[];

/** The lines that report key `k` of `v` as one the object (its key map `keys`) does not list. */
const reportUnknown = (keys: string): string[] => [`unknownKey(r, d, v, k, ${keys});`];

function smallObject(e: EmitObject, props: IrProperty[], facts: Array<KeyFactsRef | undefined>, unknown: Unlisted, helpers: string[], body: string[], model: EmitModel, shared: SharedDeclarations): ValidatorCode {
  const calls: string[] = [];
  for (let start = 0; start < props.length; start += CHUNK) {
    const name = `c${e.ident}_${start / CHUNK}`;
    const code = [
      '  let n = 0;',
      '  let x: unknown;',
      '  let k: string;',
      ...props.slice(start, start + CHUNK).flatMap((p, j) => propertyBlock(p, facts[start + j], model)).map((l) => `  ${l}`),
      '  return n;',
      '}',
    ];
    const text = code.join('\n');
    const same = shared.chunks.get(text);
    calls.push(`${same ?? name}(v, r, d, c === 1)`);
    if (same !== undefined) continue;
    shared.chunks.set(text, name);
    helpers.push(`function ${name}(v: Dict, r: Run, d: number, p: boolean): number {`, ...code);
  }
  // The commonest case, a key the object does not list is reported: the keys are counted here
  // (a loop V8 keeps monomorphic per object), the runtime looks for the unknown ones.
  if (unknown === 'report') {
    body.push(
      `const n = ${calls.length ? calls.join(' + ') : '0'};`,
      'let count = 0;',
      'for (const k in v) count++;',
      `if (n !== count) unknownKeys(r, d, v, count, k${e.ident});`,
    );
    return { helpers, body };
  }
  if (!unknown.length) {
    body.push(...calls.map((c) => `${c};`));
    return { helpers, body };
  }
  body.push(
    `const n = ${calls.length ? calls.join(' + ') : '0'};`,
    'let count = 0;',
    'for (const k in v) count++;',
    // Keys looked through count against the limit: one huge dictionary shared many times is bounded.
    'if (n === count || !enterItems(r, d, undefined, count)) return;',
    'for (const k in v) {',
    '  const x = v[k];',
    `  if (x === undefined || k${e.ident}.has(k) || !own(v, k)) continue;`,
    ...unknown.map((l) => `  ${l}`),
    '}',
  );
  return { helpers, body };
}

function largeObject(e: EmitObject, props: IrProperty[], facts: Array<KeyFactsRef | undefined>, unlisted: Unlisted, helpers: string[], body: string[], model: EmitModel): ValidatorCode {
  const keys = `k${e.ident}`;
  const unknown = unlisted === 'report' ? reportUnknown(keys) : unlisted;
  const chunks: string[] = [];
  for (let start = 0; start < props.length; start += CHUNK) {
    const name = `c${e.ident}_${start / CHUNK}`;
    chunks.push(name);
    helpers.push(
      `function ${name}(x: unknown, k: string, i: number, r: Run, d: number): number {`,
      '  switch (i) {',
      ...props.slice(start, start + CHUNK).flatMap((p, j) => propertyCase(p, start + j, facts[start + j], model)).map((l) => `    ${l}`),
      '  }',
      '  return 0;',
      '}',
    );
  }
  const required = props.filter(alwaysRequired).map((p) => tsString(p.name));
  if (required.length) body.push('let n = 0;');
  const dispatch = chunks.map((name, j) => (j === chunks.length - 1 ? `${name}(x, k, i, r, d)` : `i < ${(j + 1) * CHUNK} ? ${name}(x, k, i, r, d) : `)).join('');
  body.push(
    'for (const k in v) {',
    '  if (r.halt || (++r.values > VALUE_LIMIT && !enterItems(r, d, undefined, 0))) return;',
    '  const x = v[k];',
    '  if (x === undefined || !own(v, k)) continue;',
    `  const i = ${keys}.get(k);`,
    ...(unknown.length ? ['  if (i === undefined) {', ...unknown.map((l) => `    ${l}`), '    continue;', '  }'] : ['  if (i === undefined) continue;']),
    `  ${required.length ? `n += ${dispatch};` : `${dispatch};`}`,
    '}',
  );
  if (required.length) body.push(`if (n !== ${required.length}) missingKeys(r, d, v, [${required.join(', ')}]);`);
  return { helpers, body };
}

/** Human-readable note for the generated function's JSDoc. */
export function checksSummary(e: EmitObject): string {
  const props = allProperties(e);
  const required = props.filter(alwaysRequired).map((p) => p.name);
  return `${props.length} keys${required.length ? `; required: ${required.map(valueLabel).join(', ')}` : ''}`;
}

/** The version each platform deprecates the key in, where the page says; undefined when it names none. */
function deprecatedIn(prop: IrProperty): Record<string, string> | undefined {
  const where: Record<string, string> = {};
  for (const [platform, a] of Object.entries(prop.availability ?? {})) if (a?.deprecated !== undefined) where[platform] = a.deprecated;
  return Object.keys(where).length ? where : undefined;
}

/**
 * The key's option-dependent facts as the runtime's `KeyFacts`: availability (and whether the
 * page's list of platforms is exhaustive), each platform's deprecation version with what to use
 * instead, supervision and conditional deprecation; undefined when the page states none.
 */
function keyFacts(prop: IrProperty): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  if (prop.availability) {
    out['availability'] = runtimeAvailability(prop.availability);
    if (prop.availabilityExhaustive) out['exhaustive'] = true;
  }
  const where = prop.deprecated ? deprecatedIn(prop) : undefined;
  if (where) {
    out['deprecatedIn'] = where;
    // The page's own sentence says most (`use the VPNUUID property of the CalDAV payload instead`); the replacement's name is the fallback.
    const instead = prop.deprecationNote?.replace(/^Deprecated[.:]\s*/i, '') || (prop.replacedBy ? `use ${prop.replacedBy} instead` : '');
    if (instead) out['instead'] = instead;
  }
  const situation = situationFacts(prop);
  if (situation) out['situation'] = situation;
  return Object.keys(out).length ? out : undefined;
}

/** The key's supervision and conditional-deprecation facts, or nothing when the page states none. */
function situationFacts(prop: IrProperty): Record<string, unknown> | undefined {
  if (!prop.supervised && !prop.deprecatedWhen?.length) return undefined;
  const out: Record<string, unknown> = {};
  if (prop.supervised) {
    out['supervised'] = true;
    if (prop.supervisedPlatforms?.length) out['platforms'] = prop.supervisedPlatforms;
    const since: Record<string, string> = {};
    const until: Record<string, string> = {};
    for (const [platform, f] of Object.entries(prop.supervision ?? {})) {
      if (f?.since !== undefined) since[platform] = f.since;
      if (f?.until !== undefined) until[platform] = f.until;
    }
    if (Object.keys(since).length) out['since'] = since;
    if (Object.keys(until).length) out['until'] = until;
  }
  if (prop.deprecatedWhen?.length) {
    out['when'] = prop.deprecatedWhen;
    if (prop.deprecatedWhenNote) out['note'] = prop.deprecatedWhenNote;
  }
  return out;
}
