/**
 * The predicate parser: every predicate in the pages' examples (spec/ and each corpus flavour)
 * parses, with its extension terms found; syntax errors come back with their offset; limits hold;
 * and fast-check feeds it random text, mutated page predicates and generated predicates (which
 * must parse, and print back to text that parses to the same tree). Seeded like the other fuzz
 * tests (FUZZ_SEED, FUZZ_RUNS).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectsByStatusItem } from '@dmspec/apple';
import { DEFAULT_PREDICATE_LIMITS, parsePredicate, type ExpressionNode, type PredicateNode } from '../../generator/runtime/declarative/predicate-parser.js';
import { extensionTerms } from '../../generator/runtime/declarative/predicate-terms.js';
import { CORPUS, hasCorpus, SPEC } from '../helpers/corpus.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261122);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);

function pages(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : name.endsWith('.md') ? [path] : [];
  });
}

/**
 * The predicates of a page's examples: code blocks that use an extension term (the articles'
 * examples), and the `Predicate` of each JSON example.
 */
function examplePredicates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)) {
    const block = m[1]!.trim();
    if (block.startsWith('{')) {
      try {
        const v = JSON.parse(block) as { Payload?: { Predicate?: unknown } };
        if (typeof v.Payload?.Predicate === 'string') out.push(v.Payload.Predicate);
      } catch { /* not JSON */ }
    } else if (/@(?:status|key|property)\(/.test(block)) out.push(block);
  }
  return out;
}

function corpusPredicates(): Array<[string, string]> {
  const dirs = [SPEC, ...(hasCorpus ? readdirSync(CORPUS).filter((d) => statSync(join(CORPUS, d)).isDirectory()).map((d) => join(CORPUS, d)) : [])];
  return dirs.flatMap((dir) => pages(dir).flatMap((file) => examplePredicates(readFileSync(file, 'utf8')).map((p): [string, string] => [file, p])));
}

describe('the predicates of the pages\' examples', () => {
  const found = corpusPredicates();

  it('are found in spec/ and every corpus flavour', () => {
    const spec = found.filter(([f]) => f.startsWith(SPEC));
    // The primary pages' two, and the supplement's (2025-04-13) copy of the first.
    expect(spec.map(([, p]) => p)).toEqual([
      '(@status(device.model.family) == \'iPad\')',
      'SUBQUERY(@status(app.managed.list), $app, ($app.@key(identifier) == "com.example.app") AND ($app.@key(state) == "managed")).@count != 0',
      '(@status(device.model.family) == \'iPad\')',
    ]);
    if (hasCorpus) expect(found.length).toBeGreaterThan(spec.length);
  });

  it('all parse, and each @status names a status item the spec defines', () => {
    for (const [file, text] of found) {
      const r = parsePredicate(text);
      expect(r.ok, `${file}: ${text}: ${r.ok ? '' : r.message}`).toBe(true);
      if (!r.ok) continue;
      for (const t of extensionTerms(r.predicate).filter((t) => t.name === 'status')) expect(objectsByStatusItem.has(t.argument), t.argument).toBe(true);
    }
  });

  it('give their extension terms in order, @key with the status item its SUBQUERY ranges over', () => {
    const r = parsePredicate(found.find(([, p]) => p.startsWith('SUBQUERY'))![1]);
    expect(r.ok && extensionTerms(r.predicate).map((t) => [t.name, t.argument, t.item])).toEqual([
      ['status', 'app.managed.list', undefined],
      ['key', 'identifier', 'app.managed.list'],
      ['key', 'state', 'app.managed.list'],
    ]);
  });
});

