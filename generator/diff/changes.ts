/**
 * The shape of a diff and the one table that classifies every change, for a consumer of the
 * generated types and validators:
 *
 * - **breaking**: code or payloads that worked may stop working — a key or object removed, a
 *   type changed, a key newly required, an allowed value removed or a list of values imposed, a
 *   range narrowed, a payload type changed, an inherited object dropped;
 * - **additive**: something new is accepted — a key, object, allowed value or platform added,
 *   a key no longer required, a range widened, a list of values lifted, an inheritance added;
 * - **informational**: nothing a validator enforces changes — descriptions, defaults,
 *   deprecations, supervision, availability versions and notes.
 */
import type { JsonValue } from '../model/ir.js';
import type { WordHunk } from './word-diff.js';

export type ChangeKind =
  | 'object-added' | 'object-removed'
  | 'property-added' | 'property-removed'
  | 'type-changed' | 'required-changed' | 'default-changed' | 'allowed-values-changed'
  | 'range-changed' | 'availability-changed' | 'deprecation-changed' | 'supervision-changed'
  | 'payload-type-changed' | 'inherits-changed' | 'description-changed';

export type ChangeClass = 'breaking' | 'additive' | 'informational';

export interface Change {
  object: string;
  /** Absent for object-level changes. */
  property?: string;
  kind: ChangeKind;
  class: ChangeClass;
  /** For `availability-changed`. */
  platform?: string;
  /** For `range-changed`: which bound. */
  bound?: 'minimum' | 'maximum';
  old: JsonValue;
  new: JsonValue;
  /** Where the new (or, for removals, the old) fact is stated. */
  source?: { file: string; line: number };
  /** Where the old fact was stated, when both sides state it. */
  oldSource?: { file: string; line: number };
  /** For `description-changed`: the changed words, with a little unchanged text around them. */
  hunks?: WordHunk[];
}

export interface DiffReport {
  /** What was compared, as given (a directory, an IR file or a git revision). */
  old: string;
  new: string;
  summary: Record<ChangeClass, number> & { descriptionOnly: number };
  changes: Change[];
}

/** Classifies one change from its kind and its old and new values. */
export function classify(kind: ChangeKind, old: JsonValue, now: JsonValue, bound?: 'minimum' | 'maximum'): ChangeClass {
  switch (kind) {
    case 'object-removed':
    case 'property-removed':
    case 'type-changed':
    case 'payload-type-changed':
      return 'breaking';
    case 'object-added':
    case 'property-added':
      return 'additive';
    case 'required-changed':
      return now === true ? 'breaking' : 'additive';
    case 'allowed-values-changed':
      // One value per change: `new` set means a value was added, `old` set means one was removed.
      // A whole list imposed (old null, new a list) narrows; a list lifted widens.
      if (Array.isArray(now) && old === null) return 'breaking';
      if (Array.isArray(old) && now === null) return 'additive';
      return now !== null ? 'additive' : 'breaking';
    case 'range-changed': {
      if (now === null) return 'additive';
      if (old === null) return 'breaking';
      const narrowed = bound === 'minimum' ? (now as number) > (old as number) : (now as number) < (old as number);
      return narrowed ? 'breaking' : 'additive';
    }
    case 'inherits-changed':
      return now === null ? 'breaking' : 'additive';
    case 'availability-changed':
      // A platform that gains the key is new ground; versions and notes inform.
      return old === null && now !== null ? 'additive' : 'informational';
    case 'default-changed':
    case 'deprecation-changed':
    case 'supervision-changed':
    case 'description-changed':
      return 'informational';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

const CLASS_RANK: Record<ChangeClass, number> = { breaking: 0, additive: 1, informational: 2 };

/** Stable order: object, then property (object-level first), then class, kind and platform. */
export function compareChanges(a: Change, b: Change): number {
  const s = (x: string | undefined): string => x ?? '';
  return (
    (a.object < b.object ? -1 : a.object > b.object ? 1 : 0) ||
    (a.property === undefined ? 0 : 1) - (b.property === undefined ? 0 : 1) ||
    (s(a.property) < s(b.property) ? -1 : s(a.property) > s(b.property) ? 1 : 0) ||
    CLASS_RANK[a.class] - CLASS_RANK[b.class] ||
    (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
    (s(a.platform) < s(b.platform) ? -1 : s(a.platform) > s(b.platform) ? 1 : 0) ||
    (JSON.stringify(a.old) < JSON.stringify(b.old) ? -1 : JSON.stringify(a.old) > JSON.stringify(b.old) ? 1 : 0) ||
    (JSON.stringify(a.new) < JSON.stringify(b.new) ? -1 : JSON.stringify(a.new) > JSON.stringify(b.new) ? 1 : 0)
  );
}
