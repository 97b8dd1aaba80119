/**
 * A streaming reader of XML property lists. XML is tokenised by saxes (strict, well-formedness
 * checked, positions tracked, no DTD processing); this module builds tagged values from its
 * events, counting every value, string and data byte against a budget as it goes, so neither a
 * huge flat file, a deep one, nor a file of unclosed tags can outgrow the limits before the error.
 * Scalars are read by `scalars.ts` the way Apple's parser reads them.
 */
import { SaxesParser } from 'saxes';
import { PlistBudget, PlistError, PlistTimeoutError } from './budget.js';
import type { PlistValue } from './plist-value.js';
import { readScalar, SCALAR_TAGS, type ScalarTag } from './scalars.js';

type Frame =
  | { kind: 'plist'; value?: PlistValue }
  | { kind: 'array'; items: PlistValue[] }
  | { kind: 'dict'; entries: Array<[string, PlistValue]>; seen: Map<string, number>; key?: string; keyLine?: number }
  | { kind: 'scalar'; tag: ScalarTag | 'key'; text: string[]; length: number; line: number };

const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Parses an XML plist's text. Throws PlistError (or PlistTimeoutError) for anything malformed or past the budget. */
export function parseXmlPlist(xml: string, budget: PlistBudget = new PlistBudget()): PlistValue {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: Frame[] = [];
  let root: PlistValue | undefined;
  let sawPlist = false;
  const fail = (message: string): never => {
    throw new PlistError(`line ${parser.line}: ${message}`);
  };

  const textLimit = (tag: ScalarTag | 'key'): number =>
    tag === 'string' || tag === 'key' ? budget.limits.maxStringLength : tag === 'data' ? budget.limits.maxDataBytes * 2 : 1000;
  const containerDepth = (): number => stack.filter((f) => f.kind === 'array' || f.kind === 'dict').length;

  /** Hands a finished value to the frame that holds it. */
  const deliver = (value: PlistValue, line: number): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      return;
    }
    switch (top.kind) {
      case 'plist':
        if (top.value) fail('the <plist> element holds more than one value');
        top.value = value;
        return;
      case 'array':
        top.items.push(value);
        return;
      case 'dict':
        if (top.key === undefined) fail(`<dict> has a value where a <key> belongs`);
        top.entries.push([top.key!, value]);
        delete top.key;
        return;
      default:
        fail(`a value inside <${top.tag}> (line ${line})`);
    }
  };

  parser.on('error', (e) => {
    throw new PlistError(`malformed XML: ${clip(e.message.split('\n')[0] ?? '', 160)}`);
  });
  parser.on('doctype', (doctype) => {
    // Entities are only ever declared in a DOCTYPE's internal subset; saxes does not expand them,
    // but a plist that declares any is refused outright (external entities, "billion laughs").
    if (/<!ENTITY/i.test(doctype)) fail('the plist declares XML entities, which are refused');
  });
  parser.on('opentag', (tag) => {
    const name = tag.name;
    const top = stack[stack.length - 1];
    if (top?.kind === 'scalar') fail(`<${name}> inside <${top.tag}>: a ${top.tag === 'key' ? 'key' : 'value'} holds text only`);
    if (name === 'plist') {
      if (stack.length || root || sawPlist) fail('<plist> is not the root element');
      sawPlist = true;
      stack.push({ kind: 'plist' });
      return;
    }
    if (!stack.length && root) fail('more than one root element');
    if (name === 'key') {
      if (top?.kind !== 'dict') fail('<key> outside a <dict>');
      if ((top as { key?: string }).key !== undefined) fail(`the key ${JSON.stringify(clip((top as { key: string }).key))} has no value`);
      stack.push({ kind: 'scalar', tag: 'key', text: [], length: 0, line: parser.line });
      return;
    }
    if (top?.kind === 'dict' && top.key === undefined) fail(`<dict> has <${name}> where a <key> belongs`);
    budget.node(containerDepth());
    if (name === 'array') stack.push({ kind: 'array', items: [] });
    else if (name === 'dict') stack.push({ kind: 'dict', entries: [], seen: new Map() });
    else if ((SCALAR_TAGS as readonly string[]).includes(name)) stack.push({ kind: 'scalar', tag: name as ScalarTag, text: [], length: 0, line: parser.line });
    else fail(`unknown plist element <${clip(name)}>`);
  });
  const onText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (top?.kind === 'scalar') {
      top.length += text.length;
      // Checked as the text grows, so a huge value stops at its limit, not after it is joined.
      if (top.length > textLimit(top.tag)) {
        if (top.tag === 'string' || top.tag === 'key') budget.string(top.length);
        fail(`<${top.tag}> holds over ${textLimit(top.tag).toLocaleString('en-US')} characters`);
      }
      top.text.push(text);
      return;
    }
    if (/\S/.test(text)) fail(`text ${JSON.stringify(clip(text.trim()))} where ${top ? `<${top.kind}> holds elements only` : 'no text belongs'}`);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const top = stack.pop();
    if (!top) return fail(`</${tag.name}> closes nothing`);
    switch (top.kind) {
      case 'plist':
        if (!top.value) fail('the <plist> element is empty');
        root = top.value;
        return;
      case 'array':
        return deliver({ tag: 'array', items: top.items }, parser.line);
      case 'dict':
        if (top.key !== undefined) fail(`the key ${JSON.stringify(clip(top.key))} (line ${top.keyLine}) has no value`);
        // Each key was checked against the others as it closed: a repeated key has failed already.
        return deliver({ tag: 'dict', entries: top.entries }, parser.line);
      case 'scalar': {
        const text = top.text.join('');
        if (top.tag === 'key' || top.tag === 'string') budget.string(text.length);
        if (top.tag === 'key') {
          const dict = stack[stack.length - 1] as Extract<Frame, { kind: 'dict' }>;
          const first = dict.seen.get(text);
          if (first !== undefined) {
            fail(`the key ${JSON.stringify(clip(text))} appears twice in one dictionary (lines ${first} and ${top.line}); readers disagree on which value counts`);
          }
          dict.seen.set(text, top.line);
          dict.key = text;
          dict.keyLine = top.line;
          return;
        }
        const value = readScalar(top.tag, text, `line ${top.line}`);
        if (value.tag === 'data') budget.data(value.value.length);
        return deliver(value, top.line);
      }
    }
  });

  try {
    parser.write(xml).close();
  } catch (e) {
    // Budget errors are raised without a position; give them the line the reader stopped at.
    if (e instanceof PlistError && !(e instanceof PlistTimeoutError) && !e.message.startsWith('line ') && !e.message.startsWith('malformed XML')) {
      throw new PlistError(`line ${parser.line}: ${e.message}`);
    }
    throw e;
  }
  if (stack.length) fail('the XML ends inside an element');
  if (!root) throw new PlistError('no root element');
  return root;
}
