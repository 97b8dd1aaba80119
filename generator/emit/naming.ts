/**
 * Names in generated code. One stable rule turns an object's dotted title into an identifier
 * (`VPN.IKEv2` → `VPNIKEv2`); collisions get `_2`, `_3`… in name order, so the result never
 * depends on the order pages were read.
 */
import { createHash } from 'node:crypto';
import { cmp } from '../model/diagnostics.js';
import { escapeJsonText } from '../terminal-text.js';

/** The names the whole-document types take in generated code (see document-kinds.ts). */
export const DOCUMENT_NAMES = [
  'Profile', 'Payload', 'PayloadType', 'PayloadTypeMap', 'Declaration', 'DeclarationType', 'DeclarationTypeMap',
  'DeclarationOf', 'Command', 'RequestType', 'CommandTypeMap', 'CheckInMessage', 'MessageType', 'CheckInMessageTypeMap',
  'CustomPayload', 'UncheckedPayload', 'CheckedProfile', 'UncheckedDeclaration', 'CommandOf', 'UncheckedCommand',
  'CommandResponseMap', 'ResponseEnvelopeKey', 'ResponseAs', 'CommandResponse', 'UncheckedCheckInMessage', 'StatusItemName',
] as const;

/**
 * Names a generated declaration must not take: globals, the names the generated modules declare
 * themselves (the whole-document types, which also name modules of `types/`), the runtime's
 * exports, the package's own module names (an object's module is named by its identifier), and the names whose
 * `is…`/`validate…`/`check…` functions would clash with a runtime helper (`Dict` → `isDict`).
 * test/emit/hostile-names.test.ts checks this list against what generator/runtime/validator/index.ts exports.
 */
export const RESERVED: ReadonlySet<string> = new Set([
  'Array', 'Boolean', 'Date', 'Error', 'Function', 'Map', 'Number', 'Object', 'Partial', 'Promise',
  'Readonly', 'Record', 'Required', 'Set', 'String', 'Symbol', 'Uint8Array', 'Omit', 'Pick',
  'ValidationIssue', 'ValidationResult', 'ValidateOptions', 'Platform',
  // The package's own module names beside the objects' (`validators/index.js`, `validators/registry.js`).
  'Index', 'Registry', 'Documents',
  'Validator', 'IssueCode', 'Dict', 'TaggedReal', 'Integer', 'Real', 'NO_OPTIONS', 'T', 'V', 'DocumentRoute', 'ResponseRoute', 'KeyFacts', 'JudgedAgainst', 'SharedPage', 'Run', 'VALID', 'Enrollment', 'SupervisionFacts', 'DeviceAction', 'SeverityRule', 'KEY_SEVERITY', 'PAYLOAD_SEVERITY', 'VALUE_LIMIT', 'DEPTH_LIMIT', 'OBJECT_PROTOTYPE',
  // What the package's entry exports from declarative/index.ts beside the types.
  'DeclarationArgs', 'DeclarationOptions', 'DeclarationSet', 'DeclarationSetError', 'DeclarationSetOptions', 'DeclarationSetResult',
  'SetFinding', 'SetFindingCode', 'StatusErrorReading', 'StatusItemReading', 'StatusReportReading',
  // What the builders export beside the types from the package's main entry.
  'DocumentError', 'CommandOptions', 'ProfileInput', 'PayloadInput', 'ReadInfo', 'ReadOptions', 'RequestTypeLookup', 'ResponseEnvelope', 'ResponseRead', 'CheckInRead',
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
  // Bidirectional overrides and isolates make code read differently from what it does ("Trojan
  // Source"), and C1 controls are invisible: all are written as escapes, as in printed JSON.
  return escapeJsonText(JSON.stringify(text));
}

/** Longest file stem: with `.schema.json` it stays far below the 255 bytes file systems allow. */
const MAX_STEM = 120;

/**
 * A file name for an object's per-object outputs: the identifier, which is already safe, cut to
 * 120 characters with a hash of the whole identifier when longer (a 300-character title would
 * otherwise fail with ENAMETOOLONG).
 */
export function fileStem(identifier: string): string {
  if (identifier.length <= MAX_STEM) return identifier;
  return `${identifier.slice(0, MAX_STEM - 9)}_${createHash('sha256').update(identifier).digest('hex').slice(0, 8)}`;
}
