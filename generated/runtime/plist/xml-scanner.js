// Copied by dmspec from generator/runtime/plist/xml-scanner.ts. Do not edit: change that file and run "npm run generate".
import { quoted } from "./budget.js";
import { BAD_CHAR } from "./text.js";
const START = 1;
const END = 2;
const TEXT = 3;
const SPACE = 4;
const EOF = 5;
const NAME = /[A-Za-z_:\u00C0-\uD7FF\uE000-\uFFFD][-A-Za-z0-9._:\u00B7\u00C0-\uD7FF\uE000-\uFFFD]*/y;
const WS = /[ \t\n\r]*/y;
const RUN = /[^<&\r\]\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]*/y;
const ATTRIBUTE_RUN = /[^<&\r\n\t"'\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]*/y;
const REFERENCE = /&(?:(lt|gt|amp|apos|quot)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const PREDEFINED = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };
class XmlScanner {
  /** The last token: START, END, TEXT, SPACE or EOF. */
  kind = 0;
  /** An element's name (START, END). */
  name = "";
  /** Character data (TEXT), entities resolved and line ends normalised. */
  text = "";
  /** Where the token starts and ends. */
  start = 0;
  end = 0;
  /** `<name/>`. */
  selfClosing = false;
  #i = 0;
  #s;
  #refuse;
  #fail;
  /** `fail` is called for what cannot be read, and must throw. */
  constructor(s, fail) {
    this.#s = s;
    this.#refuse = fail;
    this.#fail = (message, offset) => fail(`malformed XML: ${message}`, offset);
  }
  /** Reads what may come before the root element: a BOM, the XML declaration, a DOCTYPE, comments, processing instructions. */
  prolog() {
    const s = this.#s;
    if (s.charCodeAt(0) === 65279) this.#i = 1;
    if (s.startsWith("<?xml", this.#i) && /[ \t\r\n?]/.test(s[this.#i + 5] ?? "")) this.#skipPi();
    for (let doctype = false; ; ) {
      this.#i = this.#skip(WS, this.#i);
      if (s.startsWith("<!--", this.#i)) this.#skipComment();
      else if (s.startsWith("<?", this.#i)) this.#skipPi();
      else if (s.startsWith("<!DOCTYPE", this.#i) && !doctype) {
        this.#skipDoctype();
        doctype = true;
      } else return;
    }
  }
  /** Reads the next token. */
  next() {
    const s = this.#s;
    for (; ; ) {
      const i = this.#i;
      this.start = i;
      if (i >= s.length) return this.kind = EOF;
      if (s.charCodeAt(i) !== 60) return this.#characters();
      const c = s.charCodeAt(i + 1);
      if (c === 47) return this.#endTag();
      if (c === 33) {
        if (s.startsWith("<!--", i)) this.#skipComment();
        else if (s.startsWith("<![CDATA[", i)) return this.#cdata();
        else this.#fail(s.startsWith("<!DOCTYPE", i) ? "a DOCTYPE after the start of the document" : `${quoted(s.slice(i, i + 12))} is not markup XML allows here`, i);
        continue;
      }
      if (c === 63) {
        if (/^<\?xml[ \t\r\n?]/i.test(s.slice(i, i + 6))) this.#fail("the XML declaration must come first", i);
        this.#skipPi();
        continue;
      }
      return this.#startTag();
    }
  }
  /** The text of the SPACE token, line ends normalised. */
  spaceText() {
    const t = this.#s.slice(this.start, this.end);
    return t.includes("\r") ? t.replace(/\r\n?/g, "\n") : t;
  }
  #skip(re, at) {
    re.lastIndex = at;
    re.test(this.#s);
    return re.lastIndex;
  }
  #startTag() {
    const s = this.#s;
    const at = this.#i + 1;
    const nameEnd = this.#skip(NAME, at);
    if (nameEnd === at) this.#fail(`${quoted(s.slice(this.#i, this.#i + 12))} is not a tag`, this.#i);
    this.name = s.slice(at, nameEnd);
    let i = nameEnd;
    const seen = [];
    for (; ; ) {
      const ws = this.#skip(WS, i);
      const c = s.charCodeAt(ws);
      if (c === 62) {
        this.selfClosing = false;
        this.#i = ws + 1;
        break;
      }
      if (c === 47 && s.charCodeAt(ws + 1) === 62) {
        this.selfClosing = true;
        this.#i = ws + 2;
        break;
      }
      if (ws === i) this.#fail(`the tag <${this.name}> is not closed`, ws);
      i = this.#attribute(ws, seen);
    }
    this.end = this.#i;
    return this.kind = START;
  }
  /** One `name="value"`: checked for form and ignored (a plist's `version` says nothing to a reader). */
  #attribute(at, seen) {
    const s = this.#s;
    const nameEnd = this.#skip(NAME, at);
    if (nameEnd === at) this.#fail(`the tag <${this.name}> is not closed`, at);
    const name = s.slice(at, nameEnd);
    if (seen.includes(name)) this.#fail(`the attribute ${name} appears twice`, at);
    seen.push(name);
    let i = this.#skip(WS, nameEnd);
    if (s.charCodeAt(i) !== 61) this.#fail(`the attribute ${name} has no value`, i);
    i = this.#skip(WS, i + 1);
    const quote = s[i];
    if (quote !== '"' && quote !== "'") this.#fail(`the value of the attribute ${name} is not quoted`, i);
    for (i++; ; ) {
      i = this.#skip(ATTRIBUTE_RUN, i);
      const c = s[i];
      if (c === quote) return i + 1;
      if (c === "&") i = this.#reference(i)[1];
      else if (c === "'" || c === '"' || c === "	" || c === "\n" || c === "\r") i++;
      else if (c !== void 0 && c >= "\uD800" && c <= "\uDBFF" && /[\uDC00-\uDFFF]/.test(s[i + 1] ?? "")) i += 2;
      else this.#fail(c === void 0 ? `the value of the attribute ${name} is not closed` : `${quoted(c)} in the value of the attribute ${name}`, i);
    }
  }
  #endTag() {
    const s = this.#s;
    const at = this.#i + 2;
    const nameEnd = this.#skip(NAME, at);
    if (nameEnd === at) this.#fail(`${quoted(s.slice(this.#i, this.#i + 12))} is not a closing tag`, this.#i);
    this.name = s.slice(at, nameEnd);
    const close = this.#skip(WS, nameEnd);
    if (s.charCodeAt(close) !== 62) this.#fail(`the closing tag </${this.name}> is not closed`, close);
    this.#i = close + 1;
    this.end = this.#i;
    return this.kind = END;
  }
  /** Character data up to the next `<`: SPACE when it is whitespace only. */
  #characters() {
    const s = this.#s;
    const start = this.#i;
    const ws = this.#skip(WS, start);
    if (ws >= s.length || s.charCodeAt(ws) === 60) {
      this.#i = this.end = ws;
      return this.kind = SPACE;
    }
    let out = "";
    let i = start;
    for (; ; ) {
      const j = this.#skip(RUN, i);
      if (j > i) out += s.slice(i, j);
      i = j;
      if (i >= s.length) break;
      const c = s.charCodeAt(i);
      if (c === 60) break;
      if (c === 38) {
        const [ch, after] = this.#reference(i);
        out += ch;
        i = after;
      } else if (c === 13) {
        out += "\n";
        i += s.charCodeAt(i + 1) === 10 ? 2 : 1;
      } else if (c === 93) {
        if (s.startsWith("]]>", i)) this.#fail('"]]>" in character data', i);
        out += "]";
        i++;
      } else if (c >= 55296 && c <= 56319 && (s.charCodeAt(i + 1) & 64512) === 56320) {
        out += s.slice(i, i + 2);
        i += 2;
      } else this.#fail(`the character U+${c.toString(16).toUpperCase().padStart(4, "0")}, which XML does not allow`, i);
    }
    this.#i = this.end = i;
    this.text = out;
    return this.kind = TEXT;
  }
  /** `&lt;`, `&#38;`, `&#x26;`: the character and where the reference ends. */
  #reference(at) {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(this.#s);
    if (!m) this.#fail(`${quoted(this.#s.slice(at, at + 12))} is not a reference XML defines (plists use no other entities)`, at);
    if (m[1] !== void 0) return [PREDEFINED[m[1]], REFERENCE.lastIndex];
    const cp = m[2] !== void 0 ? Number(m[2]) : parseInt(m[3], 16);
    const ok = cp === 9 || cp === 10 || cp === 13 || cp >= 32 && cp <= 55295 || cp >= 57344 && cp <= 65533 || cp >= 65536 && cp <= 1114111;
    if (!ok) this.#fail(`the character reference ${m[0]} names a character XML does not allow`, at);
    return [String.fromCodePoint(cp), REFERENCE.lastIndex];
  }
  #cdata() {
    const start = this.#i + 9;
    const end = this.#s.indexOf("]]>", start);
    if (end === -1) this.#fail("a CDATA section is not closed", this.#i);
    const t = this.#s.slice(start, end);
    this.#checkChars(t, start);
    this.#i = this.end = end + 3;
    this.text = t.includes("\r") ? t.replace(/\r\n?/g, "\n") : t;
    return this.kind = TEXT;
  }
  #skipComment() {
    const start = this.#i + 4;
    const end = this.#s.indexOf("-->", start);
    if (end === -1) this.#fail("a comment is not closed", this.#i);
    const dashes = this.#s.indexOf("--", start);
    if (dashes < end) this.#fail('"--" inside a comment', dashes);
    this.#checkChars(this.#s.slice(start, end), start);
    this.#i = end + 3;
  }
  #skipPi() {
    const end = this.#s.indexOf("?>", this.#i + 2);
    if (end === -1) this.#fail("a processing instruction is not closed", this.#i);
    if (this.#skip(NAME, this.#i + 2) === this.#i + 2) this.#fail("a processing instruction without a target", this.#i);
    this.#checkChars(this.#s.slice(this.#i, end), this.#i);
    this.#i = end + 2;
  }
  /**
   * `<!DOCTYPE plist PUBLIC "…" "…">`, with or without an internal subset. Entities are only ever
   * declared in the internal subset; a DOCTYPE that declares any is refused outright.
   */
  #skipDoctype() {
    const s = this.#s;
    const start = this.#i;
    let i = start + 9;
    let subset = false;
    for (; ; ) {
      const c = s[i];
      if (c === void 0) this.#fail("the DOCTYPE is not closed", start);
      if (c === '"' || c === "'") {
        const close = s.indexOf(c, i + 1);
        if (close === -1) this.#fail("the DOCTYPE is not closed", start);
        i = close + 1;
      } else if (subset && s.startsWith("<!--", i)) {
        const close = s.indexOf("-->", i + 4);
        if (close === -1) this.#fail("a comment is not closed", i);
        i = close + 3;
      } else if (c === "[" && !subset) {
        subset = true;
        i++;
      } else if (c === "]" && subset) {
        subset = false;
        i++;
      } else if (c === ">" && !subset) break;
      else i++;
    }
    const doctype = s.slice(start, i + 1);
    this.#checkChars(doctype, start);
    if (/<!ENTITY/i.test(doctype)) this.#refuse("the plist declares XML entities, which are refused", start);
    this.#i = i + 1;
  }
  #checkChars(t, at) {
    const m = BAD_CHAR.exec(t);
    if (m) this.#fail(`the character U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}, which XML does not allow`, at + m.index);
  }
}
export {
  END,
  EOF,
  SPACE,
  START,
  TEXT,
  XmlScanner
};
