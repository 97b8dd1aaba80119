// Copied by dmspec from generator/runtime/validator/index.ts. Do not edit: change that file and run "npm run generate".
import {
  NO_OPTIONS
} from "./types.js";
import { describeValue, isDict, isInteger, isReal, isTaggedReal, own } from "./values.js";
import { at, begin, finish, result, Run, run, test, VALID, verdict } from "./run.js";
import { aboveMaximum, belowMinimum, deprecated, missingKeys, missingRequired, notAllowed, unknownKey, wrongType } from "./report.js";
import { compareVersions, gated } from "./gated.js";
import { routeDocument, routeProfile, union } from "./route.js";
import { carriesResult, routeResponse } from "./response.js";
export {
  NO_OPTIONS,
  Run,
  VALID,
  aboveMaximum,
  at,
  begin,
  belowMinimum,
  carriesResult,
  compareVersions,
  deprecated,
  describeValue,
  finish,
  gated,
  isDict,
  isInteger,
  isReal,
  isTaggedReal,
  missingKeys,
  missingRequired,
  notAllowed,
  own,
  result,
  routeDocument,
  routeProfile,
  routeResponse,
  run,
  test,
  union,
  unknownKey,
  verdict,
  wrongType
};
