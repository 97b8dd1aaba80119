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
  position;
  reason;
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
const quoted = (s) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}\u2026` : s);
class PlistBudget {
  constructor(limits = DEFAULT_BUDGET_LIMITS, deadline = Infinity, timeoutMs) {
    this.deadline = deadline;
    this.timeoutMs = timeoutMs;
    this.limits = { ...DEFAULT_BUDGET_LIMITS, ...limits };
  }
  deadline;
  timeoutMs;
  #nodes = 0;
  #bytes = 0;
  limits;
  /** The input's size, checked before anything is decoded. */
  input(size, unit) {
    if (size > this.limits.maxBytes) throw new PlistError(`the input is ${fmt(size)} ${unit}, over the limit of ${fmt(this.limits.maxBytes)}`);
  }
  /** One more value at nesting `depth` (the root is 0). */
  node(depth) {
    if (depth > this.limits.maxDepth) throw new PlistError(`nesting deeper than ${this.limits.maxDepth} levels`);
    if (++this.#nodes > this.limits.maxNodes) {
      throw new PlistError(`more than ${fmt(this.limits.maxNodes)} values (shared references count each time they are reached)`);
    }
    if ((this.#nodes & 1023) === 0) this.checkTime();
  }
  /** A string or key of `length` characters. */
  string(length) {
    if (length > this.limits.maxStringLength) throw new PlistError(`a string of ${fmt(length)} characters, over the limit of ${fmt(this.limits.maxStringLength)}`);
    this.#total(length * 2);
  }
  /** A data value of `length` bytes. */
  data(length) {
    if (length > this.limits.maxDataBytes) throw new PlistError(`a data value of ${fmt(length)} bytes, over the limit of ${fmt(this.limits.maxDataBytes)}`);
    this.#total(length);
  }
  #total(n) {
    this.#bytes += n;
    if (this.#bytes > this.limits.maxTotalBytes) throw new PlistError(`more than ${fmt(this.limits.maxTotalBytes)} bytes of strings and data`);
  }
  /** Throws PlistTimeoutError once the deadline has passed. */
  checkTime() {
    if (Date.now() > this.deadline) throw new PlistTimeoutError(`stopped after ${this.timeoutMs ?? "the"} ms time limit`);
  }
}
export {
  DEFAULT_BUDGET_LIMITS,
  PlistBudget,
  PlistError,
  PlistTimeoutError,
  quoted
};
