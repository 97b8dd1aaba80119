/**
 * Where in its file each finding is, and the edit a finding's suggestion makes. A reader that
 * keeps positions (dmspec's JSON reader; the package's plist reader) answers `place(path)` for a
 * finding's key path: the line and column it points at (the key naming the value, as editors and
 * code scanning show a finding, else the value itself), and, where the source spells it without
 * escapes, the exact text of the key and of a string value, which a fix can replace.
 */
import type { ProfileIssue } from './check-profile.js';
import { resolvePath } from './key-path.js';
import type { JsonDocument, JsonNode } from './read-json.js';
import type { PlistPositions } from '../runtime/plist/index.js';

/** A run of source text: where it starts (from 1; columns in UTF-16 code units) and how long it is. */
export interface Span {
  line: number;
  column: number;
  length: number;
}

export interface Place {
  line: number;
  column: number;
  /** The path names a value the document holds (else the place is of the deepest one it reaches: the dictionary lacking a key). */
  exact: boolean;
  /** The key's own text, when the source spells it without escapes. */
  keyName?: Span;
  /** A string value's own text, when the source spells it without escapes. */
  stringValue?: Span;
}

/** A place in a file that has no lines (a binary plist): a byte offset, from 0. No span, so no fix. */
export interface BytePlace {
  byteOffset: number;
  exact: boolean;
}

/** What a document's reader knows of where its values are. */
export interface DocumentPlaces {
  place(path: string): Place | BytePlace | undefined;
}

/** An edit that carries out a finding's suggestion: replace `span` with `text`. */
export interface Fix {
  description: string;
  span: Span;
  text: string;
}

/** The places of a JSON document read by `readJson`. */
export function jsonPlaces(doc: JsonDocument): DocumentPlaces {
  const { text } = doc;
  return {
    place(path) {
      const r = resolvePath(path, doc.root);
      const node = r.node as JsonNode | undefined;
      if (!node) return undefined;
      const key = r.exact ? r.segments.at(-1) : undefined;
      const place: Place = node.keyLine !== undefined ? { line: node.keyLine, column: node.keyColumn!, exact: r.exact } : { line: node.line, column: node.column, exact: r.exact };
      if (typeof key === 'string' && node.keyOffset !== undefined && text.startsWith(key, node.keyOffset + 1) && text[node.keyOffset + 1 + key.length] === '"') {
        place.keyName = { line: node.keyLine!, column: node.keyColumn! + 1, length: key.length };
      }
      if (text[node.offset] === '"') {
        const end = text.indexOf('"', node.offset + 1);
        if (end > 0 && !text.slice(node.offset + 1, end).includes('\\')) place.stringValue = { line: node.line, column: node.column + 1, length: end - node.offset - 1 };
      }
      return place;
    },
  };
}

/**
 * The places of a plist read by the package's reader: XML lines and columns; in a binary plist,
 * which has no lines, the byte offset of the key's (or the value's) object.
 * A key's span is given only where the source holds `<key>NAME</key>` at the key's position with
 * nothing but the name's own characters inside (no reference, CDATA, comment or line break), so
 * a fix replacing the span renames exactly that key.
 */
export function plistPlaces(positions: PlistPositions): DocumentPlaces {
  return {
    place(path) {
      const loc = positions.locate(path);
      const at = loc?.key ?? loc?.value;
      if (loc === undefined || at === undefined) return undefined;
      if (at.format === 'binary') return { byteOffset: at.offset, exact: loc.exact };
      const place: Place = { line: at.line, column: at.column, exact: loc.exact };
      if (!loc.exact) return place;
      const key = loc.key ? positions.plainTextAt(loc.key) : undefined;
      // The element's text is the key the path ends with, as the validators spell the path.
      if (key && path.endsWith(key.text) && /^$|[.\]]$/.test(path.slice(0, path.length - key.text.length))) place.keyName = { line: key.line, column: key.column, length: key.text.length };
      const value = positions.plainTextAt(loc.value);
      if (value) place.stringValue = { line: value.line, column: value.column, length: value.text.length };
      return place;
    },
  };
}

/**
 * The fix a finding suggests, where its place allows an exact edit: an unknown key the
 * validators matched to a key of the page (`expected` names it), a payload type matched to one
 * the spec defines.
 */
export function fixOf(i: ProfileIssue, place: Place | BytePlace | undefined): Fix | undefined {
  if (place === undefined || 'byteOffset' in place) return undefined;
  if (!place.exact || typeof i.expected !== 'string' || i.expected === '') return undefined;
  if (i.code === 'unknown-key' && place.keyName) return { description: `Rename the key to ${i.expected}`, span: place.keyName, text: i.expected };
  if (i.code === 'unknown-type' && place.stringValue) return { description: `Change the type to ${i.expected}`, span: place.stringValue, text: i.expected };
  return undefined;
}

/** Each finding placed where the reader says it is (findings that have a place keep it), with its fix. */
export function placeIssues(issues: readonly ProfileIssue[], places: DocumentPlaces): ProfileIssue[] {
  return issues.map((i) => {
    if (i.line !== undefined || i.byteOffset !== undefined) return i;
    const place = places.place(i.path);
    if (!place) return i;
    if ('byteOffset' in place) return { ...i, byteOffset: place.byteOffset };
    const fix = fixOf(i, place);
    return { ...i, line: place.line, column: place.column, ...(fix ? { fix } : {}) };
  });
}
