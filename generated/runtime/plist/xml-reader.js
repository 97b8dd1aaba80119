// Copied by dmspec from generator/runtime/plist/xml-reader.ts. Do not edit: change that file and run "npm run generate".
import { PlistError, PlistTimeoutError } from "./budget.js";
import { PlistPositions } from "./positions.js";
import { readScalar } from "./scalars.js";
import { END, EOF, SPACE, START, TEXT, XmlScanner } from "./xml-scanner.js";
import { duplicateKey } from "./values.js";
const SCALARS = /* @__PURE__ */ new Set(["string", "integer", "real", "true", "false", "date", "data"]);
const clip = (s, n = 60) => s.length > n ? `${s.slice(0, n)}\u2026` : s;
function readXmlPlist(text, budget, safeOnly) {
  const positions = new PlistPositions("xml", text);
  const lineOf = (offset) => positions.at(offset).line;
  const fail = (message, offset) => {
    const malformed = message.startsWith("malformed XML: ");
    const text2 = malformed ? `malformed XML (line ${lineOf(offset)}): ${message.slice(15)}` : `line ${lineOf(offset)}: ${message}`;
    throw new PlistError(text2, positions.at(offset), message);
  };
  const scanner = new XmlScanner(text, fail);
  const stack = [];
  let containers = 0;
  let root;
  let rootAt = 0;
  let sawPlist = false;
  const deliver = (value, at) => {
    const top = stack[stack.length - 1];
    if (top === void 0) {
      root = value;
      rootAt = at;
      return;
    }
    if (top.tag === "dict") {
      if (top.key === void 0) fail("<dict> has a value where a <key> belongs", at);
      top.entries.push([top.key, value]);
      top.keyOffsets.push(top.keyAt);
      top.key = void 0;
    } else if (top.tag === "plist" && top.values.length) fail("the <plist> element holds more than one value", at);
    else top.values.push(value);
    top.offsets.push(at);
  };
  const limitOf = (tag) => tag === "string" || tag === "key" ? budget.limits.maxStringLength : tag === "data" ? budget.limits.maxDataBytes * 2 : 1e3;
  const content = (tag) => {
    if (scanner.selfClosing) return "";
    let text2 = "";
    const limit = limitOf(tag);
    for (; ; ) {
      const kind = scanner.next();
      if (kind === TEXT || kind === SPACE) {
        text2 += kind === TEXT ? scanner.text : scanner.spaceText();
        if (text2.length > limit) {
          if (tag === "string" || tag === "key") budget.string(text2.length);
          fail(`<${tag}> holds over ${limit.toLocaleString("en-US")} characters`, scanner.start);
        }
      } else if (kind === START) fail(`<${clip(scanner.name)}> inside <${tag}>: a ${tag === "key" ? "key" : "value"} holds text only`, scanner.start);
      else if (kind === END) {
        if (scanner.name !== tag) fail(`malformed XML: </${clip(scanner.name)}> where </${tag}> belongs`, scanner.start);
        return text2;
      } else fail(`malformed XML: the document ends inside <${tag}>`, scanner.start);
    }
  };
  const close = (frame, at) => {
    if (frame.tag === "plist") {
      if (!frame.values.length) fail("the <plist> element is empty", at);
      root = frame.values[0];
      rootAt = frame.offsets[0];
      return;
    }
    containers--;
    const start = frame.at;
    if (frame.tag === "array") {
      positions.record(frame.values, frame.offsets);
      return deliver(frame.values, start);
    }
    if (frame.key !== void 0) fail(`the key ${JSON.stringify(clip(frame.key))} (line ${lineOf(frame.keyAt)}) has no value`, at);
    const entries = frame.entries;
    const dict = Object.fromEntries(entries);
    if (Object.keys(dict).length !== entries.length) {
      const [first, second] = duplicateKey(entries);
      fail(`the key ${JSON.stringify(clip(entries[second][0]))} appears twice in one dictionary (lines ${lineOf(frame.keyOffsets[first])} and ${lineOf(frame.keyOffsets[second])}); readers disagree on which value counts`, frame.keyOffsets[second]);
    }
    positions.record(dict, frame.offsets, entries, frame.keyOffsets);
    deliver(dict, start);
  };
  const open = (name, at) => {
    const top = stack[stack.length - 1];
    if (name === "plist") {
      if (stack.length || root !== void 0 || sawPlist) fail("<plist> is not the root element", at);
      sawPlist = true;
      if (scanner.selfClosing) fail("the <plist> element is empty", at);
      stack.push({ tag: "plist", at, values: [], offsets: [] });
      return;
    }
    if (top === void 0 && root !== void 0) fail("more than one root element", at);
    if (name === "key") {
      if (top?.tag !== "dict") fail("<key> outside a <dict>", at);
      if (top.key !== void 0) fail(`the key ${JSON.stringify(clip(top.key))} has no value`, at);
      const key = content("key");
      budget.string(key.length);
      top.key = key;
      top.keyAt = at;
      return;
    }
    if (top?.tag === "dict" && top.key === void 0) fail(`<dict> has <${clip(name)}> where a <key> belongs`, at);
    if (name === "array" || name === "dict") {
      budget.node(containers);
      const frame = name === "dict" ? { tag: "dict", at, values: [], offsets: [], entries: [], keyOffsets: [] } : { tag: "array", at, values: [], offsets: [] };
      containers++;
      if (scanner.selfClosing) close(frame, at);
      else stack.push(frame);
      return;
    }
    if (!SCALARS.has(name)) fail(`unknown plist element <${clip(name)}>`, at);
    budget.node(containers);
    const text2 = content(name);
    if (name === "string") budget.string(text2.length);
    let value;
    try {
      value = readScalar(name, text2, () => `line ${lineOf(at)}`, safeOnly);
    } catch (e) {
      if (e instanceof PlistError && e.position === void 0) {
        const prefix = `line ${lineOf(at)}: `;
        throw new PlistError(e.message, positions.at(at), e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message);
      }
      throw e;
    }
    if (value instanceof Uint8Array) budget.data(value.length);
    deliver(value, at);
  };
  try {
    scanner.prolog();
    for (; ; ) {
      const kind = scanner.next();
      const at = scanner.start;
      if (kind === START) open(scanner.name, at);
      else if (kind === END) {
        const top = stack.pop();
        if (top === void 0) fail(`malformed XML: </${clip(scanner.name)}> closes nothing`, at);
        if (top.tag !== scanner.name) fail(`malformed XML: </${clip(scanner.name)}> where </${top.tag}> belongs`, at);
        close(top, at);
      } else if (kind === TEXT) {
        const top = stack[stack.length - 1];
        if (/\S/.test(scanner.text)) fail(`text ${JSON.stringify(clip(scanner.text.trim()))} where ${top ? `<${top.tag}> holds elements only` : "no text belongs"}`, at);
      } else if (kind === EOF) break;
    }
  } catch (e) {
    if (e instanceof PlistError && e.position === void 0 && !(e instanceof PlistTimeoutError)) {
      throw new PlistError(`line ${lineOf(scanner.start)}: ${e.message}`, positions.at(scanner.start), e.message);
    }
    throw e;
  }
  if (stack.length) fail(`malformed XML: the document ends inside <${stack[stack.length - 1].tag}> (line ${lineOf(stack[stack.length - 1].at)})`, text.length);
  if (root === void 0) fail("no root element", text.length);
  positions.setRoot(root, rootAt);
  return { value: root, positions };
}
export {
  readXmlPlist
};
