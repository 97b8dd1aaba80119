/**
 * Where each value of a parsed property list is, kept beside the values (which stay plain):
 * line and column in XML, byte offset in binary. Readers record, per array and dictionary, the
 * offset of each item's value (and of each entry's key); a query turns an offset into a position
 * then, so reading pays one number per value.
 *
 * Three ways to ask, for three kinds of callers:
 * - `positionOf(container, key)` — a walker holding a dictionary or array of the document;
 * - `keyPositionOf(dict, key)` — where a dictionary entry's `<key>` is (an unknown key's report);
 * - `locate(path)` — a validator's issue path (`PayloadContent[1].allowAirDrop`) or its keys
 *   (`['PayloadContent', 1, 'allowAirDrop']`), resolved against the document's own keys, so a key
 *   holding dots (`com.apple.Safari`) is found; a path past what the document has (a missing
 *   key) gives the deepest value it reaches, with `exact: false`.
 */
import type { PlistDict, PlistValue } from './values.js';

/** A place in the input: 1-based line and column (UTF-16 code units) and the character offset in XML; the byte offset in binary. */
export type PlistPosition =
  | { readonly format: 'xml'; readonly line: number; readonly column: number; readonly offset: number }
  | { readonly format: 'binary'; readonly offset: number };

/** What `locate` finds. */
export interface PlistLocation {
  /** Where the value starts: the `<` of its element (XML), its object's marker byte (binary). */
  readonly value: PlistPosition;
  /** Where its key starts, for a dictionary's entry. */
  readonly key?: PlistPosition;
  /** False when the path goes past what the document holds: `value` is then the deepest value found. */
  readonly exact: boolean;
}

/**
 * What is kept of a container: where each value starts (for a dictionary, where each entry's key
 * and then its value start: two numbers an entry), and for a dictionary its entries in document
 * order and their index by key (made when first needed).
 */
type Entries = [offsets: readonly number[], keys?: ReadonlyArray<readonly [string, unknown]>, index?: Map<string, number>];
// The indices of its parts (a const enum: each use is the number itself, no object is made).
const enum E { Offsets, Keys, Index }

/** Most places a key may end that are tried at one dictionary: a key with more dots than this is not found. */
const MAX_KEY_ENDS = 64;
/** A plainly spelt `<key>` or `<string>`, at a given offset (sticky). */
const PLAIN = /<(key|string)>([^<&\r\n]*)<\/\1>/y;

/** The positions of one parsed document. */
export class PlistPositions {
  declare readonly format: 'xml' | 'binary';
  readonly #table = new WeakMap<object, Entries>();
  #text: string | undefined;
  #lineStarts: number[] | undefined;
  #root: [PlistValue, number] | undefined;

  /** @internal Made by the readers: `text` is the XML text lines are counted in. */
  constructor(format: 'xml' | 'binary', text?: string) {
    this.format = format;
    this.#text = text;
  }

  /**
   * @internal A container read, kept with the offsets of its values: an array of `items`, or with
   * `twice` a dictionary of the entries `items`, whose `offsets` are each entry's key's and
   * value's. Returns the array or dictionary.
   *
   * A dictionary is made by `Object.fromEntries`, which defines each key (so `__proto__` is data,
   * never the prototype) and keeps V8's fast mode, where an object filled by assignment falls back
   * to a slow dictionary after about 16 keys. A repeated key is an error (`twice`, given the key
   * and the indices of its two entries, throws): readers disagree on it (CoreFoundation keeps the
   * last, a first-match lookup the first), so a document with one could be checked on one value
   * and installed with the other.
   */
  record(items: unknown[], offsets: readonly number[], twice?: (key: string, first: number, second: number) => never): PlistValue {
    const keys = twice && (items as Array<[string, PlistValue]>);
    const container = keys ? (Object.fromEntries(keys) as PlistDict) : (items as PlistValue[]);
    if (keys && Object.keys(container).length !== keys.length) {
      const seen = new Map<string, number>();
      keys.forEach(([key], i) => (seen.has(key) ? twice!(key, seen.get(key)!, i) : seen.set(key, i)));
    }
    this.#table.set(container, [offsets, keys]);
    return container;
  }

  /** @internal The root value and where it starts; returns the document read (the value, its format, these positions). */
  setRoot(value: PlistValue, offset: number): { value: PlistValue; format: 'xml' | 'binary'; positions: PlistPositions } {
    this.#root = [value, offset];
    return { value, format: this.format, positions: this };
  }

