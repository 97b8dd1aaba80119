/**
 * Names in generated code. One stable rule turns an object's dotted title into an identifier
 * (`VPN.IKEv2` → `VPNIKEv2`); collisions get `_2`, `_3`… in name order, so the result never
 * depends on the order pages were read.
 */
import { cmp } from '../model/diagnostics.js';

/** The names the whole-document types take in generated code (see document-kinds.ts). */
export const DOCUMENT_NAMES = [
  'Profile', 'Payload', 'PayloadType', 'PayloadTypeMap', 'Declaration', 'DeclarationType', 'DeclarationTypeMap',
  'DeclarationOf', 'Command', 'RequestType', 'CommandTypeMap', 'CheckInMessage', 'MessageType', 'CheckInMessageTypeMap',
] as const;

/** Global names, and names of the generated package, that an object's identifier must not take. */
const RESERVED = new Set<string>([
  'Array', 'Boolean', 'Date', 'Error', 'Function', 'Map', 'Number', 'Object', 'Partial', 'Promise',
  'Readonly', 'Record', 'Required', 'Set', 'String', 'Symbol', 'Uint8Array', 'Omit', 'Pick',
  'ValidationIssue', 'ValidationResult', 'ValidateOptions', 'Validator', 'Platform',
  ...DOCUMENT_NAMES,
]);

/** The identifier a title maps to before collisions are resolved. */
export function baseIdentifier(title: string): string {
  const parts = title.split(/[^A-Za-z0-9_]+/).filter(Boolean);
  let id = parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
  if (!id) id = 'Unnamed';
  if (/^[0-9]/.test(id)) id = `T${id}`;
  if (RESERVED.has(id)) id = `${id}Object`;
  return id;
}

/** Assigns every title a unique identifier. */
export function assignIdentifiers(titles: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const title of [...new Set(titles)].sort(cmp)) {
    const base = baseIdentifier(title);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    out.set(title, id);
  }
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name as it may stand in an interface or object literal: bare or quoted. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : tsString(name);
}

/**
 * A TypeScript string literal for any text: JSON's escaping plus the two line separators that
 * older parsers take as line ends.
 */
export function tsString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A file name for an object's per-object outputs: the identifier, which is already safe. */
export function fileStem(identifier: string): string {
  return identifier;
}
