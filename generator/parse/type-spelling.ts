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

/** Parses a type spelling; backticks and surrounding space are ignored. */
export function parseTypeSpelling(raw: string): SpellingResult {
  const s = raw.replace(/`/g, '').replace(/[\u00a0\s]+/g, ' ').trim();
  if (!s) return { ok: false, reason: 'empty type' };
  if (s.startsWith('[') && s.endsWith(']')) {
    const inner = parseTypeSpelling(s.slice(1, -1));
    return inner.ok ? { ok: true, type: { kind: 'array', items: inner.type } } : inner;
  }
  const primitive = PRIMITIVES[s.toLowerCase()];
  if (primitive && s === s.toLowerCase()) return { ok: true, type: { kind: primitive } };
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

/** True when a short text looks like a type line rather than prose. */
export function looksLikeTypeSpelling(raw: string): boolean {
  const s = raw.replace(/`/g, '').trim();
  if (!s || s.length > 160) return false;
  if (/[.:;,]\s/.test(s) || s.endsWith('.')) return false;
  return parseTypeSpelling(s).ok;
}
