/**
 * Maps the ways pages spell a type (`int32`, `[string]`, `` `[`VPN.VPN.OnDemandRulesElement`]` ``,
 * `VPN.IKEv2.ChildSecurityAssociationParameters`) onto the IR's `IrType`.
 */
import type { IrType, PrimitiveKind } from '../model/ir.js';

const PRIMITIVES: Record<string, PrimitiveKind> = {
  string: 'string',
  integer: 'integer',
  int: 'integer',
  int32: 'integer',
  int64: 'integer',
  real: 'real',
  number: 'real',
  float: 'real',
  double: 'real',
  boolean: 'boolean',
  bool: 'boolean',
  date: 'date',
  'date-time': 'date',
  datetime: 'date',
  data: 'data',
  dictionary: 'dictionary',
  dict: 'dictionary',
  object: 'dictionary',
  any: 'any',
};

export type SpellingResult =
  | { ok: true; type: IrType }
  | { ok: false; reason: string };

/** Arrays nested deeper than this are refused: Apple's deepest is 2 (`[[string]]`), and each level is a level of generated code. */
export const MAX_TYPE_DEPTH = 8;

/** Parses a type spelling; backticks and surrounding space are ignored. */
export function parseTypeSpelling(raw: string): SpellingResult {
  let s = raw.replace(/`/g, '').replace(/[\u00a0\s]+/g, ' ').trim();
  if (!s) return { ok: false, reason: 'empty type' };
  // Brackets are peeled in a loop, not by recursion: a spelling nested thousands deep is refused
  // in linear time instead of overflowing the stack.
  let depth = 0;
  while (s.startsWith('[') && s.endsWith(']')) {
    if (++depth > MAX_TYPE_DEPTH) return { ok: false, reason: `a type nested more than ${MAX_TYPE_DEPTH} arrays deep` };
    s = s.slice(1, -1).trim();
  }
  if (depth > 0) {
    const inner = parseTypeSpelling(s);
    if (!inner.ok) return inner;
    let type = inner.type;
    for (let i = 0; i < depth; i++) type = { kind: 'array', items: type };
    return { ok: true, type };
  }
  const primitive = PRIMITIVES[s.toLowerCase()];
  // Type lines spell primitives in lower case; prose capitalises them as words ("Interface
  // (String)"). Only those two spellings are primitives: `STRING` or `DataType` would be a title.
  // No Apple object is titled with a primitive's name, so "String" never meant a ref.
  if (primitive && (s === s.toLowerCase() || s === capitalised(s.toLowerCase()))) return { ok: true, type: { kind: primitive } };
  // A capitalised or dotted name is another object's title. Titles may contain spaces and
  // dashes (`RestrictionsResponse.GlobalRestrictions.Union.ANY restriction name`).
  if (/^[A-Za-z_][\w.\- ]*$/.test(s) && (/[A-Z]/.test(s[0] ?? '') || s.includes('.'))) {
    return { ok: true, type: { kind: 'ref', name: s } };
  }
  // A lower-case word we do not know, e.g. `x-hidden-Foo`: keep it as a ref to what follows
  // a known prefix, otherwise report it.
  const hidden = /^x-hidden-(.+)$/.exec(s);
  if (hidden?.[1]) return parseTypeSpelling(hidden[1]);
  return { ok: false, reason: `unknown type spelling "${s}"` };
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** True when a short text looks like a type line rather than prose. */
export function looksLikeTypeSpelling(raw: string): boolean {
  const s = raw.replace(/`/g, '').trim();
  if (!s || s.length > 160) return false;
  if (/[.:;,]\s/.test(s) || s.endsWith('.')) return false;
  return parseTypeSpelling(s).ok;
}
