/**
 * Tokens of a predicate format string, as Apple's Predicate Programming Guide writes them
 * ("Predicate Format String Syntax"), plus declarative management's extension terms
 * (`@status(device.model.family)`, `@key(identifier)`, `@property(groups)`): the text between an
 * extension's parentheses is one token, so a status name keeps the characters a key could not
 * hold (`device.power.battery-health`). Each token keeps its offsets in the string.
 */

export type TokenKind =
  | 'word' // an identifier or reserved word (`AND`, `SELF`, `identifier`), `#word` included
  | 'string'
  | 'number'
  | 'variable' // `$app`
  | 'at' // `@count`, `@status`
  | 'argument' // an extension term's raw argument, between its parentheses
  | 'format' // `%@`, `%K`: a format specifier, which a declaration's string never has arguments for
  | 'punct' // ( ) { } [ ] , . : and the operators
  | 'end';

export interface Token {
  kind: TokenKind;
  /** The text as written (for a string, the value without quotes and escapes). */
  text: string;
  start: number;
  end: number;
  /** A `#word`: a reserved word escaped to be a key. */
  escaped?: true;
}

/** A syntax error at an offset of the string. */
export class PredicateSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const OPERATORS = ['**', '==', '!=', '<>', '>=', '=>', '<=', '=<', '&&', '||', '=', '<', '>', '!', '+', '-', '*', '/', '(', ')', '{', '}', '[', ']', ',', '.', ':'];

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isWordStart = (c: string): boolean => isLetter(c) || c === '_';
const isWordChar = (c: string): boolean => isWordStart(c) || isDigit(c);
const isHex = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
const FORMAT_SPECIFIERS = ['%llu', '%lld', '%lu', '%ld', '%lf', '%@', '%K', '%d', '%f', '%i', '%u'];

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '"': '"', "'": "'", '\\': '\\' };

/** The tokens of `text`, ending with an `end` token; throws `PredicateSyntaxError` at the first bad character. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0') {
      i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= n) throw new PredicateSyntaxError(`the string opened here has no closing ${c}`, start);
        const d = text[i]!;
        if (d === c) break;
        if (d === '\\') {
          const e = text[i + 1];
          if (e === undefined) throw new PredicateSyntaxError(`the string opened here has no closing ${c}`, start);
          if (e === 'u' && [...text.slice(i + 2, i + 6)].filter(isHex).length === 4) {
            value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          value += ESCAPES[e] ?? e;
          i += 2;
          continue;
        }
        value += d;
        i++;
      }
      i++;
      tokens.push({ kind: 'string', text: value, start, end: i });
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      i = number(text, i);
      tokens.push({ kind: 'number', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (isWordStart(c) || (c === '#' && isWordStart(text[i + 1] ?? ''))) {
      const escaped = c === '#';
      if (escaped) i++;
      while (i < n && isWordChar(text[i]!)) i++;
      let word = text.slice(escaped ? start + 1 : start, i);
      // UTI-CONFORMS-TO and UTI-EQUALS are the two reserved words with dashes.
      if (!escaped && word.toUpperCase() === 'UTI') {
        const rest = ['-CONFORMS-TO', '-EQUALS'].find((r) => text.slice(i, i + r.length).toUpperCase() === r && !isWordChar(text[i + r.length] ?? ''));
        if (rest !== undefined) {
          i += rest.length;
          word = text.slice(start, i);
        }
      }
      tokens.push(escaped ? { kind: 'word', text: word, start, end: i, escaped: true } : { kind: 'word', text: word, start, end: i });
      continue;
    }
    if (c === '$' || c === '@') {
      i++;
      if (!isWordStart(text[i] ?? '')) throw new PredicateSyntaxError(c === '$' ? 'a variable needs a name after $' : 'a key path operator or extension term needs a name after @', start);
      while (i < n && isWordChar(text[i]!)) i++;
      tokens.push({ kind: c === '$' ? 'variable' : 'at', text: text.slice(start + 1, i), start, end: i });
      if (c === '@' && text[i] === '(') i = extensionArgument(text, i, tokens);
      continue;
    }
    if (c === '%') {
      const spec = FORMAT_SPECIFIERS.find((f) => text.startsWith(f, i));
      if (spec === undefined) throw new PredicateSyntaxError('% starts a format specifier here, but none follows', start);
      i += spec.length;
      tokens.push({ kind: 'format', text: spec, start, end: i });
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new PredicateSyntaxError(`unexpected character ${JSON.stringify(c)}`, start);
    i += op.length;
    tokens.push({ kind: 'punct', text: op, start, end: i });
  }
  tokens.push({ kind: 'end', text: '', start: n, end: n });
  return tokens;
}

/** The end of a number at `i`: decimal (with a fraction and exponent), or `0x`, `0o`, `0b`. */
function number(text: string, i: number): number {
  const radix = text[i] === '0' ? (text[i + 1] ?? '').toLowerCase() : '';
  if (radix === 'x' || radix === 'o' || radix === 'b') {
    const digit = radix === 'x' ? isHex : radix === 'o' ? (c: string) => c >= '0' && c <= '7' : (c: string) => c === '0' || c === '1';
    let j = i + 2;
    while (j < text.length && digit(text[j]!)) j++;
    if (j === i + 2) throw new PredicateSyntaxError(`${text.slice(i, i + 2)} needs digits after it`, i);
    return j;
  }
  let j = i;
  while (isDigit(text[j] ?? '')) j++;
  if (text[j] === '.' && isDigit(text[j + 1] ?? '')) {
    j++;
    while (isDigit(text[j] ?? '')) j++;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    const sign = text[j + 1] === '+' || text[j + 1] === '-' ? 1 : 0;
    if (isDigit(text[j + 1 + sign] ?? '')) {
      j += 1 + sign;
      while (isDigit(text[j] ?? '')) j++;
    }
  }
  return j;
}

/**
 * An extension term's argument: `(` its raw text `)`, as three tokens. The argument is a status
 * item, key or property name, bare (`device.model.family`) or quoted (`'device.model.family'`).
 */
function extensionArgument(text: string, open: number, tokens: Token[]): number {
  tokens.push({ kind: 'punct', text: '(', start: open, end: open + 1 });
  const close = text.indexOf(')', open + 1);
  if (close < 0) throw new PredicateSyntaxError('the extension term\'s ( has no closing )', open);
  const raw = text.slice(open + 1, close);
  const trimmed = raw.trim();
  const at = open + 1 + raw.indexOf(trimmed);
  const q = trimmed[0];
  const quoted = trimmed.length >= 2 && (q === '"' || q === "'") && trimmed[trimmed.length - 1] === q;
  tokens.push({ kind: 'argument', text: quoted ? trimmed.slice(1, -1) : trimmed, start: at, end: at + trimmed.length });
  tokens.push({ kind: 'punct', text: ')', start: close, end: close + 1 });
  return close + 1;
}
