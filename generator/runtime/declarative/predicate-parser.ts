/**
 * A parser of predicate format strings (Apple's Predicate Programming Guide, "Predicate Format
 * String Syntax"), as declarative management's activations use them: compound predicates
 * (`AND`/`&&`, `OR`/`||`, `NOT`/`!`), comparisons (`==`, `!=`, `<`, `BETWEEN`, `IN`, `CONTAINS`,
 * `BEGINSWITH`, `ENDSWITH`, `LIKE`, `MATCHES`, `UTI-CONFORMS-TO`, `UTI-EQUALS`, with `[cd]`
 * options and `ANY`/`SOME`/`ALL`/`NONE`), expressions (literals, key paths, `$variables`,
 * `{arrays}`, arithmetic, functions, `SUBQUERY`, indexes, `@count`) and the extension terms
 * `@status(…)`, `@key(…)` and `@property(…)`.
 *
 * Recursive descent over the tokens, one token of lookahead and no backtracking: a `(` that opens
 * a predicate rather than an expression is told by the token after its matching `)`, found in
 * one pass beforehand. Input length, nesting depth and the work done are bounded; the first
 * syntax error is returned with its offset, never thrown.
 */
import { PredicateSyntaxError, tokenize, type Token } from './predicate-lexer.js';

export interface Span {
  start: number;
  end: number;
}

export type PredicateNode =
  | ({ kind: 'constant'; value: boolean } & Span)
  | ({ kind: 'not'; operand: PredicateNode } & Span)
  | ({ kind: 'and' | 'or'; operands: PredicateNode[] } & Span)
  | ({ kind: 'comparison'; quantifier?: 'ANY' | 'SOME' | 'ALL' | 'NONE'; operator: string; options?: string; left: ExpressionNode; right: ExpressionNode } & Span);

export type ExpressionNode =
  | ({ kind: 'literal'; value: string | number | boolean | null } & Span)
  | ({ kind: 'self' } & Span)
  | ({ kind: 'variable'; name: string } & Span)
  | ({ kind: 'key'; name: string } & Span)
  /** `@status(device.model.family)`: `argument` spans the name inside the parentheses. */
  | ({ kind: 'extension'; name: string; argument: string; argumentSpan: Span } & Span)
  /** `@count`, `@sum`, … */
  | ({ kind: 'operator'; name: string } & Span)
  | ({ kind: 'member'; object: ExpressionNode; member: ExpressionNode } & Span)
  | ({ kind: 'index'; object: ExpressionNode; index: ExpressionNode | 'FIRST' | 'LAST' | 'SIZE' } & Span)
  | ({ kind: 'array'; items: ExpressionNode[] } & Span)
  | ({ kind: 'function'; name: string; args: Array<ExpressionNode | PredicateNode> } & Span)
  | ({ kind: 'subquery'; collection: ExpressionNode; variable: string; predicate: PredicateNode } & Span)
  | ({ kind: 'arithmetic'; operator: string; left: ExpressionNode; right: ExpressionNode } & Span)
  | ({ kind: 'negate'; operand: ExpressionNode } & Span);

export type PredicateResult =
  | { ok: true; predicate: PredicateNode }
  | { ok: false; offset: number; message: string };

export interface PredicateLimits {
  /** Characters of the string (default 16,384). */
  maxLength: number;
  /** Nesting of predicates and expressions (default 64). */
  maxDepth: number;
  /** Parse steps, a bound on the time taken (default 200,000; the parse is linear in the tokens). */
  maxSteps: number;
}

export const DEFAULT_PREDICATE_LIMITS: PredicateLimits = { maxLength: 16_384, maxDepth: 64, maxSteps: 200_000 };

const COMPARISON_WORDS = new Set(['BETWEEN', 'IN', 'CONTAINS', 'BEGINSWITH', 'ENDSWITH', 'LIKE', 'MATCHES', 'UTI-CONFORMS-TO', 'UTI-EQUALS']);
const COMPARISON_SYMBOLS = new Set(['==', '=', '!=', '<>', '>=', '=>', '<=', '=<', '>', '<']);
const QUANTIFIERS = new Set(['ANY', 'SOME', 'ALL', 'NONE']);
const EXPRESSION_FOLLOWERS = new Set(['+', '-', '*', '/', '**', '.', '[', ...COMPARISON_SYMBOLS]);
/** Reserved words (the guide's list), which are never a key unless escaped with `#`. */
const RESERVED = new Set([
  'AND', 'OR', 'IN', 'NOT', 'ALL', 'ANY', 'SOME', 'NONE', 'LIKE', 'CASEINSENSITIVE', 'CI', 'MATCHES', 'CONTAINS', 'BEGINSWITH',
  'ENDSWITH', 'BETWEEN', 'NULL', 'NIL', 'SELF', 'TRUE', 'YES', 'FALSE', 'NO', 'FIRST', 'LAST', 'SIZE', 'ANYKEY', 'SUBQUERY',
  'FETCH', 'CAST', 'TRUEPREDICATE', 'FALSEPREDICATE', 'UTI-CONFORMS-TO', 'UTI-EQUALS',
]);

