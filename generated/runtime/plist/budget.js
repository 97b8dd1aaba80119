// Copied by dmspec from generator/runtime/plist/budget.ts. Do not edit: change that file and run "npm run generate".
const DEFAULT_BUDGET_LIMITS = Object.freeze({
  maxBytes: 16 * 1024 * 1024,
  maxNodes: 1e5,
  maxDepth: 64,
  maxStringLength: 1e6,
  maxDataBytes: 16 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024
});
class PlistError extends Error {
  name = "PlistError";
  constructor(message, position, reason = message) {
    super(message);
    this.position = position;
    this.reason = reason;
  }
}
class PlistTimeoutError extends PlistError {
  name = "PlistTimeoutError";
}
const fmt = (n) => n.toLocaleString("en-US");
const clip = (s, n = 60) => s.length > n ? `${s.slice(0, n)}\u2026` : s;
const quoted = (s, n = 40) => JSON.stringify(clip(s, n));
const raise = (message) => {
  throw new PlistError(message);
};
const over = (what, limit) => raise(`${what}, over the limit of ${fmt(limit)}`);
const plistBudget = (options) => {
  const stop = options.deadline ?? (options.timeoutMs === void 0 ? Infinity : Date.now() + options.timeoutMs);
  const all = { ...DEFAULT_BUDGET_LIMITS, ...options.limits };
  const { timeoutMs } = options;
  const { maxBytes, maxNodes, maxDepth, maxStringLength, maxDataBytes, maxTotalBytes } = all;
  let nodes = 0;
  let bytes = 0;
  const total = (n) => {
    bytes += n;
    if (bytes > maxTotalBytes) raise(`more than ${fmt(maxTotalBytes)} bytes of strings and data`);
  };
  return [
    all,
    (size, unit) => {
      if (size > maxBytes) over(`the input is ${fmt(size)} ${unit}`, maxBytes);
    },
    (depth) => {
      if (depth > maxDepth) raise(`nesting deeper than ${maxDepth} levels`);
      if (++nodes > maxNodes) raise(`more than ${fmt(maxNodes)} values (shared references count each time they are reached)`);
      if (!(nodes & 1023) && Date.now() > stop) throw new PlistTimeoutError(`stopped after ${timeoutMs ?? "the"} ms time limit`);
    },
    (length) => {
      if (length > maxStringLength) over(`a string of ${fmt(length)} characters`, maxStringLength);
      total(length * 2);
    },
    (length) => {
      if (length > maxDataBytes) over(`a data value of ${fmt(length)} bytes`, maxDataBytes);
      total(length);
    }
  ];
};
export {
  DEFAULT_BUDGET_LIMITS,
  PlistError,
  PlistTimeoutError,
  clip,
  fmt,
  plistBudget,
  quoted,
  raise
};
