/**
 * One document's bytes → its report: read (a plist of any format, or JSON), told apart by kind,
 * checked by the generated validators, filtered. A document that cannot be read is an error
 * finding of its file (`malformed`, or `timeout` when the time limit stopped the reading), with
 * the reader's position when it knows one. A file a directory walk found that is no
 * device-management document at all (a `tsconfig.json`, a `pom.xml`, an app's `Info.plist`) is
 * marked `skipped`, not reported: only a file named on the command line, or a `.mobileconfig`,
 * is always reported.
 */
import { extname } from 'node:path';
import { plistTypeOf, type PlistValue } from '../runtime/plist/index.js';
import { checkProfile, type ProfileIssue } from './check-profile.js';
import type { ValidatorModule } from './compile-validators.js';
import { DEFAULT_PROFILE_LIMITS, ProfileReadError, readProfile } from './read-profile.js';
import { checkDocument, uncheckedResponse, unknownDocument } from './check-document.js';
import { asDict, declarationKeys, isDeclarationArray, jsonKind, looksLikeJson, plistKind, shapeOf, stringAt } from './document-kind.js';
import { checkDeclarationSet, type SetMember } from './declaration-set.js';
import { TOP } from './profile-rules.js';
import { applyFilters, findingFilter } from './filters.js';
import { JsonReadError, readJsonBytes } from './read-json.js';
import { plistTree, resolvePath, type KeyTree } from './key-path.js';
import { jsonPlaces, placeIssues, plistPlaces, type DocumentPlaces } from './places.js';
import type { FileReport, ValidateProfilesOptions } from './index.js';
import { notRegularReason, type CollectedFile } from './collect-files.js';
import { isFileProblem, readRegularFile } from './read-file.js';

/** The report of a file that could not be read as a document: one error finding, placed where the reader stopped. */
export function unreadable(file: string, message: string, at: { line?: number; column?: number; byteOffset?: number; timeout?: boolean } = {}): FileReport {
  const issue: ProfileIssue = {
    path: '', payloadType: '', code: at.timeout ? 'timeout' : 'malformed', severity: 'error',
    message: at.timeout ? `${message}; nothing in the file was checked` : message,
    ...(at.line !== undefined ? { line: at.line, column: at.column ?? 1 } : at.byteOffset !== undefined ? { byteOffset: at.byteOffset } : {}),
  };
  return { file, payloads: [], issues: [issue] };
}

/** A walk's file that is no device-management document: not reported, counted with its reason. */
function skipped(file: string, reason: string): FileReport {
  return { file, payloads: [], issues: [], skipped: reason };
}

