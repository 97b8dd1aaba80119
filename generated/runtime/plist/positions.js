// Copied by dmspec from generator/runtime/plist/positions.ts. Do not edit: change that file and run "npm run generate".
import { dictOf } from "./values.js";
const MAX_KEY_ENDS = 64;
const PLAIN = /<(key|string)>([^<&\r\n]*)<\/\1>/y;
class PlistPositions {
  #table = /* @__PURE__ */ new WeakMap();
  #text;
  #lineStarts;
  #root;
  /** @internal Made by the readers: `text` is the XML text lines are counted in. */
  constructor(format, text) {
    this.format = format;
    this.#text = text;
  }
  /**
   * @internal A container read, kept with the offsets of its values: an array of `items`, or with
   * `keyOffsets` (where each key is) a dictionary of the entries `items`, made by `dictOf` (a
   * repeated key is `twice`'s error). Returns the array or dictionary.
   */
  record(items, values, keyOffsets, twice) {
    const keys = keyOffsets && items;
    const container = keys ? dictOf(keys, twice) : items;
    this.#table.set(container, { values, keys, keyOffsets });
    return container;
  }
  /** @internal The root value and where it starts. */
  setRoot(value, offset) {
    this.#root = [value, offset];
  }
  /** The position of an offset (a character offset in XML, a byte offset in binary). */
  at(offset) {
    if (this.format === "binary") return { format: "binary", offset };
    const starts = this.#lineStarts ??= [0, ...Array.from((this.#text ?? "").matchAll(/\r\n?|\n/g), (m) => m.index + m[0].length)];
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { format: "xml", line: lo + 1, column: offset - starts[lo] + 1, offset };
  }
  /** Where `container[key]` starts; without arguments, where the root value starts. */
  positionOf(container, key) {
    if (container === void 0) return this.at(this.#root?.[1] ?? 0);
    return this.#offset(container, key, "values");
  }
  /** Where the key of `dict`'s entry `key` starts. */
  keyPositionOf(dict, key) {
    return this.#offset(dict, key, "keyOffsets");
  }
  /** The position of `container[key]`'s value or key offset, if the document has it. */
  #offset(container, key, which) {
    const i = this.#indexOf(container, key);
    const offsets = this.#table.get(container)?.[which];
    return i == null || offsets == null ? void 0 : this.at(offsets[i]);
  }
  /**
   * The text of the `<key>` or `<string>` element at `at` when it is spelt plainly on one line
   * (no reference, CDATA or comment inside): where the text starts and the text, for an edit that
   * replaces exactly it. Undefined in binary, or for an element spelt otherwise.
   */
  plainTextAt(at) {
    if (at.format !== "xml" || this.#text == null) return void 0;
    PLAIN.lastIndex = at.offset;
    const m = PLAIN.exec(this.#text);
    return m ? { line: at.line, column: at.column + m[1].length + 2, text: m[2] } : void 0;
  }
  /** Resolves a path of keys and indices, or an issue path as the validators write it, to where it is. */
  locate(path) {
    if (this.#root == null) return void 0;
    let [value, offset] = this.#root;
    let at = { value: this.at(offset), exact: true };
    let rest = path;
    for (let i = 0; typeof rest === "string" ? rest !== "" : i < rest.length; i++) {
      let step;
      if (typeof rest === "string") {
        const next = this.#nextStep(value, rest);
        step = next?.[0];
        rest = rest.slice(next?.[1]);
        if (rest.startsWith(".")) rest = rest.slice(1);
      } else step = rest[i];
      const found = this.#indexOf(value, step);
      if (found == null) return { ...at, exact: false };
      const entries = this.#table.get(value);
      const keyOffset = entries.keyOffsets?.[found];
      at = { value: this.at(entries.values[found]), ...keyOffset == null ? {} : { key: this.at(keyOffset) }, exact: true };
      value = value[step];
    }
    return at;
  }
  /**
   * The first step of an issue path at `value`: `[n]` in an array, else the longest own key the
   * path starts with that ends at a `.`, a `[` or the path's end (keys may hold dots). Bounded
   * by construction, whatever the path: only ends within the dictionary's longest key are tried,
   * and at most `MAX_KEY_ENDS` of them (as `dmspec validate` resolves paths).
   */
  #nextStep(value, rest) {
    if (Array.isArray(value)) {
      const m = /^\[(\d{1,10})\]/.exec(rest);
      return m ? [Number(m[1]), m[0].length] : void 0;
    }
    const entries = this.#table.get(value);
    if (entries?.keys == null) return void 0;
    entries.longest ??= entries.keys.reduce((n, [k]) => Math.max(n, k.length), 0);
    const limit = Math.min(rest.length, entries.longest);
    let found;
    for (let end = 1, tried = 0; end <= limit && tried < MAX_KEY_ENDS; end++) {
      if (end < rest.length && rest[end] !== "." && rest[end] !== "[") continue;
      tried++;
      const key = rest.slice(0, end);
      if (this.#indexOf(value, key) != null) found = [key, end];
    }
    return found;
  }
  #indexOf(container, key) {
    const entries = this.#table.get(container);
    const keys = entries?.keys;
    if (keys) return (entries.index ??= new Map(keys.map(([k], i) => [k, i]))).get(key);
    return typeof key === "number" && key >= 0 && key < (entries?.values.length ?? 0) ? key : void 0;
  }
}
export {
  PlistPositions
};
