/**
 * Bytes of a `.mobileconfig` → a plist, read by the package's own reader (`parsePlist`, in
 * generator/runtime/plist). Three shapes are read: XML plists (UTF-8 or UTF-16), binary plists
 * (`bplist00`) and signed profiles (a CMS envelope around either). Each file is read within its
 * own budget (values, depth, string and data sizes, time) enforced while decoding; integers past
 * ±2^53 are refused, as the report must say exactly what it checked. Anything else, or anything
 * past the limits, is a ProfileReadError with a message fit to print after the file name.
 */
import { openEnvelope, looksLikeEnvelope, EnvelopeError, type SignerSummary, type TrustOptions } from './signed-profile.js';
import { berShapeProblem } from './ber-shape.js';
import { DEFAULT_BUDGET_LIMITS, PlistError, PlistTimeoutError, type PlistBudgetLimits } from '../runtime/plist/budget.js';
import { parsePlist, type ParsePlistOptions, type PlistPositions, type PlistValue } from '../runtime/plist/index.js';

export type ProfileFormat = 'xml' | 'binary';

export interface ReadProfile {
  root: PlistValue;
  format: ProfileFormat;
  /** Where each value of `root` is (lines and columns in XML, byte offsets in binary). */
  positions: PlistPositions;
  signed?: SignerSummary;
  /** NUL bytes after the XML's last element: devices ignore them, XML parsers do not. */
  trailingNuls?: number;
  /** Where the first of them is (line and column from 1), in a plist that is the file itself. */
  trailingAt?: { line: number; column: number };
}

/** The file size limit, and the decoding budget (see runtime/plist/budget.ts for how each was chosen). */
export interface ProfileLimits extends Partial<PlistBudgetLimits> {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Deepest nesting of arrays and dictionaries accepted. */
  maxDepth: number;
}

export const DEFAULT_PROFILE_LIMITS: ProfileLimits = { ...DEFAULT_BUDGET_LIMITS };

/** Where in the file reading stopped: line and column from 1 (columns in UTF-16 code units), or a byte offset from 0 in a binary plist. */
export type ReadPosition = { line: number; column?: number } | { byteOffset: number };

export class ProfileReadError extends Error {
  override name = 'ProfileReadError';
  constructor(
    message: string,
    /** The time limit stopped the reading (the file may be fine). */
    readonly timeout = false,
    /** Where in the file, when the reader knows: the report gives it as the finding's place, not in its message. */
    readonly at?: ReadPosition,
  ) {
    super(message);
  }
}

const BPLIST = [0x62, 0x70, 0x6c, 0x69, 0x73, 0x74, 0x30, 0x30]; // "bplist00"

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The first byte that is not a UTF-8 byte-order mark or XML whitespace. */
export function firstMeaningful(bytes: Uint8Array): number | undefined {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i];
}

function looksLikeUtf16Xml(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0x00, 0x3c]) || startsWith(bytes, [0x3c, 0x00]);
}

/** What the bytes are, told from their first bytes alone. */
function kindOf(bytes: Uint8Array): ProfileFormat | 'envelope' | undefined {
  if (startsWith(bytes, BPLIST)) return 'binary';
  if (firstMeaningful(bytes) === 0x3c || looksLikeUtf16Xml(bytes)) return 'xml';
  return looksLikeEnvelope(bytes) ? 'envelope' : undefined;
}

/** How one file is read: one set of limits and one deadline for the file, whatever its shape. */
type ReadOptions = ParsePlistOptions;

function read(bytes: Uint8Array, o: ReadOptions, format: ProfileFormat): ReadProfile {
  const doc = parsePlist(bytes, o);
  return { root: doc.value, positions: doc.positions, format };
}

/**
 * Where the byte at `at` is, in UTF-8 bytes the reader read up to `end` (`positions` counts their
 * lines) followed by line ends: the line and column a report gives.
 */
