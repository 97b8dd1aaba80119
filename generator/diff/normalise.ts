/**
 * What makes two versions comparable: facts a flavour cannot state are not compared (the
 * changelog flavour never prints a range; rendered pages state availability only in prose), and
 * what a flavour merely writes differently (whitespace, link syntax, "14" for "14.0",
 * availability as a sentence or as a line) is normalised away.
 */
import type { Availability, FlavourName, IrProperty, JsonValue, Platform } from '../model/ir.js';
import { PLATFORMS } from '../model/ir.js';

/** Two facts are the same when their JSON is. */
export const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** True when an availability names no platform at all. */
export const statesNoAvailability = (av: Availability | undefined): boolean => !PLATFORMS.some((p) => av?.[p]);

/** Supervision as one value: `false`, `true` (everywhere the key exists) or the platforms named. */
export const supervision = (p: IrProperty): JsonValue => (p.supervised ? (p.supervisedPlatforms?.length ? [...p.supervisedPlatforms].sort() : true) : false);

export interface Capabilities {
  /** The page states types (rather than dmspec inferring them). */
  type: boolean;
  required: boolean;
  default: boolean;
  allowedValues: boolean;
  range: boolean;
  /** `lines`: availability for every platform, as a line; `prose`: only what sentences mention. */
  availability: 'lines' | 'prose' | 'none';
  /** The page can mark the whole object deprecated. */
  objectDeprecation: boolean;
}

const ALL: Capabilities = { type: true, required: true, default: true, allowedValues: true, range: true, availability: 'lines', objectDeprecation: true };

export const CAPABILITIES: Record<FlavourName, Capabilities> = {
  rendered: { ...ALL, availability: 'prose' },
  changelog: { ...ALL, range: false, objectDeprecation: false },
  snapshot: ALL,
  listing: { ...ALL, default: false, allowedValues: false, range: false, objectDeprecation: false },
  frontmatter: { type: false, required: false, default: false, allowedValues: false, range: false, availability: 'lines', objectDeprecation: false },
  unknown: { type: false, required: false, default: false, allowedValues: false, range: false, availability: 'none', objectDeprecation: false },
};

/** What both sides can state. */
export function shared(a: FlavourName, b: FlavourName): Capabilities {
  const x = CAPABILITIES[a];
  const y = CAPABILITIES[b];
  const availability = x.availability === 'none' || y.availability === 'none' ? 'none' : x.availability === 'lines' && y.availability === 'lines' ? 'lines' : 'prose';
  return {
    type: x.type && y.type, required: x.required && y.required, default: x.default && y.default,
    allowedValues: x.allowedValues && y.allowedValues, range: x.range && y.range, availability,
    objectDeprecation: x.objectDeprecation && y.objectDeprecation,
  };
}

/** `14.0` → `14`, `10.15.0` → `10.15`. */
export function normaliseVersion(v: string | undefined): string | undefined {
  return v === undefined ? undefined : v.replace(/(\.0)+$/, '');
}

/** Sentences that only restate availability, which one flavour writes as prose and another as a line. */
const AVAILABILITY_SENTENCE = /^(?:(?:This|The) (?:key|field|value|property|setting|dictionary) is )?(?:only )?(?:available (?:in|on) .*(?:and|or) later|not available in [^,;]*)[.;]?$/i;

/** A description as its content, not its markup: links, code ticks, availability prose and spacing go. */
export function normaliseDescription(markdown: string): string {
  const flat = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    // `\*` and `*` are the same text; one mirror escapes where another does not.
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .trim();
  return flat
    .split(/(?<=[.!?])\s+(?=[A-Z])/)
    .filter((sentence) => !AVAILABILITY_SENTENCE.test(sentence.trim()))
    .join(' ')
    .trim();
}

export interface PlatformFacts {
  introduced?: string;
  deprecated?: string;
  removed?: string;
  available?: boolean;
}

/** One platform's availability with versions normalised, or undefined when the side says nothing. */
export function platformFacts(av: Availability | undefined, p: Platform): PlatformFacts | undefined {
  const a = av?.[p];
  if (!a) return undefined;
  const out: PlatformFacts = {};
  const intro = normaliseVersion(a.introduced);
  const dep = normaliseVersion(a.deprecated);
  const rem = normaliseVersion(a.removed);
  if (intro !== undefined) out.introduced = intro;
  if (dep !== undefined) out.deprecated = dep;
  if (rem !== undefined) out.removed = rem;
  if (a.available !== undefined) out.available = a.available;
  return out;
}

/** The platforms to compare: all of them when both sides print lines, else those both mention. */
export function comparablePlatforms(a: Availability | undefined, b: Availability | undefined, mode: Capabilities['availability']): Platform[] {
  if (mode === 'none') return [];
  return PLATFORMS.filter((p) => (mode === 'lines' ? a?.[p] || b?.[p] : a?.[p] && b?.[p]));
}

/** A type as a string for comparison; refs by name. */
export function typeKey(p: IrProperty): string {
  return JSON.stringify(p.type);
}
