/**
 * Property lists as tagged values: `parseTaggedPlist` for XML text within a budget, the decoding
 * of XML bytes, and the helpers that walk and convert what the readers return. Profile bytes of
 * any format are read by `validate/read-profile.ts`.
 */
import { PlistBudget, PlistError, DEFAULT_BUDGET_LIMITS, type PlistBudgetLimits } from './budget.js';
import type { PlistDict, PlistValue } from './plist-value.js';
import { parseXmlPlist } from './xml-plist.js';

export type { PlistValue, PlistTag, PlistDict } from './plist-value.js';
export { PlistBudget, PlistError, PlistTimeoutError, DEFAULT_BUDGET_LIMITS, type PlistBudgetLimits } from './budget.js';

/** Parses an XML plist's text within the default budget (or `limits`). Throws PlistError. */
export function parseTaggedPlist(xml: string, limits: Partial<PlistBudgetLimits> = {}): PlistValue {
  return parseXmlPlist(xml, new PlistBudget({ ...DEFAULT_BUDGET_LIMITS, ...limits }));
}

/**
 * Decodes XML plist bytes: UTF-8 (with or without a BOM) or UTF-16 (told by its BOM, or by the
 * zero bytes around the first `<`), as Apple's parser accepts both. Invalid sequences are errors.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let encoding = 'utf-8';
  if (b0 === 0xfe && b1 === 0xff) encoding = 'utf-16be';
  else if (b0 === 0xff && b1 === 0xfe) encoding = 'utf-16le';
  else if (b0 === 0x00 && b1 === 0x3c) encoding = 'utf-16be';
  else if (b0 === 0x3c && b1 === 0x00) encoding = 'utf-16le';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new PlistError(`the XML is not valid ${encoding.toUpperCase()}`);
  }
}

/** Every dictionary in a plist, outermost first. */
export function* dictionaries(v: PlistValue): Generator<PlistDict> {
  if (v.tag === 'dict') {
    yield v;
    for (const [, child] of v.entries) yield* dictionaries(child);
  } else if (v.tag === 'array') {
    for (const item of v.items) yield* dictionaries(item);
  }
}

/** The value of `key`; keys are distinct (readers refuse a dictionary that repeats one). */
export function dictGet(d: PlistDict, key: string): PlistValue | undefined {
  return d.entries.find(([k]) => k === key)?.[1];
}

/** The `<string>` under `key`, or undefined when the key is absent or holds another type. */
export function stringAt(d: PlistDict, key: string): string | undefined {
  const v = dictGet(d, key);
  return v?.tag === 'string' ? v.value : undefined;
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
