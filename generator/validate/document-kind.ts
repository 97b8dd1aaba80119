/**
 * What a document is, told from its content alone: a configuration profile, a declarative
 * management declaration (JSON), an MDM command or a check-in message (plists). A document that
 * looks like none of them is `unknown`, never guessed; one that carries the marks of two kinds
 * (a profile with a top-level `Command` or `MessageType`) is `ambiguous`: no kind's keys may
 * outvote another's, or one extra key would turn a profile's errors into a command's silence.
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

export type DocumentKind = 'profile' | 'declaration' | 'declaration-set' | 'command' | 'check-in' | 'status-report' | 'unknown';

export interface KindVerdict {
  kind: DocumentKind;
  /** The value that names the document's type (`Command.RequestType`, `MessageType`, `PayloadType`, a declaration's `Type`). */
  type?: string;
  /** The kinds a document looks like, when it looks like more than one (its kind is then `unknown`). */
  ambiguous?: string[];
}

/** The top-level keys that mark each plist kind. */
const PLIST_MARKS: ReadonlyArray<{ kind: DocumentKind; what: string; keys: readonly string[] }> = [
  { kind: 'profile', what: 'a profile', keys: ['PayloadContent', 'PayloadType'] },
  { kind: 'command', what: 'an MDM command', keys: ['Command'] },
  { kind: 'check-in', what: 'a check-in message', keys: ['MessageType'] },
];

/** The kind of a plist document, and the value that names its type. */
export function plistKind(value: PlistValue): KindVerdict {
  const root = asDict(value);
  if (root === undefined) return { kind: 'unknown' };
  const looks = PLIST_MARKS.filter((m) => m.keys.some((k) => valueAt(root, k) !== undefined));
  if (looks.length > 1) {
    return { kind: 'unknown', ambiguous: looks.map((m) => `${m.what} (${m.keys.filter((k) => valueAt(root, k) !== undefined).join(', ')})`) };
  }
  const kind = looks[0]?.kind ?? 'unknown';
  const string = (v: PlistValue | undefined): { type?: string } => (typeof v === 'string' ? { type: v } : {});
  switch (kind) {
    case 'command': {
      const command = asDict(valueAt(root, 'Command'));
      return { kind, ...(command !== undefined ? string(valueAt(command, 'RequestType')) : {}) };
    }
    case 'check-in':
      return { kind, ...string(valueAt(root, 'MessageType')) };
    case 'profile':
      return { kind, ...string(valueAt(root, 'PayloadType')) };
    default:
      return { kind };
  }
}

/** True when an object's keys mark a declaration: `Type` and at least one more key of the envelope. */
export function declarationKeys(keys: readonly string[]): boolean {
  return keys.includes('Type') && (keys.includes('Identifier') || keys.includes('ServerToken') || keys.includes('Payload'));
}

/** The kind of a JSON document: a declaration has `Type` and at least one more key of the envelope; a device's status report has a `StatusItems` dictionary and names no declaration type. */
export function jsonKind(value: unknown): KindVerdict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'unknown' };
  const v = value as Record<string, unknown>;
  if (!declarationKeys(Object.keys(v))) {
    const items = hasOwn.call(v, 'StatusItems') ? v['StatusItems'] : undefined;
    const report = typeof items === 'object' && items !== null && !Array.isArray(items) && !hasOwn.call(v, 'Type');
    return { kind: report ? 'status-report' : 'unknown' };
  }
  return { kind: 'declaration', ...(typeof v['Type'] === 'string' ? { type: v['Type'] } : {}) };
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

/** The DER of the SignedData content type's OID, 1.2.840.113549.1.7.2, as a CMS envelope starts with it. */
const SIGNED_DATA_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

function hasAt(bytes: Uint8Array, at: number, what: readonly number[]): boolean {
  return what.every((b, i) => bytes[at + i] === b);
}

/** True for a CMS SignedData envelope's first bytes: a SEQUENCE whose first element is the SignedData OID. */
export function looksLikeSignedData(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  const len = bytes[1] ?? 0;
  // Definite short, definite long (1–4 length bytes) or indefinite length, then the OID.
  const at = len === 0x80 || len < 0x80 ? 2 : len <= 0x84 ? 2 + (len & 0x7f) : -1;
  return at > 0 && hasAt(bytes, at, SIGNED_DATA_OID);
}

/** The encoding an XML plist's first bytes announce: a BOM, or the zero byte beside the first `<`. */
function xmlEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16be' | 'utf-16le' | undefined {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0x00 && bytes[1] === 0x3c)) return 'utf-16be';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0x3c && bytes[1] === 0x00)) return 'utf-16le';
  return firstMeaningful(bytes) === 0x3c ? 'utf-8' : undefined;
}

/**
 * The name of an XML document's root element, or undefined when a quick look finds none (the
 * prolog, comments and the document type are skipped; at most 64 KiB are looked at).
 */
export function xmlRootName(bytes: Uint8Array): string | undefined {
  const encoding = xmlEncoding(bytes);
  if (encoding === undefined) return undefined;
  const text = new TextDecoder(encoding).decode(bytes.subarray(0, 65_536));
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const past = (end: string): number => {
    const at = text.indexOf(end, i);
    return at < 0 ? -1 : at + end.length;
  };
  for (;;) {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
    if (text.startsWith('<?', i)) i = past('?>');
    else if (text.startsWith('<!--', i)) i = past('-->');
    else if (text.startsWith('<!', i)) i = past('>');
    else break;
    if (i < 0) return undefined;
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 256))?.[1];
}

/** How a file's bytes look, before any is parsed: which reader would take them, if any. */
export type Shape = 'json' | 'plist' | 'envelope' | 'xml' | 'other';

const BPLIST = [0x62, 0x70, 0x6c, 0x69, 0x73, 0x74, 0x30, 0x30]; // "bplist00"

/** `plist` for a binary plist or XML whose root is `<plist>`, `xml` for other XML, … */
export function shapeOf(bytes: Uint8Array): Shape {
  if (looksLikeJson(bytes)) return 'json';
  if (hasAt(bytes, 0, BPLIST)) return 'plist';
  if (looksLikeSignedData(bytes)) return 'envelope';
  if (xmlEncoding(bytes) === undefined) return 'other';
  return xmlRootName(bytes) === 'plist' ? 'plist' : 'xml';
}
