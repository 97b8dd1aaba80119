// Copied by dmspec from generator/runtime/plist/xml-scanner.ts. Do not edit: change that file and run "npm run generate".
import { quoted } from "./budget.js";
import { BAD_CHAR, codePoint, NOT_XML } from "./text.js";
const NAME = /[A-Za-z_:\u00C0-\uD7FF\uE000-\uFFFD][-A-Za-z0-9._:\u00B7\u00C0-\uD7FF\uE000-\uFFFD]*/y;
const WS = /[ \t\n\r]*/y;
const IN_TEXT = new RegExp(`&[#\\w]*;?|\\r\\n?|\\]\\]>|[${NOT_XML}]`, "gu");
const IN_ATTRIBUTE = new RegExp(`&[#\\w]*;?|[<${NOT_XML}]`, "gu");
const REFERENCE = /&(?:(lt|gt|amp|apos|quot)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const PREDEFINED = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };
const lineEnds = (t) => t.includes("\r") ? t.replace(/\r\n?/g, "\n") : t;
const notAllowed = (code) => `the character ${codePoint(code)}, which XML does not allow`;
function scanXml(s, fail, to) {
  let i = 0;
  const code = (at) => s.charCodeAt(at);
  const starts = (t, at) => s.startsWith(t, at);
  const bad = (message, at) => fail(message, at, true);
  const unclosed = (what, at) => bad(`${what} is not closed`, at);
  const skip = (re, at) => {
    re.lastIndex = at;
    re.test(s);
    return re.lastIndex;
  };
  const find = (close, from, what, at) => {
    const end = s.indexOf(close, from);
    return end === -1 ? unclosed(what, at) : end;
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
    const cp = Number(m[2] ?? `0x${m[3]}`);
    const c = String.fromCodePoint(cp > 1114111 ? 0 : cp);
    if (BAD_CHAR.test(c)) bad(`the character reference ${m[0]} names a character XML does not allow`, at);
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
    for (; ; j++) {
      const c = s[j];
      if (c == null) unclosed("the DOCTYPE", start);
      if (c === '"' || c === "'") j = find(c, j + 1, "the DOCTYPE", start);
      else if (subset && starts("<!--", j)) j = find("-->", j + 4, "a comment", j) + 2;
      else if (c === (subset ? "]" : "[")) subset = !subset;
      else if (c === ">" && !subset) break;
    }
    checkChars(start, j + 1);
    if (/<!ENTITY/i.test(s.slice(start, j + 1))) fail("the plist declares XML entities, which are refused", start);
    i = j + 1;
  };
  const attribute = (at, nameEnd, seen) => {
    const name = s.slice(at, nameEnd);
    const attr = `the attribute ${name}`;
    if (seen.includes(name)) bad(`${attr} appears twice`, at);
    seen.push(name);
    let j = skip(WS, nameEnd);
    if (code(j) !== 61) bad(`${attr} has no value`, j);
    j = skip(WS, j + 1);
    const quote = s[j];
    if (quote !== '"' && quote !== "'") bad(`the value of ${attr} is not quoted`, j);
    const end = s.indexOf(quote, ++j);
    s.slice(j, end < 0 ? void 0 : end).replace(IN_ATTRIBUTE, (c, k) => c[0] === "&" ? reference(j + k) : bad(`${quoted(c)} in the value of ${attr}`, j + k));
    return end < 0 ? unclosed(`the value of ${attr}`, s.length) : end + 1;
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
      const nameEnd2 = skip(NAME, ws);
      if (ws === j || nameEnd2 === ws) unclosed(`the tag <${name}>`, ws);
      j = attribute(ws, nameEnd2, seen);
    }
  };
  const endTag = (at) => {
    const nameEnd = skip(NAME, at + 2);
    if (nameEnd === at + 2) bad(`${snippet(at)} is not a closing tag`, at);
    const name = s.slice(at + 2, nameEnd);
    const gt = skip(WS, nameEnd);
    if (code(gt) !== 62) unclosed(`the closing tag </${name}>`, gt);
    i = gt + 1;
    to.close(name, at);
  };
  const characters = (start) => {
    let end = s.indexOf("<", start);
    if (end < 0) end = s.length;
    i = end;
    if (skip(WS, start) >= end) return to.text(void 0, start, end);
    const text = s.slice(start, end);
    IN_TEXT.lastIndex = 0;
    to.text(!IN_TEXT.test(text) ? text : text.replace(IN_TEXT, (c, k) => c[0] === "&" ? reference(start + k) : c[0] === "\r" ? "\n" : bad(c === "]]>" ? '"]]>" in character data' : notAllowed(c.charCodeAt(0)), start + k)), start, end);
  };
  if (code(0) === 65279) i = 1;
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
