// Copied by dmspec from generator/runtime/validator/index.ts. Do not edit: change that file and run "npm run generate".
import {
  NO_OPTIONS
} from "./types.js";
import { describeValue, isDict, isInteger, isReal, isTaggedReal, numberOf, own } from "./values.js";
import { at, begin, finish, result, Run, run, test, VALID, verdict } from "./run.js";
import { aboveMaximum, belowMinimum, deprecated, flag, missingKeys, missingRequired, notAllowed, unknownKey, wrongType } from "./report.js";
import { enrollmentOf, missingOneOf, missingWhen } from "./required.js";
import { KEY_SEVERITY, PAYLOAD_SEVERITY, severityOf } from "./severity.js";
import { closest, editDistance } from "./suggest.js";
import { compareVersions, gated } from "./gated.js";
import { plainOptions } from "./guard.js";
import { routeDocument, routeProfile, union } from "./route.js";
import { carriesResult, routeResponse } from "./response.js";
export {
  KEY_SEVERITY,
  NO_OPTIONS,
  PAYLOAD_SEVERITY,
  Run,
  VALID,
  aboveMaximum,
  at,
  begin,
  belowMinimum,
  carriesResult,
  closest,
  compareVersions,
  deprecated,
  describeValue,
  editDistance,
  enrollmentOf,
  finish,
  flag,
  gated,
  isDict,
  isInteger,
  isReal,
  isTaggedReal,
  missingKeys,
  missingOneOf,
  missingRequired,
  missingWhen,
  notAllowed,
  numberOf,
  own,
  plainOptions,
  result,
  routeDocument,
  routeProfile,
  routeResponse,
  run,
  severityOf,
  test,
  union,
  unknownKey,
  verdict,
  wrongType
};
