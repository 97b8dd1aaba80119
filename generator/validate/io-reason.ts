/**
 * Why a file could not be read, in words: Node's error codes (`ENOENT`) are jargon to an admin
 * reading a report, and its messages repeat the path the report already names.
 */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'an input/output error',
};

/** The reason an `fs` call failed, without the path: `no such file or directory`, or the error's code or message. */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined) return REASONS[code] ?? code;
  return e instanceof Error ? e.message : String(e);
}
