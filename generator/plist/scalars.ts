/**
 * The text of an XML plist scalar read as Apple's parser reads it (CFPropertyList.c in
 * CoreFoundation), never more leniently: a value another reader would take differently is an
 * error, not a guess. Where CoreFoundation is itself lenient (it skips stray characters in
 * `<data>`), this reader is strict instead, and says so.
 */
import { PlistError } from './budget.js';
import { exactInteger, type PlistValue } from './plist-value.js';

export const SCALAR_TAGS = ['string', 'integer', 'real', 'true', 'false', 'date', 'data'] as const;
export type ScalarTag = (typeof SCALAR_TAGS)[number];

const clip = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

const INTEGER = /^[+-]?(?:0[xX][0-9a-fA-F]+|[0-9]+)$/;
const REAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
// CoreFoundation's parseRealTag accepts these spellings of the special values, case-insensitively.
const SPECIAL_REALS = new Map<string, number>([
  ['nan', NaN], ['+nan', NaN], ['-nan', NaN], ['inf', Infinity], ['+inf', Infinity], ['-inf', -Infinity],
  ['infinity', Infinity], ['+infinity', Infinity], ['-infinity', -Infinity],
]);
// CoreFoundation's parseDateTag reads exactly `YYYY-MM-DDTHH:MM:SSZ` in UTC; no offset, no fraction.
const DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function integer(text: string, where: string): number {
  // CoreFoundation skips whitespace around the digits and reads 0x as hexadecimal.
  const t = text.trim();
  if (!INTEGER.test(t)) throw new PlistError(`${where}: <integer> holds ${clip(t)}`);
  const negative = t.startsWith('-');
  const digits = t.replace(/^[+-]/, '');
  const n = BigInt(digits);
  return exactInteger(negative ? -n : n);
}

function real(text: string, where: string): number {
  const t = text.trim();
  const special = SPECIAL_REALS.get(t.toLowerCase());
  if (special !== undefined) return special;
  // JavaScript's Number() also takes 0b101, 0x1F and "Infinity": Apple's parser does not.
  if (!REAL.test(t)) throw new PlistError(`${where}: <real> holds ${clip(t)}`);
  return Number(t);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function date(text: string, where: string): PlistValue {
  const t = text.trim();
  const m = DATE.exec(t);
  const [y, mo, d, h, mi, s] = (m ?? []).slice(1).map(Number) as number[];
  if (!m || mo! < 1 || mo! > 12 || d! < 1 || d! > daysIn(y!, mo!) || h! > 23 || mi! > 59 || s! > 59) {
    throw new PlistError(`${where}: <date> holds ${clip(t)}, not a date as YYYY-MM-DDTHH:MM:SSZ (UTC)`);
  }
  return { tag: 'date', value: new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)), text: t };
}

function data(text: string, where: string): Uint8Array {
  // Whitespace (line breaks every 68 characters in Apple's writer) is allowed; anything else that
  // is not base64 is an error, although CoreFoundation skips it: a reader that skips and one that
  // stops would see different bytes.
  const compact = text.replace(/[ \t\r\n]+/g, '');
  if (!BASE64.test(compact) || compact.length % 4 === 1) throw new PlistError(`${where}: <data> is not valid base64`);
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/** The value of a scalar element holding `text` (already free of nested elements). */
export function readScalar(tag: ScalarTag, text: string, where: string): PlistValue {
  switch (tag) {
    case 'string':
      return { tag: 'string', value: text };
    case 'integer':
      return { tag: 'integer', value: integer(text, where) };
    case 'real':
      return { tag: 'real', value: real(text, where) };
    case 'true':
    case 'false':
      if (text.trim() !== '') throw new PlistError(`${where}: <${tag}> holds ${clip(text.trim())}; it must be empty`);
      return { tag: 'boolean', value: tag === 'true' };
    case 'date':
      return date(text, where);
    case 'data':
      return { tag: 'data', value: data(text, where) };
    default: {
      const never: never = tag;
      return never;
    }
  }
}
