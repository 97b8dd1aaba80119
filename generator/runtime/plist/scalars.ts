/**
 * The text of each XML plist scalar read as Apple's parser reads it (CFPropertyList.c in
 * CoreFoundation), never more leniently: a value another reader would take differently is an
 * error, not a guess. Where CoreFoundation is itself lenient (it skips stray characters in
 * `<data>`), this reader is strict instead, and says so.
 */
import { quoted, raise as fail } from './budget.js';
import { decodeBase64, isoSeconds } from './text.js';
import { INTEGER_MAX, INTEGER_MIN, PlistReal, SAFE_MAX, type PlistValue } from './values.js';

export type ScalarTag = 'string' | 'integer' | 'real' | 'true' | 'false' | 'date' | 'data';


const INTEGER = /^([+-]?)(0[xX][\da-fA-F]+|\d+)$/;
const REAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// CoreFoundation's parseRealTag accepts these spellings of the special values, case-insensitively.
const SPECIAL_REAL = /^([+-]?)(?:(nan)|inf(?:inity)?)$/i;

/**
 * An integer exactly: a number when it is a safe integer, else a bigint within the 64-bit range
 * plists hold. With `safeOnly`, an integer past ±2^53 is refused instead (for callers that need
 * every integer as a number).
 */
export const exactInteger = (n: bigint, safeOnly: boolean): number | bigint => {
  if (n <= SAFE_MAX && n >= -SAFE_MAX) return Number(n);
  // With safeOnly, refused whatever its range.
  if (safeOnly || n < INTEGER_MIN || n > INTEGER_MAX) fail(`the integer ${n} ${safeOnly ? 'cannot be checked exactly (beyond ±2^53); it was not rounded' : 'is outside the 64-bit range property lists hold'}`);
  return n;
};

/**
 * The value of a scalar element holding `text` (already free of nested elements). Its errors
 * have no position: the reader gives them the element's. Every tag but `<string>` and `<data>`
 * is read from its text trimmed, as CoreFoundation skips whitespace around it (and reads 0x as
 * hexadecimal); what does not read is `<tag> holds "text"`, with why where the text alone does
 * not say.
 */
export const readScalar = (tag: ScalarTag, text: string, safeOnly: boolean): PlistValue => {
  if (tag === 'string') return text;
  if (tag === 'data') return decodeBase64(text) ?? fail('<data> is not valid base64');
  const t = text.trim();
  let why = '';
  if (tag === 'integer') {
    const m = INTEGER.exec(t);
    if (m) {
      const n = BigInt(m[2]!);
      return exactInteger(m[1] === '-' ? -n : n, safeOnly);
    }
  } else if (tag === 'real') {
    const special = SPECIAL_REAL.exec(t);
    if (special) return special[2] ? NaN : special[1] === '-' ? -Infinity : Infinity;
    // JavaScript's Number() also takes 0b101, 0x1F and "Infinity": Apple's parser does not.
    if (REAL.test(t)) {
      const n = Number(t);
      return Number.isInteger(n) ? new PlistReal(n) : n;
    }
  } else if (tag === 'date') {
    // What a Date reads and writes back unchanged is a date that exists, in exactly this form: no
    // 30 February, hour 24 or offset. Date reads the years 0 to 99 as written, not as 1900 to 1999.
    const d = new Date(t);
    if (!isNaN(+d) && isoSeconds(d) === t) return d;
    why = ', not a date as YYYY-MM-DDTHH:MM:SSZ (UTC)';
  } else {
    if (!t) return tag === 'true';
    why = '; it must be empty';
  }
  return fail(`<${tag}> holds ${quoted(t)}${why}`);
};
