/**
 * The tagged value every plist reader returns. `plist.parse` turns `<integer>` and `<real>` into
 * the same JavaScript number; a device does not, and neither may we.
 */
import { PlistError } from './budget.js';

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

export type PlistDict = Extract<PlistValue, { tag: 'dict' }>;

/** 2001-01-01T00:00:00Z, the reference date of binary plist dates. */
export const APPLE_EPOCH_MS = Date.UTC(2001, 0, 1);

/**
 * A dictionary whose keys are checked to be distinct. Readers disagree on a repeated key
 * (CoreFoundation and Python's plistlib keep the last, a first-match lookup keeps the first), so
 * a profile with one could be checked on one value and installed with the other: it is an error,
 * naming both places. `where(i)` describes entry i for the message.
 */
export function checkedDict(entries: Array<[string, PlistValue]>, where: (index: number) => string): PlistDict {
  if (entries.length > 1) {
    const seen = new Map<string, number>();
    entries.forEach(([k], i) => {
      const first = seen.get(k);
      if (first !== undefined) throw new PlistError(`the key ${JSON.stringify(k)} appears twice in one dictionary (${where(first)} and ${where(i)}); readers disagree on which value counts`);
      seen.set(k, i);
    });
  }
  return { tag: 'dict', entries };
}

/** A bigint as a number when it is one exactly; otherwise the value is refused. */
export function exactInteger(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new PlistError(`the integer ${n} cannot be checked exactly (beyond ±2^53); it was not rounded`);
  }
  return Number(n);
}