describe('predicate syntax', () => {
  it('reads the guide\'s forms', () => {
    for (const text of [
      'TRUEPREDICATE', 'NOT FALSEPREDICATE', 'a == 1 && b != 2 || !(c < 3)', 'name BEGINSWITH[cd] "Ap"', 'name LIKE[c] \'*x?\'',
      'x BETWEEN {1, 10}', 'x IN {"a", \'b\'}', 'ANY tags == "t"', 'NONE tags CONTAINS "x"', 'ALL a.b > 0',
      'SELF == nil', 'a == NULL', 'a == YES', 'a =< 2 AND a => 1 AND a <> 3', '(1 + 2) * 3 ** 2 - -1 / 4 == 26.75',
      'list[FIRST] == list[LAST] AND list[SIZE] == 2 AND list[0] == 1', 'count(list) > 0', 'now() > CAST("2024-01-01", "NSDate")',
      'TERNARY(a == 1, "x", "y") == "x"', 'SUBQUERY(items, $i, $i.count > 2).@count == 0', '@status(\'passcode.is-compliant\') == TRUE',
      '#IN == 1', 'uti UTI-CONFORMS-TO "public.image"', '0x1f == 31 AND 0o17 == 15 AND 0b11 == 3 AND 1.5e2 == 150',
      'a MATCHES "[0-9]+"', 'ANY @property(groups) == "teacher"',
    ]) {
      const r = parsePredicate(text);
      expect(r.ok, `${text}: ${r.ok ? '' : r.message}`).toBe(true);
    }
  });

  it('gives the offset of the first error', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['', 0, /found the end/],
      ['a ==', 4, /expected a value/],
      ['a b', 2, /comparison operator/],
      ['(a == 1', 0, /never closed/],
      ['a == 1)', 6, /closes nothing/],
      ['a == "open', 5, /no closing "/],
      ['a == %@', 5, /format specifier/],
      ['a == 1 AND', 10, /found the end/],
      ['@status() == 1', 8, /needs a name/],
      ['IN == 1', 0, /found "IN"/],
      ['a == 1 ^ 2', 7, /unexpected character "\^"/],
      ['a ==[x] 1', 5, /comparison options/],
      ['SUBQUERY(a, b, c == 1) == 0', 12, /\$variable/],
      ['a == {1, 2', 10, /, or } in this array/],
    ];
    for (const [text, offset, message] of cases) {
      const r = parsePredicate(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect([text, r.offset]).toEqual([text, offset]);
        expect(r.message).toMatch(message);
      }
    }
  });

  it('stops at its limits with an error, not a stack overflow', () => {
    const deep = `${'('.repeat(500)}a == 1${')'.repeat(500)}`;
    const r = parsePredicate(deep);
    expect(r.ok || r.message).toMatch(/nests deeper than 64/);
    expect(parsePredicate(`${'NOT '.repeat(1000)}TRUEPREDICATE`)).toMatchObject({ ok: false, message: expect.stringMatching(/deeper/) });
    expect(parsePredicate(`a == ${'-'.repeat(1000)}1`)).toMatchObject({ ok: false, message: expect.stringMatching(/deeper/) });
    const long = 'a == 1 AND '.repeat(2000) + 'b == 2';
    expect(parsePredicate(long)).toMatchObject({ ok: false, offset: DEFAULT_PREDICATE_LIMITS.maxLength, message: expect.stringMatching(/over the limit/) });
    expect(parsePredicate('a == 1 AND '.repeat(100) + 'b == 2').ok).toBe(true);
    expect(parsePredicate('a == 1', { ...DEFAULT_PREDICATE_LIMITS, maxSteps: 2 })).toMatchObject({ ok: false, message: expect.stringMatching(/steps/) });
  });
});

/** Prints a tree back to predicate text, fully parenthesised, so the printed form says its own structure. */
function print(p: PredicateNode): string {
  switch (p.kind) {
    case 'constant': return p.value ? 'TRUEPREDICATE' : 'FALSEPREDICATE';
    case 'not': return `NOT (${print(p.operand)})`;
    case 'and': case 'or': return p.operands.map((o) => `(${print(o)})`).join(p.kind === 'and' ? ' AND ' : ' OR ');
    case 'comparison': return `${p.quantifier ? `${p.quantifier} ` : ''}${expr(p.left)} ${p.operator}${p.options ? `[${p.options}]` : ''} ${expr(p.right)}`;
  }
}

function expr(e: ExpressionNode): string {
  switch (e.kind) {
    case 'literal': return typeof e.value === 'string' ? JSON.stringify(e.value) : e.value === null ? 'NULL' : typeof e.value === 'boolean' ? (e.value ? 'TRUE' : 'FALSE') : String(e.value);
    case 'self': return 'SELF';
    case 'variable': return `$${e.name}`;
    case 'key': return e.name;
    case 'extension': return `@${e.name}(${e.argument})`;
    case 'operator': return `@${e.name}`;
    case 'member': return `${expr(e.object)}.${expr(e.member)}`;
    case 'index': return `${expr(e.object)}[${typeof e.index === 'string' ? e.index : expr(e.index)}]`;
    case 'array': return `{${e.items.map(expr).join(', ')}}`;
    case 'function': return `${e.name}(${e.args.map((a) => ('operator' in a && a.kind === 'comparison') || ['not', 'and', 'or', 'constant'].includes(a.kind) ? print(a as PredicateNode) : expr(a as ExpressionNode)).join(', ')})`;
    case 'subquery': return `SUBQUERY(${expr(e.collection)}, $${e.variable}, ${print(e.predicate)})`;
    case 'arithmetic': return `(${expr(e.left)} ${e.operator} ${expr(e.right)})`;
    case 'negate': return `-(${expr(e.operand)})`;
  }
}

