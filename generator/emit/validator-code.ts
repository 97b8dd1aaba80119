/**
 * Straight-line validation code for one object: a check per key, in the order the page lists
 * them, calling the small helpers of the generated runtime. No interpreter walks the IR at run
 * time; every constant is inlined as a literal.
 */
import { assertNever, type Availability, type IrProperty, type IrType, type JsonValue } from '../model/ir.js';
import { typeLabel, valueLabel } from './docs-text.js';
import { allProperties, type EmitModel, type EmitObject } from './emit-model.js';
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
      const pi = `p${depth + 1}`;
      const inner = typeCheck(t.items, c, xi, pi, depth + 1, model);
      if (!inner.length) return [`if (!Array.isArray(${x})) wrongType(issues, ${p}, ${expected}, ${x});`];
      return [
        `if (!Array.isArray(${x})) wrongType(issues, ${p}, ${expected}, ${x});`,
        `else for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`,
        `  const ${xi}: unknown = ${x}[${i}];`,
        `  const ${pi} = ${p} + '[' + ${i} + ']';`,
        ...inner.map((l) => `  ${l}`),
        '}',
      ];
    }
    default:
      return assertNever(t);
  }
}

function availabilityLiteral(av: Availability): string {
  return JSON.stringify(av);
}

/** The checks for one key found in the dictionary. */
function propertyCode(prop: IrProperty, model: EmitModel): string[] {
  const key = tsString(prop.name);
  const body = [
    `const x0: unknown = v[${key}];`,
    `const p0 = at(path, ${key});`,
    ...typeCheck(prop.type, { allowed: prop.allowedValues, minimum: prop.minimum, maximum: prop.maximum }, 'x0', 'p0', 0, model),
  ];
  if (prop.availability) body.push(`if (o.platform !== undefined) availability(issues, p0, ${availabilityLiteral(prop.availability)}, o);`);
  if (prop.deprecated) body.push(`deprecated(issues, p0, ${tsString(prop.deprecationNote ?? deprecationMessage(prop))});`);
  const lines = [`if (own(v, ${key})) {`, ...body.map((l) => `  ${l}`), '}'];
  if (prop.required) lines.push(`else missingRequired(issues, path, ${key});`);
  return lines;
}

/** The body of `check<Ident>(value, path, issues, o)`. */
export function checkBody(e: EmitObject, model: EmitModel): string[] {
  const props = allProperties(e);
  const lines = ['if (!isDict(value)) {', `  wrongType(issues, path, 'dictionary', value);`, '  return;', '}', 'const v = value;'];
  for (const prop of props) lines.push(...propertyCode(prop, model));
  const wildcard = e.wildcard ?? e.inherits.find((p) => p.wildcard)?.wildcard;
  lines.push('for (const k of Object.keys(v)) {');
  if (props.length) {
    lines.push('  switch (k) {');
    for (const prop of props) lines.push(`    case ${tsString(prop.name)}:`);
    lines.push('      continue;', '  }');
  }
  if (e.unresolvedInherits.length) {
    // The object also takes the keys of a page the spec lacks: an unlisted key may be one of those.
    lines.push('  void k;');
  } else if (wildcard) {
    const inner = typeCheck(wildcard.type, { allowed: wildcard.allowedValues, minimum: wildcard.minimum, maximum: wildcard.maximum }, 'x0', 'p0', 0, model);
    lines.push('  const x0: unknown = v[k];', '  const p0 = at(path, k);', ...inner.map((l) => `  ${l}`));
  } else {
    lines.push('  unknownKey(issues, path, k, o);');
  }
  lines.push('}');
  return lines;
}

/** Human-readable note for the generated function's JSDoc. */
export function checksSummary(e: EmitObject): string {
  const props = allProperties(e);
  const required = props.filter((p) => p.required).map((p) => p.name);
  return `${props.length} keys${required.length ? `; required: ${required.map(valueLabel).join(', ')}` : ''}`;
}

/** `Deprecated in macOS 15 and iOS 17.` from the key's availability, when the page gives no sentence. */
function deprecationMessage(prop: IrProperty): string {
  const where = Object.entries(prop.availability ?? {})
    .filter(([, a]) => a?.deprecated !== undefined)
    .map(([platform, a]) => `${platform} ${a!.deprecated}`);
  return where.length ? `Deprecated in ${where.join(', ')}.` : 'The key is deprecated.';
}
