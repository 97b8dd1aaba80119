/**
 * XML property lists to values: a strict, linear, bounded tokenizer for the subset property lists
 * use, building the values as it reads. Not a general XML parser, on purpose: it reads elements
 * (attributes checked for form and ignored), character data with the five predefined entities and
 * character references, CDATA sections, comments, processing instructions, the XML declaration
 * and a DOCTYPE. A DOCTYPE that declares any entity is refused (no external entities, no "billion
 * laughs"); any other entity reference is an error, never expanded. Line ends are read as XML
 * reads them (`\r\n` and `\r` are `\n`), and a character XML does not allow (NUL, most controls,
 * an unpaired surrogate) is an error.
 *
 * Linear: every construct is found by `indexOf`, a sticky regular expression over one character
 * class, or (the text of character data and of an attribute's value) one left-to-right regular
 * expression whose alternatives start with different characters, so each character is looked at
 * a bounded number of times and nothing backtracks.
 * Bounded: every value, string and data byte is counted against the budget as it is read, so
 * neither a huge flat document, a deep one, nor one of unclosed tags can outgrow the limits
 * before the error. The stack of open arrays and dictionaries is explicit: no recursion, so no
 * depth of input reaches the JavaScript stack. Scalars are read by `scalars.ts`. Written as
 * closures over the text and the offset, not as a class: the state is local variables, which a
 * minifier shortens and property accesses it cannot.
 */
import { clip, fmt, type PlistBudget, PlistError, PlistTimeoutError, quoted } from './budget.js';
import { PlistPositions } from './positions.js';
import { readScalar, type ScalarTag } from './scalars.js';
import { BAD_CHAR, codePoint, NOT_XML } from './text.js';
import { appearsTwice, type PlistValue } from './values.js';

