/**
 * Typed values: a default or allowed value is read as the property's type says, so
 * `Default: \`1280\`` on an integer is `1280` and `true` on a boolean is `true`.
 */
import type { IrType, JsonValue } from '../model/ir.js';

export type ValueResult = { value: JsonValue; exact: boolean };

const INTEGER = /^[+-]?\d+$/;
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads one value written on a page. `exact` is false when the text does not fit the type:
 * the value is then kept as the string that was written, and the caller reports it.
 */
export function typedValue(raw: string, type: IrType): ValueResult {
  const s = raw.trim();
  switch (type.kind) {
    // A number a JavaScript number cannot hold (past 2^53, or 1e999, which is Infinity and would
    // print as `null` in generated code) does not fit: the caller reports it, nothing is rounded.
    case 'integer':
      if (INTEGER.test(s) && Number.isSafeInteger(Number.parseInt(s, 10))) return { value: Number.parseInt(s, 10), exact: true };
      return { value: s, exact: false };
    case 'real':
      if (REAL.test(s) && Number.isFinite(Number(s))) return { value: Number(s), exact: true };
      return { value: s, exact: false };
    case 'boolean': {
      const lower = s.toLowerCase();
      if (lower === 'true' || lower === 'yes') return { value: true, exact: true };
      if (lower === 'false' || lower === 'no') return { value: false, exact: true };
      return { value: s, exact: false };
    }
    case 'array':
      // Allowed values of an array are values of its items.
      if (s === '[]') return { value: [], exact: true };
      return typedValue(s, type.items);
    case 'string': case 'date': case 'data':
      return { value: s, exact: true };
    case 'any': case 'dictionary': case 'ref':
      return { value: looseValue(s), exact: true };
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** For untyped contexts: numbers and booleans as such, everything else a string. */
export function looseValue(s: string): JsonValue {
  if (s === 'true') return true;
  if (s === 'false') return false;
  if ((INTEGER.test(s) || REAL.test(s)) && Number.isFinite(Number(s)) && (!INTEGER.test(s) || Number.isSafeInteger(Number(s)))) return Number(s);
  return s;
}

/**
 * Splits a list of values written inside one code span (`None, SharedSecret, Certificate`)
 * or as several code spans. Commas inside a value cannot be told apart from separators in the
 * one-span form; Apple's values do not contain them.
 */
export function splitValueList(parts: readonly string[]): string[] {
  if (parts.length === 1) {
    return (parts[0] ?? '').split(/,\s*/).map((v) => v.trim()).filter((v) => v.length > 0);
  }
  return parts.map((v) => v.trim());
}

/** Deep equality for JSON values, used to compare facts across flavours and versions. */
export function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
