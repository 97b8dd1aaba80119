/**
 * `validate` as a library: profile files → one report per file. Validators are the checked-in
 * generated ones, or those generated from any spec directory (compiled once per spec content).
 * Nothing here prints or exits; unreadable files become reports with an `error`.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { plistTypeOf } from '../runtime/plist/index.js';
import { hasErrors, type Diagnostic } from '../model/diagnostics.js';
import { generateFromPages } from '../pipeline.js';
import { readSpec, SpecReadError } from '../parse/read-spec.js';
import { checkProfile, type CheckOptions, type ProfileReport } from './check-profile.js';
import { loadSpecValidators, type ValidatorModule } from './compile-validators.js';
import { DEFAULT_PROFILE_LIMITS, ProfileReadError, readProfile, type ProfileLimits } from './read-profile.js';
import { checkDocument, unknownDocument } from './check-document.js';
import { jsonDepth, jsonKind, looksLikeJson, plistKind, type DocumentKind } from './document-kind.js';
import type { TrustAnchors } from './trust.js';
import { collectFiles } from './collect-files.js';
import { TOP } from './profile-rules.js';
import { applyFilters, findingFilter, type FindingFilters } from './filters.js';
import { ioReason } from './io-reason.js';

export { checkProfile, type CheckOptions, type PayloadReport, type ProfileIssue, type ProfileIssueCode, type ProfileReport } from './check-profile.js';
export { readProfile, ProfileReadError, DEFAULT_PROFILE_LIMITS, type ProfileLimits, type ReadProfile } from './read-profile.js';
export { loadValidators, loadSpecValidators, type ValidatorModule } from './compile-validators.js';
export type { SignerSummary } from './signed-profile.js';
export { readPemCertificates, TrustError, type TrustAnchors } from './trust.js';
export type { DocumentKind } from './document-kind.js';
export { collectFiles, CollectError, DOCUMENT_EXTENSIONS } from './collect-files.js';
export { parseIgnoreRule, readIgnoreRule, type FindingFilters, type IgnoreRule } from './filters.js';

/** A file's report; `error` says why a file could not be read, and then nothing was checked. */
export interface FileReport extends ProfileReport {
  /** What the file is, told from its content; absent when it could not be read. */
  kind?: DocumentKind;
  /** The document's type: a declaration's `Type`, a command's `RequestType`, a message's `MessageType`. */
  documentType?: string;
  error?: string;
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
  /** False for files a directory walk found: a document of unknown kind is then a warning, not an error. */
  named?: boolean;
  /** Keys never reported as unknown, and codes ignored (at paths): see `filters.ts`. */
  filters?: FindingFilters;
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

/** Findings about a signed profile's envelope: a signature that does not match, a signer not trusted. */
function signatureIssues(report: FileReport): void {
  const signed = report.signed;
  if (!signed) return;
  const found: FileReport['issues'] = [];
  if (!signed.signatureValid) {
    found.push({ path: '', payloadType: TOP, code: 'signature-invalid', severity: 'error', message: 'the signature does not match the signed content or the signer\'s certificate: a device refuses this profile' });
  }
  if (signed.chain && !signed.chain.trusted) {
    found.push({ path: '', payloadType: TOP, code: 'signer-untrusted', severity: 'error', message: `the signer is not trusted: ${signed.chain.reason ?? 'no chain to the given anchors'}` });
  }
  report.issues.unshift(...found);
}

/** A declaration's JSON: parsed within the size and depth limits, then routed by kind. */
function validateJson(file: string, bytes: Uint8Array, validators: ValidatorModule, options: ValidateProfilesOptions): FileReport {
  const limits = options.limits ?? DEFAULT_PROFILE_LIMITS;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return { file, payloads: [], issues: [], error: e instanceof TypeError ? 'the JSON is not valid UTF-8' : `malformed JSON (${(e as Error).message})` };
  }
  if (jsonDepth(value, limits.maxDepth) > limits.maxDepth) return { file, payloads: [], issues: [], error: `nesting deeper than ${limits.maxDepth}` };
  const { kind, type } = jsonKind(value);
  if (kind !== 'declaration') return { ...unknownDocument(file, 'JSON', options.named !== false), kind: 'unknown' };
  return { ...checkDocument(file, kind, type, value, validators, options), kind, ...(type !== undefined ? { documentType: type } : {}) };
}

/**
 * Reads and validates one document's bytes: a profile (XML, binary or signed), a declaration
 * (JSON), an MDM command or a check-in message (plists), told apart by their content.
 */
export async function validateDocumentBytes(file: string, bytes: Uint8Array, validators: ValidatorModule, options: ValidateProfilesOptions = {}): Promise<FileReport> {
  const report = await readAndCheck(file, bytes, validators, options);
  return options.filters ? applyFilters(report, findingFilter(options.filters)) : report;
}

async function readAndCheck(file: string, bytes: Uint8Array, validators: ValidatorModule, options: ValidateProfilesOptions): Promise<FileReport> {
  if (looksLikeJson(bytes)) return validateJson(file, bytes, validators, options);
  // One deadline for reading and checking: the time limit covers the whole file.
  const deadline = options.deadline ?? (options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs);
  try {
    const trust = options.trust ? { anchors: options.trust, date: options.now ?? new Date() } : undefined;
    const read = await readProfile(bytes, options.limits ?? DEFAULT_PROFILE_LIMITS, deadline, options.timeoutMs, trust);
    const { kind, type } = plistKind(read.root);
    let report: FileReport;
    if (kind === 'command' || kind === 'check-in') {
      report = { ...checkDocument(file, kind, type, read.root, validators, options), kind, ...(type !== undefined ? { documentType: type } : {}) };
    } else if (kind === 'profile') {
      report = { ...checkProfile(file, read.root, validators, { ...options, deadline }), kind };
    } else {
      const tag = plistTypeOf(read.root);
      report = { ...unknownDocument(file, tag === 'dict' ? 'a plist' : `a plist whose top level is ${tag === 'array' || tag === 'integer' ? 'an' : 'a'} ${tag}`, options.named !== false), kind };
    }
    if (read.signed) report.signed = read.signed;
    signatureIssues(report);
    if (read.trailingNuls) {
      report.issues.unshift({
        path: '', payloadType: TOP, code: 'trailing-bytes', severity: 'warning',
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
    return `cannot read it: ${ioReason(e)}`;
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
    return `cannot read it: ${ioReason(e)}`;
  } finally {
    closeSync(fd);
  }
}

/** Reads and validates one profile's bytes (any document kind: see `validateDocumentBytes`). */
export const validateProfileBytes = validateDocumentBytes;

/** Reads and validates document files; a directory stands for the documents under it (see `collectFiles`). */
export async function validateProfileFiles(files: readonly string[], validators: ValidatorModule, options: ValidateProfilesOptions = {}): Promise<FileReport[]> {
  const limits = options.limits ?? DEFAULT_PROFILE_LIMITS;
  const reports: FileReport[] = [];
  for (const { path: file, named } of collectFiles(files)) {
    const bytes = readRegularFile(file, limits.maxBytes);
    if (typeof bytes === 'string') reports.push({ file, payloads: [], issues: [], error: bytes });
    else reports.push(await validateDocumentBytes(file, bytes, validators, named ? options : { ...options, named }));
  }
  return reports;
}
