/**
 * Writes what `--out FILE` asks for (a report, an IR, a signed profile): whole or not at all, and
 * only to a regular file or a new one. A pipe no one reads would block the write forever and a
 * device is no place for a report, so both are refused before anything is written; the bytes go
 * to a new file beside the target, which is then renamed over it, so a run that fails or is
 * killed halfway leaves the old file (or none), never half of a new one.
 */
import { closeSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ioReason } from './io-reason.js';
import { whatItIs } from './read-file.js';

/** `--out` names a place dmspec does not write to, or the write failed; the message says which and why. */
export class OutFileError extends Error {
  override name = 'OutFileError';
}

/** The file the path leads to (through links), or the path itself when nothing is there yet. */
function target(path: string): string {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw new OutFileError(`--out ${path}: ${ioReason(e)}`);
  }
  if (!st.isFile()) throw new OutFileError(`--out ${path}: not a regular file (${whatItIs(st)}); dmspec writes only a regular file or a new one`);
  return realpathSync(path);
}

/** Writes `data` to `path` (creating its folder) by a rename of a complete new file. */
export function writeOutFile(path: string, data: string | Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw new OutFileError(`--out ${path}: cannot create its folder: ${ioReason(e)}`);
  }
  const final = target(path);
  const temp = join(dirname(final), `.${basename(final)}.dmspec-${process.pid}-${Date.now().toString(36)}`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o666);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let n = 0; n < bytes.length;) n += writeSync(fd, bytes, n, bytes.length - n);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, final);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw new OutFileError(`--out ${path}: cannot write it: ${ioReason(e)}`);
  }
}
