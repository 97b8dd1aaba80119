/**
 * A numeric key's range stated in its prose: "Values must be in the range from 16 to 128.", "The
 * minimum value is 20 seconds.", "The minimum value is `0` seconds and the maximum value is
 * `14400` seconds.", "The minimum allowed value is 2700 seconds (45 minutes)." Only sentences that
 * state the bound of the key itself are read: one that names a condition or a platform first
 * ("For `AlwaysOn` VPN, the minimum allowed value is `14`.", "The maximum value for macOS is
 * `60`.") is not a range of every value. A value the prose gives a meaning of its own beside a
 * minimum ("Setting this value to `0` removes the timeout.") is an exception to the range.
 */
import { sentencesOf } from './prose-sentences.js';
import type { Stated } from './raw.js';

export interface ProseRange {
  minimum?: Stated<number>;
  maximum?: Stated<number>;
  /** Values outside the range that the prose gives a meaning ("`0` removes the timeout"). */
  exceptions?: Stated<number[]>;
}

const NUMBER = String.raw`(-?\d{1,3}(?:,\d{3})+|-?\d+(?:\.\d+)?)`;
const UNIT = String.raw`(?: [a-z]+)?(?: \([^)]{1,40}\))?`;
// "Values must be in the range from 16 to 128.", "The value must be between 1 and 10."
const BETWEEN = new RegExp(String.raw`^(?:Values?|The value|This value) (?:must|should|can) be (?:in the range (?:of |from )?|from |between )${NUMBER}${UNIT} (?:to|through|and) ${NUMBER}${UNIT}(?: \(inclusive\))?\.?$`, 'i');
// "The minimum value is 20 seconds.", "The minimum value for this setting is 120 seconds."
const BOUND = new RegExp(String.raw`^The (minimum|maximum) (?:allowed )?value (?:for this (?:setting|key|value) )?is ${NUMBER}${UNIT}(?: and the (minimum|maximum) (?:allowed )?value is ${NUMBER}${UNIT})?\.?$`, 'i');
// "Setting this value to `0` removes the timeout.", "A value of 0 means never."
const EXCEPTION = new RegExp(String.raw`^(?:Setting (?:this|the) (?:value|key) to|A value of|The value) ${NUMBER} (?:removes|disables|turns off|means|indicates|sets no)\b`, 'i');
/** Fact sentences are short; a longer one is prose, not read. */
const MAX_SENTENCE = 300;

const number = (s: string): number => Number(s.replace(/,/g, ''));

/** Reads the range of a numeric key's prose blocks. */
export function proseRange(blocks: readonly Stated[]): ProseRange {
  const out: ProseRange = {};
  for (const s of sentencesOf(blocks)) {
    const text = s.text.replace(/`/g, '').trim();
    if (text.length > MAX_SENTENCE || s.item !== undefined) continue;
    const between = BETWEEN.exec(text);
    if (between) {
      out.minimum ??= { value: number(between[1]!), line: s.line };
      out.maximum ??= { value: number(between[2]!), line: s.line };
      continue;
    }
    const bound = BOUND.exec(text);
    if (bound) {
      set(out, bound[1]!, bound[2]!, s.line);
      if (bound[3] && bound[4]) set(out, bound[3], bound[4], s.line);
      continue;
    }
    const exception = EXCEPTION.exec(text);
    if (exception) {
      const values = out.exceptions?.value ?? [];
      values.push(number(exception[1]!));
      out.exceptions = { value: values, line: out.exceptions?.line ?? s.line };
    }
  }
  // A value inside the range needs no exception.
  if (out.exceptions) {
    const outside = out.exceptions.value.filter((v) => (out.minimum !== undefined && v < out.minimum.value) || (out.maximum !== undefined && v > out.maximum.value));
    if (outside.length) out.exceptions = { ...out.exceptions, value: outside };
    else delete out.exceptions;
  }
  return out;
}

function set(out: ProseRange, which: string, value: string, line: number): void {
  const key = which.toLowerCase() === 'minimum' ? 'minimum' : 'maximum';
  out[key] ??= { value: number(value), line };
}
