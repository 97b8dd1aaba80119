// Copied by dmspec from generator/runtime/build/uuid.ts. Do not edit: change that file and run "npm run generate".
import { sha1 } from "./sha1.js";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(s) {
  return UUID.test(s);
}
function utf8(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 55296 && c <= 56319 && i + 1 < s.length && (s.charCodeAt(i + 1) & 64512) === 56320) c = 65536 + (c - 55296 << 10) + (s.charCodeAt(++i) - 56320);
    else if (c >= 55296 && c <= 57343) c = 65533;
    if (c < 128) out.push(c);
    else if (c < 2048) out.push(192 | c >> 6, 128 | c & 63);
    else if (c < 65536) out.push(224 | c >> 12, 128 | c >> 6 & 63, 128 | c & 63);
    else out.push(240 | c >> 18, 128 | c >> 12 & 63, 128 | c >> 6 & 63, 128 | c & 63);
  }
  return Uint8Array.from(out);
}
function bytesOf(uuid) {
  if (!isUuid(uuid)) throw new TypeError(`not a UUID: ${JSON.stringify(uuid)}`);
  const hex = uuid.replace(/-/g, "");
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
function textOf(b) {
  const hex = Array.from(b.subarray(0, 16), (x) => x.toString(16).padStart(2, "0")).join("").toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
function stamp(b, version) {
  b[6] = b[6] & 15 | version << 4;
  b[8] = b[8] & 63 | 128;
  return textOf(b);
}
function uuidV5(name, namespace) {
  const ns = bytesOf(namespace);
  const text = utf8(name);
  const input = new Uint8Array(16 + text.length);
  input.set(ns);
  input.set(text, 16);
  return stamp(sha1(input), 5);
}
function randomUuid() {
  const source = globalThis.crypto;
  if (typeof source?.getRandomValues !== "function") throw new Error("no cryptographic random source (crypto.getRandomValues) here: give a CommandUUID or a seed");
  const b = new Uint8Array(16);
  source.getRandomValues(b);
  return stamp(b, 4);
}
const PROFILE_NAMESPACE = "0749F6EF-7FB7-5D6F-90A2-8A1B15B20ED0";
const PAYLOAD_NAMESPACE = "20DD3B36-6CAF-54A0-B891-96DCA77DBD67";
const COMMAND_NAMESPACE = "D01DEDD0-80CD-5298-8215-4FC72D4FEDC2";
export {
  COMMAND_NAMESPACE,
  PAYLOAD_NAMESPACE,
  PROFILE_NAMESPACE,
  isUuid,
  randomUuid,
  uuidV5
};
