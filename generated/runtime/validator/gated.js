// Copied by dmspec from generator/runtime/validator/gated.ts. Do not edit: change that file and run "npm run generate".
import { add, error, pathOf } from "./run.js";
import { severityOf } from "./severity.js";
function availabilityOf(text) {
  const out = {};
  for (const entry of text.split(",")) {
    const fields = entry.split(/(?=[:~!+-])/);
    const a = {};
    for (const f of fields.slice(1)) {
      const v = f.slice(1);
      switch (f[0]) {
        case ":":
          a.introduced = v;
          break;
        case "-":
          a.removed = v;
          break;
        case "~":
          a.availableThrough = v;
          break;
        case "!":
          a.available = false;
          break;
        case "+":
          a.available = true;
          break;
      }
    }
    out[fields[0]] = a;
  }
  return out;
}
function availabilityFacts(text, exhaustive = false) {
  return exhaustive ? { availability: availabilityOf(text), exhaustive } : { availability: availabilityOf(text) };
}
function compareVersions(a, b) {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
function supervisionApplies(f, o) {
  if (f.platforms === void 0) return true;
  if (o.platform === void 0 || !f.platforms.includes(o.platform)) return false;
  const since = f.since?.[o.platform];
  const until = f.until?.[o.platform];
  if (since !== void 0 && o.osVersion !== void 0 && compareVersions(o.osVersion, since) < 0) return false;
  if (until !== void 0 && (o.osVersion === void 0 || compareVersions(o.osVersion, until) > 0)) return false;
  return true;
}
function situation(r, d, key, f) {
  const o = r.o;
  const unsupervised = o.supervised === false || o.enrollment === "user";
  if (f.supervised && unsupervised && supervisionApplies(f, o)) {
    const where = o.platform !== void 0 && f.platforms !== void 0 ? ` in ${o.platform}` : "";
    add(r, pathOf(r, d, key), "requires-supervision", severityOf("requires-supervision"), void 0, void 0, `requires a supervised device${where}; an unsupervised device ignores it`);
  }
  if (f.when === void 0) return;
  const why = f.when.includes("unsupervised") && unsupervised ? "on unsupervised devices" : f.when.includes("managedAppleAccount") && o.enrollment === "user" ? "with Managed Apple Accounts (User Enrollment)" : void 0;
  if (why !== void 0) add(r, pathOf(r, d, key), "deprecated", severityOf("deprecated"), void 0, void 0, `deprecated ${why}${f.note ? `: ${f.note}` : ""}`);
}
function gated(r, d, key, facts) {
  const o = r.o;
  if (facts.situation !== void 0 && !r.quick && (o.supervised !== void 0 || o.enrollment !== void 0)) situation(r, d, key, facts.situation);
  const av = facts.availability;
  const platform = o.platform;
  if (platform === void 0 || av === void 0) return;
  const p = av[platform];
  const version = o.osVersion;
  let why;
  if (!p) {
    if (!facts.exhaustive) return;
    why = `not available in ${platform} (the page lists ${Object.keys(av).filter((k) => av[k]?.available !== false).join(", ")})`;
  } else if (p.available === false) why = `not available in ${platform}`;
  else if (version === void 0) return;
  else if (p.introduced !== void 0 && compareVersions(version, p.introduced) < 0) why = `available in ${platform} ${p.introduced} and later, not ${version}`;
  else if (p.removed !== void 0 && compareVersions(version, p.removed) >= 0) why = `removed in ${platform} ${p.removed}`;
  else if (p.availableThrough !== void 0 && compareVersions(version, p.availableThrough) > 0) why = `available in ${platform} through ${p.availableThrough} only, not ${version}`;
  if (why === void 0) return;
  const severity = severityOf("unavailable-on-platform");
  if (severity === "error") error(r);
  if (!r.quick) add(r, pathOf(r, d, key), "unavailable-on-platform", severity, platform, version, `${why}; the device ignores it`);
}
export {
  availabilityFacts,
  availabilityOf,
  compareVersions,
  gated
};
