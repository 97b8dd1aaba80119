/**
 * The checks that depend on options: a key's availability on the target platform and version,
 * and the device's situation (supervision, User Enrollment). Generated code calls `gated` only
 * when a run asks for them, so a validation without these options never looks at the facts.
 */
import type { KeyFacts, Platform, PlatformAvailability, SupervisionFacts, ValidateOptions } from './types.js';
import { add, error, pathOf, type Run } from './run.js';
import { severityOf } from './severity.js';

/**
 * A key's availability from the compact text generated validators hold (half the size of the
 * object literal): platforms in the page's order, separated by `,`, each its name followed by
 * `:introduced`, `-removed`, `~availableThrough`, `!` (not available) or `+` (available).
 * `iOS:7,macOS:10.9-12` is `{ iOS: { introduced: '7' }, macOS: { introduced: '10.9', removed: '12' } }`.
 */
export function availabilityOf(text: string): Partial<Record<Platform, PlatformAvailability>> {
  const out: Partial<Record<Platform, PlatformAvailability>> = {};
  for (const entry of text.split(',')) {
    const fields = entry.split(/(?=[:~!+-])/);
    const a: PlatformAvailability = {};
    for (const f of fields.slice(1)) {
      const v = f.slice(1);
      switch (f[0]) {
        case ':': a.introduced = v; break;
        case '-': a.removed = v; break;
        case '~': a.availableThrough = v; break;
        case '!': a.available = false; break;
        case '+': a.available = true; break;
      }
    }
    out[fields[0] as Platform] = a;
  }
  return out;
}

/** A key's facts that state its availability alone (`availabilityOf`'s text), and whether the page's list of platforms is exhaustive. */
export function availabilityFacts(text: string, exhaustive = false): KeyFacts {
  return exhaustive ? { availability: availabilityOf(text), exhaustive } : { availability: availabilityOf(text) };
}

/** Compares dotted versions numerically: `14` equals `14.0`, `10.15` is above `10.9`. */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** True when the page's supervision requirement certainly applies to the target device. */
function supervisionApplies(f: SupervisionFacts, o: ValidateOptions): boolean {
  if (f.platforms === undefined) return true;
  if (o.platform === undefined || !f.platforms.includes(o.platform)) return false;
  const since = f.since?.[o.platform];
  const until = f.until?.[o.platform];
  if (since !== undefined && o.osVersion !== undefined && compareVersions(o.osVersion, since) < 0) return false;
  if (until !== undefined && (o.osVersion === undefined || compareVersions(o.osVersion, until) > 0)) return false;
  return true;
}

/**
 * Checks a key against the device's situation (`supervised`, `enrollment`): a key that needs
 * supervision on an unsupervised device, a use deprecated for unsupervised devices or Managed
 * Apple Accounts. Nothing is reported when the situation is not given.
 */
function situation(r: Run, d: number, key: string, f: SupervisionFacts): void {
  const o = r.o;
  const unsupervised = o.supervised === false || o.enrollment === 'user';
  if (f.supervised && unsupervised && supervisionApplies(f, o)) {
    const where = o.platform !== undefined && f.platforms !== undefined ? ` in ${o.platform}` : '';
    add(r, pathOf(r, d, key), 'requires-supervision', severityOf('requires-supervision'), undefined, undefined, `requires a supervised device${where}; an unsupervised device ignores it`);
  }
  if (f.when === undefined) return;
  const why = f.when.includes('unsupervised') && unsupervised ? 'on unsupervised devices'
    : f.when.includes('managedAppleAccount') && o.enrollment === 'user' ? 'with Managed Apple Accounts (User Enrollment)' : undefined;
  if (why !== undefined) add(r, pathOf(r, d, key), 'deprecated', severityOf('deprecated'), undefined, undefined, `deprecated ${why}${f.note ? `: ${f.note}` : ''}`);
}

/**
 * The checks that depend on options, for one key: generated code calls it only when `r.gated`.
 * Availability needs `platform`, and `osVersion` for versions; where the page's list of platforms
 * is `exhaustive`, a platform it omits does not have the key, otherwise an omitted platform is not
 * judged. The device's situation needs `supervised` or `enrollment`.
 */
export function gated(r: Run, d: number, key: string, facts: KeyFacts): void {
  const o = r.o;
  if (facts.situation !== undefined && !r.quick && (o.supervised !== undefined || o.enrollment !== undefined)) situation(r, d, key, facts.situation);
  const av = facts.availability;
  const platform = o.platform;
  if (platform === undefined || av === undefined) return;
  const p = av[platform];
  const version = o.osVersion;
  let why: string | undefined;
  if (!p) {
    if (!facts.exhaustive) return;
    why = `not available in ${platform} (the page lists ${Object.keys(av).filter((k) => av[k as Platform]?.available !== false).join(', ')})`;
  } else if (p.available === false) why = `not available in ${platform}`;
  else if (version === undefined) return;
  else if (p.introduced !== undefined && compareVersions(version, p.introduced) < 0) why = `available in ${platform} ${p.introduced} and later, not ${version}`;
  else if (p.removed !== undefined && compareVersions(version, p.removed) >= 0) why = `removed in ${platform} ${p.removed}`;
  else if (p.availableThrough !== undefined && compareVersions(version, p.availableThrough) > 0) why = `available in ${platform} through ${p.availableThrough} only, not ${version}`;
  if (why === undefined) return;
  // A device installs the profile and ignores a key its platform or version lacks: a warning.
  const severity = severityOf('unavailable-on-platform');
  if (severity === 'error') error(r);
  if (!r.quick) add(r, pathOf(r, d, key), 'unavailable-on-platform', severity, platform, version, `${why}; the device ignores it`);
}
