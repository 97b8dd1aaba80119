// Copied by dmspec from generator/runtime/build/profile.ts. Do not edit: change that file and run "npm run generate".
import { nameUuid } from "../uuid/name-uuid.js";
function isDict(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);
}
function has(d, key) {
  return Object.prototype.hasOwnProperty.call(d, key) && d[key] !== void 0;
}
function copy(from) {
  const out = {};
  for (const key of Object.keys(from)) Object.defineProperty(out, key, { value: from[key], enumerable: true, writable: true, configurable: true });
  return out;
}
function profileUuid(identifier) {
  return nameUuid(`profile/${identifier}`);
}
function payloadUuid(identifier) {
  return nameUuid(`payload/${identifier}`);
}
function buildProfile(input, fixed) {
  if (!isDict(input)) throw new TypeError("createProfile takes a dictionary of the profile's keys");
  const id = input["PayloadIdentifier"];
  if (typeof id !== "string" || id === "") throw new TypeError("createProfile needs the profile's PayloadIdentifier (a string): its UUID is named by it");
  const content = input["PayloadContent"];
  if (!Array.isArray(content)) throw new TypeError("createProfile needs PayloadContent, an array of payloads");
  const profile = copy(input);
  if (!has(profile, "PayloadType") && fixed.profile.PayloadType !== void 0) profile["PayloadType"] = fixed.profile.PayloadType;
  if (!has(profile, "PayloadVersion") && fixed.profile.PayloadVersion !== void 0) profile["PayloadVersion"] = fixed.profile.PayloadVersion;
  if (!has(profile, "PayloadUUID")) profile["PayloadUUID"] = profileUuid(id);
  const seen = /* @__PURE__ */ new Map();
  profile["PayloadContent"] = content.map((item, i) => {
    if (!isDict(item)) throw new TypeError(`PayloadContent[${i}] is not a dictionary`);
    const type = item["PayloadType"];
    if (typeof type !== "string" || type === "") throw new TypeError(`PayloadContent[${i}] needs its PayloadType (a string)`);
    const payload = copy(item);
    if (!has(payload, "PayloadIdentifier")) {
      const n = (seen.get(type) ?? 0) + 1;
      seen.set(type, n);
      payload["PayloadIdentifier"] = n === 1 ? `${id}.${type}` : `${id}.${type}.${n}`;
    }
    const pid = payload["PayloadIdentifier"];
    if (!has(payload, "PayloadUUID") && typeof pid === "string") payload["PayloadUUID"] = payloadUuid(pid);
    if (!has(payload, "PayloadVersion") && fixed.payload.PayloadVersion !== void 0) payload["PayloadVersion"] = fixed.payload.PayloadVersion;
    return payload;
  });
  return profile;
}
export {
  buildProfile,
  payloadUuid,
  profileUuid
};