/** Always reported: named on the command line, or named like a profile. */
function reported(file: string, options: ValidateProfilesOptions): boolean {
  return options.named !== false || extname(file).toLowerCase() === '.mobileconfig';
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

function ambiguous(file: string, looks: readonly string[]): FileReport {
  return {
    file, kind: 'unknown', payloads: [],
    issues: [{ path: '', payloadType: '', code: 'ambiguous-document', severity: 'error', message: `the document looks like ${looks.join(' and like ')}: not checked as either` }],
  };
}

/** A report, and the document's key tree when it was read (for paths, and positions where the reader gives them). */
interface Checked {
  report: FileReport;
  tree?: () => KeyTree;
  /** Where each value is, when the reader keeps positions. */
  places?: DocumentPlaces;
  /** The declaration a JSON file holds: a directory's declarations are also checked as a set. */
  declaration?: unknown;
}

/** A JSON array of declarations: each checked, then all of them as one set. */
function declarationArray(file: string, items: readonly unknown[], validators: ValidatorModule, options: ValidateProfilesOptions): FileReport {
  const report: FileReport = { file, payloads: [], issues: [], kind: 'declaration-set' };
  const members: SetMember[] = items.map((item, i) => {
    const one = checkDocument(file, 'declaration', jsonKind(item).type, item, validators, options);
    for (const issue of one.issues) report.issues.push({ ...issue, path: issue.path === '' ? `[${i}]` : `[${i}].${issue.path}` });
    return { report, prefix: `[${i}]`, value: item };
  });
  checkDeclarationSet(members, validators);
  return report;
}

/** A declaration's JSON (or an array of declarations), read within the budget, then routed by kind. */
function validateJson(file: string, bytes: Uint8Array, validators: ValidatorModule, options: ValidateProfilesOptions, deadline: number): Checked {
  let doc;
  try {
    doc = readJsonBytes(bytes, { limits: options.limits ?? DEFAULT_PROFILE_LIMITS, deadline, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
  } catch (e) {
    if (!(e instanceof JsonReadError)) throw e;
    // A walk reports JSON it cannot read only when what was read names a declaration.
    if (!reported(file, options) && !declarationKeys(e.topKeys)) return { report: skipped(file, 'JSON that cannot be read and names no declaration') };
    return { report: unreadable(file, e.message, { line: e.line, column: e.column, timeout: e.message.startsWith('reading stopped') }) };
  }
  const { value, root } = doc;
  if (isDeclarationArray(value)) return { report: declarationArray(file, value, validators, options), tree: () => root, places: jsonPlaces(doc) };
  const { kind, type } = jsonKind(value);
  if (kind === 'status-report') return { report: { ...checkDocument(file, kind, 'StatusReport', value, validators, options), kind, documentType: 'StatusReport' }, tree: () => root, places: jsonPlaces(doc) };
  if (kind !== 'declaration') {
    return { report: reported(file, options) ? { ...unknownDocument(file, 'JSON', options.named !== false), kind: 'unknown' } : skipped(file, 'JSON that is no declaration') };
  }
  return { report: { ...checkDocument(file, kind, type, value, validators, options), kind, ...(type !== undefined ? { documentType: type } : {}) }, tree: () => root, places: jsonPlaces(doc), declaration: value };
}

/** A command response as devices send it: a dictionary with `CommandUUID` and `Status` strings. */
function looksLikeResponse(root: PlistValue): boolean {
  const d = asDict(root);
  return d !== undefined && stringAt(d, 'CommandUUID') !== undefined && stringAt(d, 'Status') !== undefined;
}

/** A plist of any format: a profile, a command or a check-in message. */
async function validatePlist(file: string, bytes: Uint8Array, validators: ValidatorModule, options: ValidateProfilesOptions, deadline: number): Promise<Checked> {
  let read;
  try {
    const trust = options.trust ? { anchors: options.trust, date: options.now ?? new Date() } : undefined;
    read = await readProfile(bytes, options.limits ?? DEFAULT_PROFILE_LIMITS, deadline, options.timeoutMs, trust);
  } catch (e) {
    if (e instanceof ProfileReadError) return { report: unreadable(file, e.message, { timeout: e.timeout, ...e.at }) };
    throw e;
  }
  const verdict = plistKind(read.root);
  let report: FileReport;
  if (verdict.ambiguous) {
    report = ambiguous(file, verdict.ambiguous);
  } else if (verdict.kind === 'command' || verdict.kind === 'check-in') {
    report = { ...checkDocument(file, verdict.kind, verdict.type, read.root, validators, options), kind: verdict.kind, ...(verdict.type !== undefined ? { documentType: verdict.type } : {}) };
  } else if (verdict.kind === 'profile') {
    report = { ...checkProfile(file, read.root, validators, { ...options, deadline }), kind: 'profile' };
  } else if (!reported(file, options)) {
    return { report: skipped(file, 'a plist that is no device-management document') };
  } else if (looksLikeResponse(read.root)) {
    report = { ...uncheckedResponse(file), kind: 'unknown' };
  } else {
    const tag = plistTypeOf(read.root);
    const what = tag === 'dict' ? 'a plist' : `a plist whose top level is ${tag === 'array' || tag === 'integer' ? 'an' : 'a'} ${tag}`;
    report = { ...unknownDocument(file, what, options.named !== false), kind: 'unknown' };
  }
  if (read.signed) report.signed = read.signed;
  signatureIssues(report);
  if (read.trailingNuls) {
    report.issues.unshift({ path: '', payloadType: TOP, code: 'trailing-bytes', severity: 'warning', message: `${read.trailingNuls} NUL bytes follow the plist's closing tag`, ...read.trailingAt });
  }
  const { root, positions } = read;
  let tree: KeyTree | undefined;
  const keys = (): KeyTree => (tree ??= plistTree(root));
  // A signed profile's plist is inside its envelope: its lines are not the file's.
  return read.signed ? { report, tree: keys } : { report, tree: keys, places: plistPlaces(positions) };
}

/**
 * Reads and validates one document's bytes: a profile (XML, binary or signed), a declaration
 * (JSON), an MDM command or a check-in message (plists), told apart by their content.
 */
export async function validateDocumentBytes(file: string, bytes: Uint8Array, validators: ValidatorModule, options: ValidateProfilesOptions = {}): Promise<FileReport> {
  const checked = await checkDocumentBytes(file, bytes, validators, options);
  return checked.finish(checked.report);
}

/** A document's report before filters and positions, its declaration if it holds one, and how to finish the report. */
export interface CheckedDocument {
  report: FileReport;
  declaration?: unknown;
  /** Filters the report's findings and places them in the file: done once all findings are in (a set's too). */
  finish: (report: FileReport) => FileReport;
}

/** `validateDocumentBytes` in two steps, so a directory's set checks add their findings before filters and positions. */
export async function checkDocumentBytes(file: string, bytes: Uint8Array, validators: ValidatorModule, options: ValidateProfilesOptions = {}): Promise<CheckedDocument> {
  const { report, tree, places, declaration } = await readAndCheck(file, bytes, validators, options);
  const finish = (r: FileReport): FileReport => {
    if (!tree) return r;
    const filtered = options.filters ? applyFilters(r, findingFilter(options.filters), (path) => resolvePath(path, tree()).segments) : r;
    return places ? { ...filtered, issues: placeIssues(filtered.issues, places) } : filtered;
  };
  return declaration !== undefined ? { report, declaration, finish } : { report, finish };
}

async function readAndCheck(file: string, bytes: Uint8Array, validators: ValidatorModule, options: ValidateProfilesOptions): Promise<Checked> {
  // A file always reported needs only to be told JSON from plist; a walk's file is looked at closer.
  const shape = reported(file, options) ? (looksLikeJson(bytes) ? 'json' : 'plist') : shapeOf(bytes);
  if (shape === 'xml' || shape === 'other') return { report: skipped(file, shape === 'xml' ? 'XML that is not a plist' : 'neither a plist nor JSON') };
  if (bytes.length === 0) return { report: unreadable(file, 'the file is empty') };
  // One deadline for reading and checking: the time limit covers the whole file.
  const deadline = options.deadline ?? (options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs);
  try {
    if (shape === 'json') return validateJson(file, bytes, validators, options, deadline);
    return await validatePlist(file, bytes, validators, options, deadline);
  } catch (e) {
    // A failure inside checking (a stack overflow, memory) is this file's error; the run goes on.
    return { report: unreadable(file, `the file could not be checked (${(e as Error).name}: ${(e as Error).message})`) };
  }
}

/**
 * A file the run collected, read and checked. A file a walk listed that is no regular file when
 * it is opened (it became a pipe or a device since) is skipped as the walk skips one it sees
 * so: what is reported never depends on when the file changed.
 */
export async function checkCollectedFile(c: CollectedFile, validators: ValidatorModule, options: ValidateProfilesOptions, maxBytes: number): Promise<CheckedDocument> {
  const { path: file } = c;
  const found = { ...options, named: c.named && options.named !== false };
  const bytes = readRegularFile(file, { maxBytes });
  const as = (report: FileReport): CheckedDocument => ({ report, finish: (r) => r });
  if (!isFileProblem(bytes)) return checkDocumentBytes(file, bytes, validators, found);
  if (bytes.notRegular !== undefined && !found.named) return as({ file, payloads: [], issues: [], skipped: notRegularReason(bytes.notRegular) });
  if (bytes.kind === 'io') return as({ file, payloads: [], issues: [], error: bytes.message });
  if (reported(file, found)) return as(unreadable(file, bytes.message));
  return as({ file, payloads: [], issues: [], skipped: `${bytes.message}, and not named like a profile` });
}
