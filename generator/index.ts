/**
 * dmspec as a library. Stages: `parseSpecDir` (pages → IR), `emit` (IR → files), and
 * `generate`, the two in a chain. Nothing here prints or exits: results carry diagnostics.
 */
export { parseSpecDir, parsePages, parsePage, detectFlavour, FLAVOURS, type PageCache, type PageInput, type PageResult } from './parse/index.js';
export { readSpecFolder, specFolderOf, specPages, parseManifest, manifestText, SPEC_MANIFEST, type SpecFolder, type SpecManifest, type Supplement, type SupplementInfo, type PrimaryInfo } from './parse/index.js';
export { emit, type EmitOptions, type EmitResult } from './emit/index.js';
export { generate, generateFromPages, writeGenerated, writeGeneratedAsync, checkGenerated, createGenerateCache, type GenerateCache, type GenerateOptions, type GenerateResult } from './pipeline.js';
export { formatDiagnostic, hasErrors, type Diagnostic, type Severity } from './model/diagnostics.js';
export * from './model/ir.js';
export {
  validatorsFor, validateProfileFiles, validateProfileBytes, validateDocumentFiles, validateDocumentBytes, readProfile, checkProfile, ProfileReadError,
  readJson, readJsonBytes, JsonReadError,
  type FileReport, type ProfileReport, type ProfileIssue, type PayloadReport, type ValidateProfilesOptions, type ValidationRun, type SkippedFile,
} from './validate/index.js';
export { textReport, jsonValidationReport, validationExitCode } from './validate/report.js';
export { sarifReport } from './validate/sarif.js';
export {
  diffIr, markdownReport, jsonReport, classify, loadSide, loadGitSide, historyOf, historyMarkdown, historyJson,
  type Change, type ChangeClass, type ChangeKind, type DiffReport, type HistoryReport, type SpecVersion,
} from './diff/index.js';
export { updateSpec, versionBump, bumpVersion, type UpdateSpecOptions, type UpdateSpecResult, type VersionBump } from './update-spec.js';
export { readPackageInfo } from './project-config.js';
export type { PackageInfo } from './emit/package-view.js';
export type { ValidatorModule } from './validate/index.js';
