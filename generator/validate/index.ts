/**
 * `validate` as a library: profile files → one report per file. Validators are the checked-in
 * generated ones, or those generated from any spec directory (compiled once per spec content).
 * Nothing here prints or exits: a file that is no readable document gets an error finding, one
 * dmspec could not read at all a report with an `error`.
 */
import { hasErrors, type Diagnostic } from '../model/diagnostics.js';
import { generateFromPages } from '../pipeline.js';
import { readSpec, SpecReadError } from '../parse/read-spec.js';
import type { CheckOptions, ProfileReport } from './check-profile.js';
import { loadSpecValidators, type ValidatorModule } from './compile-validators.js';
import { DEFAULT_PROFILE_LIMITS, type ProfileLimits } from './read-profile.js';
import type { DocumentKind } from './document-kind.js';
import type { TrustAnchors } from './trust.js';
import { collectDocuments, type ExcludeRule, type SkippedFile } from './collect-files.js';
import type { FindingFilters } from './filters.js';
import { checkCollectedFile, validateDocumentBytes, type CheckedDocument } from './validate-document.js';
import { checkDeclarationSet, type SetMember } from './declaration-set.js';

export { checkProfile, type CheckOptions, type PayloadReport, type ProfileIssue, type ProfileIssueCode, type ProfileReport } from './check-profile.js';
export { readProfile, ProfileReadError, DEFAULT_PROFILE_LIMITS, type ProfileLimits, type ReadProfile } from './read-profile.js';
export { loadValidators, loadSpecValidators, type ValidatorModule } from './compile-validators.js';
export type { SignerSummary } from './signed-profile.js';
export { readPemCertificates, TrustError, type TrustAnchors } from './trust.js';
export type { DocumentKind } from './document-kind.js';
export { collectFiles, collectDocuments, CollectError, DOCUMENT_EXTENSIONS, type ExcludeRule, type SkippedFile } from './collect-files.js';
export { parseIgnoreRule, readIgnoreRule, type FindingFilters, type IgnoreRule } from './filters.js';
export { validateDocumentBytes } from './validate-document.js';
export { readJson, readJsonBytes, JsonReadError, type JsonDocument, type JsonNode } from './read-json.js';

/** A file's report; a file that is not a readable document has one `malformed` (or `timeout`) error finding. */
export interface FileReport extends ProfileReport {
  /** What the file is, told from its content; absent when it could not be read. */
  kind?: DocumentKind;
  /** The document's type: a declaration's `Type`, a command's `RequestType`, a message's `MessageType`. */
  documentType?: string;
  /** dmspec could not read the file (it is missing, not a regular file, not readable): nothing was checked. */
  error?: string;
  /** Set when a directory walk found the file and it is no device-management document: why it is not reported. */
  skipped?: string;
}

export interface ValidateProfilesOptions extends CheckOptions {
  /** A spec directory to validate against instead of the checked-in validators. */
  spec?: string;
  /** Where compiled validators are cached (default: `$XDG_CACHE_HOME/dmspec/validators`, else `~/.cache/dmspec/validators`); must be private to the user. */
  cacheDir?: string;
  limits?: ProfileLimits;
  /** Anchors to verify signers' chains to; without them the chain is not checked. */
  trust?: TrustAnchors;
  /** The date signers' certificates are checked at (default: now). */
  now?: Date;
  /** False for files a directory walk found: a file that is no device-management document is then skipped (a `.mobileconfig` of unknown kind is a warning). */
  named?: boolean;
  /** Keys never reported as unknown, and codes ignored (at paths): see `filters.ts`. */
  filters?: FindingFilters;
  /** Files and folders a directory walk leaves out (see `collect-files.ts`). */
  exclude?: readonly ExcludeRule[];
}

export interface ValidatorsResult {
  validators?: ValidatorModule;
  /** The spec's diagnostics when `spec` was given; errors mean no validators. */
  diagnostics: Diagnostic[];
}

/** The checked-in validators, or those of `options.spec`. */
export async function validatorsFor(options: Pick<ValidateProfilesOptions, 'spec' | 'cacheDir'> = {}): Promise<ValidatorsResult> {
  // Loaded on first use: the checked-in validators are megabytes of code a run with --spec never needs.
  if (options.spec === undefined) return { validators: (await import('@dmspec/apple')) as ValidatorModule, diagnostics: [] };
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

/** Reads and validates one profile's bytes (any document kind: see `validateDocumentBytes`). */
export const validateProfileBytes = validateDocumentBytes;

/** The reports of a run, the files its walks found and did not report, and the paths `exclude` left out. */
export interface ValidationRun {
  reports: FileReport[];
  skipped: SkippedFile[];
  excluded: string[];
}

/**
 * Reads and validates document files; a directory stands for the documents under it (see
 * `collectFiles`), of which only device-management documents are reported. The declarations
 * under one directory are also checked as a set (`declaration-set.ts`).
 */
export async function validateDocumentFiles(files: readonly string[], validators: ValidatorModule, options: ValidateProfilesOptions = {}): Promise<ValidationRun> {
  const limits = options.limits ?? DEFAULT_PROFILE_LIMITS;
  const collected = collectDocuments(files, options.exclude ? { exclude: options.exclude } : {});
  const run: ValidationRun = { reports: [], skipped: [...collected.skipped], excluded: collected.excluded };
  const checked: CheckedDocument[] = [];
  const sets = new Map<string, SetMember[]>();
  for (const c of collected.files) {
    const one = await checkCollectedFile(c, validators, options, limits.maxBytes);
    const { path: file, root } = c;
    if (one.report.skipped !== undefined) {
      run.skipped.push({ file, reason: one.report.skipped });
      continue;
    }
    checked.push(one);
    if (root !== undefined && one.declaration !== undefined) {
      const set = sets.get(root) ?? [];
      set.push({ report: one.report, prefix: '', value: one.declaration });
      sets.set(root, set);
    }
  }
  for (const members of sets.values()) checkDeclarationSet(members, validators);
  run.reports = checked.map((c) => c.finish(c.report));
  return run;
}

/** The reports of `validateDocumentFiles`, without the files it skipped. */
export async function validateProfileFiles(files: readonly string[], validators: ValidatorModule, options: ValidateProfilesOptions = {}): Promise<FileReport[]> {
  return (await validateDocumentFiles(files, validators, options)).reports;
}
