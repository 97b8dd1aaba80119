/**
 * What set checks read about declaration types: the registry's `declarationTypeFacts` (every
 * field optional, so facts generated before a field existed still serve) and the walk that finds
 * the values a fact's path names in a payload.
 */

/** A key holding identifiers of other declarations. */
export interface ReferenceFactView {
  /** Relative to `Payload`: `A.B`, `A[]` (each item), `A.*.B` (any key of a free-form dictionary). */
  readonly path: string;
  readonly category: string;
  readonly types?: readonly string[];
  readonly source: string;
}

/** A declaration type's facts within a set. */
export interface DeclarationFactsView {
  readonly category?: string;
  readonly references?: readonly ReferenceFactView[];
  readonly statusItems?: readonly string[];
  readonly predicates?: readonly string[];
  /** Nested objects whose pages the spec lacks: keys under them are not known. */
  readonly missing?: readonly string[];
  readonly source?: string;
}

/**
 * Most values one path yields, and most items of an array looked at: a payload of a million
 * identifiers, or a sparse array of length 2^32 - 1, is not walked whole.
 */
const MAX_VALUES = 10_000;

const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The values at `path` in `payload`, each with its concrete path (`Passwords[2].AssetReference`).
 * Own properties only; a part that is absent or of another shape yields nothing (the validators
 * report shapes).
 */
export function payloadValues(payload: Record<string, unknown>, path: string): Array<[string, unknown]> {
  let here: Array<[string, unknown]> = [['', payload]];
  for (const part of path.split('.')) {
    const each = part.endsWith('[]');
    const key = each ? part.slice(0, -2) : part;
    const next: Array<[string, unknown]> = [];
    for (const [at, v] of here) {
      if (!isDict(v)) continue;
      const keys = key === '*' ? Object.keys(v) : Object.prototype.hasOwnProperty.call(v, key) ? [key] : [];
      for (const k of keys) {
        const p = at === '' ? k : `${at}.${k}`;
        const child = v[k];
        if (!each) next.push([p, child]);
        else if (Array.isArray(child)) {
          // Indices, not forEach: forEach looks at every index of a sparse array, holes included.
          const n = Math.min(child.length, MAX_VALUES);
          for (let i = 0; i < n; i++) if (Object.prototype.hasOwnProperty.call(child, i)) next.push([`${p}[${i}]`, child[i]]);
        }
        if (next.length > MAX_VALUES) return next.slice(0, MAX_VALUES);
      }
    }
    here = next;
  }
  return here;
}
