/**
 * XML property lists to values. The scanner (`xml-scanner.ts`) hands over one token at a time;
 * this module builds the values, counting every value, string and data byte against the budget
 * as it goes, so neither a huge flat document, a deep one, nor one of unclosed tags can outgrow
 * the limits before the error. The stack of open arrays and dictionaries is explicit: no
 * recursion, so no depth of input reaches the JavaScript stack. Scalars are read by `scalars.ts`.
 */
import { clip, fmt, type PlistBudget, PlistError, PlistTimeoutError, quoted } from './budget.js';
import { PlistPositions } from './positions.js';
import { readScalar, type ScalarTag } from './scalars.js';
import { lineEnds, scanXml } from './xml-scanner.js';
import { appearsTwice, type PlistValue } from './values.js';

interface Frame {
  tag: 'plist' | 'array' | 'dict';
  /** Where its start tag is. */
  at: number;
  /** Its values (an array, the plist element) or its entries (a dictionary), and where each value is. */
  items: unknown[];
  offsets: number[];
  /** Dictionaries: where each key is, and the key waiting for its value. */
  keyOffsets: number[];
  key?: string;
  keyAt?: number;
}

const SCALARS = ['string', 'integer', 'real', 'true', 'false', 'date', 'data'];

/** Reads an XML plist's text. Throws PlistError (PlistTimeoutError past the deadline). */
export function readXmlPlist(text: string, budget: PlistBudget, safeOnly: boolean): { value: PlistValue; positions: PlistPositions } {
  const positions = new PlistPositions('xml', text);
  const lineOf = (offset: number): number => (positions.at(offset) as { line: number }).line;
  // `line N: …`, or `malformed XML (line N): …` for what is not well-formed XML at all.
  const fail = (message: string, offset: number, malformed?: boolean): never => {
    const line = lineOf(offset);
    throw new PlistError(malformed ? `malformed XML (line ${line}): ${message}` : `line ${line}: ${message}`, positions.at(offset), malformed ? `malformed XML: ${message}` : message);
  };
  const keyName = (key: string): string => `the key ${quoted(key, 60)}`;
  /** An end tag that is not the one the open element needs. */
  const mismatch = (name: string, open: string, at: number): never => fail(`</${clip(name)}> where </${open}> belongs`, at, true);
  const endsInside = (tag: string, also = ''): never => fail(`the document ends inside <${tag}>${also}`, text.length, true);
  const newFrame = (tag: Frame['tag'], at: number): Frame => ({ tag, at, items: [], offsets: [], keyOffsets: [] });
  const stack: Frame[] = [];
  const topOf = (): Frame | undefined => stack[stack.length - 1];
  let containers = 0;
  let root: PlistValue | undefined;
  let rootAt = 0;
  let sawPlist = false;
  /** Where the token being handled starts: where an error raised without a position is. */
  let here = 0;
  /** The scalar or `<key>` element being read (its text so far, its start tag), if any. */
  let scalar: string | undefined;
  let scalarAt = 0;
  let content = '';
  let limit = 0;
  const { maxStringLength, maxDataBytes } = budget.limits;

  /** Hands a finished value to the frame that holds it. */
  const deliver = (value: PlistValue, at: number): void => {
    const top = topOf();
    if (top == null) {
      root = value;
      rootAt = at;
      return;
    }
    if (top.tag === 'dict') {
      if (top.key == null) fail('<dict> has a value where a <key> belongs', at);
      top.items.push([top.key, value]);
      top.keyOffsets.push(top.keyAt!);
      top.key = undefined;
    } else if (top.tag === 'plist' && top.items.length) fail('the <plist> element holds more than one value', at);
    else top.items.push(value);
    top.offsets.push(at);
  };

  const finish = (frame: Frame, at: number): void => {
    const { tag, items, offsets, keyOffsets } = frame;
    if (tag === 'plist') {
      if (!items.length) fail('the <plist> element is empty', at);
      root = items[0] as PlistValue;
      rootAt = offsets[0]!;
      return;
    }
    containers--;
    if (tag === 'array') return deliver(positions.record(items, offsets), frame.at);
    if (frame.key != null) fail(`${keyName(frame.key)} (line ${lineOf(frame.keyAt!)}) has no value`, at);
    deliver(positions.record(items, offsets, keyOffsets, (key, first, second) => fail(appearsTwice(keyName(key), `lines ${lineOf(keyOffsets[first]!)} and ${lineOf(keyOffsets[second]!)}`), keyOffsets[second]!)), frame.at);
  };

  /** The end of the scalar or key being read: its value delivered. */
  const endScalar = (tag: string, at: number): void => {
    scalar = undefined;
    const top = topOf()!;
    if (tag === 'key') {
      budget.string(content.length);
      top.key = content;
      top.keyAt = at;
      return;
    }
    if (tag === 'string') budget.string(content.length);
    // A scalar's own error is at its element; a budget's, at the end tag that was just read.
    const end = here;
    here = at;
    const value = readScalar(tag as ScalarTag, content, safeOnly);
    here = end;
    if (value instanceof Uint8Array) budget.data(value.length);
    deliver(value, at);
  };

  const open = (name: string, at: number, selfClosing: boolean): void => {
    here = at;
    if (scalar != null) fail(`<${clip(name)}> inside <${scalar}>: a ${scalar === 'key' ? 'key' : 'value'} holds text only`, at);
    const top = topOf();
    if (name === 'plist') {
      if (stack.length || root != null || sawPlist) fail('<plist> is not the root element', at);
      sawPlist = true;
      if (selfClosing) fail('the <plist> element is empty', at);
      stack.push(newFrame('plist', at));
      return;
    }
    if (top == null && root != null) fail('more than one root element', at);
    if (name === 'key') {
      if (top?.tag !== 'dict') fail('<key> outside a <dict>', at);
      if (top!.key != null) fail(`${keyName(top!.key!)} has no value`, at);
    } else {
      if (top?.tag === 'dict' && top.key == null) fail(`<dict> has <${clip(name)}> where a <key> belongs`, at);
      if (name === 'array' || name === 'dict') {
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
    content = '';
    limit = name === 'string' || name === 'key' ? maxStringLength : name === 'data' ? maxDataBytes * 2 : 1000;
    if (selfClosing) endScalar(name, at);
    else {
      scalar = name;
      scalarAt = at;
    }
  };

  const close = (name: string, at: number): void => {
    here = at;
    if (scalar != null) {
      if (name !== scalar) mismatch(name, scalar, at);
      return endScalar(scalar, scalarAt);
    }
    const top = stack.pop() ?? fail(`</${clip(name)}> closes nothing`, at, true);
    if (top.tag !== name) mismatch(name, top.tag, at);
    finish(top, at);
  };

  const chars = (t: string | undefined, at: number, end: number): void => {
    here = at;
    if (scalar != null) {
      content += t ?? lineEnds(text.slice(at, end));
      // Checked as the text grows, so a huge value stops at its limit, not after it is joined.
      if (content.length > limit) {
        if (scalar === 'string' || scalar === 'key') budget.string(content.length);
        fail(`<${scalar}> holds over ${fmt(limit)} characters`, at);
      }
    } else if (t != null && /\S/.test(t)) {
      const top = topOf();
      fail(`text ${quoted(t.trim(), 60)} where ${top ? `<${top.tag}> holds elements only` : 'no text belongs'}`, at);
    }
  };

  try {
    scanXml(text, fail, { open, close, text: chars });
  } catch (e) {
    // Budget and scalar errors are raised without a position; give them the place the reader is at.
    if (e instanceof PlistError && e.position == null && !(e instanceof PlistTimeoutError)) fail(e.message, here);
    throw e;
  }
  if (scalar != null) endsInside(scalar);
  const unclosed = topOf();
  if (unclosed) endsInside(unclosed.tag, ` (line ${lineOf(unclosed.at)})`);
  if (root == null) fail('no root element', text.length);
  positions.setRoot(root!, rootAt);
  return { value: root!, positions };
}
