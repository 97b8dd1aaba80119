// Copied by dmspec from generator/runtime/declarative/predicate-parser.ts. Do not edit: change that file and run "npm run generate".
import { PredicateSyntaxError, tokenize } from "./predicate-lexer.js";
const DEFAULT_PREDICATE_LIMITS = { maxLength: 16384, maxDepth: 64, maxSteps: 2e5 };
const COMPARISON_WORDS = /* @__PURE__ */ new Set(["BETWEEN", "IN", "CONTAINS", "BEGINSWITH", "ENDSWITH", "LIKE", "MATCHES", "UTI-CONFORMS-TO", "UTI-EQUALS"]);
const COMPARISON_SYMBOLS = /* @__PURE__ */ new Set(["==", "=", "!=", "<>", ">=", "=>", "<=", "=<", ">", "<"]);
const QUANTIFIERS = /* @__PURE__ */ new Set(["ANY", "SOME", "ALL", "NONE"]);
const EXPRESSION_FOLLOWERS = /* @__PURE__ */ new Set(["+", "-", "*", "/", "**", ".", "[", ...COMPARISON_SYMBOLS]);
const RESERVED = /* @__PURE__ */ new Set([
  "AND",
  "OR",
  "IN",
  "NOT",
  "ALL",
  "ANY",
  "SOME",
  "NONE",
  "LIKE",
  "CASEINSENSITIVE",
  "CI",
  "MATCHES",
  "CONTAINS",
  "BEGINSWITH",
  "ENDSWITH",
  "BETWEEN",
  "NULL",
  "NIL",
  "SELF",
  "TRUE",
  "YES",
  "FALSE",
  "NO",
  "FIRST",
  "LAST",
  "SIZE",
  "ANYKEY",
  "SUBQUERY",
  "FETCH",
  "CAST",
  "TRUEPREDICATE",
  "FALSEPREDICATE",
  "UTI-CONFORMS-TO",
  "UTI-EQUALS"
]);
class Parser {
  constructor(tokens, limits) {
    this.tokens = tokens;
    this.limits = limits;
    const open = [];
    for (const [k, t] of tokens.entries()) {
      if (t.kind !== "punct") continue;
      if (t.text === "(") open.push(k);
      else if (t.text === ")") {
        const o = open.pop();
        if (o === void 0) throw new PredicateSyntaxError("this ) closes nothing", t.start);
        this.closing.set(o, k);
      }
    }
    const unclosed = open.pop();
    if (unclosed !== void 0) throw new PredicateSyntaxError("this ( is never closed", tokens[unclosed].start);
  }
  tokens;
  limits;
  i = 0;
  depth = 0;
  steps = 0;
  /** For each `(` token, the index of its matching `)`. */
  closing = /* @__PURE__ */ new Map();
  peek(ahead = 0) {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)];
  }
  next() {
    if (++this.steps > this.limits.maxSteps) throw new PredicateSyntaxError(`the predicate takes more than ${this.limits.maxSteps} steps to read`, this.peek().start);
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }
  isWord(t, ...words) {
    return t.kind === "word" && !t.escaped && words.includes(t.text.toUpperCase());
  }
  isPunct(t, ...texts) {
    return t.kind === "punct" && texts.includes(t.text);
  }
  expect(text, what) {
    const t = this.peek();
    if (!this.isPunct(t, text)) throw this.unexpected(t, what);
    return this.next();
  }
  unexpected(t, wanted) {
    const found = t.kind === "end" ? "the end of the predicate" : t.kind === "string" ? `the string ${JSON.stringify(t.text)}` : JSON.stringify(t.text);
    return new PredicateSyntaxError(`expected ${wanted}, found ${found}`, t.start);
  }
  enter(at) {
    if (++this.depth > this.limits.maxDepth) throw new PredicateSyntaxError(`the predicate nests deeper than ${this.limits.maxDepth} levels`, at.start);
  }
  parseAll() {
    const p = this.predicate();
    const t = this.peek();
    if (t.kind !== "end") throw this.unexpected(t, "AND, OR or the end of the predicate");
    return p;
  }
  predicate() {
    this.enter(this.peek());
    const operands = [this.conjunction()];
    while (this.isWord(this.peek(), "OR") || this.isPunct(this.peek(), "||")) {
      this.next();
      operands.push(this.conjunction());
    }
    this.depth--;
    return operands.length === 1 ? operands[0] : { kind: "or", operands, start: operands[0].start, end: operands[operands.length - 1].end };
  }
  conjunction() {
    const operands = [this.negation()];
    while (this.isWord(this.peek(), "AND") || this.isPunct(this.peek(), "&&")) {
      this.next();
      operands.push(this.negation());
    }
    return operands.length === 1 ? operands[0] : { kind: "and", operands, start: operands[0].start, end: operands[operands.length - 1].end };
  }
  negation() {
    const t = this.peek();
    if (this.isWord(t, "NOT") || this.isPunct(t, "!")) {
      this.next();
      this.enter(t);
      const operand = this.negation();
      this.depth--;
      return { kind: "not", operand, start: t.start, end: operand.end };
    }
    return this.primaryPredicate();
  }
  primaryPredicate() {
    const t = this.peek();
    if (this.isWord(t, "TRUEPREDICATE", "FALSEPREDICATE")) {
      this.next();
      return { kind: "constant", value: t.text.toUpperCase() === "TRUEPREDICATE", start: t.start, end: t.end };
    }
    if (this.isPunct(t, "(") && this.opensPredicate()) {
      this.next();
      const inner = this.predicate();
      const close = this.expect(")", ") to close the ( of this predicate");
      return { ...inner, start: t.start, end: close.end };
    }
    return this.comparison();
  }
  /** A `(` opens a predicate unless what follows its `)` continues an expression (`(a + 1) > 2`). */
  opensPredicate() {
    const close = this.closing.get(this.i);
    const after = this.tokens[close + 1];
    if (after.kind === "punct" && EXPRESSION_FOLLOWERS.has(after.text)) return false;
    return !(after.kind === "word" && !after.escaped && COMPARISON_WORDS.has(after.text.toUpperCase()));
  }
  comparison() {
    const first = this.peek();
    let quantifier;
    if (this.isWord(first, ...QUANTIFIERS)) {
      this.next();
      quantifier = first.text.toUpperCase();
    }
    const left = this.expression();
    const op = this.peek();
    let operator;
    if (op.kind === "punct" && COMPARISON_SYMBOLS.has(op.text)) operator = op.text;
    else if (op.kind === "word" && !op.escaped && COMPARISON_WORDS.has(op.text.toUpperCase())) operator = op.text.toUpperCase();
    else throw this.unexpected(op, "a comparison operator (==, !=, <, >, IN, CONTAINS, BEGINSWITH, \u2026)");
    this.next();
    let options;
    if (this.isPunct(this.peek(), "[") && operator !== "BETWEEN") options = this.comparisonOptions();
    const right = this.expression();
    const node = { kind: "comparison", operator, left, right, start: first.start, end: right.end };
    if (quantifier) node.quantifier = quantifier;
    if (options !== void 0) node.options = options;
    return node;
  }
  /** `[c]`, `[d]`, `[cd]`, `[n]`, `[l]`: case, diacritic, normalized and locale options. */
  comparisonOptions() {
    this.next();
    const t = this.peek();
    if (t.kind !== "word" || ![...t.text.toLowerCase()].every((c) => "cdnl".includes(c))) throw this.unexpected(t, "comparison options (c, d, n or l)");
    this.next();
    this.expect("]", "] to close the comparison options");
    return t.text.toLowerCase();
  }
  expression() {
    this.enter(this.peek());
    const e = this.additive();
    this.depth--;
    return e;
  }
  additive() {
    let left = this.multiplicative();
    while (this.isPunct(this.peek(), "+", "-")) {
      const op = this.next().text;
      const right = this.multiplicative();
      left = { kind: "arithmetic", operator: op, left, right, start: left.start, end: right.end };
    }
    return left;
  }
  multiplicative() {
    let left = this.power();
    while (this.isPunct(this.peek(), "*", "/")) {
      const op = this.next().text;
      const right = this.power();
      left = { kind: "arithmetic", operator: op, left, right, start: left.start, end: right.end };
    }
    return left;
  }
  power() {
    let left = this.unary();
    while (this.isPunct(this.peek(), "**")) {
      this.next();
      const right = this.unary();
      left = { kind: "arithmetic", operator: "**", left, right, start: left.start, end: right.end };
    }
    return left;
  }
  unary() {
    const t = this.peek();
    if (this.isPunct(t, "-")) {
      this.next();
      this.enter(t);
      const operand = this.unary();
      this.depth--;
      return { kind: "negate", operand, start: t.start, end: operand.end };
    }
    return this.postfix();
  }
  postfix() {
    let e = this.primary();
    for (let guard = 0; ; guard++) {
      const t = this.peek();
      if (this.isPunct(t, ".")) {
        this.next();
        const member = this.keySegment();
        e = { kind: "member", object: e, member, start: e.start, end: member.end };
      } else if (this.isPunct(t, "[")) {
        this.next();
        const w = this.peek();
        let index;
        if (this.isWord(w, "FIRST", "LAST", "SIZE")) {
          this.next();
          index = w.text.toUpperCase();
        } else index = this.expression();
        const close = this.expect("]", "] to close the index");
        e = { kind: "index", object: e, index, start: e.start, end: close.end };
      } else return e;
      if (guard > this.limits.maxDepth) throw new PredicateSyntaxError(`a key path of more than ${this.limits.maxDepth} parts`, t.start);
    }
  }
  /** A key path's next part: a key, `@count`, or an extension term (`$app.@key(identifier)`). */
  keySegment() {
    const t = this.peek();
    if (t.kind === "at") return this.atTerm();
    if (t.kind === "word" && (t.escaped || !RESERVED.has(t.text.toUpperCase()))) {
      this.next();
      return { kind: "key", name: t.text, start: t.start, end: t.end };
    }
    throw this.unexpected(t, "a key after .");
  }
  atTerm() {
    const t = this.next();
    if (this.isPunct(this.peek(), "(") && this.peek(1).kind === "argument") {
      this.next();
      const arg = this.next();
      const close = this.next();
      if (arg.text === "") throw new PredicateSyntaxError(`@${t.text}( ) needs a name between its parentheses`, arg.start);
      return { kind: "extension", name: t.text, argument: arg.text, argumentSpan: { start: arg.start, end: arg.end }, start: t.start, end: close.end };
    }
    return { kind: "operator", name: t.text, start: t.start, end: t.end };
  }
  primary() {
    const t = this.peek();
    switch (t.kind) {
      case "string":
        this.next();
        return { kind: "literal", value: t.text, start: t.start, end: t.end };
      case "number": {
        this.next();
        const radix = t.text.slice(0, 2).toLowerCase();
        const value = radix === "0o" ? parseInt(t.text.slice(2), 8) : radix === "0b" ? parseInt(t.text.slice(2), 2) : Number(t.text);
        return { kind: "literal", value, start: t.start, end: t.end };
      }
      case "variable":
        this.next();
        return { kind: "variable", name: t.text, start: t.start, end: t.end };
      case "at":
        return this.atTerm();
      case "format":
        throw new PredicateSyntaxError(`${t.text} is a format specifier: a declaration's predicate has no arguments to put in its place`, t.start);
      case "punct":
        if (t.text === "(") {
          this.next();
          const inner = this.expression();
          const close = this.expect(")", ") to close the ( of this expression");
          return { ...inner, start: t.start, end: close.end };
        }
        if (t.text === "{") return this.array();
        throw this.unexpected(t, "a value, a key or (");
      case "word":
        return this.wordTerm(t);
      default:
        throw this.unexpected(t, "a value, a key or (");
    }
  }
  array() {
    const open = this.next();
    const items = [];
    if (!this.isPunct(this.peek(), "}")) {
      items.push(this.expression());
      while (this.isPunct(this.peek(), ",")) {
        this.next();
        items.push(this.expression());
      }
    }
    const close = this.expect("}", ", or } in this array");
    return { kind: "array", items, start: open.start, end: close.end };
  }
  wordTerm(t) {
    const upper = t.escaped ? "" : t.text.toUpperCase();
    if (upper === "TRUE" || upper === "YES" || upper === "FALSE" || upper === "NO") {
      this.next();
      return { kind: "literal", value: upper === "TRUE" || upper === "YES", start: t.start, end: t.end };
    }
    if (upper === "NULL" || upper === "NIL") {
      this.next();
      return { kind: "literal", value: null, start: t.start, end: t.end };
    }
    if (upper === "SELF") {
      this.next();
      return { kind: "self", start: t.start, end: t.end };
    }
    if (upper === "SUBQUERY") return this.subquery();
    if (this.isPunct(this.peek(1), "(")) return this.call();
    if (RESERVED.has(upper)) throw this.unexpected(t, "a value, a key or (");
    this.next();
    return { kind: "key", name: t.text, start: t.start, end: t.end };
  }
  /** `SUBQUERY(collection, $variable, predicate)`. */
  subquery() {
    const start = this.next();
    this.expect("(", "( after SUBQUERY");
    const collection = this.expression();
    this.expect(",", ", after the SUBQUERY's collection");
    const v = this.peek();
    if (v.kind !== "variable") throw this.unexpected(v, "a $variable as the SUBQUERY's second argument");
    this.next();
    this.expect(",", ", after the SUBQUERY's variable");
    const predicate = this.predicate();
    const close = this.expect(")", ") to close the SUBQUERY");
    return { kind: "subquery", collection, variable: v.text, predicate, start: start.start, end: close.end };
  }
  /** A function: `now()`, `sum({1, 2})`, `CAST('…', 'NSDate')`, `TERNARY(predicate, a, b)`, `FUNCTION(…)`. */
  call() {
    const name = this.next();
    this.next();
    const args = [];
    const ternary = name.text.toUpperCase() === "TERNARY";
    if (!this.isPunct(this.peek(), ")")) {
      args.push(ternary ? this.predicate() : this.expression());
      while (this.isPunct(this.peek(), ",")) {
        this.next();
        args.push(this.expression());
      }
    }
    const close = this.expect(")", `, or ) in the arguments of ${name.text}`);
    return { kind: "function", name: name.text, args, start: name.start, end: close.end };
  }
}
function parsePredicate(text, limits = DEFAULT_PREDICATE_LIMITS) {
  if (text.length > limits.maxLength) return { ok: false, offset: limits.maxLength, message: `the predicate is ${text.length} characters, over the limit of ${limits.maxLength}` };
  try {
    const parser = new Parser(tokenize(text), limits);
    return { ok: true, predicate: parser.parseAll() };
  } catch (e) {
    if (e instanceof PredicateSyntaxError) return { ok: false, offset: e.offset, message: e.message };
    throw e;
  }
}
export {
  DEFAULT_PREDICATE_LIMITS,
  parsePredicate
};
