/**
 * The code of an object's conditional requirements (`requiredWhen`): one function, called after
 * the key checks, that reports each conditionally required key that is missing where its
 * conditions hold, as far as the options let them be judged. Keys required in a user enrollment
 * and keys required in a device enrollment form a group: without `enrollment`, one of them is
 * required. A condition that needs the channel is never judged (validators are not told it), nor
 * one on another key's value that the parser marks `unjudged` (`generator/parse/judged-conditions.ts`).
 */
import { PLATFORMS, type IrProperty, type RequiredCondition } from '../model/ir.js';
import { tsString } from './naming.js';

/** A key required everywhere: what `missingKeys` and the TypeScript type treat as required. */
export function alwaysRequired(p: IrProperty): boolean {
  return p.required && !p.requiredWhen?.length;
}

const read = (key: string): string => `(own(v, ${tsString(key)}) ? v[${tsString(key)}] : undefined)`;

/** A test of `v` that is true when the condition on another key's value holds, or undefined when it is not judged. */
export function keyHolds(c: Extract<RequiredCondition, { kind: 'key' }>): string | undefined {
  if (c.unjudged !== undefined) return undefined;
  const x = read(c.key);
  // Values are strings and booleans (judged-conditions.ts): compared exactly, as a device reads them.
  const tests = c.values?.length ? c.values.map((value) => `${x} === ${typeof value === 'string' ? tsString(value) : String(value)}`) : [`${x} !== undefined`];
  if (c.orAbsent) tests.unshift(`${x} === undefined`);
  return tests.length === 1 ? tests[0]! : `(${tests.join(' || ')})`;
}

/** "in a user enrollment on the user channel", "on macOS, tvOS", "when FilterType is Plugin": for messages and docs. */
export function conditionText(c: RequiredCondition): string {
  switch (c.kind) {
    case 'enrollment':
      return `in a ${c.enrollment} enrollment${c.channel ? ' on the user channel' : ''}`;
    case 'channel':
      return 'on the user channel';
    case 'platform':
      return `on ${PLATFORMS.filter((p) => c.platforms.includes(p)).join(', ')}`;
    case 'key':
      if (!c.values?.length) return `when ${c.key} is present`;
      return `when ${c.key} is ${c.orAbsent ? 'absent or ' : ''}${c.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' or ')}`;
    case 'absent':
      return `when ${c.key} is absent`;
  }
}

/** All of a key's conditions, in words. */
export function conditionsText(p: IrProperty): string {
  return (p.requiredWhen ?? []).map(conditionText).join(' and ');
}

/** Why validators leave a key's condition on another key's value unchecked, in words, or ''. */
export function unjudgedText(p: IrProperty): string {
  const why = (p.requiredWhen ?? []).flatMap((c) => (c.kind === 'key' && c.unjudged !== undefined ? [c.unjudged] : []));
  return why.length ? `not checked by the validators: ${why.join('; ')}` : '';
}

/** A test that is true when the condition certainly holds (never when the options do not say). */
function holds(c: RequiredCondition): string | undefined {
  switch (c.kind) {
    case 'enrollment':
      return c.channel ? undefined : `e === ${tsString(c.enrollment)}`;
    case 'channel':
      return undefined;
    case 'platform':
      return `(r.o.platform !== undefined && ${JSON.stringify(c.platforms)}.includes(r.o.platform))`;
    case 'key':
      // An unjudged one stays in the types' JSDoc and the docs, with its reason in the IR.
      return keyHolds(c);
    case 'absent':
      return `${read(c.key)} === undefined`;
  }
}

/** A test that is false when the condition certainly does not hold: for a group's other conditions. */
function mayHold(c: RequiredCondition): string {
  return c.kind === 'platform' ? `(r.o.platform === undefined || ${JSON.stringify(c.platforms)}.includes(r.o.platform))` : holds(c) ?? 'true';
}

/**
 * The function `q<Ident>(v, r, d)` for the object's conditional keys, or nothing when it has none.
 * Each key is reported once; an `absent` pair (one of two keys required) is reported on the first.
 */
export function requiredCode(ident: string, props: readonly IrProperty[]): string[] {
  const conditional = props.filter((p) => p.requiredWhen?.length);
  if (!conditional.length) return [];
  const lines: string[] = [];
  const done = new Set<string>();
  // The enrollment is read once, where a condition or the group needs it.
  let usesEnrollment = false;
  const isGroup = (p: IrProperty): boolean => p.requiredWhen!.some((c) => c.kind === 'enrollment' && !c.channel) && !p.requiredWhen!.some((c) => c.kind === 'channel');
  const group = conditional.filter(isGroup);
  const sides = new Set(group.flatMap((p) => p.requiredWhen!.flatMap((c) => (c.kind === 'enrollment' ? [c.enrollment] : []))));
  // Alternatives only where both kinds of enrollment have a key: one kind alone requires nothing unknown.
  if (sides.size === 2) {
    usesEnrollment = true;
    const members = group.map((p) => {
      const others = p.requiredWhen!.filter((c) => c.kind !== 'enrollment').map(mayHold);
      return { p, test: others.length ? others.join(' && ') : 'true' };
    });
    lines.push('if (e === undefined) {', '  const g: string[] = [];', '  const w: string[] = [];');
    for (const m of members) {
      const add = `g.push(${tsString(m.p.name)}); w.push(${tsString(conditionsText(m.p))});`;
      lines.push(m.test === 'true' ? `  ${add}` : `  if (${m.test}) { ${add} }`);
    }
    lines.push('  if (g.length && g.every((k) => !own(v, k) || v[k] === undefined)) missingOneOf(r, d, g, w);', '}');
  }
  for (const p of conditional) {
    if (done.has(p.name)) continue;
    const tests = p.requiredWhen!.map(holds);
    if (tests.some((t) => t === undefined)) continue;
    if (p.requiredWhen!.some((c) => c.kind === 'enrollment')) usesEnrollment = true;
    const absent = p.requiredWhen!.find((c): c is Extract<RequiredCondition, { kind: 'absent' }> => c.kind === 'absent');
    if (absent) {
      done.add(absent.key);
      lines.push(`if (${read(p.name)} === undefined && ${tests.join(' && ')}) missingOneOf(r, d, [${tsString(p.name)}, ${tsString(absent.key)}], []);`);
      continue;
    }
    lines.push(`if (${read(p.name)} === undefined && ${tests.join(' && ')}) missingWhen(r, d, ${tsString(p.name)}, ${tsString(conditionsText(p))});`);
  }
  if (!lines.length) return [];
  return [
    `function q${ident}(v: Dict, r: Run, d: number): void {`,
    ...(usesEnrollment ? ['  const e = enrollmentOf(r.o.enrollment);'] : []),
    ...lines.map((l) => `  ${l}`),
    '}',
  ];
}
