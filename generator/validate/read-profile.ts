/**
 * Bytes of a `.mobileconfig` → a tagged plist. Three shapes are read: XML plists (UTF-8 or
 * UTF-16), binary plists (`bplist00`) and signed profiles (a CMS envelope around either). Each
 * file is read within its own budget (`plist/budget.ts`: values, depth, string and data sizes,
 * time) enforced while decoding. Anything else, or anything past the limits, is a
 * ProfileReadError with a message fit to print after the file name.
 */
import { openEnvelope, looksLikeEnvelope, EnvelopeError, type SignerSummary, type TrustOptions } from './signed-profile.js';
import { berShapeProblem } from './ber-shape.js';
import { DEFAULT_BUDGET_LIMITS, PlistBudget, PlistError, PlistTimeoutError, type PlistBudgetLimits } from '../plist/budget.js';
import { parseBinaryPlist } from '../plist/binary-plist.js';
import { decodeXmlBytes } from '../plist/tagged-plist.js';
import { parseXmlPlist } from '../plist/xml-plist.js';
import type { PlistValue } from '../plist/plist-value.js';

export type ProfileFormat = 'xml' | 'binary';

export interface ReadProfile {
  root: PlistValue;
  format: ProfileFormat;
  signed?: SignerSummary;
  /** NUL bytes after the XML's last element: devices ignore them, XML parsers do not. */
  trailingNuls?: number;
}

/** The file size limit, and the decoding budget (see plist/budget.ts for how each was chosen). */
export interface ProfileLimits extends Partial<PlistBudgetLimits> {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Deepest nesting of arrays and dictionaries accepted. */
  maxDepth: number;
}

export const DEFAULT_PROFILE_LIMITS: ProfileLimits = { maxBytes: 16 * 1024 * 1024, ...DEFAULT_BUDGET_LIMITS };

export class ProfileReadError extends Error {
  override name = 'ProfileReadError';
  constructor(
    message: string,
    /** The time limit stopped the reading (the file may be fine). */
    readonly timeout = false,
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

/** An XML plist; NUL bytes a tool left after the closing tag (UTF-8 only) are counted, not parsed. */
function readXml(bytes: Uint8Array, budget: PlistBudget): ReadProfile {
  if (looksLikeUtf16Xml(bytes)) return { root: parseXmlPlist(decodeXmlBytes(bytes), budget), format: 'xml' };
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x00 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  let nuls = 0;
  for (let i = end; i < bytes.length; i++) if (bytes[i] === 0) nuls++;
  const root = parseXmlPlist(decodeXmlBytes(bytes.subarray(0, end)), budget);
  return nuls > 0 ? { root, format: 'xml', trailingNuls: nuls } : { root, format: 'xml' };
}

function readPlist(bytes: Uint8Array, kind: ProfileFormat, budget: PlistBudget): ReadProfile {
  try {
    if (kind === 'binary') return { root: parseBinaryPlist(bytes, budget), format: 'binary' };
    return readXml(bytes, budget);
  } catch (e) {
    if (e instanceof PlistError) {
      throw e instanceof PlistTimeoutError ? new ProfileReadError(`reading ${e.message}`, true) : new ProfileReadError(e.message);
    }
    // A stack overflow or an allocation failure is reported, never passed on as a crash.
    if (e instanceof RangeError) throw new ProfileReadError(`the ${kind === 'binary' ? 'binary plist' : 'XML'} cannot be read (${e.message})`);
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
  const budget = new PlistBudget({ ...DEFAULT_BUDGET_LIMITS, ...limits }, deadline, timeoutMs);
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
  return { ...readPlist(opened.content, inner, budget), signed: opened.signer };
}
