/**
 * `validate` as a library: profile files → one report per file. Validators are the checked-in
 * generated ones, or those generated from any spec directory (compiled once per spec content).
 * Nothing here prints or exits; unreadable files become reports with an `error`.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import * as checkedIn from '@dmspec/apple/registry';
import { hasErrors, type Diagnostic } from '../model/diagnostics.js';
import { generateFromPages } from '../pipeline.js';
import { readSpec, SpecReadError } from '../parse/read-spec.js';
import { checkProfile, type CheckOptions, type ProfileReport } from './check-profile.js';
import { loadSpecValidators, type ValidatorModule } from './compile-validators.js';
import { DEFAULT_PROFILE_LIMITS, ProfileReadError, readProfile, type ProfileLimits } from './read-profile.js';

export { checkProfile, type CheckOptions, type PayloadReport, type ProfileIssue, type ProfileIssueCode, type ProfileReport } from './check-profile.js';
export { readProfile, ProfileReadError, DEFAULT_PROFILE_LIMITS, type ProfileLimits, type ReadProfile } from './read-profile.js';
export { loadValidators, loadSpecValidators, type ValidatorModule } from './compile-validators.js';
export type { SignerSummary } from './signed-profile.js';

/** A file's report; `error` says why a file could not be read, and then nothing was checked. */
export interface FileReport extends ProfileReport {
  error?: string;
}

export interface ValidateProfilesOptions extends CheckOptions {
  /** A spec directory to validate against instead of the checked-in validators. */
  spec?: string;
  /** Where compiled validators are cached (default: `$XDG_CACHE_HOME/dmspec/validators`, else `~/.cache/dmspec/validators`); must be private to the user. */
  cacheDir?: string;
  limits?: ProfileLimits;
}

export interface ValidatorsResult {
  validators?: ValidatorModule;
  /** The spec's diagnostics when `spec` was given; errors mean no validators. */
  diagnostics: Diagnostic[];
}

/** The checked-in validators, or those of `options.spec`. */
export async function validatorsFor(options: Pick<ValidateProfilesOptions, 'spec' | 'cacheDir'> = {}): Promise<ValidatorsResult> {
  if (options.spec === undefined) return { validators: checkedIn, diagnostics: [] };
  let pages;
  try {
    pages = readSpec(options.spec);
  } catch (e) {
    if (e instanceof SpecReadError) return { diagnostics: [{ file: options.spec, line: 1, column: 1, severity: 'error', code: 'spec-unreadable', message: e.message }] };
    throw e;
  }
  let diagnostics: Diagnostic[] = [];
  const validators = await loadSpecValidators(pages, () => {
    const result = generateFromPages(pages, { typecheck: false });
    diagnostics = result.diagnostics;
    return hasErrors(diagnostics) ? undefined : result.files;
  }, options.cacheDir);
  return validators === undefined ? { diagnostics } : { validators, diagnostics };
}

/** Reads and validates one profile's bytes. */
export async function validateProfileBytes(file: string, bytes: Uint8Array, validators: ValidatorModule, options: ValidateProfilesOptions = {}): Promise<FileReport> {
  // One deadline for reading and checking: the time limit covers the whole file.
  const deadline = options.deadline ?? (options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs);
  try {
    const read = await readProfile(bytes, options.limits ?? DEFAULT_PROFILE_LIMITS, deadline, options.timeoutMs);
    const report: FileReport = checkProfile(file, read.root, validators, { ...options, deadline });
    if (read.signed) report.signed = read.signed;
    if (read.trailingNuls) {
      report.issues.unshift({
        path: '', payloadType: 'Configuration', code: 'trailing-bytes', severity: 'warning',
        message: `${read.trailingNuls} NUL bytes follow the plist's closing tag`,
      });
    }
    return report;
  } catch (e) {
    if (e instanceof ProfileReadError) return { file, payloads: [], issues: [], error: e.message };
    // A failure inside checking (a stack overflow, memory) is this file's error; the run goes on.
    return { file, payloads: [], issues: [], error: `the file could not be checked (${(e as Error).name}: ${(e as Error).message})` };
  }
}

/**
 * A regular file's bytes, at most `maxBytes`, or the reason it is not read. The file is opened
 * without blocking (a FIFO would wait forever) and checked on the open descriptor, so a link to
 * `/dev/zero` or a device is refused before a byte is read, and a file that grows is not read past
 * the limit.
 */
function readRegularFile(file: string, maxBytes: number): Uint8Array | string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return `not a regular file (${st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a pipe' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a file'}); only regular files are read`;
    if (st.size > maxBytes) return `the file is ${st.size} bytes, over the limit of ${maxBytes}`;
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, n);
    if (n > maxBytes) return `the file is over the limit of ${maxBytes} bytes`;
    return buf.subarray(0, n);
  } catch (e) {
    return `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  } finally {
    closeSync(fd);
  }
}

/** Reads and validates profile files; one file's failure never stops the next. */
export async function validateProfileFiles(files: readonly string[], validators: ValidatorModule, options: ValidateProfilesOptions = {}): Promise<FileReport[]> {
  const limits = options.limits ?? DEFAULT_PROFILE_LIMITS;
  const reports: FileReport[] = [];
  for (const file of files) {
    const bytes = readRegularFile(file, limits.maxBytes);
    if (typeof bytes === 'string') reports.push({ file, payloads: [], issues: [], error: bytes });
    else reports.push(await validateProfileBytes(file, bytes, validators, options));
  }
  return reports;
}
