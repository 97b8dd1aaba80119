/**
 * A strict, linear, bounded XML tokenizer for the subset property lists use. Not a general XML
 * parser, on purpose: it reads elements (attributes checked for form and ignored), character
 * data with the five predefined entities and character references, CDATA sections, comments,
 * processing instructions, the XML declaration and a DOCTYPE. A DOCTYPE that declares any entity
 * is refused (no external entities, no "billion laughs"); any other entity reference is an
 * error, never expanded. Line ends are read as XML reads them (`\r\n` and `\r` are `\n`), and a
 * character XML does not allow (NUL, most controls, an unpaired surrogate) is an error.
 *
 * Linear: every construct is found by `indexOf`, a sticky regular expression over one character
 * class, or (the text of character data and of an attribute's value) one left-to-right regular
 * expression whose alternatives start with different characters, so each character is looked at
 * a bounded number of times and nothing backtracks.
 * Bounded: the scanner keeps no stack (the reader counts depth against its budget) and hands each
 * token to the reader as it is read. Written as closures over the text and the offset, not as a
 * class: the state is local variables, which a minifier shortens and property accesses it cannot.
 */
import { quoted } from './budget.js';
import { BAD_CHAR, codePoint, NOT_XML } from './text.js';

const NAME = /[A-Za-z_:\u00C0-\uD7FF\uE000-\uFFFD][-A-Za-z0-9._:\u00B7\u00C0-\uD7FF\uE000-\uFFFD]*/y;
const WS = /[ \t\n\r]*/y;
// What needs a look in character data (up to a `<`) and in an attribute's value: a reference (what
// follows `&` up to its `;`, read by `reference`), a line end, `]]>`, a character XML does not allow
// (`u`: a surrogate pair is one character, so only an unpaired surrogate is one of them), a `<`.
const IN_TEXT = new RegExp(`&[#\\w]*;?|\\r\\n?|\\]\\]>|[${NOT_XML}]`, 'gu');
const IN_ATTRIBUTE = new RegExp(`&[#\\w]*;?|[<${NOT_XML}]`, 'gu');
const REFERENCE = /&(?:(lt|gt|amp|apos|quot)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Raised for what cannot be read: the message, and the character offset it was found at. Must throw. */
export type Fail = (message: string, offset: number, malformed?: boolean) => never;

/** What the scanner hands on, in document order. */
export interface XmlTokens {
  /** A start tag: its name, where its `<` is, and whether it is `<name/>`. */
  open(name: string, at: number, selfClosing: boolean): void;
  /** An end tag. */
  close(name: string, at: number): void;
  /**
   * Character data from `at` to `end`, entities resolved and line ends normalised; `undefined`
   * when it is whitespace only (not built, since most of it is indentation: `lineEnds` of the
   * text between `at` and `end` is its value).
   */
  text(text: string | undefined, at: number, end: number): void;
}

/** Text with XML's line ends (`\r\n` and `\r` read as `\n`). */
export const lineEnds = (t: string): string => (t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t);

const notAllowed = (code: number): string => `the character ${codePoint(code)}, which XML does not allow`;

/**
 * Reads `s` from its prolog (a BOM, the XML declaration, a DOCTYPE, comments, processing
 * instructions) to its end, handing each element and each run of text to `to`. Calls `fail`,
 * which throws, for the first thing that is not well-formed XML (with `malformed` set) or that is
 * refused by rule.
 */
export function scanXml(s: string, fail: Fail, to: XmlTokens): void {
  let i = 0;
  // Local names for the text's two most used methods: a minifier shortens these, never `s.startsWith`.
  const code = (at: number): number => s.charCodeAt(at);
  const starts = (t: string, at: number): boolean => s.startsWith(t, at);
  const bad = (message: string, at: number): never => fail(message, at, true);
  const unclosed = (what: string, at: number): never => bad(`${what} is not closed`, at);
  const skip = (re: RegExp, at: number): number => {
    re.lastIndex = at;
    re.test(s);
    return re.lastIndex;
  };
  /** Where `close` starts, searching from `from`; `what` is not closed when it is missing. */
  const find = (close: string, from: number, what: string, at: number): number => {
    const end = s.indexOf(close, from);
    return end === -1 ? unclosed(what, at) : end;
  };
  /** The text at `at`, quoted, for a message. */
  const snippet = (at: number): string => quoted(s.slice(at, at + 12));
  const checkChars = (from: number, to: number): void => {
    const m = BAD_CHAR.exec(s.slice(from, to));
    if (m) bad(notAllowed(m[0].charCodeAt(0)), from + m.index);
  };

  /** `&lt;`, `&#38;`, `&#x26;`: the character (`REFERENCE.lastIndex` is where the reference ends). */
  const reference = (at: number): string => {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(s) ?? bad(`${snippet(at)} is not a reference XML defines (plists use no other entities)`, at);
    if (m[1] != null) return PREDEFINED[m[1]]!;
    const cp = Number(m[2] ?? `0x${m[3]}`);
    // A character XML allows: past U+10FFFF there is none (NUL stands for it); below, BAD_CHAR names what it refuses.
    const c = String.fromCodePoint(cp > 0x10ffff ? 0 : cp);
    if (BAD_CHAR.test(c)) bad(`the character reference ${m[0]} names a character XML does not allow`, at);
    return c;
  };

  const comment = (at: number): void => {
    const start = at + 4;
    const end = find('-->', start, 'a comment', at);
    const dashes = s.indexOf('--', start);
    if (dashes < end) bad('"--" inside a comment', dashes);
    checkChars(start, end);
    i = end + 3;
  };

  const pi = (at: number): void => {
    const what = 'a processing instruction';
    const end = find('?>', at + 2, what, at);
    if (skip(NAME, at + 2) === at + 2) bad(`${what} without a target`, at);
    checkChars(at, end);
    i = end + 2;
  };

  /**
   * `<!DOCTYPE plist PUBLIC "…" "…">`, with or without an internal subset. Entities are only ever
   * declared in the internal subset; a DOCTYPE that declares any is refused outright.
   */
  const doctype = (start: number): void => {
    let j = start + 9;
    let subset = false;
    // Each step ends on the last character it reads (a closing quote, the `>` of a comment).
    for (; ; j++) {
      const c = s[j];
      if (c == null) unclosed('the DOCTYPE', start);
      if (c === '"' || c === "'") j = find(c, j + 1, 'the DOCTYPE', start);
      else if (subset && starts('<!--', j)) j = find('-->', j + 4, 'a comment', j) + 2;
      else if (c === (subset ? ']' : '[')) subset = !subset;
      else if (c === '>' && !subset) break;
    }
    checkChars(start, j + 1);
    // Refused by rule, not as malformed: external entities, "billion laughs".
    if (/<!ENTITY/i.test(s.slice(start, j + 1))) fail('the plist declares XML entities, which are refused', start);
    i = j + 1;
  };

  /** One `name="value"`: checked for form and ignored (a plist's `version` says nothing to a reader). */
  const attribute = (at: number, nameEnd: number, seen: string[]): number => {
    const name = s.slice(at, nameEnd);
    const attr = `the attribute ${name}`;
    if (seen.includes(name)) bad(`${attr} appears twice`, at);
    seen.push(name);
    let j = skip(WS, nameEnd);
    if (code(j) !== 0x3d) bad(`${attr} has no value`, j);
    j = skip(WS, j + 1);
    const quote = s[j];
    if (quote !== '"' && quote !== "'") bad(`the value of ${attr} is not quoted`, j);
    const end = s.indexOf(quote!, ++j);
    // Every reference read, the first character refused (`<` or one XML does not allow) named.
    s.slice(j, end < 0 ? undefined : end).replace(IN_ATTRIBUTE, (c: string, k: number) => (c[0] === '&' ? reference(j + k) : bad(`${quoted(c)} in the value of ${attr}`, j + k)));
    return end < 0 ? unclosed(`the value of ${attr}`, s.length) : end + 1;
  };

  const startTag = (at: number): void => {
    const nameEnd = skip(NAME, at + 1);
    if (nameEnd === at + 1) bad(`${snippet(at)} is not a tag`, at);
    const name = s.slice(at + 1, nameEnd);
    const seen: string[] = [];
    for (let j = nameEnd; ;) {
      const ws = skip(WS, j);
      const c = code(ws);
      const selfClosing = c === 0x2f && code(ws + 1) === 0x3e;
      if (c === 0x3e || selfClosing) {
        i = ws + (selfClosing ? 2 : 1);
        return to.open(name, at, selfClosing);
      }
      // Attributes are separated by whitespace and start with a name.
      const nameEnd = skip(NAME, ws);
      if (ws === j || nameEnd === ws) unclosed(`the tag <${name}>`, ws);
      j = attribute(ws, nameEnd, seen);
    }
  };

  const endTag = (at: number): void => {
    const nameEnd = skip(NAME, at + 2);
    if (nameEnd === at + 2) bad(`${snippet(at)} is not a closing tag`, at);
    const name = s.slice(at + 2, nameEnd);
    const gt = skip(WS, nameEnd);
    if (code(gt) !== 0x3e) unclosed(`the closing tag </${name}>`, gt);
    i = gt + 1;
    to.close(name, at);
  };

  /** Character data up to the next `<`. */
  const characters = (start: number): void => {
    let end = s.indexOf('<', start);
    if (end < 0) end = s.length;
    i = end;
    if (skip(WS, start) >= end) return to.text(undefined, start, end);
    // Left to right, so the first thing refused is the one named.
    const text = s.slice(start, end);
    IN_TEXT.lastIndex = 0;
    to.text(!IN_TEXT.test(text) ? text : text.replace(IN_TEXT, (c: string, k: number) => (c[0] === '&' ? reference(start + k) : c[0] === '\r' ? '\n' : bad(c === ']]>' ? '"]]>" in character data' : notAllowed(c.charCodeAt(0)), start + k))), start, end);
  };

  // The prolog.
  // The XML declaration is read as the processing instruction it looks like.
  if (code(0) === 0xfeff) i = 1;
  for (let sawDoctype = false; ;) {
    i = skip(WS, i);
    if (starts('<!--', i)) comment(i);
    else if (starts('<?', i)) pi(i);
    else if (starts('<!DOCTYPE', i) && !sawDoctype) {
      doctype(i);
      sawDoctype = true;
    } else break;
  }
  // The document.
  while (i < s.length) {
    const at = i;
    const c = code(at + 1);
    if (code(at) !== 0x3c) characters(at);
    else if (c === 0x2f) endTag(at);
    else if (c === 0x21) {
      if (starts('<!--', at)) comment(at);
      else if (starts('<![CDATA[', at)) {
        const start = at + 9;
        const end = find(']]>', start, 'a CDATA section', at);
        checkChars(start, end);
        i = end + 3;
        to.text(lineEnds(s.slice(start, end)), at, i);
      } else bad(starts('<!DOCTYPE', at) ? 'a DOCTYPE after the start of the document' : `${snippet(at)} is not markup XML allows here`, at);
    } else if (c === 0x3f) {
      if (/^<\?xml[ \t\r\n?]/i.test(s.slice(at, at + 6))) bad('the XML declaration must come first', at);
      pi(at);
    } else startTag(at);
  }
}
