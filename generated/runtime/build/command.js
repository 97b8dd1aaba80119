// Copied by dmspec from generator/runtime/build/command.ts. Do not edit: change that file and run "npm run generate".
import { COMMAND_NAMESPACE, isUuid, randomUuid, uuidV5 } from "./uuid.js";
function buildCommand(requestType, fields = {}, options = {}) {
  if (typeof requestType !== "string" || requestType === "") throw new TypeError("createCommand needs the request type (a string)");
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new TypeError("createCommand takes the command's keys as a dictionary");
  const given = options.CommandUUID;
  if (given !== void 0 && !isUuid(given)) throw new TypeError(`CommandUUID ${JSON.stringify(given)} is not a UUID`);
  const command = { RequestType: requestType };
  for (const key of Object.keys(fields)) {
    if (key === "RequestType") continue;
    Object.defineProperty(command, key, { value: fields[key], enumerable: true, writable: true, configurable: true });
  }
  const uuid = given ?? (options.seed !== void 0 ? uuidV5(options.seed, COMMAND_NAMESPACE) : randomUuid());
  return { Command: command, CommandUUID: uuid };
}
export {
  buildCommand
};
