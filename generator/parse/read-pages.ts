/**
 * Reads the pages of a spec directory: every `.md` file below it, in a stable order, with paths
 * relative to the root and `/`-separated, so the IR is the same on every machine. Which of them
 * are primary and which a supplement is `spec-folder.ts`'s business.
 */
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PageInput } from './flavour.js';

export interface SpecLimits {
  /** Most pages read from one directory. */
  maxPages: number;
  /**
   * Largest page file read, in bytes, checked before reading: 4 bytes per character of the
   * parser's 2,000,000-character limit, so no page the parser would accept is refused here.
   */
  maxPageBytes: number;
  /** All pages together, in bytes: what a spec may hold in memory. */
  maxTotalBytes: number;
}

/**
 * What one spec may hold. Parsing costs about a millisecond per page and a second per megabyte,
 * and generating type-checks every generated line, so both grow with the spec. Apple's pages
 * (1,473, 4 MB; with the supplement's 1,190 rendered pages 2,663 pages and 6.6 MB) fit with room
 * to grow half again, while a spec at the limits stays under 1 GB (the README's measurements).
 */
export const DEFAULT_SPEC_LIMITS: SpecLimits = { maxPages: 4_000, maxPageBytes: 8_000_000, maxTotalBytes: 16 * 1024 * 1024 };

export class SpecReadError extends Error {
  override name = 'SpecReadError';
}

/** Lists the Markdown files below `root`, sorted by relative path. */
export function listSpecFiles(root: string, limits: SpecLimits = DEFAULT_SPEC_LIMITS): string[] {
  let stat;
  try {
    stat = statSync(root);
  } catch {
    throw new SpecReadError(`spec directory ${root} does not exist`);
  }
  if (!stat.isDirectory()) throw new SpecReadError(`${root} is not a directory`);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        out.push(relative(root, full).split(sep).join('/'));
        if (out.length > limits.maxPages) throw new SpecReadError(`${root} holds more than ${limits.maxPages} pages`);
      }
    }
  };
  walk(root);
  // An empty folder is far more often a wrong path than an empty spec: generating nothing from it
  // would replace a whole output folder with an empty one.
  if (out.length === 0) throw new SpecReadError(`${root} holds no .md pages`);
  return out.sort();
}

/** Reads the listed pages (paths relative to `root`). */
export function readPages(root: string, files: readonly string[], limits: SpecLimits = DEFAULT_SPEC_LIMITS): PageInput[] {
  let total = 0;
  return files.map((file) => {
    const full = join(root, file);
    // The size is checked before the file is loaded: a sparse 400 MB page must not be read whole.
    const size = statSync(full).size;
    if (size > limits.maxPageBytes) return { file, text: '', unreadBytes: size };
    total += size;
    if (total > limits.maxTotalBytes) throw new SpecReadError(`${root} holds more than ${limits.maxTotalBytes} bytes of pages`);
    return pageFromBytes(file, readFileSync(full));
  });
}

/**
 * A page from its bytes: UTF-8 text, or, when the bytes are not valid UTF-8, an empty text and
 * where the first invalid byte is (decoding would replace it with U+FFFD and parse a page that
 * says something else).
 */
export function pageFromBytes(file: string, bytes: Uint8Array): PageInput {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return { file, text: buffer.toString('utf8') };
  const at = firstInvalidUtf8(buffer);
  const lineStart = buffer.lastIndexOf(0x0a, at - 1) + 1;
  let line = 1;
  for (let i = buffer.indexOf(0x0a); i !== -1 && i < at; i = buffer.indexOf(0x0a, i + 1)) line++;
  // The column counts the characters of the line's valid start, as an editor shows them.
  const column = [...buffer.subarray(lineStart, at).toString('utf8')].length + 1;
  return { file, text: '', invalidUtf8: { line, column } };
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The sequence's length and the range its second byte must fall in (no overlong forms, no surrogates, nothing past U+10FFFF).
    const [n, lo, hi] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
        : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    if (n === 0 || i + n > bytes.length) return i;
    if (bytes[i + 1]! < lo || bytes[i + 1]! > hi) return i;
    for (let k = 2; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return bytes.length;
}