  /** The position of an offset (a character offset in XML, a byte offset in binary). */
  at(offset: number): PlistPosition {
    if (this.format === 'binary') return { format: 'binary', offset };
    // Where each line starts; `\r\n`, `\r` and `\n` each end a line, as XML reads them.
    const starts = (this.#lineStarts ??= [0, ...Array.from((this.#text ?? '').matchAll(/\r\n?|\n/g), (m) => m.index + m[0].length)]);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { format: 'xml', line: lo + 1, column: offset - starts[lo]! + 1, offset };
  }

  /** Where `container[key]` starts; without arguments, where the root value starts. */
  positionOf(container?: object, key?: string | number): PlistPosition | undefined {
    return container === undefined ? this.at(this.#root?.[1] ?? 0) : this.#position(container, key, 0);
  }

  /** Where the key of `dict`'s entry `key` starts. */
  keyPositionOf(dict: object, key: string): PlistPosition | undefined {
    return this.#position(dict, key, 1);
  }

  /** The position of `container[key]`'s value (`which` 0) or key (1), if the document has it. */
  #position(container: object, key: string | number | undefined, which: 0 | 1): PlistPosition | undefined {
    const offset = this.#where(container, key)?.[which];
    return offset == null ? undefined : this.at(offset);
  }

  /**
   * The text of the `<key>` or `<string>` element at `at` when it is spelt plainly on one line
   * (no reference, CDATA or comment inside): where the text starts and the text, for an edit that
   * replaces exactly it. Undefined in binary, or for an element spelt otherwise.
   */
  plainTextAt(at: PlistPosition): { line: number; column: number; text: string } | undefined {
    if (at.format !== 'xml' || !this.#text) return undefined;
    PLAIN.lastIndex = at.offset;
    const m = PLAIN.exec(this.#text);
    return m ? { line: at.line, column: at.column + m[1]!.length + 2, text: m[2]! } : undefined;
  }

  /** Resolves a path of keys and indices, or an issue path as the validators write it, to where it is. */
  locate(path: string | readonly (string | number)[]): PlistLocation | undefined {
    if (!this.#root) return undefined;
    let [value, offset] = this.#root as [unknown, number];
    let at: PlistLocation = { value: this.at(offset), exact: true };
    let rest = path;
    for (let i = 0; typeof rest === 'string' ? rest : i < rest.length; i++) {
      let step: string | number | undefined;
      if (typeof rest === 'string') {
        // The first step of an issue path at `value`: `[n]` in an array, else the longest own key
        // the path starts with that ends at a `.`, a `[` or the path's end (keys may hold dots).
        // Bounded by construction, whatever the path: at most `MAX_KEY_ENDS` ends are tried,
        // shortest first (as `dmspec validate` resolves paths), so the key found is the same as
        // when only ends within the dictionary's longest key were tried: the ends past it come
        // after them and find nothing. `taken` is how much of the path the step is.
        let taken = 0;
        if (Array.isArray(value)) {
          const m = /^\[(\d{1,10})\]/.exec(rest);
          if (m) {
            step = Number(m[1]);
            taken = m[0].length;
          }
        } else if (this.#table.get(value as object)?.[E.Keys]) {
          for (let end = 1, tried = 0; end <= rest.length && tried < MAX_KEY_ENDS; end++) {
            if (end < rest.length && !'.['.includes(rest[end]!)) continue;
            tried++;
            const key = rest.slice(0, end);
            if (this.#where(value as object, key)) {
              step = key;
              taken = end;
            }
          }
        }
        rest = rest.slice(taken);
        if (rest[0] === '.') rest = rest.slice(1);
      } else step = rest[i];
      // A primitive or null is no container (a WeakMap has none of them).
      const found = this.#where(value as object, step);
      if (!found) return { ...at, exact: false };
      at = { value: this.at(found[0]!), ...(found.length > 1 && { key: this.at(found[1]!) }), exact: true };
      value = (value as Record<string | number, unknown>)[step!];
    }
    return at;
  }

  /** Where `container[key]` is: its value's offset, and its key's in a dictionary; undefined when the document has no such entry. */
  #where(container: object, key: string | number | undefined): number[] | undefined {
    const entries = this.#table.get(container);
    const keys = entries?.[E.Keys];
    const i = keys ? (entries![E.Index] ??= new Map(keys.map(([k], i) => [k, i]))).get(key as string) : typeof key === 'number' && key >= 0 && key < (entries?.[E.Offsets].length ?? 0) ? key : undefined;
    if (i == null) return undefined;
    const offsets = entries![E.Offsets];
    return keys ? [offsets[2 * i + 1]!, offsets[2 * i]!] : [offsets[i]!];
  }
}
