/**
 * Key paths as findings spell them (`PayloadContent[1].com.apple.driver.AppleHIDMouse.Button2`)
 * turned back into the keys and indexes they name. The spelling alone is ambiguous once a key
 * holds a dot, so a path is read against the document it is about: at each dictionary the
 * longest key the dictionary really has is taken. Reading it so also finds the value the finding
 * is about (a JSON document's node carries its position in the file).
 */

import { plistTypeOf, type PlistDict, type PlistValue } from '../runtime/plist/index.js';

/** A key or an array index. */
export type Segment = string | number;

/** A document's shape as paths need it: its keys and items. */
export interface KeyTree {
  keys?: ReadonlyMap<string, KeyTree>;
  items?: readonly KeyTree[];
}

export interface ResolvedPath {
  segments: Segment[];
  /** The deepest value of the document the path reaches (the value itself, or the dictionary that lacks its key). */
  node?: KeyTree;
  /** The path names a value the document has. */
  exact: boolean;
}

/** Most places a key may end that are tried at one dictionary: a key with more dots is read as far as the first. */
const MAX_CANDIDATES = 64;

const maxKeyLength = new WeakMap<ReadonlyMap<string, KeyTree>, number>();

function longest(keys: ReadonlyMap<string, KeyTree>): number {
  let max = maxKeyLength.get(keys);
  if (max === undefined) {
    max = 0;
    for (const k of keys.keys()) if (k.length > max) max = k.length;
    maxKeyLength.set(keys, max);
  }
  return max;
}

/** The key of `keys` that `path` spells from `from`, the longest one ending at a `.`, a `[` or the end. */
function keyAt(path: string, from: number, keys: ReadonlyMap<string, KeyTree>): string | undefined {
  const limit = Math.min(path.length, from + longest(keys));
  let found: string | undefined;
  let tried = 0;
  for (let e = from; e <= limit && tried < MAX_CANDIDATES; e++) {
    if (e < path.length && path[e] !== '.' && path[e] !== '[') continue;
    tried++;
    const key = path.slice(from, e);
    if (keys.has(key)) found = key;
  }
  return found;
}

/** The segments `path` names, read against `root` when given (else split at every `.` and `[n]`). */
export function resolvePath(path: string, root?: KeyTree): ResolvedPath {
  const segments: Segment[] = [];
  let node = root;
  let deepest = root;
  let i = 0;
  while (i < path.length) {
    const index = path[i] === '[' && !(segments.length === 0 && node?.keys) ? /^\[(\d+)\]/.exec(path.slice(i, i + 24)) : null;
    if (index) {
      const n = Number(index[1]);
      segments.push(n);
      node = node?.items?.[n];
      i += index[0].length;
    } else {
      if (segments.length > 0 && path[i] === '.') i++;
      let key = node?.keys ? keyAt(path, i, node.keys) : undefined;
      if (key === undefined) {
        let e = path[i] === '[' ? i + 1 : i;
        while (e < path.length && path[e] !== '.' && path[e] !== '[') e++;
        key = path.slice(i, e);
      }
      segments.push(key);
      node = node?.keys?.get(key);
      i += key.length;
    }
    if (node) deepest = node;
  }
  const exact = node !== undefined;
  return deepest ? { segments, node: deepest, exact } : { segments, exact };
}

/** A parsed plist as a key tree (where its values are is the positions' business: `plistPlaces`). */
export function plistTree(v: PlistValue): KeyTree {
  if (Array.isArray(v)) return { items: v.map(plistTree) };
  if (plistTypeOf(v) !== 'dict') return {};
  const d = v as PlistDict;
  return { keys: new Map(Object.keys(d).map((k) => [k, plistTree(d[k]!)])) };
}
