// Copied by dmspec from generator/runtime/plist/xml-reader.ts. Do not edit: change that file and run "npm run generate".
import { clip, fmt, PlistError, PlistTimeoutError, quoted } from "./budget.js";
import { PlistPositions } from "./positions.js";
import { readScalar } from "./scalars.js";
import { BAD_CHAR, codePoint, NOT_XML } from "./text.js";
import { appearsTwice } from "./values.js";
const NAME = /[A-Za-z_:\xC0-\uD7FF\uE000-\uFFFD][-.\w:\xB7\xC0-\uD7FF\uE000-\uFFFD]*/y;
const WS = /[ \t\n\r]*/y;
const IN_TEXT = new RegExp(`&[#\\w]*;?|\\r\\n?|\\]\\]>|[${NOT_XML}]`, "gu");
const IN_ATTRIBUTE = new RegExp(`&[#\\w]*;?|[<${NOT_XML}]`, "gu");
const REFERENCE = /&(?:(lt|gt|amp|apos|quot)|#(\d{1,7})|#x([\da-fA-F]{1,6}));/y;
const PREDEFINED = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };
const SCALAR = /^(?:string|integer|real|true|false|date|data)$/;
const EMPTY_PLIST = "the <plist> element is empty";
const notAllowed = (c) => `the character ${codePoint(c)}, which XML does not allow`;
var F = /* @__PURE__ */ ((F2) => {
  F2[F2["Tag"] = 0] = "Tag";
  F2[F2["At"] = 1] = "At";
  F2[F2["Items"] = 2] = "Items";
  F2[F2["Offsets"] = 3] = "Offsets";
  F2[F2["Key"] = 4] = "Key";
  return F2;
})(F || {});
const readXmlPlist = (s, budget, safeOnly) => {
  const positions = new PlistPositions("xml", s);
  const lineOf = (offset) => positions.at(offset).line;
  let here = 0;
  const fail = (message, offset = here, malformed) => {
    const at = positions.at(offset);
    const line = `line ${at.line}`;
    throw new PlistError(`${malformed ? `malformed XML (${line})` : line}: ${message}`, at, malformed ? `malformed XML: ${message}` : message);
  };
  const bad = (message, at) => fail(message, at, true);
  const unclosed = (what, at) => bad(`${what} is not closed`, at);
  let i = 0;
  const code = (at) => s.charCodeAt(at);
  const starts = (t, at) => s.startsWith(t, at);
  const skip = (re, at) => {
    re.lastIndex = at;
    re.test(s);
    return re.lastIndex;
  };
  const find = (close2, from, what, at) => {
    const end = s.indexOf(close2, from);
    return end < 0 ? unclosed(what, at) : end;
  };
  const notA = (what, at = here) => bad(`${quoted(s.slice(at, at + 12))} is not ${what}`, at);
  const checkChars = (from, to) => {
    const m = BAD_CHAR.exec(s.slice(from, to));
    if (m) bad(notAllowed(m[0]), from + m.index);
  };
  const keyName = (key) => `the key ${quoted(key, 60)}`;
  const mismatch = (name, open2) => bad(`</${clip(name)}> where </${open2}> belongs`);
  const stack = [];
  const topOf = () => stack[stack.length - 1];
  let containers = 0;
  let root;
  let rootAt = 0;
  let scalar;
  let scalarAt = 0;
  let content = "";
  let limit = 0;
  const [{ maxStringLength, maxDataBytes }, , countNode, countString, countData] = budget;
  const open = (name, at) => {
    if (scalar) fail(`<${clip(name)}> inside <${scalar}>: a ${scalar === "key" ? "key" : "value"} holds text only`);
    const top = topOf();
    const inDict = top?.[0 /* Tag */] === "dict";
    const container = name === "array" || name === "dict";
    if (name === "plist") {
      if (top || root != null) fail("<plist> is not the root element");
    } else {
      if (!top && root != null) fail("more than one root element");
      if (name === "key") {
        if (!inDict) fail("<key> outside a <dict>");
        if (top[4 /* Key */] != null) fail(`${keyName(top[4 /* Key */])} has no value`);
      } else {
        if (inDict && top[4 /* Key */] == null) fail(`<dict> has <${clip(name)}> where a <key> belongs`);
        if (!container && !SCALAR.test(name)) fail(`unknown plist element <${clip(name)}>`);
        countNode(containers);
      }
      if (!container) {
        content = "";
        limit = name === "string" || name === "key" ? maxStringLength : name === "data" ? maxDataBytes * 2 : 1e3;
        scalar = name;
        scalarAt = at;
        return;
      }
      containers++;
    }
    stack.push([name, at, [], []]);
  };
  const close = (name) => {
    const tag = scalar;
    let value;
    let at;
    if (tag) {
      if (name !== tag) mismatch(name, tag);
      scalar = void 0;
      if (tag === "key") {
        countString(content.length);
        const top2 = topOf();
        top2[4 /* Key */] = content;
        top2[3 /* Offsets */].push(scalarAt);
        return;
      }
      if (tag === "string") countString(content.length);
      const end = here;
      here = scalarAt;
      value = readScalar(tag, content, safeOnly);
      here = end;
      if (value instanceof Uint8Array) countData(value.length);
      at = scalarAt;
    } else {
      const [opened, start, items, offsets, key] = stack.pop() ?? bad(`</${clip(name)}> closes nothing`);
      if (opened !== name) mismatch(name, opened);
      if (opened === "plist") {
        if (!items.length) fail(EMPTY_PLIST);
        root = items[0];
        rootAt = offsets[0];
        return;
      }
      containers--;
      if (key != null) fail(`${keyName(key)} (line ${lineOf(offsets[offsets.length - 1])}) has no value`);
      value = positions.record(items, offsets, opened === "dict" ? (key2, first, second) => fail(appearsTwice(keyName(key2), `lines ${lineOf(offsets[2 * first])} and ${lineOf(offsets[2 * second])}`), offsets[2 * second]) : void 0);
      at = start;
    }
    const top = topOf();
    if (!top) {
      root = value;
      rootAt = at;
      return;
    }
    if (top[0 /* Tag */] === "dict") {
      if (top[4 /* Key */] == null) fail("<dict> has a value where a <key> belongs", at);
      top[2 /* Items */].push([top[4 /* Key */], value]);
      top[4 /* Key */] = void 0;
    } else if (top[0 /* Tag */] === "plist" && top[2 /* Items */].length) fail("the <plist> element holds more than one value", at);
    else top[2 /* Items */].push(value);
    top[3 /* Offsets */].push(at);
  };
  const chars = (t) => {
    if (scalar) {
      content += t;
      if (content.length > limit) {
        if (scalar === "string" || scalar === "key") countString(content.length);
        fail(`<${scalar}> holds over ${fmt(limit)} characters`);
      }
    } else if (/\S/.test(t)) {
      const top = topOf();
      fail(`text ${quoted(t.trim(), 60)} where ${top ? `<${top[0 /* Tag */]}> holds elements only` : "no text belongs"}`);
    }
  };
  const reference = (at) => {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(s) ?? notA("a reference XML defines (plists use no other entities)", at);
    if (m[1]) return PREDEFINED[m[1]];
    const cp = Number(m[2] ?? `0x${m[3]}`);
    const c = String.fromCodePoint(cp > 1114111 ? 0 : cp);
    if (BAD_CHAR.test(c)) bad(`the character reference ${m[0]} names a character XML does not allow`, at);
    return c;
  };
  let prolog = 2;
  try {
    if (code(0) === 65279) i = 1;
    for (; ; ) {
      if (prolog) i = skip(WS, i);
      if (i >= s.length) break;
      const at = here = i;
      const c = code(at + 1);
      if (code(at) !== 60) {
        let end = s.indexOf("<", at);
        if (end < 0) end = s.length;
        i = end;
        if (!scalar && skip(WS, at) >= end) continue;
        prolog = 0;
        const text = s.slice(at, end);
        chars(text.replace(IN_TEXT, (c2, k) => c2[0] === "&" ? reference(at + k) : c2[0] === "\r" ? "\n" : bad(c2 === "]]>" ? '"]]>" in character data' : notAllowed(c2), at + k)));
      } else if (c === 33 && starts("<!--", at)) {
        const from = at + 4;
        const end = find("-->", from, "a comment", at);
        const dashes = s.indexOf("--", from);
        if (dashes < end) bad('"--" inside a comment', dashes);
        checkChars(from, end);
        i = end + 3;
      } else if (c === 63) {
        if (!prolog && /^<\?xml[ \t\r\n?]/i.test(s.slice(at, at + 6))) bad("the XML declaration must come first");
        const what = "a processing instruction";
        const end = find("?>", at + 2, what, at);
        if (skip(NAME, at + 2) === at + 2) bad(`${what} without a target`);
        checkChars(at, end);
        i = end + 2;
      } else if (prolog > 1 && starts("<!DOCTYPE", at)) {
        let j = at + 9;
        let subset = false;
        for (; ; j++) {
          const c2 = s[j];
          if (!c2) unclosed("the DOCTYPE", at);
          if (c2 === '"' || c2 === "'") j = find(c2, j + 1, "the DOCTYPE", at);
          else if (subset && starts("<!--", j)) j = find("-->", j + 4, "a comment", j) + 2;
          else if (c2 === (subset ? "]" : "[")) subset = !subset;
          else if (c2 === ">" && !subset) break;
        }
        checkChars(at, j + 1);
        if (/<!ENTITY/i.test(s.slice(at, j + 1))) fail("the plist declares XML entities, which are refused");
        i = j + 1;
        prolog = 1;
      } else {
        prolog = 0;
        if (c === 47) {
          const nameEnd = skip(NAME, at + 2);
          if (nameEnd === at + 2) notA("a closing tag");
          const name = s.slice(at + 2, nameEnd);
          const gt = skip(WS, nameEnd);
          if (code(gt) !== 62) unclosed(`the closing tag </${name}>`, gt);
          i = gt + 1;
          close(name);
        } else if (c !== 33) {
          const nameEnd = skip(NAME, at + 1);
          if (nameEnd === at + 1) notA("a tag");
          const name = s.slice(at + 1, nameEnd);
          const seen = [];
          for (let j = nameEnd; ; ) {
            const ws = skip(WS, j);
            const c2 = code(ws);
            const selfClosing = c2 === 47 && code(ws + 1) === 62;
            if (c2 === 62 || selfClosing) {
              i = ws + (selfClosing ? 2 : 1);
              open(name, at);
              if (selfClosing) close(name);
              break;
            }
            const nameEnd2 = skip(NAME, ws);
            if (ws === j || nameEnd2 === ws) unclosed(`the tag <${name}>`, ws);
            const attrName = s.slice(ws, nameEnd2);
            const attr = `the attribute ${attrName}`;
            if (seen.includes(attrName)) bad(`${attr} appears twice`, ws);
            seen.push(attrName);
            j = skip(WS, nameEnd2);
            if (code(j) !== 61) bad(`${attr} has no value`, j);
            j = skip(WS, j + 1);
            const quote = s[j];
            if (quote !== '"' && quote !== "'") bad(`the value of ${attr} is not quoted`, j);
            const from = j + 1;
            const end = s.indexOf(quote, from);
            s.slice(from, end < 0 ? void 0 : end).replace(IN_ATTRIBUTE, (c3, k) => c3[0] === "&" ? reference(from + k) : bad(`${quoted(c3)} in the value of ${attr}`, from + k));
            j = end < 0 ? unclosed(`the value of ${attr}`, s.length) : end + 1;
          }
        } else if (starts("<![CDATA[", at)) {
          const start = at + 9;
          const end = find("]]>", start, "a CDATA section", at);
          checkChars(start, end);
          i = end + 3;
          chars(s.slice(start, end).replace(/\r\n?/g, "\n"));
        } else if (starts("<!DOCTYPE", at)) bad("a DOCTYPE after the start of the document");
        else notA("markup XML allows here");
      }
    }
  } catch (e) {
    if (e instanceof PlistError && !e.position && !(e instanceof PlistTimeoutError)) fail(e.message);
    throw e;
  }
  const unclosedFrame = topOf();
  if (scalar || unclosedFrame) bad(`the document ends inside ${scalar ? `<${scalar}>` : `<${unclosedFrame[0 /* Tag */]}> (line ${lineOf(unclosedFrame[1 /* At */])})`}`, s.length);
  if (root == null) fail("no root element", s.length);
  return positions.setRoot(root, rootAt);
};
export {
  readXmlPlist
};
