// Copied by dmspec from generator/runtime/plist/xml-scanner.ts. Do not edit: change that file and run "npm run generate".
import { quoted } from "./budget.js";
import { BAD_CHAR, codePoint } from "./text.js";
const NAME = /[A-Za-z_:\u00C0-\uD7FF\uE000-\uFFFD][-A-Za-z0-9._:\u00B7\u00C0-\uD7FF\uE000-\uFFFD]*/y;
const WS = /[ \t\n\r]*/y;
const RUN = /[^<&\r\]\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]*/y;
const ATTRIBUTE_RUN = /[^<&\r\n\t"'\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]*/y;
const REFERENCE = /&(?:(lt|gt|amp|apos|quot)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const PREDEFINED = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };
const lineEnds = (t) => t.includes("\r") ? t.replace(/\r\n?/g, "\n") : t;
const notAllowed = (code) => `the character ${codePoint(code)}, which XML does not allow`;
function scanXml(s, fail, to) {
  let i = 0;
  const code = (at) => s.charCodeAt(at);
  const starts = (t, at) => s.startsWith(t, at);
  const bad = (message, at) => fail(message, at, true);
  const skip = (re, at) => {
    re.lastIndex = at;
    re.test(s);
    return re.lastIndex;
  };
  const find = (close, from, what, at) => {
    const end = s.indexOf(close, from);
    return end === -1 ? bad(`${what} is not closed`, at) : end;
  };
  const snippet = (at) => quoted(s.slice(at, at + 12));
  const checkChars = (from, to2) => {
    const m = BAD_CHAR.exec(s.slice(from, to2));
    if (m) bad(notAllowed(m[0].charCodeAt(0)), from + m.index);
  };
  const reference = (at) => {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(s) ?? bad(`${snippet(at)} is not a reference XML defines (plists use no other entities)`, at);
    if (m[1] != null) return PREDEFINED[m[1]];
    const cp = m[2] != null ? Number(m[2]) : parseInt(m[3], 16);
    const c = cp > 1114111 ? "" : String.fromCodePoint(cp);
    if (c === "" || BAD_CHAR.test(c)) bad(`the character reference ${m[0]} names a character XML does not allow`, at);
    return c;
  };
  const comment = (at) => {
    const start = at + 4;
    const end = find("-->", start, "a comment", at);
    const dashes = s.indexOf("--", start);
    if (dashes < end) bad('"--" inside a comment', dashes);
    checkChars(start, end);
    i = end + 3;
  };
  const pi = (at) => {
    const what = "a processing instruction";
    const end = find("?>", at + 2, what, at);
    if (skip(NAME, at + 2) === at + 2) bad(`${what} without a target`, at);
    checkChars(at, end);
    i = end + 2;
  };
  const doctype = (start) => {
    let j = start + 9;
    let subset = false;
    for (; ; ) {
      const c = s[j];
      if (c == null) bad("the DOCTYPE is not closed", start);
      if (c === '"' || c === "'") j = find(c, j + 1, "the DOCTYPE", start) + 1;
      else if (subset && starts("<!--", j)) j = find("-->", j + 4, "a comment", j) + 3;
      else if (c === "[" && !subset) {
        subset = true;
        j++;
      } else if (c === "]" && subset) {
        subset = false;
        j++;
      } else if (c === ">" && !subset) break;
      else j++;
    }
    checkChars(start, j + 1);
    if (/<!ENTITY/i.test(s.slice(start, j + 1))) fail("the plist declares XML entities, which are refused", start);
    i = j + 1;
  };
  const attribute = (at, seen, tag) => {
    const nameEnd = skip(NAME, at);
    if (nameEnd === at) bad(`the tag <${tag}> is not closed`, at);
    const name = s.slice(at, nameEnd);
    const attr = `the attribute ${name}`;
    if (seen.includes(name)) bad(`${attr} appears twice`, at);
    seen.push(name);
    let j = skip(WS, nameEnd);
    if (code(j) !== 61) bad(`${attr} has no value`, j);
    j = skip(WS, j + 1);
    const quote = s[j];
    if (quote !== '"' && quote !== "'") bad(`the value of ${attr} is not quoted`, j);
    for (j++; ; ) {
      j = skip(ATTRIBUTE_RUN, j);
      const c = s[j];
      if (c === quote) return j + 1;
      if (c === "&") {
        reference(j);
        j = REFERENCE.lastIndex;
      } else if (/['"\t\n\r]/.test(c ?? "")) j++;
      else if (c != null && c >= "\uD800" && c <= "\uDBFF" && /[\uDC00-\uDFFF]/.test(s[j + 1] ?? "")) j += 2;
      else bad(c == null ? `the value of ${attr} is not closed` : `${quoted(c)} in the value of ${attr}`, j);
    }
  };
  const startTag = (at) => {
    const nameEnd = skip(NAME, at + 1);
    if (nameEnd === at + 1) bad(`${snippet(at)} is not a tag`, at);
    const name = s.slice(at + 1, nameEnd);
    const seen = [];
    for (let j = nameEnd; ; ) {
      const ws = skip(WS, j);
      const c = code(ws);
      const selfClosing = c === 47 && code(ws + 1) === 62;
      if (c === 62 || selfClosing) {
        i = ws + (selfClosing ? 2 : 1);
        return to.open(name, at, selfClosing);
      }
      if (ws === j) bad(`the tag <${name}> is not closed`, ws);
      j = attribute(ws, seen, name);
    }
  };
  const endTag = (at) => {
    const nameEnd = skip(NAME, at + 2);
    if (nameEnd === at + 2) bad(`${snippet(at)} is not a closing tag`, at);
    const name = s.slice(at + 2, nameEnd);
    const gt = skip(WS, nameEnd);
    if (code(gt) !== 62) bad(`the closing tag </${name}> is not closed`, gt);
    i = gt + 1;
    to.close(name, at);
  };
  const characters = (start) => {
    const ws = skip(WS, start);
    if (ws >= s.length || code(ws) === 60) {
      i = ws;
      return to.text(void 0, start, ws);
    }
    let out = "";
    let j = start;
    for (; ; ) {
      const k = skip(RUN, j);
      if (k > j) out += s.slice(j, k);
      j = k;
      if (j >= s.length) break;
      const c = code(j);
      if (c === 60) break;
      if (c === 38) {
        out += reference(j);
        j = REFERENCE.lastIndex;
      } else if (c === 13) {
        out += "\n";
        j += code(j + 1) === 10 ? 2 : 1;
      } else if (c === 93) {
        if (starts("]]>", j)) bad('"]]>" in character data', j);
        out += "]";
        j++;
      } else if (c >= 55296 && c <= 56319 && (code(j + 1) & 64512) === 56320) {
        out += s.slice(j, j + 2);
        j += 2;
      } else bad(notAllowed(c), j);
    }
    i = j;
    to.text(out, start, j);
  };
  if (code(0) === 65279) i = 1;
  if (starts("<?xml", i) && /[ \t\r\n?]/.test(s[i + 5] ?? "")) pi(i);
  for (let sawDoctype = false; ; ) {
    i = skip(WS, i);
    if (starts("<!--", i)) comment(i);
    else if (starts("<?", i)) pi(i);
    else if (starts("<!DOCTYPE", i) && !sawDoctype) {
      doctype(i);
      sawDoctype = true;
    } else break;
  }
  while (i < s.length) {
    const at = i;
    const c = code(at + 1);
    if (code(at) !== 60) characters(at);
    else if (c === 47) endTag(at);
    else if (c === 33) {
      if (starts("<!--", at)) comment(at);
      else if (starts("<![CDATA[", at)) {
        const start = at + 9;
        const end = find("]]>", start, "a CDATA section", at);
        checkChars(start, end);
        i = end + 3;
        to.text(lineEnds(s.slice(start, end)), at, i);
      } else bad(starts("<!DOCTYPE", at) ? "a DOCTYPE after the start of the document" : `${snippet(at)} is not markup XML allows here`, at);
    } else if (c === 63) {
      if (/^<\?xml[ \t\r\n?]/i.test(s.slice(at, at + 6))) bad("the XML declaration must come first", at);
      pi(at);
    } else startTag(at);
  }
}
export {
  lineEnds,
  scanXml
};
