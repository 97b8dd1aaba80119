/**
 * Every file `validate` reads (documents, the configuration file, trust anchors) is read here: a
 * regular file only, opened without blocking and checked on the open descriptor (so a FIFO, a
 * device or a link to `/dev/zero` is refused before a byte is read), and never read past its size
 * limit even when it grows while being read. Files that can change what dmspec obeys (the
 * configuration, the anchors) must also be the user's own and writable by nobody else.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { ioReason } from './io-reason.js';

/** Why a file was not read: `io` when dmspec could not open or read it, `limit` when it is over its size limit. */
export interface FileProblem {
  kind: 'io' | 'limit';
  message: string;
  /** What the path is when it is no regular file (`a pipe`, `a device`, `a directory`): nothing was read from it. */
  notRegular?: string;
}

export interface ReadFileOptions {
  maxBytes: number;
  /** Refuse a file owned by another user (root's files are accepted) or writable by group or others. */
  private?: boolean;
}

/** What a path that is no regular file is, in words: `a pipe`, `a device`… */
export function whatItIs(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

/** Why a file's owner or mode makes it one dmspec must not obey, or undefined. */
export function notPrivate(st: Stats): string | undefined {
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid && st.uid !== 0) return `it is owned by another user (uid ${st.uid}); dmspec obeys only files of its own user or root`;
  if ((st.mode & 0o022) !== 0) return `it is writable by ${(st.mode & 0o002) !== 0 ? 'every user' : 'its group'} (mode ${(st.mode & 0o777).toString(8).padStart(4, '0')}); dmspec obeys only files no other user can change`;
  return undefined;
}

/** A regular file's bytes, or why they were not read. */
export function readRegularFile(file: string, options: ReadFileOptions): Uint8Array | FileProblem {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { kind: 'io', message: `cannot read it: ${ioReason(e)}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { kind: 'io', message: `not a regular file (${whatItIs(st)}); only regular files are read`, notRegular: whatItIs(st) };
    if (options.private) {
      const why = notPrivate(st);
      if (why) return { kind: 'io', message: `not read: ${why}` };
    }
    const { maxBytes } = options;
    if (st.size > maxBytes) return { kind: 'limit', message: `the file is ${st.size} bytes, over the limit of ${maxBytes}` };
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, n);
    if (n > maxBytes) return { kind: 'limit', message: `the file is over the limit of ${maxBytes} bytes` };
    return new Uint8Array(buf.buffer, buf.byteOffset, n);
  } catch (e) {
    return { kind: 'io', message: `cannot read it: ${ioReason(e)}` };
  } finally {
    closeSync(fd);
  }
}

/** True when `readRegularFile` returned a problem instead of bytes. */
export function isFileProblem(r: Uint8Array | FileProblem): r is FileProblem {
  return !(r instanceof Uint8Array);
}
