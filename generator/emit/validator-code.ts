/**
 * Straight-line validation code for one object: a check per key, in the order the page lists
 * them, calling the small helpers of the generated runtime. No interpreter walks the IR at run
 * time; every constant is inlined as a literal.
 */
import { assertNever, type Availability, type IrProperty, type IrType, type JsonValue } from '../model/ir.js';
import { deprecationText, typeLabel, valueLabel } from './docs-text.js';
import { allProperties, typedAllowed, type EmitModel, type EmitObject } from './emit-model.js';
import { tsString } from './naming.js';

function lit(v: JsonValue): string {
  return typeof v === 'string' ? tsString(v) : JSON.stringify(v);
}

interface Constraint {
  allowed?: readonly JsonValue[] | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
}

/** Checks of allowed values and range on a value already known to have the right type. */
function constraintCode(c: Constraint, x: string, p: string): string[] {
  const allowed = c.allowed?.length ? c.allowed : undefined;
  const inAllowed = allowed ? allowed.map((v) => `${x} === ${lit(v)}`).join(' || ') : '';
  const allowedList = allowed ? `[${allowed.map(lit).join(', ')}]` : '';
  const hasRange = c.minimum !== undefined || c.maximum !== undefined;
  if (!hasRange) return allowed ? [`if (!(${inAllowed})) notAllowed(issues, ${p}, ${allowedList}, ${x});`] : [];
  const out: string[] = [];
  // Where a page gives both, listed values are exceptions to the range (`0` meaning "never").
  const guard = allowed ? `!(${inAllowed}) && ` : '';
  if (c.minimum !== undefined) out.push(`if (${guard}(${x} as number) < ${c.minimum}) belowMinimum(issues, ${p}, ${c.minimum}, ${x});`);
  if (c.maximum !== undefined) out.push(`if (${guard}(${x} as number) > ${c.maximum}) aboveMaximum(issues, ${p}, ${c.maximum}, ${x});`);
  return out;
}

/** Code that checks value `x` at path expression `p` against type `t`. */
export function typeCheck(t: IrType, c: Constraint, x: string, p: string, depth: number, model: EmitModel): string[] {
  const expected = tsString(typeLabel(t));
  const simple = (test: string): string[] => {
    const constraints = constraintCode(c, x, p);
    if (!constraints.length) return [`if (${test}) wrongType(issues, ${p}, ${expected}, ${x});`];
    return [`if (${test}) wrongType(issues, ${p}, ${expected}, ${x});`, 'else {', ...constraints.map((l) => `  ${l}`), '}'];
  };
  switch (t.kind) {
    case 'string':
      return simple(`typeof ${x} !== 'string'`);
    case 'integer':
      return simple(`!isInteger(${x})`);
    case 'real':
      return simple(`!isReal(${x})`);
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
      return target ? [`check${target.ident}(${x}, ${p}, issues, o);`] : simple(`!isDict(${x})`);
    }
    case 'array': {
      const i = `i${depth}`;
      const xi = `x${depth + 1}`;
      // Paths are expressions, built only when an issue is reported.
      const pi = `${p} + '[' + ${i} + ']'`;
      const inner = typeCheck(t.items, c, xi, pi, depth + 1, model);
      if (!inner.length) return [`if (!Array.isArray(${x})) wrongType(issues, ${p}, ${expected}, ${x});`];
      return [
        `if (!Array.isArray(${x})) wrongType(issues, ${p}, ${expected}, ${x});`,
        `else for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`,
        `  const ${xi}: unknown = ${x}[${i}];`,
        ...inner.map((l) => `  ${l}`),
        '}',
      ];
    }
    default:
      return assertNever(t);
  }
}

/** Only the fields the runtime reads, so later IR additions leave the validators as they are. */
function availabilityLiteral(av: Availability): string {
  const out: Record<string, Record<string, string | boolean>> = {};
  for (const [platform, a] of Object.entries(av)) {
    if (!a) continue;
    const { introduced, removed, availableThrough, available } = a;
    out[platform] = JSON.parse(JSON.stringify({ introduced, removed, availableThrough, available })) as Record<string, string | boolean>;
  }
  return JSON.stringify(out);
}

/** Keys an object literal inherits: reading them as `v[key]` would find the prototype's. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Keys per chunk function. Within a chunk, keys are checked inline, each read by its constant
 * name, as fast as hand-written code; chunks keep each function short, which keeps the type
 * checker's flow analysis (quadratic in a function's branches) cheap on objects of 300 keys.
 */
export const CHUNK = 16;

/** One key's inline check: reads it, counts it when present, reports it when required and absent. */
function propertyBlock(prop: IrProperty, model: EmitModel): string[] {
  const key = tsString(prop.name);
  const p = `at(path, ${key})`;
  const checks = typeCheck(prop.type, { allowed: typedAllowed(prop.type, prop.allowedValues), minimum: prop.minimum, maximum: prop.maximum }, 'x0', p, 0, model);
  if (prop.availability) checks.push(`if (o.platform !== undefined) availability(issues, ${p}, ${availabilityLiteral(prop.availability)}, o${prop.availabilityExhaustive ? ', true' : ''});`);
  if (prop.deprecated) checks.push(deprecationCall(prop, p));
  const situation = situationLiteral(prop);
  if (situation) checks.push(`if (o.supervised !== undefined || o.enrollment !== undefined) situation(issues, ${p}, ${situation}, o);`);
  // A key Object.prototype also has (`constructor`, `__proto__`…) counts only as an own key.
  const read = INHERITED.has(prop.name) ? `own(v, ${key}) ? v[${key}] : undefined` : `v[${key}]`;
  const present = ['  n++;', ...checks.map((l) => `  ${l}`)];
  return [
    `x0 = ${read};`,
    ...(prop.required
      ? ['if (x0 === undefined) ' + `missingRequired(issues, path, ${key});`, 'else {', ...present, '}']
      : ['if (x0 !== undefined) {', ...present, '}']),
  ];
}