const STATUS_NAMES = [...objectsByStatusItem.keys()];

const key = fc.constantFrom('name', 'age', 'tags', 'a', 'b_2', 'Items');
const atom: fc.Arbitrary<string> = fc.oneof(
  key,
  fc.integer({ min: 0, max: 10_000 }).map(String),
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('TRUE', 'NO', 'nil', 'SELF', '$x', 'now()'),
  fc.constantFrom(...STATUS_NAMES).map((n) => `@status(${n})`),
  fc.constantFrom('groups', 'is-part-time').map((n) => `@property(${n})`),
);
const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.array(atom, { maxLength: 3 }).map((items) => `{${items.join(', ')}}`),
    fc.tuple(key, key).map(([a, b]) => `${a}.${b}`),
    tie('e').map((a) => `count({${a}})`),
  ),
})).e;
const comparison = fc.tuple(fc.constantFrom('', 'ANY ', 'ALL '), expression, fc.constantFrom('==', '!=', '<', '>=', 'IN', 'CONTAINS', 'BEGINSWITH[cd]', 'LIKE', 'BETWEEN'), expression)
  .map(([q, a, op, b]) => `${q}${a} ${op} ${op === 'BETWEEN' ? `{${b}, ${b}}` : b}`);
const predicate: fc.Arbitrary<string> = fc.letrec<{ p: string }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.constantFrom('TRUEPREDICATE', 'FALSEPREDICATE'),
    tie('p').map((p) => `NOT (${p})`),
    fc.tuple(tie('p'), fc.constantFrom('AND', 'OR', '&&', '||'), tie('p')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(fc.constantFrom(...STATUS_NAMES), tie('p')).map(([n, p]) => `SUBQUERY(@status(${n}), $i, ${p}).@count > 0`),
  ),
})).p;

describe('fuzzing the predicate parser', () => {
  const pagePredicates = corpusPredicates().map(([, p]) => p);

  it(`never throws on random text, and any error is inside the string (${RUNS} runs, seed ${SEED})`, () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc.array(fc.constantFrom('(', ')', '{', '}', '[', ']', '"', "'", '@', '$', '%', '#', '.', ',', ' ', 'a', '1', '==', 'AND', 'NOT', '@status(', 'SUBQUERY(', '\\'), { maxLength: 80 }).map((a) => a.join('')),
    );
    fc.assert(fc.property(text, (t) => {
      const r = parsePredicate(t);
      if (!r.ok) {
        expect(r.offset).toBeGreaterThanOrEqual(0);
        expect(r.offset).toBeLessThanOrEqual(t.length);
        expect(r.message.length).toBeGreaterThan(0);
      }
    }), { seed: SEED, numRuns: RUNS });
  });

  it(`never throws on the pages' predicates cut, spliced and repeated (${RUNS} runs)`, () => {
    const mutated = fc.tuple(fc.constantFrom(...pagePredicates), fc.nat(), fc.nat(), fc.constantFrom('', '(', ')', '"', '@status(', ' AND ', '$app', '.@count', '\u0000', '\u202e'), fc.integer({ min: 1, max: 300 }))
      .map(([p, a, b, splice, times]) => {
        const i = a % (p.length + 1);
        const j = Math.min(p.length, i + (b % 8));
        return (p.slice(0, i) + splice + p.slice(j)).repeat(times % 3 === 0 ? times : 1);
      });
    fc.assert(fc.property(mutated, (t) => {
      const r = parsePredicate(t);
      if (!r.ok) expect(r.offset).toBeLessThanOrEqual(Math.max(t.length, DEFAULT_PREDICATE_LIMITS.maxLength));
    }), { seed: SEED, numRuns: RUNS });
  });

  it(`parses every generated predicate, and its printed tree parses to the same tree (${RUNS} runs)`, () => {
    fc.assert(fc.property(predicate, (t) => {
      const r = parsePredicate(t);
      expect(r.ok, `${t}: ${r.ok ? '' : `${r.offset}: ${r.message}`}`).toBe(true);
      if (!r.ok) return;
      const printed = print(r.predicate);
      const again = parsePredicate(printed);
      expect(again.ok, printed).toBe(true);
      if (again.ok) expect(print(again.predicate)).toBe(printed);
    }), { seed: SEED, numRuns: RUNS });
  });
});
