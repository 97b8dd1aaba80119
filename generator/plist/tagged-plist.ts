/**
 * Reads XML property lists keeping each value's plist tag. `plist.parse` turns `<integer>` and
 * `<real>` into the same JavaScript number; a device does not, and neither may we.
 * XML parsing is @xmldom/xmldom's; this module only walks the tree it gives.
 */
import { DOMParser, type Element, type Node as XmlNode } from '@xmldom/xmldom';

export type PlistValue =
  | { tag: 'string'; value: string }
  | { tag: 'integer'; value: number }
  | { tag: 'real'; value: number }
  | { tag: 'boolean'; value: boolean }
  | { tag: 'date'; value: Date; text: string }
  | { tag: 'data'; value: Uint8Array }
  | { tag: 'array'; items: PlistValue[] }
  | { tag: 'dict'; entries: Array<[string, PlistValue]> };

export type PlistTag = PlistValue['tag'];

export class PlistError extends Error {
  override name = 'PlistError';
}

export interface PlistLimits {
  /** Deepest nesting of arrays and dictionaries accepted. */
  maxDepth: number;
}

export const DEFAULT_PLIST_LIMITS: PlistLimits = { maxDepth: 64 };

const ELEMENT_NODE = 1;

function elements(node: XmlNode): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) out.push(c as Element);
  return out;
}

/**
 * Parses an XML plist. DOCTYPEs that declare entities are refused before parsing, so neither
 * external entities nor "billion laughs" expansion can happen.
 */
export function parseTaggedPlist(xml: string, limits: PlistLimits = DEFAULT_PLIST_LIMITS): PlistValue {
  if (/<!ENTITY/i.test(xml)) throw new PlistError('the plist declares XML entities, which are refused');
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new PlistError(`malformed XML: ${String(message).split('\n')[0]}`);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    if (e instanceof PlistError) throw e;
    throw new PlistError(`malformed XML: ${(e as Error).message.split('\n')[0]}`);
  }
  const root = doc.documentElement;
  if (!root) throw new PlistError('no root element');
  if (root.tagName !== 'plist') {
    // A bare `<dict>` (as in page examples cut from a profile) is accepted as the plist's value.
    return readValue(root, 0, limits);
  }
  const [top, ...extra] = elements(root);
  if (!top) throw new PlistError('the <plist> element is empty');
  if (extra.length) throw new PlistError('the <plist> element holds more than one value');
  return readValue(top, 0, limits);
}

function readValue(el: Element, depth: number, limits: PlistLimits): PlistValue {
  if (depth > limits.maxDepth) throw new PlistError(`nesting deeper than ${limits.maxDepth} levels`);
  const text = el.textContent ?? '';
  switch (el.tagName) {
    case 'string':
      return { tag: 'string', value: text };
    case 'integer': {
      const t = text.trim();
      if (!/^[+-]?(\d+|0x[0-9a-fA-F]+)$/.test(t)) throw new PlistError(`<integer> holds "${t.slice(0, 40)}"`);
      return { tag: 'integer', value: Number(t) };
    }
    case 'real': {
      const n = Number(text.trim());
      if (text.trim() === '' || Number.isNaN(n)) throw new PlistError(`<real> holds "${text.trim().slice(0, 40)}"`);
      return { tag: 'real', value: n };
    }
    case 'true':
    case 'false':
      return { tag: 'boolean', value: el.tagName === 'true' };
    case 'date': {
      const d = new Date(text.trim());
      if (Number.isNaN(d.getTime())) throw new PlistError(`<date> holds "${text.trim().slice(0, 40)}"`);
      return { tag: 'date', value: d, text: text.trim() };
    }
    case 'data':
      return { tag: 'data', value: new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'base64')) };
    case 'array':
      return { tag: 'array', items: elements(el).map((c) => readValue(c, depth + 1, limits)) };
    case 'dict': {
      const entries: Array<[string, PlistValue]> = [];
      const kids = elements(el);
      for (let i = 0; i < kids.length; i += 2) {
        const k = kids[i] as Element;
        const v = kids[i + 1];
        if (k.tagName !== 'key') throw new PlistError(`<dict> has <${k.tagName}> where a <key> belongs`);
        if (!v) throw new PlistError(`key "${k.textContent ?? ''}" has no value`);
        entries.push([k.textContent ?? '', readValue(v, depth + 1, limits)]);
      }
      return { tag: 'dict', entries };
    }
    default:
      throw new PlistError(`unknown plist element <${el.tagName}>`);
  }
}

/** Every dictionary in a plist, outermost first. */
export function* dictionaries(v: PlistValue): Generator<Extract<PlistValue, { tag: 'dict' }>> {
  if (v.tag === 'dict') {
    yield v;
    for (const [, child] of v.entries) yield* dictionaries(child);
  } else if (v.tag === 'array') {
    for (const item of v.items) yield* dictionaries(item);
  }
}

export function dictGet(d: Extract<PlistValue, { tag: 'dict' }>, key: string): PlistValue | undefined {
  return d.entries.find(([k]) => k === key)?.[1];
}

/**
 * The value as validators take it: plain dictionaries in which `__proto__` is an own key like any
 * other (defined, never assigned, so it cannot replace the prototype), `Date` for dates,
 * `Uint8Array` for data, and a `<real>` that holds a whole number wrapped as `{ plistReal }` so it
 * is not mistaken for an `<integer>`.
 */
export function toJs(v: PlistValue): unknown {
  switch (v.tag) {
    case 'string': case 'integer': case 'boolean': case 'date': case 'data':
      return v.value;
    case 'real':
      return Number.isInteger(v.value) ? { plistReal: v.value } : v.value;
    case 'array':
      return v.items.map(toJs);
    case 'dict':
      // fromEntries defines each key (so `__proto__` is data) and keeps V8's fast mode, where an
      // object filled by assignment falls back to a slow dictionary after about 16 keys.
      return Object.fromEntries(v.entries.map(([k, child]) => [k, toJs(child)]));
    default: {
      const never: never = v;
      return never;
    }
  }
}