function placeAfter(bytes: Uint8Array, end: number, at: number, positions: ReadProfile['positions']): { line: number; column: number } {
  // The UTF-16 length of the text read: every byte that starts a character, two for one past U+FFFF, no BOM.
  let units = 0;
  for (let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0; i < end; i++) if ((bytes[i]! & 0xc0) !== 0x80) units += bytes[i]! >= 0xf0 ? 2 : 1;
  const p = positions.at(units);
  let line = p.format === 'xml' ? p.line : 1;
  let column = p.format === 'xml' ? p.column : 1;
  for (let i = end; i < at; i++) {
    if (bytes[i] === 0x0a && bytes[i - 1] === 0x0d) continue;
    line++;
    column = 1;
  }
  return { line, column };
}

/** An XML plist; NUL bytes a tool left after the closing tag (UTF-8 only) are counted, not parsed. */
function readXml(bytes: Uint8Array, o: ReadOptions, own: boolean): ReadProfile {
  if (looksLikeUtf16Xml(bytes)) return read(bytes, o, 'xml');
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x00 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  let nuls = 0;
  let first = -1;
  for (let i = end; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    nuls++;
    if (first < 0) first = i;
  }
  const doc = read(bytes.subarray(0, end), o, 'xml');
  if (nuls === 0) return doc;
  return own ? { ...doc, trailingNuls: nuls, trailingAt: placeAfter(bytes, end, first, doc.positions) } : { ...doc, trailingNuls: nuls };
}

function readPlist(bytes: Uint8Array, kind: ProfileFormat, o: ReadOptions, own = true): ReadProfile {
  try {
    return kind === 'binary' ? read(bytes, o, 'binary') : readXml(bytes, o, own);
  } catch (e) {
    if (e instanceof PlistError) {
      if (e instanceof PlistTimeoutError) throw new ProfileReadError(`reading ${e.message}`, true);
      // Only a plist that is the file itself: a signed profile's plist is inside its envelope, where lines are not the file's.
      const p = e.position;
      if (!own || p === undefined) throw new ProfileReadError(e.message);
      if (p.format === 'binary') throw new ProfileReadError(e.message, false, { byteOffset: p.offset });
      // The place is the finding's own (file:line:col), so the message leaves the line out.
      throw new ProfileReadError(e.reason, false, { line: p.line, column: p.column });
    }
    throw e;
  }
}

const NOT_A_PLIST = 'not a property list: neither XML, a binary plist nor a signed profile';

/**
 * Reads a profile's bytes within `limits`, stopping at `deadline` (a `Date.now()` value); a signed
 * profile's signer chain is verified to the anchors of `trust` when given.
 * Throws ProfileReadError, never anything else for bad input. Keeps no state between calls.
 */
export async function readProfile(bytes: Uint8Array, limits: ProfileLimits = DEFAULT_PROFILE_LIMITS, deadline = Infinity, timeoutMs?: number, trust?: TrustOptions): Promise<ReadProfile> {
  if (bytes.length > limits.maxBytes) throw new ProfileReadError(`the file is ${bytes.length} bytes, over the limit of ${limits.maxBytes}`);
  if (bytes.length === 0) throw new ProfileReadError('the file is empty');
  const budget: ReadOptions = { limits: { ...DEFAULT_BUDGET_LIMITS, ...limits }, deadline, ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
  const kind = kindOf(bytes);
  if (kind === undefined) throw new ProfileReadError(NOT_A_PLIST);
  if (kind !== 'envelope') return readPlist(bytes, kind, budget);
  const shape = berShapeProblem(bytes);
  if (shape) throw new ProfileReadError(shape);
  let opened;
  try {
    opened = await openEnvelope(bytes, trust);
  } catch (e) {
    if (e instanceof EnvelopeError) throw new ProfileReadError(e.message);
    throw new ProfileReadError(`the signed envelope cannot be read (${(e as Error).message})`);
  }
  // The envelope holds a plist, never another envelope.
  const inner = kindOf(opened.content);
  if (inner === undefined || inner === 'envelope') throw new ProfileReadError(NOT_A_PLIST);
  return { ...readPlist(opened.content, inner, budget, false), signed: opened.signer };
}
