// Copied by dmspec from generator/runtime/plist/positions.ts. Do not edit: change that file and run "npm run generate".
var E = /* @__PURE__ */ ((E2) => {
  E2[E2["Offsets"] = 0] = "Offsets";
  E2[E2["Keys"] = 1] = "Keys";
  E2[E2["Index"] = 2] = "Index";
  return E2;
})(E || {});
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
  record(items, offsets, twice) {
    const keys = twice && items;
    const container = keys ? Object.fromEntries(keys) : items;
    if (keys && Object.keys(container).length !== keys.length) {
      const seen = /* @__PURE__ */ new Map();
      keys.forEach(([key], i) => seen.has(key) ? twice(key, seen.get(key), i) : seen.set(key, i));
    }
    this.#table.set(container, [offsets, keys]);
    return container;
  }
  /** @internal The root value and where it starts; returns the document read (the value, its format, these positions). */
  setRoot(value, offset) {
    this.#root = [value, offset];
    return { value, format: this.format, positions: this };
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
    return container === void 0 ? this.at(this.#root?.[1] ?? 0) : this.#position(container, key, 0);
  }
  /** Where the key of `dict`'s entry `key` starts. */
  keyPositionOf(dict, key) {
    return this.#position(dict, key, 1);
  }
  /** The position of `container[key]`'s value (`which` 0) or key (1), if the document has it. */
  #position(container, key, which) {
    const offset = this.#where(container, key)?.[which];
    return offset == null ? void 0 : this.at(offset);
  }
  /**
   * The text of the `<key>` or `<string>` element at `at` when it is spelt plainly on one line
   * (no reference, CDATA or comment inside): where the text starts and the text, for an edit that
   * replaces exactly it. Undefined in binary, or for an element spelt otherwise.
   */
  plainTextAt(at) {
    if (at.format !== "xml" || !this.#text) return void 0;
    PLAIN.lastIndex = at.offset;
    const m = PLAIN.exec(this.#text);
    return m ? { line: at.line, column: at.column + m[1].length + 2, text: m[2] } : void 0;
  }
  /** Resolves a path of keys and indices, or an issue path as the validators write it, to where it is. */
  locate(path) {
    if (!this.#root) return void 0;
    let [value, offset] = this.#root;
    let at = { value: this.at(offset), exact: true };
    let rest = path;
    for (let i = 0; typeof rest === "string" ? rest : i < rest.length; i++) {
      let step;
      if (typeof rest === "string") {
        let taken = 0;
        if (Array.isArray(value)) {
          const m = /^\[(\d{1,10})\]/.exec(rest);
          if (m) {
            step = Number(m[1]);
            taken = m[0].length;
          }
        } else if (this.#table.get(value)?.[1 /* Keys */]) {
          for (let end = 1, tried = 0; end <= rest.length && tried < MAX_KEY_ENDS; end++) {
            if (end < rest.length && !".[".includes(rest[end])) continue;
            tried++;
            const key = rest.slice(0, end);
            if (this.#where(value, key)) {
              step = key;
              taken = end;
            }
          }
        }
        rest = rest.slice(taken);
        if (rest[0] === ".") rest = rest.slice(1);
      } else step = rest[i];
      const found = this.#where(value, step);
      if (!found) return { ...at, exact: false };
      at = { value: this.at(found[0]), ...found.length > 1 && { key: this.at(found[1]) }, exact: true };
      value = value[step];
    }
    return at;
  }
  /** Where `container[key]` is: its value's offset, and its key's in a dictionary; undefined when the document has no such entry. */
  #where(container, key) {
    const entries = this.#table.get(container);
    const keys = entries?.[1 /* Keys */];
    const i = keys ? (entries[2 /* Index */] ??= new Map(keys.map(([k], i2) => [k, i2]))).get(key) : typeof key === "number" && key >= 0 && key < (entries?.[0 /* Offsets */].length ?? 0) ? key : void 0;
    if (i == null) return void 0;
    const offsets = entries[0 /* Offsets */];
    return keys ? [offsets[2 * i + 1], offsets[2 * i]] : [offsets[i]];
  }
}
export {
  PlistPositions
};
