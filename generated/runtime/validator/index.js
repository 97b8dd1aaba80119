// Copied by dmspec from generator/runtime/validator/index.ts. Do not edit: change that file and run "npm run generate".
import {
  NO_OPTIONS
} from "./types.js";
import { describeValue, dictKind, isDict, isInteger, isReal, isTaggedReal, keyIndex, numberOf, OBJECT_PROTOTYPE, own } from "./values.js";
import { at, begin, budgetSpent, DEPTH_LIMIT, finish, result, Run, run, sharedBudget, test, VALID, VALUE_LIMIT, verdict } from "./run.js";
import {
  aboveMaximum,
  belowMinimum,
  deprecated,
  dictItems,
  enterDict,
  enterItems,
  enterValue,
  flag,
  missingKeys,
  missingRequired,
  notAllowed,
  notBoolean,
  notDictionary,
  notInteger,
  notString,
  notStrings,
  stringItems,
  unknownKey,
  unknownKeys,
  wrongType
} from "./report.js";
import { enrollmentOf, missingOneOf, missingWhen } from "./required.js";
import { KEY_SEVERITY, PAYLOAD_SEVERITY, severityOf } from "./severity.js";
import { closest, editDistance } from "./suggest.js";
import { availabilityFacts, availabilityOf, compareVersions, gated } from "./gated.js";
import { plainOptions } from "./guard.js";
import { routeDocument, routeProfile } from "./route.js";
import { union } from "./shared.js";
import { carriesResult, routeResponse } from "./response.js";
export {
  DEPTH_LIMIT,
  KEY_SEVERITY,
  NO_OPTIONS,
  OBJECT_PROTOTYPE,
  PAYLOAD_SEVERITY,
  Run,
  VALID,
  VALUE_LIMIT,
  aboveMaximum,
  at,
  availabilityFacts,
  availabilityOf,
  begin,
  belowMinimum,
  budgetSpent,
  carriesResult,
  closest,
  compareVersions,
  deprecated,
  describeValue,
  dictItems,
  dictKind,
  editDistance,
  enrollmentOf,
  enterDict,
  enterItems,
  enterValue,
  finish,
  flag,
  gated,
  isDict,
  isInteger,
  isReal,
  isTaggedReal,
  keyIndex,
  missingKeys,
  missingOneOf,
  missingRequired,
  missingWhen,
  notAllowed,
  notBoolean,
  notDictionary,
  notInteger,
  notString,
  notStrings,
  numberOf,
  own,
  plainOptions,
  result,
  routeDocument,
  routeProfile,
  routeResponse,
  run,
  severityOf,
  sharedBudget,
  stringItems,
  test,
  union,
  unknownKey,
  unknownKeys,
  verdict,
  wrongType
};
