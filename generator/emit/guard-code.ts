/**
 * The code of an object's guard `g<Ident>(v, d)`: what `is<Name>` runs when no option changes the
 * verdict. Pure boolean code: each check is a test that returns `false` at the first failure, so
 * the guard keeps no run state, counts no errors and builds no finding. It judges exactly what
 * makes `validate<Name>(v).valid` false without options (a wrong type, a value outside the list
 * or the range, a missing required key, the `ANY` key's type, a value nested past the depth
 * limit or holding more values than the value limit), in the validator's own way of reading keys
 * (own properties only), so the two verdicts agree on every value (test/emit/guard-verdict.test.ts).
 *
 * The limits are the validator's: `d` is the validator's depth (its path length), and the module's
 * counter `gv` counts what the validator's run counts (each dictionary entered, each array's items
 * before they are looked at, the keys a dictionary with unlisted keys is looked through, each key
 * of a large object). A value with no error is walked whole by both, so both counts are equal;
 * past the limit both verdicts are false, so a cyclic value stops at the depth limit.
 */
import { assertNever, type IrProperty, type IrType, type JsonValue } from '../model/ir.js';
import { allProperties, takesUnlistedKeys, typedAllowed, type EmitModel, type EmitObject } from './emit-model.js';
import { tsString } from './naming.js';
import { alwaysRequired, keyHolds } from './required-code.js';
import { CHUNK, keyRead, SMALL } from './validator-code.js';

function lit(v: JsonValue): string {
  return typeof v === 'string' ? tsString(v) : JSON.stringify(v);
}

interface Constraint {
  allowed?: readonly JsonValue[] | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
}

/** Tests, each true when value `x` of the right type breaks the constraint (`n` is what is compared). */
function constraintTests(c: Constraint, n: string): string[] {
  const allowed = c.allowed?.length ? c.allowed : undefined;
  const inAllowed = allowed ? allowed.map((v) => `${n} === ${lit(v)}`).join(' || ') : '';
  const hasRange = c.minimum !== undefined || c.maximum !== undefined;
  if (!hasRange) return allowed ? [`!(${inAllowed})`] : [];
  // Where a page gives both, listed values are exceptions to the range, as the validator has it.
  const guard = allowed ? `!(${inAllowed}) && ` : '';
  const out: string[] = [];
  if (c.minimum !== undefined) out.push(`${guard}(${n} as number) < ${c.minimum}`);
  if (c.maximum !== undefined) out.push(`${guard}(${n} as number) > ${c.maximum}`);
  return out;
}

/** Statements that `return false` (or `fail`) when `x` is not a valid `t`; nothing when any value is. */
function typeGuard(t: IrType, c: Constraint, x: string, level: number, model: EmitModel, fail: string): string[] {
  const depth = `d + ${level + 1}`;
  const simple = (test: string, n: string = x): string[] => [`if (${[test, ...constraintTests(c, n).map((s) => `(${s})`)].join(' || ')}) ${fail}`];
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
      return target ? [`if (!g${target.ident}(${x}, ${depth})) ${fail}`] : simple(`!isDict(${x})`);
    }
    case 'array': {
      const i = `i${level}`;
      const xi = `x${level + 1}`;
      const inner = typeGuard(t.items, c, xi, level + 1, model, fail);
      if (!inner.length) return [`if (!Array.isArray(${x})) ${fail}`];
      // The items are counted before they are looked at, as the validator counts them.
      return [
        `if (!Array.isArray(${x}) || (gv += ${x}.length) > VALUE_LIMIT) ${fail}`,
        `for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`,
        `  const ${xi}: unknown = ${x}[${i}];`,
        ...inner.map((l) => `  ${l}`),
        '}',
      ];
    }
    default:
      return assertNever(t);
  }
}

function propertyGuard(p: IrProperty, model: EmitModel, fail: string): string[] {
  return typeGuard(p.type, { allowed: typedAllowed(p.type, p.allowedValues), minimum: p.minimum, maximum: p.maximum }, 'x', 0, model, fail);
}

export interface GuardCode {
  /** Top-level declarations the guard calls (a large object's chunk functions). */
  helpers: string[];
  /** The body of `g<Ident>(u: unknown, d: number): boolean`. */
  body: string[];
}