// XML's name characters (`\w` is `[A-Za-z0-9_]`).
const NAME = /[A-Za-z_:\xC0-\uD7FF\uE000-\uFFFD][-.\w:\xB7\xC0-\uD7FF\uE000-\uFFFD]*/y;
const WS = /[ \t\n\r]*/y;
// What needs a look in character data (up to a `<`) and in an attribute's value: a reference (what
// follows `&` up to its `;`, read by `reference`), a line end, `]]>`, a character XML does not allow
// (`u`: a surrogate pair is one character, so only an unpaired surrogate is one of them), a `<`.
const IN_TEXT = new RegExp(`&[#\\w]*;?|\\r\\n?|\\]\\]>|[${NOT_XML}]`, 'gu');
const IN_ATTRIBUTE = new RegExp(`&[#\\w]*;?|[<${NOT_XML}]`, 'gu');
const REFERENCE = /&(?:(lt|gt|amp|apos|quot)|#(\d{1,7})|#x([\da-fA-F]{1,6}));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const SCALAR = /^(?:string|integer|real|true|false|date|data)$/;
const EMPTY_PLIST = 'the <plist> element is empty';

const notAllowed = (c: string): string => `the character ${codePoint(c)}, which XML does not allow`;

/**
 * An open element: its tag, where its start tag is, its values (an array, the plist element) or
 * entries (a dictionary), where each value is (in a dictionary, each entry's key and then its
 * value), and in a dictionary the key waiting for its value (its offset is the last one).
 */
type Frame = [tag: 'plist' | 'array' | 'dict', at: number, items: unknown[], offsets: number[], key?: string];
// The indices of a Frame's parts (a const enum: each use is the number itself, no object is made).
const enum F { Tag, At, Items, Offsets, Key }

/**
 * Reads an XML plist's text from its prolog (a BOM, the XML declaration, a DOCTYPE, comments,
 * processing instructions) to its end. Throws PlistError (PlistTimeoutError past the deadline)
 * for the first thing that is not well-formed XML (`malformed XML (line N): …`), is refused by
 * rule or is past a limit (`line N: …`).
 */
export const readXmlPlist = (s: string, budget: PlistBudget, safeOnly: boolean): { value: PlistValue; format: 'xml' | 'binary'; positions: PlistPositions } => {
  const positions = new PlistPositions('xml', s);
  const lineOf = (offset: number): number => (positions.at(offset) as { line: number }).line;
  /** Where the token being handled starts: where an error is unless it says otherwise. */
  let here = 0;
  // `line N: …`, or `malformed XML (line N): …` for what is not well-formed XML at all.
  const fail = (message: string, offset = here, malformed?: boolean): never => {
    const at = positions.at(offset);
    const line = `line ${(at as { line: number }).line}`;
    throw new PlistError(`${malformed ? `malformed XML (${line})` : line}: ${message}`, at, malformed ? `malformed XML: ${message}` : message);
  };
  const bad = (message: string, at?: number): never => fail(message, at, true);
  const unclosed = (what: string, at: number): never => bad(`${what} is not closed`, at);
  let i = 0;
  // Local names for the text's two most used methods: a minifier shortens these, never `s.startsWith`.
  const code = (at: number): number => s.charCodeAt(at);
  const starts = (t: string, at: number): boolean => s.startsWith(t, at);
  const skip = (re: RegExp, at: number): number => {
    re.lastIndex = at;
    re.test(s);
    return re.lastIndex;
  };
  /** Where `close` starts, searching from `from`; `what` is not closed when it is missing. */
  const find = (close: string, from: number, what: string, at: number): number => {
    const end = s.indexOf(close, from);
    return end < 0 ? unclosed(what, at) : end;
  };
  /** The text at `at` (quoted, its first 12 characters) is not `what`. */
  const notA = (what: string, at = here): never => bad(`${quoted(s.slice(at, at + 12))} is not ${what}`, at);
  const checkChars = (from: number, to: number): void => {
    const m = BAD_CHAR.exec(s.slice(from, to));
    if (m) bad(notAllowed(m[0]), from + m.index);
  };

  const keyName = (key: string): string => `the key ${quoted(key, 60)}`;
  /** An end tag that is not the one the open element needs. */
  const mismatch = (name: string, open: string): never => bad(`</${clip(name)}> where </${open}> belongs`);
  const stack: Frame[] = [];
  const topOf = (): Frame | undefined => stack[stack.length - 1];
  let containers = 0;
  let root: PlistValue | undefined;
  let rootAt = 0;
  /** The scalar or `<key>` element being read (its tag name, never empty; its text so far, its start tag), if any. */
  let scalar: string | undefined;
  let scalarAt = 0;
  let content = '';
  let limit = 0;
  const [{ maxStringLength, maxDataBytes }, , countNode, countString, countData] = budget;

  /** A start tag read: `name`, at `at` (`<name/>` is read as `<name>` and then `</name>`). */
  const open = (name: string, at: number): void => {
    if (scalar) fail(`<${clip(name)}> inside <${scalar}>: a ${scalar === 'key' ? 'key' : 'value'} holds text only`);
    const top = topOf();
    const inDict = top?.[F.Tag] === 'dict';
    const container = name === 'array' || name === 'dict';
    if (name === 'plist') {
      // Once a <plist> has closed, the root is set: a second one is not the root either.
      if (top || root != null) fail('<plist> is not the root element');
    } else {
      if (!top && root != null) fail('more than one root element');
      if (name === 'key') {
        if (!inDict) fail('<key> outside a <dict>');
        if (top![F.Key] != null) fail(`${keyName(top![F.Key]!)} has no value`);
      } else {
        if (inDict && top![F.Key] == null) fail(`<dict> has <${clip(name)}> where a <key> belongs`);
        if (!container && !SCALAR.test(name)) fail(`unknown plist element <${clip(name)}>`);
        countNode(containers);
      }
      if (!container) {
        // A scalar or a key: its text is gathered until its end tag.
        content = '';
        limit = name === 'string' || name === 'key' ? maxStringLength : name === 'data' ? maxDataBytes * 2 : 1000;
        scalar = name;
        scalarAt = at;
        return;
      }
      containers++;
    }
    stack.push([name as Frame[F.Tag], at, [], []]);
  };

  /** An end tag read: `name` (for `<name/>`, right after its start tag). */
  const close = (name: string): void => {
    const tag = scalar;
    // The value the element is, and where it starts.
    let value: PlistValue;
    let at: number;
    if (tag) {
      // The end of the scalar or key being read.
      if (name !== tag) mismatch(name, tag);
      scalar = undefined;
      if (tag === 'key') {
        countString(content.length);
        const top = topOf()!;
        top[F.Key] = content;
        top[F.Offsets].push(scalarAt);
        return;
      }
      if (tag === 'string') countString(content.length);
      // A scalar's own error is at its element; a budget's, at the end tag that was just read.
      const end = here;
      here = scalarAt;
      value = readScalar(tag as ScalarTag, content, safeOnly);
      here = end;
      if (value instanceof Uint8Array) countData(value.length);
      at = scalarAt;
    } else {
      const [opened, start, items, offsets, key] = stack.pop() ?? bad(`</${clip(name)}> closes nothing`);
      if (opened !== name) mismatch(name, opened);
      if (opened === 'plist') {
        if (!items.length) fail(EMPTY_PLIST);
        root = items[0] as PlistValue;
        rootAt = offsets[0]!;
        return;
      }
      containers--;
      // (Only a dictionary has a key waiting.)
      if (key != null) fail(`${keyName(key)} (line ${lineOf(offsets[offsets.length - 1]!)}) has no value`);
      value = positions.record(items, offsets, opened === 'dict' ? (key, first, second) => fail(appearsTwice(keyName(key), `lines ${lineOf(offsets[2 * first]!)} and ${lineOf(offsets[2 * second]!)}`), offsets[2 * second]!) : undefined);
      at = start;
    }
    // The value handed to the frame that holds it.
    const top = topOf();
    if (!top) {
      root = value;
      rootAt = at;
      return;
    }
    if (top[F.Tag] === 'dict') {
      if (top[F.Key] == null) fail('<dict> has a value where a <key> belongs', at);
      top[F.Items].push([top[F.Key], value]);
      top[F.Key] = undefined;
    } else if (top[F.Tag] === 'plist' && top[F.Items].length) fail('the <plist> element holds more than one value', at);
    else top[F.Items].push(value);
    top[F.Offsets].push(at);
  };

  /** Character data (entities resolved and line ends normalised) at the token being read. */
  const chars = (t: string): void => {
    if (scalar) {
      content += t;
      // Checked as the text grows, so a huge value stops at its limit, not after it is joined.
      if (content.length > limit) {
        if (scalar === 'string' || scalar === 'key') countString(content.length);
        fail(`<${scalar}> holds over ${fmt(limit)} characters`);
      }
    } else if (/\S/.test(t)) {
      const top = topOf();
      fail(`text ${quoted(t.trim(), 60)} where ${top ? `<${top[F.Tag]}> holds elements only` : 'no text belongs'}`);
    }
  };

  /** `&lt;`, `&#38;`, `&#x26;`: the character (`REFERENCE.lastIndex` is where the reference ends). */
  const reference = (at: number): string => {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(s) ?? notA('a reference XML defines (plists use no other entities)', at);
    if (m[1]) return PREDEFINED[m[1]]!;
    const cp = Number(m[2] ?? `0x${m[3]}`);
    // A character XML allows: past U+10FFFF there is none (NUL stands for it); below, BAD_CHAR names what it refuses.
    const c = String.fromCodePoint(cp > 0x10ffff ? 0 : cp);
    if (BAD_CHAR.test(c)) bad(`the character reference ${m[0]} names a character XML does not allow`, at);
    return c;
  };

  /** 2 in the prolog before a DOCTYPE, 1 in it after one, 0 from the first element or text on. */
  let prolog = 2;

  try {
    // A byte order mark is skipped.
    if (code(0) === 0xfeff) i = 1;
    for (; ;) {
      // In the prolog, whitespace is skipped: text there starts at its first other character.
      if (prolog) i = skip(WS, i);
      if (i >= s.length) break;
      const at = (here = i);
      const c = code(at + 1);
      if (code(at) !== 0x3c) {
        // Character data up to the next `<`.
        let end = s.indexOf('<', at);
        if (end < 0) end = s.length;
        i = end;
        // Whitespace only (most of it is indentation): not built unless a value holds it.
        if (!scalar && skip(WS, at) >= end) continue;
        prolog = 0;
        // Left to right, so the first thing refused is the one named.
        const text = s.slice(at, end);
        chars(text.replace(IN_TEXT, (c: string, k: number) => (c[0] === '&' ? reference(at + k) : c[0] === '\r' ? '\n' : bad(c === ']]>' ? '"]]>" in character data' : notAllowed(c), at + k))));
      } else if (c === 0x21 && starts('<!--', at)) {
        const from = at + 4;
        const end = find('-->', from, 'a comment', at);
        const dashes = s.indexOf('--', from);
        if (dashes < end) bad('"--" inside a comment', dashes);
        checkChars(from, end);
        i = end + 3;
      } else if (c === 0x3f) {
        // A processing instruction (the XML declaration is read as the one it looks like).
        if (!prolog && /^<\?xml[ \t\r\n?]/i.test(s.slice(at, at + 6))) bad('the XML declaration must come first');
        const what = 'a processing instruction';
        const end = find('?>', at + 2, what, at);
        if (skip(NAME, at + 2) === at + 2) bad(`${what} without a target`);
        checkChars(at, end);
        i = end + 2;
      } else if (prolog > 1 && starts('<!DOCTYPE', at)) {
        // `<!DOCTYPE plist PUBLIC "…" "…">`, with or without an internal subset. Entities are only
        // ever declared in the internal subset; a DOCTYPE that declares any is refused outright.
        let j = at + 9;
        let subset = false;
        // Each step ends on the last character it reads (a closing quote, the `>` of a comment).
        for (; ; j++) {
          const c = s[j];
          if (!c) unclosed('the DOCTYPE', at);
          if (c === '"' || c === "'") j = find(c, j + 1, 'the DOCTYPE', at);
          else if (subset && starts('<!--', j)) j = find('-->', j + 4, 'a comment', j) + 2;
          else if (c === (subset ? ']' : '[')) subset = !subset;
          else if (c === '>' && !subset) break;
        }
        checkChars(at, j + 1);
        // Refused by rule, not as malformed: external entities, "billion laughs".
        if (/<!ENTITY/i.test(s.slice(at, j + 1))) fail('the plist declares XML entities, which are refused');
        i = j + 1;
        prolog = 1;
      } else {
        prolog = 0;
        if (c === 0x2f) {
          // An end tag.
          const nameEnd = skip(NAME, at + 2);
          if (nameEnd === at + 2) notA('a closing tag');
          const name = s.slice(at + 2, nameEnd);
          const gt = skip(WS, nameEnd);
          if (code(gt) !== 0x3e) unclosed(`the closing tag </${name}>`, gt);
          i = gt + 1;
          close(name);
        } else if (c !== 0x21) {
          // A start tag.
          const nameEnd = skip(NAME, at + 1);
          if (nameEnd === at + 1) notA('a tag');
          const name = s.slice(at + 1, nameEnd);
          const seen: string[] = [];
          for (let j = nameEnd; ;) {
            const ws = skip(WS, j);
            const c = code(ws);
            const selfClosing = c === 0x2f && code(ws + 1) === 0x3e;
            if (c === 0x3e || selfClosing) {
              i = ws + (selfClosing ? 2 : 1);
              open(name, at);
              if (selfClosing) close(name);
              break;
            }
            // Attributes are separated by whitespace and start with a name. Each `name="value"` is
            // checked for form and ignored (a plist's `version` says nothing to a reader).
            const nameEnd = skip(NAME, ws);
            if (ws === j || nameEnd === ws) unclosed(`the tag <${name}>`, ws);
            const attrName = s.slice(ws, nameEnd);
            const attr = `the attribute ${attrName}`;
            if (seen.includes(attrName)) bad(`${attr} appears twice`, ws);
            seen.push(attrName);
            j = skip(WS, nameEnd);
            if (code(j) !== 0x3d) bad(`${attr} has no value`, j);
            j = skip(WS, j + 1);
            const quote = s[j];
            if (quote !== '"' && quote !== "'") bad(`the value of ${attr} is not quoted`, j);
            const from = j + 1;
            const end = s.indexOf(quote!, from);
            // Every reference read, the first character refused (`<` or one XML does not allow) named.
            s.slice(from, end < 0 ? undefined : end).replace(IN_ATTRIBUTE, (c: string, k: number) => (c[0] === '&' ? reference(from + k) : bad(`${quoted(c)} in the value of ${attr}`, from + k)));
            j = end < 0 ? unclosed(`the value of ${attr}`, s.length) : end + 1;
          }
        } else if (starts('<![CDATA[', at)) {
          const start = at + 9;
          const end = find(']]>', start, 'a CDATA section', at);
          checkChars(start, end);
          i = end + 3;
          // Its text with XML's line ends (`\r\n` and `\r` read as `\n`).
          chars(s.slice(start, end).replace(/\r\n?/g, '\n'));
        } else if (starts('<!DOCTYPE', at)) bad('a DOCTYPE after the start of the document');
        else notA('markup XML allows here');
      }
    }
  } catch (e) {
    // Budget and scalar errors are raised without a position; give them the place the reader is at.
    if (e instanceof PlistError && !e.position && !(e instanceof PlistTimeoutError)) fail(e.message);
    throw e;
  }
  // An element left open: the innermost one is named.
  const unclosedFrame = topOf();
  if (scalar || unclosedFrame) bad(`the document ends inside ${scalar ? `<${scalar}>` : `<${unclosedFrame![F.Tag]}> (line ${lineOf(unclosedFrame![F.At])})`}`, s.length);
  if (root == null) fail('no root element', s.length);
  return positions.setRoot(root!, rootAt);
};
