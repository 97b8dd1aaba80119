/**
 * Availability as pages write it: lines (`Available: iOS 14+ | macOS 11+`), platform lists
 * (`**Platforms:** iOS 4.0, macOS 10.7`, `iOS 4.0+iPadOS 4.0+macOS 10.7+`) and prose
 * ("Available in iOS 14 and later, and macOS 11 and later", "Not available in watchOS").
 */
import { PLATFORMS, isPlatform, type Availability, type Platform, type PlatformAvailability } from '../model/ir.js';

// Longest names first so `iPadOS` is not read as `iOS`-something and `Mac Catalyst` wins.
const PLATFORM_ALT = [...PLATFORMS].sort((a, b) => b.length - a.length).map((p) => p.replace(' ', '\\s+')).join('|');
const VERSION = String.raw`\d+(?:\.\d+)*`;
const PLATFORM_VERSION = new RegExp(`(${PLATFORM_ALT})\\s+(${VERSION})`, 'g');
const PLATFORM_NAME = new RegExp(`\\b(${PLATFORM_ALT})\\b`, 'g');

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
    if (v.available !== undefined) o.available = v.available;
    out[p] = o;
  }
  return out;
}

export interface ProseFacts {
  availability?: Availability;
  deprecated?: boolean;
  deprecationNote?: string;
  supervised?: boolean;
  supervisedPlatforms?: Platform[];
}

/** Splits prose into sentences; good enough for Apple's reference style. */
function sentences(text: string): string[] {
  return text.replace(/\s+/g, ' ').split(/(?<=[.;])\s+(?=[A-Z`])/);
}

/**
 * Reads the availability, deprecation and supervision facts stated in a key's prose.
 * Only what a sentence states explicitly is taken; everything else stays in the description.
 */
export function proseFacts(text: string): ProseFacts {
  const facts: ProseFacts = {};
  const av: Availability = {};
  for (const sentence of sentences(text)) {
    const lower = sentence.toLowerCase();
    // Only a sentence about the key itself: "`L2TP` isn't available in tvOS" speaks of a value.
    const notAvailable = /^(?:(?:this|the) (?:key|field|value|property|setting|payload|dictionary|item) (?:is not|isn[’']t) |not )(?:available|supported) (?:in|on)\b(.*)/i.exec(sentence.trim());
    if (notAvailable?.[1] && !/\bversion/i.test(notAvailable[1])) {
      // "Not available in tvOS or watchOS." names platforms without versions.
      const clause = notAvailable[1].split(/[.;]/)[0] ?? '';
      for (const m of clause.matchAll(PLATFORM_NAME)) {
        const p = platformOf(m[1] ?? '');
        if (p && !new RegExp(`${m[1]}\\s+${VERSION}`).test(clause)) set(av, p, { available: false });
      }
    } else if (/\bavailable (?:in|on|starting)\b/i.test(sentence) && /and later|or later|\+/.test(lower)) {
      const clause = sentence.slice(lower.search(/available (?:in|on|starting)/));
      for (const m of clause.matchAll(new RegExp(`(${PLATFORM_ALT})\\s+(${VERSION})\\s+(?:and|or) later`, 'g'))) {
        const p = platformOf(m[1] ?? '');
        if (p && m[2] && !av[p]?.introduced) set(av, p, { introduced: m[2] });
      }
    }
    // Only a sentence that says the key itself is deprecated, not one that mentions a deprecated thing.
    if (/\b(?:is|are|was|been|now)\s+deprecated\b|^deprecated\b/i.test(sentence.trim())) {
      facts.deprecated = true;
      facts.deprecationNote ??= sentence.trim();
      const at = lower.search(/deprecated (?:in|as of|since|starting)/);
      if (at >= 0) parsePlatformVersions(sentence.slice(at), 'deprecated', av);
    }
    if (/requires a supervised device/i.test(sentence)) {
      facts.supervised = true;
      const clause = sentence.slice(lower.indexOf('requires a supervised device'));
      const platforms = [...clause.matchAll(PLATFORM_NAME)].map((m) => platformOf(m[1] ?? '')).filter((p): p is Platform => !!p);
      if (platforms.length) facts.supervisedPlatforms = [...new Set(platforms)];
    }
  }
  if (!isEmptyAvailability(av)) facts.availability = orderedAvailability(av);
  return facts;
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