class Parser {
  private i = 0;
  private depth = 0;
  private steps = 0;
  /** For each `(` token, the index of its matching `)`. */
  private readonly closing = new Map<number, number>();

  constructor(private readonly tokens: readonly Token[], private readonly limits: PredicateLimits) {
    const open: number[] = [];
    for (const [k, t] of tokens.entries()) {
      if (t.kind !== 'punct') continue;
      if (t.text === '(') open.push(k);
      else if (t.text === ')') {
        const o = open.pop();
        if (o === undefined) throw new PredicateSyntaxError('this ) closes nothing', t.start);
        this.closing.set(o, k);
      }
    }
    const unclosed = open.pop();
    if (unclosed !== undefined) throw new PredicateSyntaxError('this ( is never closed', tokens[unclosed]!.start);
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    if (++this.steps > this.limits.maxSteps) throw new PredicateSyntaxError(`the predicate takes more than ${this.limits.maxSteps} steps to read`, this.peek().start);
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  private isWord(t: Token, ...words: string[]): boolean {
    return t.kind === 'word' && !t.escaped && words.includes(t.text.toUpperCase());
  }

  private isPunct(t: Token, ...texts: string[]): boolean {
    return t.kind === 'punct' && texts.includes(t.text);
  }

  private expect(text: string, what: string): Token {
    const t = this.peek();
    if (!this.isPunct(t, text)) throw this.unexpected(t, what);
    return this.next();
  }

  private unexpected(t: Token, wanted: string): PredicateSyntaxError {
    const found = t.kind === 'end' ? 'the end of the predicate' : t.kind === 'string' ? `the string ${JSON.stringify(t.text)}` : JSON.stringify(t.text);
    return new PredicateSyntaxError(`expected ${wanted}, found ${found}`, t.start);
  }

  private enter(at: Token): void {
    if (++this.depth > this.limits.maxDepth) throw new PredicateSyntaxError(`the predicate nests deeper than ${this.limits.maxDepth} levels`, at.start);
  }

  parseAll(): PredicateNode {
    const p = this.predicate();
    const t = this.peek();
    if (t.kind !== 'end') throw this.unexpected(t, 'AND, OR or the end of the predicate');
    return p;
  }

  predicate(): PredicateNode {
    this.enter(this.peek());
    const operands = [this.conjunction()];
    while (this.isWord(this.peek(), 'OR') || this.isPunct(this.peek(), '||')) {
      this.next();
      operands.push(this.conjunction());
    }
    this.depth--;
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands, start: operands[0]!.start, end: operands[operands.length - 1]!.end };
  }

  private conjunction(): PredicateNode {
    const operands = [this.negation()];
    while (this.isWord(this.peek(), 'AND') || this.isPunct(this.peek(), '&&')) {
      this.next();
      operands.push(this.negation());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands, start: operands[0]!.start, end: operands[operands.length - 1]!.end };
  }

  private negation(): PredicateNode {
    const t = this.peek();
    if (this.isWord(t, 'NOT') || this.isPunct(t, '!')) {
      this.next();
      this.enter(t);
      const operand = this.negation();
      this.depth--;
      return { kind: 'not', operand, start: t.start, end: operand.end };
    }
    return this.primaryPredicate();
  }

  private primaryPredicate(): PredicateNode {
    const t = this.peek();
    if (this.isWord(t, 'TRUEPREDICATE', 'FALSEPREDICATE')) {
      this.next();
      return { kind: 'constant', value: t.text.toUpperCase() === 'TRUEPREDICATE', start: t.start, end: t.end };
    }
    if (this.isPunct(t, '(') && this.opensPredicate()) {
      this.next();
      const inner = this.predicate();
      const close = this.expect(')', ') to close the ( of this predicate');
      return { ...inner, start: t.start, end: close.end };
    }
    return this.comparison();
  }

  /** A `(` opens a predicate unless what follows its `)` continues an expression (`(a + 1) > 2`). */
  private opensPredicate(): boolean {
    const close = this.closing.get(this.i)!;
    const after = this.tokens[close + 1]!;
    if (after.kind === 'punct' && EXPRESSION_FOLLOWERS.has(after.text)) return false;
    return !(after.kind === 'word' && !after.escaped && COMPARISON_WORDS.has(after.text.toUpperCase()));
  }

