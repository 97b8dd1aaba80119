/**
 * Bytes of a `.mobileconfig` → a tagged plist. Three shapes are read: XML plists, binary plists
 * (`bplist00`, converted to XML by libplist so every value keeps its tag) and signed profiles (a
 * CMS envelope around either). Anything else, or anything past the limits, is a ProfileReadError
 * with a message fit to print after the file name.
 */
import { openEnvelope, looksLikeEnvelope, EnvelopeError, type SignerSummary, type TrustOptions } from './signed-profile.js';
import { parseTaggedPlist, PlistError, type PlistValue } from '../plist/tagged-plist.js';

export type ProfileFormat = 'xml' | 'binary';

export interface ReadProfile {
  root: PlistValue;
  format: ProfileFormat;
  signed?: SignerSummary;
  /** NUL bytes after the XML's last element: devices ignore them, XML parsers do not. */
  trailingNuls?: number;
}

export interface ProfileLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Deepest nesting of arrays and dictionaries accepted. */
  maxDepth: number;
}

export const DEFAULT_PROFILE_LIMITS: ProfileLimits = { maxBytes: 16 * 1024 * 1024, maxDepth: 64 };

export class ProfileReadError extends Error {
  override name = 'ProfileReadError';
}

const BPLIST = [0x62, 0x70, 0x6c, 0x69, 0x73, 0x74, 0x30, 0x30]; // "bplist00"

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The first byte that is not a UTF-8 BOM or XML whitespace. */
function firstMeaningful(bytes: Uint8Array): number | undefined {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i];
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ProfileReadError('the XML is not valid UTF-8');
  }
}

async function binaryToXml(bytes: Uint8Array): Promise<string> {
  // Loaded on first use: libplist starts a WebAssembly instance that XML profiles never need.
  const libplist = await import('libplist');
  try {
    return await libplist.binaryToXml(Buffer.from(bytes));
  } catch {
    throw new ProfileReadError('the binary plist is truncated or malformed');
  }
}

/** What the bytes are, told from their first bytes alone. */
function kindOf(bytes: Uint8Array): ProfileFormat | 'envelope' | undefined {
  if (startsWith(bytes, BPLIST)) return 'binary';
  if (firstMeaningful(bytes) === 0x3c) return 'xml';
  return looksLikeEnvelope(bytes) ? 'envelope' : undefined;
}

/** An XML plist; NUL bytes a tool left after the closing tag are counted, not parsed. */
function readXml(bytes: Uint8Array, maxDepth: number): ReadProfile {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x00 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  let nuls = 0;
  for (let i = end; i < bytes.length; i++) if (bytes[i] === 0) nuls++;
  const root = parseTaggedPlist(decodeUtf8(bytes.subarray(0, end)), { maxDepth });
  return nuls > 0 ? { root, format: 'xml', trailingNuls: nuls } : { root, format: 'xml' };
}

async function readPlist(bytes: Uint8Array, kind: ProfileFormat, limits: ProfileLimits): Promise<ReadProfile> {
  try {
    if (kind === 'binary') return { root: parseTaggedPlist(await binaryToXml(bytes), { maxDepth: limits.maxDepth }), format: 'binary' };
    return readXml(bytes, limits.maxDepth);
  } catch (e) {
    if (e instanceof PlistError) throw new ProfileReadError(e.message);
    throw e;
  }
}

const NOT_A_PLIST = 'not a property list: neither XML, a binary plist nor a signed profile';

/** Reads a profile's bytes. Throws ProfileReadError, never anything else for bad input. */
export async function readProfile(bytes: Uint8Array, limits: ProfileLimits = DEFAULT_PROFILE_LIMITS, trust?: TrustOptions): Promise<ReadProfile> {
  if (bytes.length > limits.maxBytes) throw new ProfileReadError(`the file is ${bytes.length} bytes, over the limit of ${limits.maxBytes}`);
  if (bytes.length === 0) throw new ProfileReadError('the file is empty');
  const kind = kindOf(bytes);
  if (kind === undefined) throw new ProfileReadError(NOT_A_PLIST);
  if (kind !== 'envelope') return readPlist(bytes, kind, limits);
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
  return { ...(await readPlist(opened.content, inner, limits)), signed: opened.signer };
}
