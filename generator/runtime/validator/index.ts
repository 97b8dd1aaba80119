/**
 * The validator runtime: the helpers every generated validator calls, and the validators' public
 * types. Generated `validators/index.js` imports this module and re-exports it whole, so what it
 * exports is public API (and every exported name is reserved: no object's identifier takes it).
 *
 * - `types.ts` — options, issues, results, the per-key facts of option-dependent checks
 * - `values.ts` — own keys, dictionaries, plist integers and reals, values described for messages
 * - `run.ts` — one validation's state, pooled; findings kept raw, issues built when first read
 * - `report.ts` — one reporter per finding code, called by generated check functions
 * - `required.ts` — requirements in conditions: an enrollment, a platform, another key's value
 * - `severity.ts` — each finding code's severity, from what a device does with it
 * - `suggest.ts` — the key or payload type a misspelt name most likely meant
 * - `gated.ts` — availability by platform and version, supervision, version comparison
 * - `shared.ts` — a type several pages share (`com.apple.extensiblesso`), judged against the page it matches best
 * - `route.ts` — whole documents: profiles, routed documents
 * - `guard.ts` — when `is<Name>` may run its pure guard
 * - `response.ts` — command responses, by the request type of the command they answer
 */
export {
  NO_OPTIONS,
  type Dict, type Enrollment, type IssueCode, type JudgedAgainst, type KeyFacts, type Platform, type SupervisionFacts,
  type ValidateOptions, type ValidationIssue, type ValidationResult, type Validator,
} from './types.js';
export { describeValue, dictKind, isDict, isInteger, isReal, isTaggedReal, keyIndex, numberOf, OBJECT_PROTOTYPE, own, type TaggedReal } from './values.js';
export { at, begin, budgetSpent, DEPTH_LIMIT, finish, result, Run, run, sharedBudget, test, VALID, VALUE_LIMIT, verdict } from './run.js';
export {
  aboveMaximum, belowMinimum, deprecated, dictItems, enterDict, enterItems, enterValue, flag, missingKeys, missingRequired, notAllowed, notBoolean, notDictionary, notInteger, notString, notStrings,
  stringItems, unknownKey, unknownKeys, wrongType,
} from './report.js';
export { enrollmentOf, missingOneOf, missingWhen } from './required.js';
export { KEY_SEVERITY, PAYLOAD_SEVERITY, severityOf, type DeviceAction, type SeverityRule } from './severity.js';
export { closest, editDistance } from './suggest.js';
export { availabilityFacts, availabilityOf, compareVersions, gated } from './gated.js';
export { plainOptions } from './guard.js';
export { routeDocument, routeProfile, type DocumentRoute } from './route.js';
export { union, type SharedPage } from './shared.js';
export { carriesResult, routeResponse, type ResponseRoute } from './response.js';
