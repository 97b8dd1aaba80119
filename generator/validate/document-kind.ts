/**
 * What a document is, told from its content alone: a configuration profile, a declarative
 * management declaration (JSON), an MDM command or a check-in message (plists). A document that
 * looks like none of them is `unknown`, never guessed.
 */
import type { PlistValue } from '../plist/tagged-plist.js';
import { dictGet } from '../plist/tagged-plist.js';
import { firstMeaningful } from './read-profile.js';

export type DocumentKind = 'profile' | 'declaration' | 'declaration-set' | 'command' | 'check-in' | 'unknown';

/** The kind of a plist document, and the value that names its type (`Command.RequestType`, `MessageType`, `PayloadType`). */
export function plistKind(root: PlistValue): { kind: DocumentKind; type?: string } {
  if (root.tag !== 'dict') return { kind: 'unknown' };
  const command = dictGet(root, 'Command');
  if (command?.tag === 'dict') {
    const request = dictGet(command, 'RequestType');
    return { kind: 'command', ...(request?.tag === 'string' ? { type: request.value } : {}) };
  }
  const message = dictGet(root, 'MessageType');
  if (message?.tag === 'string') return { kind: 'check-in', type: message.value };
  const payloadType = dictGet(root, 'PayloadType');
  if (payloadType !== undefined || dictGet(root, 'PayloadContent') !== undefined) {
    return { kind: 'profile', ...(payloadType?.tag === 'string' ? { type: payloadType.value } : {}) };
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

/** A JSON array of declarations (at least one, and nothing else): a set, checked as one. */
export function isDeclarationArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => jsonKind(v).kind === 'declaration');
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
