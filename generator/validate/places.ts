/**
 * Where in its file each finding is, and the edit a finding's suggestion makes. A reader that
 * keeps positions (dmspec's JSON reader; the package's plist reader) answers `place(path)` for a
 * finding's key path: the line and column it points at (the key naming the value, as editors and
 * code scanning show a finding, else the value itself), and, where the source spells it without
 * escapes, the exact text of the key and of a string value, which a fix can replace.
 */
import type { ProfileIssue } from './check-profile.js';
import { resolvePath, type KeyTree } from './key-path.js';
import type { JsonDocument, JsonNode } from './read-json.js';

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

/** What a document's reader knows of where its values are. */
export interface DocumentPlaces {
  place(path: string): Place | undefined;
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
 * The places a key tree keeps (a plist read with positions): each value's line and column, or
 * its key's; no spans, so no fixes. A tree without positions (a binary plist) places nothing.
 */
export function treePlaces(tree: () => KeyTree): DocumentPlaces {
  let positioned: boolean | undefined;
  return {
    place(path) {
      const root = tree();
      if (!(positioned ??= root.line !== undefined)) return undefined;
      const r = resolvePath(path, root);
      const node = r.node;
      const line = node?.keyLine ?? node?.line;
      if (line === undefined) return undefined;
      return { line, column: (node?.keyLine !== undefined ? node.keyColumn : node?.column) ?? 1, exact: r.exact };
    },
  };
}

/**
 * The fix a finding suggests, where its place allows an exact edit: an unknown key the
 * validators matched to a key of the page (`expected` names it), a payload type matched to one
 * the spec defines.
 */
export function fixOf(i: ProfileIssue, place: Place | undefined): Fix | undefined {
  if (!place?.exact || typeof i.expected !== 'string' || i.expected === '') return undefined;
  if (i.code === 'unknown-key' && place.keyName) return { description: `Rename the key to ${i.expected}`, span: place.keyName, text: i.expected };
  if (i.code === 'unknown-type' && place.stringValue) return { description: `Change the type to ${i.expected}`, span: place.stringValue, text: i.expected };
  return undefined;
}

/** Each finding placed where the reader says it is (findings that have a place keep it), with its fix. */
export function placeIssues(issues: readonly ProfileIssue[], places: DocumentPlaces): ProfileIssue[] {
  return issues.map((i) => {
    if (i.line !== undefined) return i;
    const place = places.place(i.path);
    if (!place) return i;
    const fix = fixOf(i, place);
    return { ...i, line: place.line, column: place.column, ...(fix ? { fix } : {}) };
  });
}
