/**
 * `validate` as a library: profile files → one report per file. Validators are the checked-in
 * generated ones, or those generated from any spec directory (compiled once per spec content).
 * Nothing here prints or exits; unreadable files become reports with an `error`.
 */
import { readFileSync, statSync } from 'node:fs';
import * as checkedIn from '../../generated/validators/index.js';
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
  try {
    const read = await readProfile(bytes, options.limits ?? DEFAULT_PROFILE_LIMITS);
    const report: FileReport = checkProfile(file, read.root, validators, options);
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
    throw e;
  }
}

/** Reads and validates profile files. */
export async function validateProfileFiles(files: readonly string[], validators: ValidatorModule, options: ValidateProfilesOptions = {}): Promise<FileReport[]> {
  const limits = options.limits ?? DEFAULT_PROFILE_LIMITS;
  const reports: FileReport[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      const size = statSync(file).size;
      if (size > limits.maxBytes) {
        reports.push({ file, payloads: [], issues: [], error: `the file is ${size} bytes, over the limit of ${limits.maxBytes}` });
        continue;
      }
      bytes = readFileSync(file);
    } catch (e) {
      reports.push({ file, payloads: [], issues: [], error: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    reports.push(await validateProfileBytes(file, bytes, validators, options));
  }
  return reports;
}
