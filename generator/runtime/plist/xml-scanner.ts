/**
 * A strict, linear, bounded XML tokenizer for the subset property lists use. Not a general XML
 * parser, on purpose: it reads elements (attributes checked for form and ignored), character
 * data with the five predefined entities and character references, CDATA sections, comments,
 * processing instructions, the XML declaration and a DOCTYPE. A DOCTYPE that declares any entity
 * is refused (no external entities, no "billion laughs"); any other entity reference is an
 * error, never expanded. Line ends are read as XML reads them (`\r\n` and `\r` are `\n`), and a
 * character XML does not allow (NUL, most controls, an unpaired surrogate) is an error.
 *
 * Linear: every construct is found by a sticky regular expression over one character class or by
 * `indexOf`, so each character is looked at a bounded number of times and nothing backtracks.
 * Bounded: the scanner keeps no stack (the reader counts depth against its budget) and makes one
 * token at a time, overwriting the last.
 */
import { quoted } from './budget.js';
import { BAD_CHAR } from './text.js';

export const START = 1;
export const END = 2;
export const TEXT = 3;
/** Whitespace only, between `start` and `end`: `text` is not built unless asked for (`spaceText`). */
export const SPACE = 4;
export const EOF = 5;

const NAME = /[A-Za-z_:\u00C0-\uD7FF\uE000-\uFFFD][-A-Za-z0-9._:\u00B7\u00C0-\uD7FF\uE000-\uFFFD]*/y;
const WS = /[ \t\n\r]*/y;
// Character data XML allows, apart from the characters that need a look: < & \r ] and surrogates.
const RUN = /[^<&\r\]\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]*/y;
const ATTRIBUTE_RUN = /[^<&\r\n\t"'\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]*/y;
const REFERENCE = /&(?:(lt|gt|amp|apos|quot)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Raised for malformed XML: the message, and the character offset it was found at. */
export type Fail = (message: string, offset: number) => never;


export class XmlScanner {
  /** The last token: START, END, TEXT, SPACE or EOF. */
  kind = 0;
  /** An element's name (START, END). */
  name = '';
  /** Character data (TEXT), entities resolved and line ends normalised. */
  text = '';
  /** Where the token starts and ends. */
  start = 0;
  end = 0;
  /** `<name/>`. */
  selfClosing = false;
  #i = 0;
  readonly #s: string;
  readonly #refuse: Fail;
  readonly #fail: Fail;

  /** `fail` is called for what cannot be read, and must throw. */
  constructor(s: string, fail: Fail) {
    this.#s = s;
    this.#refuse = fail;
    this.#fail = (message, offset) => fail(`malformed XML: ${message}`, offset);
  }

  /** Reads what may come before the root element: a BOM, the XML declaration, a DOCTYPE, comments, processing instructions. */
  prolog(): void {
    const s = this.#s;
    if (s.charCodeAt(0) === 0xfeff) this.#i = 1;
    if (s.startsWith('<?xml', this.#i) && /[ \t\r\n?]/.test(s[this.#i + 5] ?? '')) this.#skipPi();
    for (let doctype = false; ;) {
      this.#i = this.#skip(WS, this.#i);
      if (s.startsWith('<!--', this.#i)) this.#skipComment();
      else if (s.startsWith('<?', this.#i)) this.#skipPi();
      else if (s.startsWith('<!DOCTYPE', this.#i) && !doctype) {
        this.#skipDoctype();
        doctype = true;
      } else return;
    }
  }

  /** Reads the next token. */
  next(): number {
    const s = this.#s;
    for (;;) {
      const i = this.#i;
      this.start = i;
      if (i >= s.length) return (this.kind = EOF);
      if (s.charCodeAt(i) !== 0x3c) return this.#characters();
      const c = s.charCodeAt(i + 1);
      if (c === 0x2f) return this.#endTag();
      if (c === 0x21) {
        if (s.startsWith('<!--', i)) this.#skipComment();
        else if (s.startsWith('<![CDATA[', i)) return this.#cdata();
        else this.#fail(s.startsWith('<!DOCTYPE', i) ? 'a DOCTYPE after the start of the document' : `${quoted(s.slice(i, i + 12))} is not markup XML allows here`, i);
        continue;
      }
      if (c === 0x3f) {
        if (/^<\?xml[ \t\r\n?]/i.test(s.slice(i, i + 6))) this.#fail('the XML declaration must come first', i);
        this.#skipPi();
        continue;
      }
      return this.#startTag();
    }
  }

  /** The text of the SPACE token, line ends normalised. */
  spaceText(): string {
    const t = this.#s.slice(this.start, this.end);
    return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
  }

  #skip(re: RegExp, at: number): number {
    re.lastIndex = at;
    re.test(this.#s);
    return re.lastIndex;
  }

  #startTag(): number {
    const s = this.#s;
    const at = this.#i + 1;
    const nameEnd = this.#skip(NAME, at);
    if (nameEnd === at) this.#fail(`${quoted(s.slice(this.#i, this.#i + 12))} is not a tag`, this.#i);
    this.name = s.slice(at, nameEnd);
    let i = nameEnd;
    const seen: string[] = [];
    for (;;) {
      const ws = this.#skip(WS, i);
      const c = s.charCodeAt(ws);
      if (c === 0x3e) {
        this.selfClosing = false;
        this.#i = ws + 1;
        break;
      }
      if (c === 0x2f && s.charCodeAt(ws + 1) === 0x3e) {
        this.selfClosing = true;
        this.#i = ws + 2;
        break;
      }
      if (ws === i) this.#fail(`the tag <${this.name}> is not closed`, ws);
      i = this.#attribute(ws, seen);
    }
    this.end = this.#i;
    return (this.kind = START);
  }

  /** One `name="value"`: checked for form and ignored (a plist's `version` says nothing to a reader). */
  #attribute(at: number, seen: string[]): number {
    const s = this.#s;
    const nameEnd = this.#skip(NAME, at);
    if (nameEnd === at) this.#fail(`the tag <${this.name}> is not closed`, at);
    const name = s.slice(at, nameEnd);
    if (seen.includes(name)) this.#fail(`the attribute ${name} appears twice`, at);
    seen.push(name);
    let i = this.#skip(WS, nameEnd);
    if (s.charCodeAt(i) !== 0x3d) this.#fail(`the attribute ${name} has no value`, i);
    i = this.#skip(WS, i + 1);
    const quote = s[i];
    if (quote !== '"' && quote !== "'") this.#fail(`the value of the attribute ${name} is not quoted`, i);
    for (i++; ;) {
      i = this.#skip(ATTRIBUTE_RUN, i);
      const c = s[i];
      if (c === quote) return i + 1;
      if (c === '&') i = this.#reference(i)[1];
      else if (c === "'" || c === '"' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c !== undefined && c >= '\uD800' && c <= '\uDBFF' && /[\uDC00-\uDFFF]/.test(s[i + 1] ?? '')) i += 2;
      else this.#fail(c === undefined ? `the value of the attribute ${name} is not closed` : `${quoted(c)} in the value of the attribute ${name}`, i);
    }
  }

  #endTag(): number {
    const s = this.#s;
    const at = this.#i + 2;
    const nameEnd = this.#skip(NAME, at);
    if (nameEnd === at) this.#fail(`${quoted(s.slice(this.#i, this.#i + 12))} is not a closing tag`, this.#i);
    this.name = s.slice(at, nameEnd);
    const close = this.#skip(WS, nameEnd);
    if (s.charCodeAt(close) !== 0x3e) this.#fail(`the closing tag </${this.name}> is not closed`, close);
    this.#i = close + 1;
    this.end = this.#i;
    return (this.kind = END);
  }

  /** Character data up to the next `<`: SPACE when it is whitespace only. */
  #characters(): number {
    const s = this.#s;
    const start = this.#i;
    const ws = this.#skip(WS, start);
    if (ws >= s.length || s.charCodeAt(ws) === 0x3c) {
      this.#i = this.end = ws;
      return (this.kind = SPACE);
    }
    let out = '';
    let i = start;
    for (;;) {
      const j = this.#skip(RUN, i);
      if (j > i) out += s.slice(i, j);
      i = j;
      if (i >= s.length) break;
      const c = s.charCodeAt(i);
      if (c === 0x3c) break;
      if (c === 0x26) {
        const [ch, after] = this.#reference(i);
        out += ch;
        i = after;
      } else if (c === 0x0d) {
        out += '\n';
        i += s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      } else if (c === 0x5d) {
        if (s.startsWith(']]>', i)) this.#fail('"]]>" in character data', i);
        out += ']';
        i++;
      } else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        out += s.slice(i, i + 2);
        i += 2;
      } else this.#fail(`the character U+${c.toString(16).toUpperCase().padStart(4, '0')}, which XML does not allow`, i);
    }
    this.#i = this.end = i;
    this.text = out;
    return (this.kind = TEXT);
  }

  /** `&lt;`, `&#38;`, `&#x26;`: the character and where the reference ends. */
  #reference(at: number): [string, number] {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(this.#s);
    if (!m) this.#fail(`${quoted(this.#s.slice(at, at + 12))} is not a reference XML defines (plists use no other entities)`, at);
    if (m[1] !== undefined) return [PREDEFINED[m[1]]!, REFERENCE.lastIndex];
    const cp = m[2] !== undefined ? Number(m[2]) : parseInt(m[3]!, 16);
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!ok) this.#fail(`the character reference ${m[0]} names a character XML does not allow`, at);
    return [String.fromCodePoint(cp), REFERENCE.lastIndex];
  }

  #cdata(): number {
    const start = this.#i + 9;
    const end = this.#s.indexOf(']]>', start);
    if (end === -1) this.#fail('a CDATA section is not closed', this.#i);
    const t = this.#s.slice(start, end);
    this.#checkChars(t, start);
    this.#i = this.end = end + 3;
    this.text = t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
    return (this.kind = TEXT);
  }

  #skipComment(): void {
    const start = this.#i + 4;
    const end = this.#s.indexOf('-->', start);
    if (end === -1) this.#fail('a comment is not closed', this.#i);
    const dashes = this.#s.indexOf('--', start);
    if (dashes < end) this.#fail('"--" inside a comment', dashes);
    this.#checkChars(this.#s.slice(start, end), start);
    this.#i = end + 3;
  }

  #skipPi(): void {
    const end = this.#s.indexOf('?>', this.#i + 2);
    if (end === -1) this.#fail('a processing instruction is not closed', this.#i);
    if (this.#skip(NAME, this.#i + 2) === this.#i + 2) this.#fail('a processing instruction without a target', this.#i);
    this.#checkChars(this.#s.slice(this.#i, end), this.#i);
    this.#i = end + 2;
  }

  /**
   * `<!DOCTYPE plist PUBLIC "…" "…">`, with or without an internal subset. Entities are only ever
   * declared in the internal subset; a DOCTYPE that declares any is refused outright.
   */
  #skipDoctype(): void {
    const s = this.#s;
    const start = this.#i;
    let i = start + 9;
    let subset = false;
    for (;;) {
      const c = s[i];
      if (c === undefined) this.#fail('the DOCTYPE is not closed', start);
      if (c === '"' || c === "'") {
        const close = s.indexOf(c, i + 1);
        if (close === -1) this.#fail('the DOCTYPE is not closed', start);
        i = close + 1;
      } else if (subset && s.startsWith('<!--', i)) {
        const close = s.indexOf('-->', i + 4);
        if (close === -1) this.#fail('a comment is not closed', i);
        i = close + 3;
      } else if (c === '[' && !subset) {
        subset = true;
        i++;
      } else if (c === ']' && subset) {
        subset = false;
        i++;
      } else if (c === '>' && !subset) break;
      else i++;
    }
    const doctype = s.slice(start, i + 1);
    this.#checkChars(doctype, start);
    // Refused by rule, not as malformed: external entities, "billion laughs".
    if (/<!ENTITY/i.test(doctype)) this.#refuse('the plist declares XML entities, which are refused', start);
    this.#i = i + 1;
  }

  #checkChars(t: string, at: number): void {
    const m = BAD_CHAR.exec(t);
    if (m) this.#fail(`the character U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, which XML does not allow`, at + m.index);
  }
}