  private comparison(): PredicateNode {
    const first = this.peek();
    let quantifier: 'ANY' | 'SOME' | 'ALL' | 'NONE' | undefined;
    if (this.isWord(first, ...QUANTIFIERS)) {
      this.next();
      quantifier = first.text.toUpperCase() as typeof quantifier;
    }
    const left = this.expression();
    const op = this.peek();
    let operator: string;
    if (op.kind === 'punct' && COMPARISON_SYMBOLS.has(op.text)) operator = op.text;
    else if (op.kind === 'word' && !op.escaped && COMPARISON_WORDS.has(op.text.toUpperCase())) operator = op.text.toUpperCase();
    else throw this.unexpected(op, 'a comparison operator (==, !=, <, >, IN, CONTAINS, BEGINSWITH, …)');
    this.next();
    let options: string | undefined;
    if (this.isPunct(this.peek(), '[') && operator !== 'BETWEEN') options = this.comparisonOptions();
    const right = this.expression();
    const node: PredicateNode = { kind: 'comparison', operator, left, right, start: first.start, end: right.end };
    if (quantifier) node.quantifier = quantifier;
    if (options !== undefined) node.options = options;
    return node;
  }

  /** `[c]`, `[d]`, `[cd]`, `[n]`, `[l]`: case, diacritic, normalized and locale options. */
  private comparisonOptions(): string {
    this.next();
    const t = this.peek();
    if (t.kind !== 'word' || ![...t.text.toLowerCase()].every((c) => 'cdnl'.includes(c))) throw this.unexpected(t, 'comparison options (c, d, n or l)');
    this.next();
    this.expect(']', '] to close the comparison options');
    return t.text.toLowerCase();
  }

  expression(): ExpressionNode {
    this.enter(this.peek());
    const e = this.additive();
    this.depth--;
    return e;
  }

