/**
 * Availability as pages write it: lines (`Available: iOS 14+ | macOS 11+`), platform lists
 * (`**Platforms:** iOS 4.0, macOS 10.7`, `iOS 4.0+iPadOS 4.0+macOS 10.7+`); prose is read by
 * `prose-facts.ts`.
 */
import { PLATFORMS, isPlatform, type Availability, type Platform, type PlatformAvailability } from '../model/ir.js';

// Longest names first so `iPadOS` is not read as `iOS`-something and `Mac Catalyst` wins.
const PLATFORM_ALT = [...PLATFORMS].sort((a, b) => b.length - a.length).map((p) => p.replace(' ', '\\s+')).join('|');
const VERSION = String.raw`\d+(?:\.\d+)*`;
const PLATFORM_VERSION = new RegExp(`(${PLATFORM_ALT})\\s+(${VERSION})`, 'g');

function platformOf(raw: string): Platform | undefined {
  const p = raw.replace(/\s+/g, ' ');
  return isPlatform(p) ? p : undefined;
}

function set(av: Availability, p: Platform, patch: PlatformAvailability): void {
  av[p] = { ...av[p], ...patch };
}

/** `iOS 14+ | iPadOS 14+ | macOS 11+` (also `·`, `,` and `+` separated). Field selects what the versions mean. */
export function parsePlatformVersions(
  text: string,
  field: 'introduced' | 'deprecated' | 'removed' = 'introduced',
  into: Availability = {},
): Availability {
  for (const m of text.matchAll(PLATFORM_VERSION)) {
    const p = platformOf(m[1] ?? '');
    if (p && m[2]) set(into, p, { [field]: m[2] });
  }
  return into;
}

/**
 * The rendered flavour's object line: `iOS 4.0+iPadOS 4.0+macOS 10.7+…`, where a deprecated
 * platform reads `iOS 5.0–6.1.6Deprecated`. Non-platform names (`VPP License Management`) are ignored.
 */
export function parseRenderedPlatformLine(text: string): Availability {
  const av: Availability = {};
  const re = new RegExp(`(${PLATFORM_ALT})\\s+(${VERSION})(?:\\s*[–-]\\s*(${VERSION}))?`, 'g');
  for (const m of text.matchAll(re)) {
    const p = platformOf(m[1] ?? '');
    if (!p || !m[2]) continue;
    set(av, p, m[3] ? { introduced: m[2], deprecated: m[3] } : { introduced: m[2] });
  }
  return av;
}

export function isEmptyAvailability(av: Availability | undefined): boolean {
  return !av || Object.keys(av).length === 0;
}

/** Availability in Apple's platform order, so JSON output is stable whatever order pages use. */
export function orderedAvailability(av: Availability): Availability {
  const out: Availability = {};
  for (const p of PLATFORMS) {
    const v = av[p];
    if (!v) continue;
    // Fields in one order too: JSON output must not depend on which line stated what first.
    const o: PlatformAvailability = {};
    if (v.introduced !== undefined) o.introduced = v.introduced;
    if (v.deprecated !== undefined) o.deprecated = v.deprecated;
    if (v.removed !== undefined) o.removed = v.removed;
    if (v.availableThrough !== undefined) o.availableThrough = v.availableThrough;
    if (v.available !== undefined) o.available = v.available;
    out[p] = o;
  }
  return out;
}

/** Merges availability, the first argument winning for each field it states. */
export function mergeAvailability(primary: Availability | undefined, secondary: Availability | undefined): Availability | undefined {
  if (isEmptyAvailability(primary)) return isEmptyAvailability(secondary) ? undefined : secondary;
  if (isEmptyAvailability(secondary)) return primary;
  const out: Availability = {};
  for (const p of PLATFORMS) {
    const a = primary?.[p];
    const b = secondary?.[p];
    if (a || b) out[p] = { ...b, ...a };
  }
  return out;
}

const PLATFORM_NAME = new RegExp(`\\b(${PLATFORM_ALT})\\b`, 'g');

/** The platforms a list names, in its order, once each: `iOS | visionOS | watchOS`. */
export function platformNames(text: string): Platform[] {
  const out: Platform[] = [];
  for (const m of text.matchAll(PLATFORM_NAME)) {
    const p = platformOf(m[1] ?? '');
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}
