// Copied by dmspec from generator/runtime/build/command.ts. Do not edit: change that file and run "npm run generate".
import { nameUuid } from "../uuid/name-uuid.js";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(s) {
  return typeof s === "string" && UUID.test(s);
}
function randomUuid() {
  const source = globalThis.crypto;
  if (typeof source?.getRandomValues !== "function") throw new Error("no cryptographic random source (crypto.getRandomValues) here: give a CommandUUID or a seed");
  const b = source.getRandomValues(new Uint8Array(16));
  b[6] = b[6] & 15 | 64;
  b[8] = b[8] & 63 | 128;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("").toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
function commandUuid(seed) {
  return nameUuid(`command/${seed}`);
}
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
  const uuid = given ?? (options.seed !== void 0 ? commandUuid(options.seed) : randomUuid());
  return { Command: command, CommandUUID: uuid };
}
export {
  buildCommand,
  commandUuid,
  isUuid,
  randomUuid
};