/** The guard of one object. */
export function guardCode(e: EmitObject, model: EmitModel): GuardCode {
  const props = allProperties(e);
  const wildcard = e.wildcard ?? e.inherits.find((p) => p.wildcard)?.wildcard;
  // A key the object does not list is only a warning, unless the `ANY` key gives it a type.
  const unknown = wildcard ? propertyGuard(wildcard, model, 'return false;') : [];
  // The validator looks through a small object's unlisted keys (and counts them) unless it takes any.
  const looks = wildcard ? unknown.length > 0 : !takesUnlistedKeys(e);
  // Entering counts against the limits, as the validator's `enterValue`.
  const body = ['const c = dictKind(u);', 'if (c === 0 || d > DEPTH_LIMIT || ++gv > VALUE_LIMIT) return false;', 'const v = u as Dict;', ...requiredGuard(props)];
  return props.length <= SMALL ? smallGuard(e, props, unknown, looks, body, model) : largeGuard(e, props, unknown, body, model);
}

/**
 * Keys read by their constant names as the validator reads them (own properties); unlisted keys
 * counted and judged as it does. An object of more than two chunks' keys judges them in chunk
 * functions of `CHUNK` keys (each -1 when wrong, else the keys it found), as the validator does,
 * so each function stays small for V8 and for the type checker.
 */
function smallGuard(e: EmitObject, props: IrProperty[], unknown: string[], looks: boolean, body: string[], model: EmitModel): GuardCode {
  const helpers: string[] = [];
  const keyLines = (list: IrProperty[], fail: string): string[] => {
    const out: string[] = [];
    for (const p of list) {
      const { read, absent, present } = keyRead(p.name);
      out.push(`x = ${read};`);
      const checks = propertyGuard(p, model, fail);
      const counted = looks ? ['n++;'] : [];
      if (alwaysRequired(p)) out.push(`if (${absent}) ${fail}`, ...counted, ...checks);
      else if (checks.length || counted.length) out.push(`if (${present}) {`, ...[...counted, ...checks].map((l) => `  ${l}`), '}');
    }
    return out;
  };
  if (looks) body.push('let n = 0;');
  if (props.length > 2 * CHUNK) {
    body.push('const p = c === 1;', 'let m: number;');
    for (let start = 0; start < props.length; start += CHUNK) {
      const name = `g${e.ident}_${start / CHUNK}`;
      helpers.push(
        `function ${name}(v: Dict, p: boolean, d: number): number {`,
        ...['let x: unknown;', ...(looks ? ['let n = 0;'] : []), ...keyLines(props.slice(start, start + CHUNK), 'return -1;'), `return ${looks ? 'n' : '0'};`].map((l) => `  ${l}`),
        '}',
      );
      body.push(`if ((m = ${name}(v, p, d)) < 0) return false;`, ...(looks ? ['n += m;'] : []));
    }
  } else {
    if (props.length) body.push('const p = c === 1;', 'let x: unknown;');
    body.push(...keyLines(props, 'return false;'));
  }
  if (looks) {
    // As the validator: unlisted keys are looked for only when the value has more keys than it found.
    body.push('let count = 0;', 'for (const k in v) count++;', 'if (n === count) return true;', 'if ((gv += count) > VALUE_LIMIT) return false;');
    if (unknown.length) {
      body.push(
        'for (const k in v) {',
        '  const x = v[k];',
        `  if (x === undefined || k${e.ident}.has(k) || !own(v, k)) continue;`,
        ...unknown.map((l) => `  ${l}`),
        '}',
      );
    }
  }
  body.push('return true;');
  return { helpers, body };
}

/**
 * Each key the value has looked up once in the object's key map (the validator's `k<Ident>`) and
 * judged by its case in a chunk function: -1 when wrong, else 1 for a required key, 0 for another.
 */