  private additive(): ExpressionNode {
    let left = this.multiplicative();
    while (this.isPunct(this.peek(), '+', '-')) {
      const op = this.next().text;
      const right = this.multiplicative();
      left = { kind: 'arithmetic', operator: op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private multiplicative(): ExpressionNode {
    let left = this.power();
    while (this.isPunct(this.peek(), '*', '/')) {
      const op = this.next().text;
      const right = this.power();
      left = { kind: 'arithmetic', operator: op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private power(): ExpressionNode {
    let left = this.unary();
    while (this.isPunct(this.peek(), '**')) {
      this.next();
      const right = this.unary();
      left = { kind: 'arithmetic', operator: '**', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(): ExpressionNode {
    const t = this.peek();
    if (this.isPunct(t, '-')) {
      this.next();
      this.enter(t);
      const operand = this.unary();
      this.depth--;
      return { kind: 'negate', operand, start: t.start, end: operand.end };
    }
    return this.postfix();
  }

  private postfix(): ExpressionNode {
    let e = this.primary();
    for (let guard = 0; ; guard++) {
      const t = this.peek();
      if (this.isPunct(t, '.')) {
        this.next();
        const member = this.keySegment();
        e = { kind: 'member', object: e, member, start: e.start, end: member.end };
      } else if (this.isPunct(t, '[')) {
        this.next();
        const w = this.peek();
        let index: ExpressionNode | 'FIRST' | 'LAST' | 'SIZE';
        if (this.isWord(w, 'FIRST', 'LAST', 'SIZE')) {
          this.next();
          index = w.text.toUpperCase() as 'FIRST' | 'LAST' | 'SIZE';
        } else index = this.expression();
        const close = this.expect(']', '] to close the index');
        e = { kind: 'index', object: e, index, start: e.start, end: close.end };
      } else return e;
      if (guard > this.limits.maxDepth) throw new PredicateSyntaxError(`a key path of more than ${this.limits.maxDepth} parts`, t.start);
    }
  }

  /** A key path's next part: a key, `@count`, or an extension term (`$app.@key(identifier)`). */
  private keySegment(): ExpressionNode {
    const t = this.peek();
    if (t.kind === 'at') return this.atTerm();
    if (t.kind === 'word' && (t.escaped || !RESERVED.has(t.text.toUpperCase()))) {
      this.next();
      return { kind: 'key', name: t.text, start: t.start, end: t.end };
    }
    throw this.unexpected(t, 'a key after .');
  }

  private atTerm(): ExpressionNode {
    const t = this.next();
    if (this.isPunct(this.peek(), '(') && this.peek(1).kind === 'argument') {
      this.next();
      const arg = this.next();
      const close = this.next();
      if (arg.text === '') throw new PredicateSyntaxError(`@${t.text}( ) needs a name between its parentheses`, arg.start);
      return { kind: 'extension', name: t.text, argument: arg.text, argumentSpan: { start: arg.start, end: arg.end }, start: t.start, end: close.end };
    }
    return { kind: 'operator', name: t.text, start: t.start, end: t.end };
  }

  private primary(): ExpressionNode {
    const t = this.peek();
    switch (t.kind) {
      case 'string':
        this.next();
        return { kind: 'literal', value: t.text, start: t.start, end: t.end };
      case 'number': {
        this.next();
        const radix = t.text.slice(0, 2).toLowerCase();
        const value = radix === '0o' ? parseInt(t.text.slice(2), 8) : radix === '0b' ? parseInt(t.text.slice(2), 2) : Number(t.text);
        return { kind: 'literal', value, start: t.start, end: t.end };
      }
      case 'variable':
        this.next();
        return { kind: 'variable', name: t.text, start: t.start, end: t.end };
      case 'at':
        return this.atTerm();
      case 'format':
        throw new PredicateSyntaxError(`${t.text} is a format specifier: a declaration's predicate has no arguments to put in its place`, t.start);
      case 'punct':
        if (t.text === '(') {
          this.next();
          const inner = this.expression();
          const close = this.expect(')', ') to close the ( of this expression');
          return { ...inner, start: t.start, end: close.end };
        }
        if (t.text === '{') return this.array();
        throw this.unexpected(t, 'a value, a key or (');
      case 'word':
        return this.wordTerm(t);
      default:
        throw this.unexpected(t, 'a value, a key or (');
    }
  }

  private array(): ExpressionNode {
    const open = this.next();
    const items: ExpressionNode[] = [];
    if (!this.isPunct(this.peek(), '}')) {
      items.push(this.expression());
      while (this.isPunct(this.peek(), ',')) {
        this.next();
        items.push(this.expression());
      }
    }
    const close = this.expect('}', ', or } in this array');
    return { kind: 'array', items, start: open.start, end: close.end };
  }

  private wordTerm(t: Token): ExpressionNode {
    const upper = t.escaped ? '' : t.text.toUpperCase();
    if (upper === 'TRUE' || upper === 'YES' || upper === 'FALSE' || upper === 'NO') {
      this.next();
      return { kind: 'literal', value: upper === 'TRUE' || upper === 'YES', start: t.start, end: t.end };
    }
    if (upper === 'NULL' || upper === 'NIL') {
      this.next();
      return { kind: 'literal', value: null, start: t.start, end: t.end };
    }
    if (upper === 'SELF') {
      this.next();
      return { kind: 'self', start: t.start, end: t.end };
    }
    if (upper === 'SUBQUERY') return this.subquery();
    if (this.isPunct(this.peek(1), '(')) return this.call();
    if (RESERVED.has(upper)) throw this.unexpected(t, 'a value, a key or (');
    this.next();
    return { kind: 'key', name: t.text, start: t.start, end: t.end };
  }

  /** `SUBQUERY(collection, $variable, predicate)`. */
  private subquery(): ExpressionNode {
    const start = this.next();
    this.expect('(', '( after SUBQUERY');
    const collection = this.expression();
    this.expect(',', ', after the SUBQUERY\'s collection');
    const v = this.peek();
    if (v.kind !== 'variable') throw this.unexpected(v, 'a $variable as the SUBQUERY\'s second argument');
    this.next();
    this.expect(',', ', after the SUBQUERY\'s variable');
    const predicate = this.predicate();
    const close = this.expect(')', ') to close the SUBQUERY');
    return { kind: 'subquery', collection, variable: v.text, predicate, start: start.start, end: close.end };
  }

  /** A function: `now()`, `sum({1, 2})`, `CAST('…', 'NSDate')`, `TERNARY(predicate, a, b)`, `FUNCTION(…)`. */
  private call(): ExpressionNode {
    const name = this.next();
    this.next();
    const args: Array<ExpressionNode | PredicateNode> = [];
    const ternary = name.text.toUpperCase() === 'TERNARY';
    if (!this.isPunct(this.peek(), ')')) {
      args.push(ternary ? this.predicate() : this.expression());
      while (this.isPunct(this.peek(), ',')) {
        this.next();
        args.push(this.expression());
      }
    }
    const close = this.expect(')', `, or ) in the arguments of ${name.text}`);
    return { kind: 'function', name: name.text, args, start: name.start, end: close.end };
  }
}

/** Parses a predicate format string; a syntax error (or a limit passed) comes back with its offset. */
export function parsePredicate(text: string, limits: PredicateLimits = DEFAULT_PREDICATE_LIMITS): PredicateResult {
  if (text.length > limits.maxLength) return { ok: false, offset: limits.maxLength, message: `the predicate is ${text.length} characters, over the limit of ${limits.maxLength}` };
  try {
    const parser = new Parser(tokenize(text), limits);
    return { ok: true, predicate: parser.parseAll() };
  } catch (e) {
    if (e instanceof PredicateSyntaxError) return { ok: false, offset: e.offset, message: e.message };
    throw e;
  }
}
