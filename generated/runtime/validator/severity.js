// Copied by dmspec from generator/runtime/validator/severity.ts. Do not edit: change that file and run "npm run generate".
const refuses = { device: "refuses", severity: "error" };
const ignores = { device: "ignores", severity: "warning" };
const installs = { device: "installs", severity: "warning" };
const KEY_SEVERITY = Object.freeze({
  "missing-required": refuses,
  "wrong-type": refuses,
  "not-allowed": refuses,
  "below-minimum": refuses,
  "above-maximum": refuses,
  // `strict` makes it an error: a policy of the caller, not what the device does.
  "unknown-key": ignores,
  "unavailable-on-platform": ignores,
  deprecated: installs,
  "requires-supervision": ignores,
  "not-in-user-enrollment": ignores,
  "unknown-type": installs,
  // A value nested past any plist's depth (one that contains itself) or too large to check: no
  // property list holds it, so no device installs it; and it is not checked, so it cannot pass.
  "limit-exceeded": refuses
});
const PAYLOAD_SEVERITY = Object.freeze({
  "unavailable-on-platform": refuses,
  "requires-supervision": refuses,
  "not-in-user-enrollment": refuses,
  // A payload type no page defines that is one edit from Apple's: most likely a typo, which a
  // device would not recognise; warned, with the likely name, since third-party types are valid.
  "unknown-type": installs
});
function severityOf(code, scope = "key") {
  return (scope === "payload" ? PAYLOAD_SEVERITY[code] : void 0)?.severity ?? KEY_SEVERITY[code].severity;
}
export {
  KEY_SEVERITY,
  PAYLOAD_SEVERITY,
  severityOf
};
