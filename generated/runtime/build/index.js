// Copied by dmspec from generator/runtime/build/index.ts. Do not edit: change that file and run "npm run generate".
import { sha1 } from "./sha1.js";
import { COMMAND_NAMESPACE, isUuid, PAYLOAD_NAMESPACE, PROFILE_NAMESPACE, randomUuid, uuidV5 } from "./uuid.js";
import { buildProfile } from "./profile.js";
import { buildCommand } from "./command.js";
export {
  COMMAND_NAMESPACE,
  PAYLOAD_NAMESPACE,
  PROFILE_NAMESPACE,
  buildCommand,
  buildProfile,
  isUuid,
  randomUuid,
  sha1,
  uuidV5
};
