/**
 * The text of each XML plist scalar read as Apple's parser reads it (CFPropertyList.c in
 * CoreFoundation), never more leniently: a value another reader would take differently is an
 * error, not a guess. Where CoreFoundation is itself lenient (it skips stray characters in
 * `<data>`), this reader is strict instead, and says so.
 */
import { PlistError, quoted } from './budget.js';
import { decodeBase64, isoSeconds } from './text.js';
import { INTEGER_MAX, INTEGER_MIN, PlistReal, type PlistValue } from './values.js';

export type ScalarTag = 'string' | 'integer' | 'real' | 'true' | 'false' | 'date' | 'data';


const INTEGER = /^[+-]?(?:0[xX][0-9a-fA-F]+|[0-9]+)$/;
const REAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
// CoreFoundation's parseRealTag accepts these spellings of the special values, case-insensitively.
const SPECIAL_REAL = /^([+-]?)(?:(nan)|inf(?:inity)?)$/i;

const fail = (message: string): never => {
  throw new PlistError(message);
};
/** `<tag> holds "text"`, and why that is wrong where the text alone does not say. */
const holds = (tag: string, t: string, why = ''): never => fail(`<${tag}> holds ${quoted(t)}${why}`);

/**
 * An integer exactly: a number when it is a safe integer, else a bigint within the 64-bit range
 * plists hold. With `safeOnly`, an integer past ±2^53 is refused instead (for callers that need
 * every integer as a number).
 */
export function exactInteger(n: bigint, safeOnly: boolean): number | bigint {
  if (n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER)) return Number(n);
  if (safeOnly) throw new PlistError(`the integer ${n} cannot be checked exactly (beyond ±2^53); it was not rounded`);
  if (n < INTEGER_MIN || n > INTEGER_MAX) throw new PlistError(`the integer ${n} is outside the 64-bit range property lists hold`);
  return n;
}

function integer(t: string, safeOnly: boolean): number | bigint {
  if (!INTEGER.test(t)) holds('integer', t);
  const n = BigInt(t.replace(/^[+-]/, ''));
  return exactInteger(t.startsWith('-') ? -n : n, safeOnly);
}

function real(t: string): number | PlistReal {
  const special = SPECIAL_REAL.exec(t);
  if (special) return special[2] ? NaN : special[1] === '-' ? -Infinity : Infinity;
  // JavaScript's Number() also takes 0b101, 0x1F and "Infinity": Apple's parser does not.
  if (!REAL.test(t)) holds('real', t);
  const n = Number(t);
  return Number.isInteger(n) ? new PlistReal(n) : n;
}

function date(t: string): Date {
  // What a Date reads and writes back unchanged is a date that exists, in exactly this form: no
  // 30 February, hour 24 or offset. Date reads the years 0 to 99 as written, not as 1900 to 1999.
  const d = new Date(t);
  if (Number.isNaN(d.getTime()) || isoSeconds(d) !== t) holds('date', t, ', not a date as YYYY-MM-DDTHH:MM:SSZ (UTC)');
  return d;
}

/**
 * The value of a scalar element holding `text` (already free of nested elements). Its errors
 * have no position: the reader gives them the element's.
 */
export function readScalar(tag: ScalarTag, text: string, safeOnly: boolean): PlistValue {
  if (tag === 'string') return text;
  if (tag === 'data') return decodeBase64(text) ?? fail('<data> is not valid base64');
  // CoreFoundation skips whitespace around a scalar's text (and reads 0x as hexadecimal).
  const t = text.trim();
  switch (tag) {
    case 'integer':
      return integer(t, safeOnly);
    case 'real':
      return real(t);
    case 'true':
    case 'false':
      if (t !== '') holds(tag, t, '; it must be empty');
      return tag === 'true';
    case 'date':
      return date(t);
    default: {
      const never: never = tag;
      return never;
    }
  }
}
