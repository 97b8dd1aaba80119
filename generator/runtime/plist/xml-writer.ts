/**
 * Values to an XML property list, laid out as Apple's writer lays them out (the XML declaration,
 * Apple's DOCTYPE, one tab per level, `<dict/>` and `<array/>` when empty, data in lines of 68
 * characters), deterministically: dictionary keys sorted, reals in JavaScript's shortest exact
 * form, so the same value always gives the same text. What XML cannot hold is refused with a
 * TypeError naming where it is, never written as something that reads back differently: a
 * character XML does not allow (write those documents as binary), a date with milliseconds (XML
 * dates hold whole seconds), an integer past the 64-bit range.
 */
import { BAD_CHAR, codePoint, encodeBase64, isoSeconds } from './text.js';
import { entriesToWrite, INTEGER_MAX, INTEGER_MIN, isPlistReal, pathTo, plistTypeOf, unwritable, WRITE_MAX_DEPTH } from './values.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n';
const SPECIAL = /[&<>\r]/g;
const ESCAPES: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '\r': '#13' };

/** Text escaped for an element; `\r` as a reference, since XML reads a raw one as `\n`. */
/** The end of a message on what XML cannot hold. */
const CANNOT_HOLD = ' cannot hold (a binary plist can)';

const escape = (s: string, path: string): string => {
  const bad = BAD_CHAR.exec(s);
  if (bad) unwritable(path, `the string holds ${codePoint(bad[0])}, which XML${CANNOT_HOLD}`);
  return s.replace(SPECIAL, (c) => `&${ESCAPES[c]};`);
};

/** Checks an integer is in the range plists hold. */
export const checkInteger = (n: number | bigint, path: string): void => {
  if (typeof n === 'bigint' ? n < INTEGER_MIN || n > INTEGER_MAX : !Number.isSafeInteger(n)) unwritable(path, `the integer ${n} is outside the range property lists hold`);
};

/**
 * An XML property list of `value` (see `values.ts` for what each JavaScript value becomes).
 * Throws TypeError for a value with no plist form (null, a function, a class instance, a cycle,
 * nesting past 64 levels) or one XML cannot hold.
 */
export function toXmlPlist(value: unknown): string {
  let out = HEAD;
  // The arrays and dictionaries being written: one tab of indent each.
  const ancestors = new Set<object>();
  const line = (text: string): void => {
    out += `${'\t'.repeat(ancestors.size)}${text}\n`;
  };
  const element = (tag: string, text: string): void => line(`<${tag}>${text}</${tag}>`);
  const write = (v: unknown, path: string): void => {
    const type = plistTypeOf(v);
    switch (type) {
      case 'string':
        return element(type, escape(v as string, path));
      case 'integer':
        checkInteger(v as number | bigint, path);
        return element(type, String(v));
      case 'real': {
        // As the reader reads it back: `nan`, `inf`, `-inf`, `-0`, else the shortest exact decimal
        // (String gives NaN, Infinity and -Infinity by those names, and no other number holds them).
        const n = isPlistReal(v) ? v.value : (v as number);
        const t = Object.is(n, -0) ? '-0' : String(n);
        return element(type, t === 'NaN' ? 'nan' : t.replace('Infinity', 'inf'));
      }
      case 'boolean':
        return line(`<${v}/>`);
      case 'date': {
        const d = v as Date;
        const ms = d.getTime();
        if (isNaN(ms)) unwritable(path, 'an invalid Date');
        if (ms % 1000) unwritable(path, `the date ${d.toISOString()} has milliseconds, which XML plist dates${CANNOT_HOLD}`);
        const year = d.getUTCFullYear();
        if (year < 0 || year > 9999) unwritable(path, `the year ${year} does not fit an XML plist date`);
        return element(type, isoSeconds(d));
      }
      case 'data': {
        const text = encodeBase64(v as Uint8Array);
        if (text.length <= 68) return element(type, text);
        line('<data>');
        for (const part of text.match(/.{1,68}/g)!) line(part);
        return line('</data>');
      }
      case 'array':
      case 'dict': {
        const container = v as object;
        if (ancestors.has(container)) unwritable(path, 'the value contains itself');
        if (ancestors.size >= WRITE_MAX_DEPTH) unwritable(path, `nesting deeper than ${WRITE_MAX_DEPTH} levels`);
        const entries = type === 'dict' ? entriesToWrite(container) : undefined;
        const items = entries ?? (container as unknown[]);
        if (!items.length) return line(`<${type}/>`);
        line(`<${type}>`);
        ancestors.add(container);
        // Not forEach, which skips an array's holes: a hole is `undefined`, which has no plist form.
        for (let i = 0; i < items.length; i++) {
          const at = pathTo(path, entries ? entries[i]![0] : i);
          if (entries) line(`<key>${escape(entries[i]![0], at)}</key>`);
          write(entries ? entries[i]![1] : items[i], at);
        }
        ancestors.delete(container);
        return line(`</${type}>`);
      }
      default:
        unwritable(path, `${v === null ? 'null' : typeof v === 'object' ? 'an object that is not a plain dictionary' : typeof v} has no plist form`);
    }
  };
  write(value, '');
  return `${out}</plist>\n`;
}