function largeGuard(e: EmitObject, props: IrProperty[], unknown: string[], body: string[], model: EmitModel): GuardCode {
  const helpers: string[] = [];
  const chunks: string[] = [];
  for (let start = 0; start < props.length; start += CHUNK) {
    const name = `gc${e.ident}_${start / CHUNK}`;
    chunks.push(name);
    const cases = props.slice(start, start + CHUNK).flatMap((p, j) => [
      `case ${start + j}:`,
      ...propertyGuard(p, model, 'return -1;').map((l) => `  ${l}`),
      `  return ${alwaysRequired(p) ? 1 : 0};`,
    ]);
    helpers.push(`function ${name}(x: unknown, i: number, d: number): number {`, '  switch (i) {', ...cases.map((l) => `    ${l}`), '  }', '  return 0;', '}');
  }
  const required = props.filter(alwaysRequired).map((p) => tsString(p.name));
  const dispatch = chunks.map((name, j) => (j === chunks.length - 1 ? `${name}(x, i, d)` : `i < ${(j + 1) * CHUNK} ? ${name}(x, i, d) : `)).join('');
  body.push(
    'let n = 0;',
    'for (const k in v) {',
    // Each key looked through counts, as the validator counts it.
    '  if (++gv > VALUE_LIMIT) return false;',
    '  const x = v[k];',
    '  if (x === undefined || !own(v, k)) continue;',
    `  const i = k${e.ident}.get(k);`,
    ...(unknown.length ? ['  if (i === undefined) {', ...unknown.map((l) => `    ${l}`), '    continue;', '  }'] : ['  if (i === undefined) continue;']),
    `  const c = ${dispatch};`,
    '  if (c < 0) return false;',
    '  n += c;',
    '}',
  );
  // As the validator: a count short of the required keys is settled by looking at each as an own key.
  if (required.length) body.push(`if (n !== ${required.length}) for (const k of [${required.join(', ')}]) if (!own(v, k) || v[k] === undefined) return false;`);
  body.push('return true;');
  return { helpers, body };
}

const missing = (key: string): string => `(!own(v, ${tsString(key)}) || v[${tsString(key)}] === undefined)`;

/**
 * The conditional requirements the validator judges without options (`required-code.ts`): of a
 * group of keys required in a user or a device enrollment, one is required when no enrollment is
 * given; a key required when another is absent is required with it, and one required on another
 * key's value (judged: `keyHolds`) where that value is there. A condition on the enrollment, the
 * platform or the channel requires nothing without options. The validator's walk over the keys is
 * followed step by step, so the same keys are judged.
 */
function requiredGuard(props: readonly IrProperty[]): string[] {
  const conditional = props.filter((p) => p.requiredWhen?.length);
  const out: string[] = [];
  const isGroup = (p: IrProperty): boolean => p.requiredWhen!.some((c) => c.kind === 'enrollment' && !c.channel) && !p.requiredWhen!.some((c) => c.kind === 'channel');
  const group = conditional.filter(isGroup);
  const sides = new Set(group.flatMap((p) => p.requiredWhen!.flatMap((c) => (c.kind === 'enrollment' ? [c.enrollment] : []))));
  if (sides.size === 2) {
    // A member counts when its other conditions may hold: without options only an `absent` one can fail.
    const members = group.map((p) => ({ key: p.name, when: p.requiredWhen!.flatMap((c) => (c.kind === 'absent' ? [missing(c.key)] : c.kind === 'key' ? [keyHolds(c) ?? 'true'] : [])) }));
    if (members.every((m) => !m.when.length)) out.push(`if (${members.map((m) => missing(m.key)).join(' && ')}) return false;`);
    else {
      out.push('{', '  let some = false;', '  let all = true;');
      for (const m of members) out.push(`  if (${m.when.length ? m.when.join(' && ') : 'true'}) { some = true; all = all && ${missing(m.key)}; }`);
      out.push('  if (some && all) return false;', '}');
    }
  }
  const done = new Set<string>();
  for (const p of conditional) {
    if (done.has(p.name)) continue;
    const conds = p.requiredWhen!;
    // The validator leaves a key alone when any of its conditions cannot be judged.
    if (conds.some((c) => c.kind === 'channel' || (c.kind === 'key' && keyHolds(c) === undefined) || (c.kind === 'enrollment' && c.channel))) continue;
    const absent = conds.find((c) => c.kind === 'absent');
    if (absent) done.add(absent.key);
    // An enrollment or platform condition does not hold without options.
    if (conds.some((c) => c.kind !== 'absent' && c.kind !== 'key')) continue;
    const tests = conds.map((c) => (c.kind === 'absent' ? missing(c.key) : c.kind === 'key' ? keyHolds(c)! : 'false'));
    out.push(`if (${[missing(p.name), ...tests].join(' && ')}) return false;`);
  }
  return out;
}