export interface ValidatorCode {
  /** Top-level declarations the check function calls: the chunk functions, the known-key set. */
  helpers: string[];
  /** The body of `check<Ident>(value, path, issues, o)`. */
  body: string[];
}

/**
 * The code of one object's check: chunk functions that check the listed keys in page order and
 * return how many they found, then, only when the dictionary holds more keys than that, a pass
 * for the keys it does not list.
 */
export function validatorCode(e: EmitObject, model: EmitModel): ValidatorCode {
  const props = allProperties(e);
  const helpers: string[] = [];
  const calls: string[] = [];
  for (let start = 0; start < props.length; start += CHUNK) {
    const name = `c${e.ident}_${start / CHUNK}`;
    calls.push(`${name}(v, path, issues, o)`);
    helpers.push(
      `function ${name}(v: Dict, path: string, issues: ValidationIssue[], o: ValidateOptions): number {`,
      '  let n = 0;',
      '  let x0: unknown;',
      ...props.slice(start, start + CHUNK).flatMap((prop) => propertyBlock(prop, model)).map((l) => `  ${l}`),
      '  return n;',
      '}',
    );
  }
  // The dictionary test and the key count are inline so each object's check stays monomorphic.
  const body = [
    `if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date || value instanceof Uint8Array) {`,
    `  wrongType(issues, path, 'dictionary', value);`, '  return;', '}', 'const v = value as Dict;',
  ];
  body.push(`const n = ${calls.length ? calls.join(' + ') : '0'};`);
  const wildcard = e.wildcard ?? e.inherits.find((p) => p.wildcard)?.wildcard;
  if (e.unresolvedInherits.length) {
    // The object also takes the keys of a page the spec lacks: an unlisted key may be one of those.
    body.push('void n;');
    return { helpers, body };
  }
  const known = `known${e.ident}`;
  helpers.push(`const ${known}: ReadonlySet<string> = /* @__PURE__ */ new Set<string>([${props.map((p) => tsString(p.name)).join(', ')}]);`);
  if (wildcard) {
    const inner = typeCheck(wildcard.type, { allowed: typedAllowed(wildcard.type, wildcard.allowedValues), minimum: wildcard.minimum, maximum: wildcard.maximum }, 'x0', 'at(path, k)', 0, model);
    body.push('let count = 0;', 'for (const k in v) count++;', 'if (n !== count) for (const k of Object.keys(v)) {', `  if (${known}.has(k)) continue;`, '  const x0: unknown = v[k];', ...inner.map((l) => `  ${l}`), '}');
  } else {
    body.push('let count = 0;', 'for (const k in v) count++;', `if (n !== count) unknownKeys(issues, path, v, ${known}, o);`);
  }
  return { helpers, body };
}

/** Human-readable note for the generated function's JSDoc. */
export function checksSummary(e: EmitObject): string {
  const props = allProperties(e);
  const required = props.filter((p) => p.required).map((p) => p.name);
  return `${props.length} keys${required.length ? `; required: ${required.map(valueLabel).join(', ')}` : ''}`;
}

/**
 * The deprecation check: the page's text (naming every platform, for runs without one), and where
 * the page gives versions, each platform's, so a run for one platform hears only of its own.
 */
function deprecationCall(prop: IrProperty, p: string): string {
  const where: Record<string, string> = {};
  for (const [platform, a] of Object.entries(prop.availability ?? {})) if (a?.deprecated !== undefined) where[platform] = a.deprecated;
  const text = tsString(deprecationText(prop));
  if (!Object.keys(where).length) return `deprecated(issues, ${p}, o, ${text});`;
  // The page's own sentence says most (`use the VPNUUID property of the CalDAV payload instead`); the replacement's name is the fallback.
  const instead = prop.deprecationNote?.replace(/^Deprecated[.:]\s*/i, '') || (prop.replacedBy ? `use ${prop.replacedBy} instead` : '');
  return `deprecated(issues, ${p}, o, ${text}, ${JSON.stringify(where)}${instead ? `, ${tsString(instead)}` : ''});`;
}

/** The key's supervision and conditional-deprecation facts as a literal, or nothing when the page states none. */
function situationLiteral(prop: IrProperty): string | undefined {
  if (!prop.supervised && !prop.deprecatedWhen?.length) return undefined;
  const parts: string[] = [];
  if (prop.supervised) {
    parts.push('supervised: true');
    if (prop.supervisedPlatforms?.length) parts.push(`platforms: ${JSON.stringify(prop.supervisedPlatforms)}`);
    const since: Record<string, string> = {};
    const until: Record<string, string> = {};
    for (const [platform, f] of Object.entries(prop.supervision ?? {})) {
      if (f?.since !== undefined) since[platform] = f.since;
      if (f?.until !== undefined) until[platform] = f.until;
    }
    if (Object.keys(since).length) parts.push(`since: ${JSON.stringify(since)}`);
    if (Object.keys(until).length) parts.push(`until: ${JSON.stringify(until)}`);
  }
  if (prop.deprecatedWhen?.length) {
    parts.push(`when: ${JSON.stringify(prop.deprecatedWhen)}`);
    if (prop.deprecatedWhenNote) parts.push(`note: ${tsString(prop.deprecatedWhenNote)}`);
  }
  return `{ ${parts.join(', ')} }`;
}
