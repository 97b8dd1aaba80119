// Copied by dmspec from generator/runtime/plist/positions.ts. Do not edit: change that file and run "npm run generate".
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
import type { PlistValue } from './values.js';
/** A place in the input: 1-based line and column (UTF-16 code units) and the character offset in XML; the byte offset in binary. */
export type PlistPosition = {
    readonly format: 'xml';
    readonly line: number;
    readonly column: number;
    readonly offset: number;
} | {
    readonly format: 'binary';
    readonly offset: number;
};
/** What `locate` finds. */
export interface PlistLocation {
    /** Where the value starts: the `<` of its element (XML), its object's marker byte (binary). */
    readonly value: PlistPosition;
    /** Where its key starts, for a dictionary's entry. */
    readonly key?: PlistPosition;
    /** False when the path goes past what the document holds: `value` is then the deepest value found. */
    readonly exact: boolean;
}
/** The positions of one parsed document. */
export declare class PlistPositions {
    #private;
    readonly format: 'xml' | 'binary';
    /** @internal Made by the readers: `text` is the XML text lines are counted in. */
    constructor(format: 'xml' | 'binary', text?: string);
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
    record(items: unknown[], offsets: readonly number[], twice?: (key: string, first: number, second: number) => never): PlistValue;
    /** @internal The root value and where it starts; returns the document read (the value, its format, these positions). */
    setRoot(value: PlistValue, offset: number): {
        value: PlistValue;
        format: 'xml' | 'binary';
        positions: PlistPositions;
    };
    /** The position of an offset (a character offset in XML, a byte offset in binary). */
    at(offset: number): PlistPosition;
    /** Where `container[key]` starts; without arguments, where the root value starts. */
    positionOf(container?: object, key?: string | number): PlistPosition | undefined;
    /** Where the key of `dict`'s entry `key` starts. */
    keyPositionOf(dict: object, key: string): PlistPosition | undefined;
    /**
     * The text of the `<key>` or `<string>` element at `at` when it is spelt plainly on one line
     * (no reference, CDATA or comment inside): where the text starts and the text, for an edit that
     * replaces exactly it. Undefined in binary, or for an element spelt otherwise.
     */
    plainTextAt(at: PlistPosition): {
        line: number;
        column: number;
        text: string;
    } | undefined;
    /** Resolves a path of keys and indices, or an issue path as the validators write it, to where it is. */
    locate(path: string | readonly (string | number)[]): PlistLocation | undefined;
}
