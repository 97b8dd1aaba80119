// Copied by dmspec from generator/runtime/build/index.ts. Do not edit: change that file and run "npm run generate".
import { buildProfile, payloadUuid, profileUuid } from "./profile.js";
import { buildCommand, commandUuid, isUuid, randomUuid } from "./command.js";
import { checked, DocumentError } from "./checked.js";
import { readCheckInWith, readResponseWith } from "./read.js";
export {
  DocumentError,
  buildCommand,
  buildProfile,
  checked,
  commandUuid,
  isUuid,
  payloadUuid,
  profileUuid,
  randomUuid,
  readCheckInWith,
  readResponseWith
};
