/**
 * XML property lists to values. The scanner (`xml-scanner.ts`) gives one token at a time; this
 * module builds the values, counting every value, string and data byte against the budget as it
 * goes, so neither a huge flat document, a deep one, nor one of unclosed tags can outgrow the
 * limits before the error. The stack of open arrays and dictionaries is explicit: no recursion,
 * so no depth of input reaches the JavaScript stack. Scalars are read by `scalars.ts`.
 */
import { PlistBudget, PlistError, PlistTimeoutError } from './budget.js';
import { PlistPositions } from './positions.js';
import { readScalar, type ScalarTag } from './scalars.js';
import { END, EOF, SPACE, START, TEXT, XmlScanner } from './xml-scanner.js';
import { duplicateKey, type PlistValue } from './values.js';

interface Frame {
  tag: 'plist' | 'array' | 'dict';
  /** Where its start tag is. */
  at: number;
  values: PlistValue[];
  offsets: number[];
  /** Dictionaries: entries as they come, the key waiting for its value, and where each key is. */
  entries?: Array<[string, PlistValue]>;
  keyOffsets?: number[];
  key?: string;
  keyAt?: number;
}

const SCALARS = new Set<string>(['string', 'integer', 'real', 'true', 'false', 'date', 'data']);
const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Reads an XML plist's text. Throws PlistError (PlistTimeoutError past the deadline). */
export function readXmlPlist(text: string, budget: PlistBudget, safeOnly: boolean): { value: PlistValue; positions: PlistPositions } {
  const positions = new PlistPositions('xml', text);
  const lineOf = (offset: number): number => (positions.at(offset) as { line: number }).line;
  // `line N: …`, or `malformed XML (line N): …` for what is not well-formed XML at all.
  const fail = (message: string, offset: number): never => {
    const malformed = message.startsWith('malformed XML: ');
    const text = malformed ? `malformed XML (line ${lineOf(offset)}): ${message.slice(15)}` : `line ${lineOf(offset)}: ${message}`;
    throw new PlistError(text, positions.at(offset), message);
  };
  const scanner = new XmlScanner(text, fail);
  const stack: Frame[] = [];
  let containers = 0;
  let root: PlistValue | undefined;
  let rootAt = 0;
  let sawPlist = false;

  /** Hands a finished value to the frame that holds it. */
  const deliver = (value: PlistValue, at: number): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      root = value;
      rootAt = at;
      return;
    }
    if (top.tag === 'dict') {
      if (top.key === undefined) fail('<dict> has a value where a <key> belongs', at);
      top.entries!.push([top.key!, value]);
      top.keyOffsets!.push(top.keyAt!);
      top.key = undefined;
    } else if (top.tag === 'plist' && top.values.length) fail('the <plist> element holds more than one value', at);
    else top.values.push(value);
    top.offsets.push(at);
  };

  const limitOf = (tag: string): number =>
    tag === 'string' || tag === 'key' ? budget.limits.maxStringLength : tag === 'data' ? budget.limits.maxDataBytes * 2 : 1000;

  /** The text of a scalar or key element whose start tag was just read, up to its end tag. */
  const content = (tag: string): string => {
    if (scanner.selfClosing) return '';
    let text = '';
    const limit = limitOf(tag);
    for (;;) {
      const kind = scanner.next();
      if (kind === TEXT || kind === SPACE) {
        text += kind === TEXT ? scanner.text : scanner.spaceText();
        // Checked as the text grows, so a huge value stops at its limit, not after it is joined.
        if (text.length > limit) {
          if (tag === 'string' || tag === 'key') budget.string(text.length);
          fail(`<${tag}> holds over ${limit.toLocaleString('en-US')} characters`, scanner.start);
        }
      } else if (kind === START) fail(`<${clip(scanner.name)}> inside <${tag}>: a ${tag === 'key' ? 'key' : 'value'} holds text only`, scanner.start);
      else if (kind === END) {
        if (scanner.name !== tag) fail(`malformed XML: </${clip(scanner.name)}> where </${tag}> belongs`, scanner.start);
        return text;
      } else fail(`malformed XML: the document ends inside <${tag}>`, scanner.start);
    }
  };

  const close = (frame: Frame, at: number): void => {
    if (frame.tag === 'plist') {
      if (!frame.values.length) fail('the <plist> element is empty', at);
      root = frame.values[0];
      rootAt = frame.offsets[0]!;
      return;
    }
    containers--;
    const start = frame.at;
    if (frame.tag === 'array') {
      positions.record(frame.values, frame.offsets);
      return deliver(frame.values, start);
    }
    if (frame.key !== undefined) fail(`the key ${JSON.stringify(clip(frame.key))} (line ${lineOf(frame.keyAt!)}) has no value`, at);
    const entries = frame.entries!;
    // fromEntries defines each key (so `__proto__` is data) and keeps V8's fast mode, where an
    // object filled by assignment falls back to a slow dictionary after about 16 keys.
    const dict = Object.fromEntries(entries) as Record<string, PlistValue>;
    if (Object.keys(dict).length !== entries.length) {
      const [first, second] = duplicateKey(entries);
      fail(`the key ${JSON.stringify(clip(entries[second]![0]))} appears twice in one dictionary (lines ${lineOf(frame.keyOffsets![first]!)} and ${lineOf(frame.keyOffsets![second]!)}); readers disagree on which value counts`, frame.keyOffsets![second]!);
    }
    positions.record(dict, frame.offsets, entries, frame.keyOffsets);
    deliver(dict, start);
  };

  const open = (name: string, at: number): void => {
    const top = stack[stack.length - 1];
    if (name === 'plist') {
      if (stack.length || root !== undefined || sawPlist) fail('<plist> is not the root element', at);
      sawPlist = true;
      if (scanner.selfClosing) fail('the <plist> element is empty', at);
      stack.push({ tag: 'plist', at, values: [], offsets: [] });
      return;
    }
    if (top === undefined && root !== undefined) fail('more than one root element', at);
    if (name === 'key') {
      if (top?.tag !== 'dict') fail('<key> outside a <dict>', at);
      if (top!.key !== undefined) fail(`the key ${JSON.stringify(clip(top!.key))} has no value`, at);
      const key = content('key');
      budget.string(key.length);
      top!.key = key;
      top!.keyAt = at;
      return;
    }
    if (top?.tag === 'dict' && top.key === undefined) fail(`<dict> has <${clip(name)}> where a <key> belongs`, at);
    if (name === 'array' || name === 'dict') {
      budget.node(containers);
      const frame: Frame = name === 'dict' ? { tag: 'dict', at, values: [], offsets: [], entries: [], keyOffsets: [] } : { tag: 'array', at, values: [], offsets: [] };
      containers++;
      if (scanner.selfClosing) close(frame, at);
      else stack.push(frame);
      return;
    }
    if (!SCALARS.has(name)) fail(`unknown plist element <${clip(name)}>`, at);
    budget.node(containers);
    const text = content(name);
    if (name === 'string') budget.string(text.length);
    let value: PlistValue;
    try {
      value = readScalar(name as ScalarTag, text, () => `line ${lineOf(at)}`, safeOnly);
    } catch (e) {
      // The scalar's message names its line already; the error gets the element's position.
      if (e instanceof PlistError && e.position === undefined) {
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
    for (;;) {
      const kind = scanner.next();
      const at = scanner.start;
      if (kind === START) open(scanner.name, at);
      else if (kind === END) {
        const top = stack.pop();
        if (top === undefined) fail(`malformed XML: </${clip(scanner.name)}> closes nothing`, at);
        if (top!.tag !== scanner.name) fail(`malformed XML: </${clip(scanner.name)}> where </${top!.tag}> belongs`, at);
        close(top!, at);
      } else if (kind === TEXT) {
        const top = stack[stack.length - 1];
        if (/\S/.test(scanner.text)) fail(`text ${JSON.stringify(clip(scanner.text.trim()))} where ${top ? `<${top.tag}> holds elements only` : 'no text belongs'}`, at);
      } else if (kind === EOF) break;
    }
  } catch (e) {
    // Budget errors are raised without a position; give them the place the reader stopped at.
    if (e instanceof PlistError && e.position === undefined && !(e instanceof PlistTimeoutError)) {
      throw new PlistError(`line ${lineOf(scanner.start)}: ${e.message}`, positions.at(scanner.start), e.message);
    }
    throw e;
  }
  if (stack.length) fail(`malformed XML: the document ends inside <${stack[stack.length - 1]!.tag}> (line ${lineOf(stack[stack.length - 1]!.at)})`, text.length);
  if (root === undefined) fail('no root element', text.length);
  positions.setRoot(root!, rootAt);
  return { value: root!, positions };
}
