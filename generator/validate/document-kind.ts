/**
 * What a document is, told from its content alone: a configuration profile, a declarative
 * management declaration (JSON), an MDM command or a check-in message (plists). A document that
 * looks like none of them is `unknown`, never guessed.
 */
import { plistTypeOf, type PlistDict, type PlistValue } from '../runtime/plist/index.js';
import { firstMeaningful } from './read-profile.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** The dictionary's own value of `key` (a parsed plist's dictionaries hold their keys as own properties). */
export function valueAt(d: PlistDict, key: string): PlistValue | undefined {
  return hasOwn.call(d, key) ? d[key] : undefined;
}

/** The `<string>` under `key`, or undefined when the key is absent or holds another type. */
export function stringAt(d: PlistDict, key: string): string | undefined {
  const v = valueAt(d, key);
  return typeof v === 'string' ? v : undefined;
}

/** The value as a dictionary, or undefined. */
export function asDict(v: PlistValue | undefined): PlistDict | undefined {
  return v !== undefined && plistTypeOf(v) === 'dict' ? (v as PlistDict) : undefined;
}

export type DocumentKind = 'profile' | 'declaration' | 'command' | 'check-in' | 'unknown';

/** The kind of a plist document, and the value that names its type (`Command.RequestType`, `MessageType`, `PayloadType`). */
export function plistKind(value: PlistValue): { kind: DocumentKind; type?: string } {
  const root = asDict(value);
  if (root === undefined) return { kind: 'unknown' };
  const command = asDict(valueAt(root, 'Command'));
  if (command !== undefined) {
    const request = stringAt(command, 'RequestType');
    return { kind: 'command', ...(request !== undefined ? { type: request } : {}) };
  }
  const message = stringAt(root, 'MessageType');
  if (message !== undefined) return { kind: 'check-in', type: message };
  const payloadType = valueAt(root, 'PayloadType');
  if (payloadType !== undefined || valueAt(root, 'PayloadContent') !== undefined) {
    return { kind: 'profile', ...(typeof payloadType === 'string' ? { type: payloadType } : {}) };
  }
  return { kind: 'unknown' };
}

/** The kind of a JSON document: a declaration has `Type` and at least one more key of the envelope. */
export function jsonKind(value: unknown): { kind: DocumentKind; type?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'unknown' };
  const v = value as Record<string, unknown>;
  const own = (k: string): boolean => Object.prototype.hasOwnProperty.call(v, k);
  if (own('Type') && (own('Identifier') || own('ServerToken') || own('Payload'))) {
    return { kind: 'declaration', ...(typeof v['Type'] === 'string' ? { type: v['Type'] } : {}) };
  }
  return { kind: 'unknown' };
}

/** True when the bytes hold JSON text (a `{` or `[` after a BOM and whitespace). */
export function looksLikeJson(bytes: Uint8Array): boolean {
  const b = firstMeaningful(bytes);
  return b === 0x7b || b === 0x5b;
}

/** Nesting depth of a parsed JSON value, walked without recursion. */
export function jsonDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}
