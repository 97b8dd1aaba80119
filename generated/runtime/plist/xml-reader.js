// Copied by dmspec from generator/runtime/plist/xml-reader.ts. Do not edit: change that file and run "npm run generate".
import { clip, fmt, PlistError, PlistTimeoutError, quoted } from "./budget.js";
import { PlistPositions } from "./positions.js";
import { readScalar } from "./scalars.js";
import { lineEnds, scanXml } from "./xml-scanner.js";
import { appearsTwice } from "./values.js";
const SCALARS = ["string", "integer", "real", "true", "false", "date", "data"];
function readXmlPlist(text, budget, safeOnly) {
  const positions = new PlistPositions("xml", text);
  const lineOf = (offset) => positions.at(offset).line;
  const fail = (message, offset, malformed) => {
    const line = lineOf(offset);
    throw new PlistError(malformed ? `malformed XML (line ${line}): ${message}` : `line ${line}: ${message}`, positions.at(offset), malformed ? `malformed XML: ${message}` : message);
  };
  const keyName = (key) => `the key ${quoted(key, 60)}`;
  const mismatch = (name, open2, at) => fail(`</${clip(name)}> where </${open2}> belongs`, at, true);
  const endsInside = (tag, also = "") => fail(`the document ends inside <${tag}>${also}`, text.length, true);
  const newFrame = (tag, at) => ({ tag, at, items: [], offsets: [], keyOffsets: [] });
  const stack = [];
  const topOf = () => stack[stack.length - 1];
  let containers = 0;
  let root;
  let rootAt = 0;
  let sawPlist = false;
  let here = 0;
  let scalar;
  let scalarAt = 0;
  let content = "";
  let limit = 0;
  const { maxStringLength, maxDataBytes } = budget.limits;
  const deliver = (value, at) => {
    const top = topOf();
    if (top == null) {
      root = value;
      rootAt = at;
      return;
    }
    if (top.tag === "dict") {
      if (top.key == null) fail("<dict> has a value where a <key> belongs", at);
      top.items.push([top.key, value]);
      top.keyOffsets.push(top.keyAt);
      top.key = void 0;
    } else if (top.tag === "plist" && top.items.length) fail("the <plist> element holds more than one value", at);
    else top.items.push(value);
    top.offsets.push(at);
  };
  const finish = (frame, at) => {
    const { tag, items, offsets, keyOffsets } = frame;
    if (tag === "plist") {
      if (!items.length) fail("the <plist> element is empty", at);
      root = items[0];
      rootAt = offsets[0];
      return;
    }
    containers--;
    if (tag === "array") return deliver(positions.record(items, offsets), frame.at);
    if (frame.key != null) fail(`${keyName(frame.key)} (line ${lineOf(frame.keyAt)}) has no value`, at);
    deliver(positions.record(items, offsets, keyOffsets, (key, first, second) => fail(appearsTwice(keyName(key), `lines ${lineOf(keyOffsets[first])} and ${lineOf(keyOffsets[second])}`), keyOffsets[second])), frame.at);
  };
  const endScalar = (tag, at) => {
    scalar = void 0;
    const top = topOf();
    if (tag === "key") {
      budget.string(content.length);
      top.key = content;
      top.keyAt = at;
      return;
    }
    if (tag === "string") budget.string(content.length);
    const end = here;
    here = at;
    const value = readScalar(tag, content, safeOnly);
    here = end;
    if (value instanceof Uint8Array) budget.data(value.length);
    deliver(value, at);
  };
  const open = (name, at, selfClosing) => {
    here = at;
    if (scalar != null) fail(`<${clip(name)}> inside <${scalar}>: a ${scalar === "key" ? "key" : "value"} holds text only`, at);
    const top = topOf();
    if (name === "plist") {
      if (stack.length || root != null || sawPlist) fail("<plist> is not the root element", at);
      sawPlist = true;
      if (selfClosing) fail("the <plist> element is empty", at);
      stack.push(newFrame("plist", at));
      return;
    }
    if (top == null && root != null) fail("more than one root element", at);
    if (name === "key") {
      if (top?.tag !== "dict") fail("<key> outside a <dict>", at);
      if (top.key != null) fail(`${keyName(top.key)} has no value`, at);
    } else {
      if (top?.tag === "dict" && top.key == null) fail(`<dict> has <${clip(name)}> where a <key> belongs`, at);
      if (name === "array" || name === "dict") {
        budget.node(containers);
        const f = newFrame(name, at);
        containers++;
        if (selfClosing) finish(f, at);
        else stack.push(f);
        return;
      }
      if (!SCALARS.includes(name)) fail(`unknown plist element <${clip(name)}>`, at);
      budget.node(containers);
    }
    content = "";
    limit = name === "string" || name === "key" ? maxStringLength : name === "data" ? maxDataBytes * 2 : 1e3;
    if (selfClosing) endScalar(name, at);
    else {
      scalar = name;
      scalarAt = at;
    }
  };
  const close = (name, at) => {
    here = at;
    if (scalar != null) {
      if (name !== scalar) mismatch(name, scalar, at);
      return endScalar(scalar, scalarAt);
    }
    const top = stack.pop() ?? fail(`</${clip(name)}> closes nothing`, at, true);
    if (top.tag !== name) mismatch(name, top.tag, at);
    finish(top, at);
  };
  const chars = (t, at, end) => {
    here = at;
    if (scalar != null) {
      content += t ?? lineEnds(text.slice(at, end));
      if (content.length > limit) {
        if (scalar === "string" || scalar === "key") budget.string(content.length);
        fail(`<${scalar}> holds over ${fmt(limit)} characters`, at);
      }
    } else if (t != null && /\S/.test(t)) {
      const top = topOf();
      fail(`text ${quoted(t.trim(), 60)} where ${top ? `<${top.tag}> holds elements only` : "no text belongs"}`, at);
    }
  };
  try {
    scanXml(text, fail, { open, close, text: chars });
  } catch (e) {
    if (e instanceof PlistError && e.position == null && !(e instanceof PlistTimeoutError)) fail(e.message, here);
    throw e;
  }
  if (scalar != null) endsInside(scalar);
  const unclosed = topOf();
  if (unclosed) endsInside(unclosed.tag, ` (line ${lineOf(unclosed.at)})`);
  if (root == null) fail("no root element", text.length);
  positions.setRoot(root, rootAt);
  return { value: root, positions };
}
export {
  readXmlPlist
};
