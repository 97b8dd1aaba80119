/**
 * The availability, deprecation and supervision facts one sentence states. A sentence is cut at
 * its verbs ("available", "deprecated", "removed", "not supported", "requires supervision"); each
 * platform mention belongs to the verb before it, or to the first verb when the sentence opens
 * with it ("As of iOS 12.0, this key is deprecated."). Only what a verb states is taken.
 */
import type { Availability, DeprecationCondition, Platform, PlatformAvailability, SupervisionFact } from '../model/ir.js';
import { platformMentions, type Mention } from './platform-mentions.js';

export interface SentenceFacts {
  availability: Availability;
  deprecated?: boolean;
  replacedBy?: string;
  deprecatedWhen?: DeprecationCondition[];
  /** Present when the sentence requires supervision; empty means every platform. */
  supervision?: Partial<Record<Platform, SupervisionFact>>;
  /** Some fact was taken from the sentence. */
  read: boolean;
}

type Verb = 'available' | 'unavailable' | 'removed' | 'deprecated' | 'supervised' | 'availableSupervised';

// Fixed phrases only, longest first where one starts another: the alternation cannot backtrack.
const VERBS = new RegExp(
  [
    String.raw`(?<availableSupervised>(?:available|supported) (?:only )?(?:on|for) supervised devices|only (?:available |supported )?(?:on|for) supervised devices)`,
    String.raw`(?<unavailable>\b(?:not|no longer|isn[’']t|aren[’']t|is not|are not) (?:be )?(?:availa?ble|supported|used))`,
    String.raw`(?<removed>\bremoved\b|\bremoves (?:that|its|the) ability\b)`,
    String.raw`(?<deprecated>\b(?:is|are|was|were|been|now|being) deprecated\b|^Deprecated\b|\bdeprecated (?:in|as of|since|starting|on)\b|\bApple deprecated\b|\bdeprecated (?:its|the) ability\b|^Replaced (?:with|by)\b)`,
    String.raw`(?<supervised>\brequires (?:a )?supervis(?:ion|ed device)|^Allowed enrollments: supervised$|^Supervised only\.?$)`,
    // Not "introduced": "The following OIDs were introduced in iOS 16" speaks of other things.
    String.raw`(?<available>\b(?:availa?ble|supported)\b)`,
  ].join('|'),
  'gi',
);
const OPENER = /^(?:In|As of|Starting (?:in|with)|Beginning (?:in|with)|Since|On|From) /;
// What may stand between an opener's mentions: "In iOS 7 and later, and macOS 10.9 and later, …".
const OPENER_FILLER = /^(?:[ ,+]|and|or|later|earlier|above|newer)*$/;
// Between a negated verb and platforms without versions: "isn’t supported in macOS", "Not available in tvOS or watchOS".
const NEGATED_IN = /^ (?:in|on) $/;
const LIST_GAP = /^(?:,? and |, |,? or )$/;
// Words after which a mention no longer belongs to the verb before it.
const CLAUSE_END = /; | as (?!of\b)| because | when | if | although | unless | which | where /g;
const REPLACEMENT = /\b(?:use|in favor of|replaced (?:with|by))\s/i;
const CODE = /`([^`]+)`/;
const WORD = /^(?:the )?([A-Za-z][\w.\-]*[A-Za-z0-9])/;
const RELATIVE = /\b(?:which|that) $/;
const UNSUPERVISED = /\b(?:unsupervised|non-supervised) devices?\b/i;
const MANAGED_ACCOUNT = /\bmanaged Apple (?:Accounts?|IDs?)\b/i;

interface VerbAt {
  verb: Verb;
  at: number;
  end: number;
}

function verbsOf(sentence: string): VerbAt[] {
  const out: VerbAt[] = [];
  for (const m of sentence.matchAll(VERBS)) {
    const g = m.groups ?? {};
    const verb = (Object.keys(g) as Verb[]).find((k) => g[k] !== undefined);
    if (verb) out.push({ verb, at: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** Which verb each mention belongs to, or none (after a clause ends, or before any verb). */
function assign(sentence: string, verbs: VerbAt[], mentions: Mention[]): Map<VerbAt, Mention[]> {
  const ends = [...sentence.matchAll(CLAUSE_END)].map((m) => m.index ?? 0);
  const out = new Map<VerbAt, Mention[]>(verbs.map((v) => [v, []]));
  const opens = opensWithMentions(sentence, verbs[0], mentions);
  for (const mention of mentions) {
    let owner = [...verbs].reverse().find((v) => v.at < mention.at);
    if (!owner && opens) owner = verbs[0];
    if (!owner) continue;
    // A clause that ended between the verb and the mention cuts the mention off.
    if (owner.at < mention.at && ends.some((e) => e > owner.at && e < mention.at)) continue;
    out.get(owner)?.push(mention);
  }
  return out;
}

/**
 * "As of iOS 12.0, this key is deprecated.": the sentence opens with its versions, and only
 * versions, before a comma; "In macOS 10.15 the alerts are off…" does not.
 */
function opensWithMentions(sentence: string, first: VerbAt | undefined, mentions: Mention[]): boolean {
  const opener = OPENER.exec(sentence);
  if (!opener || !first) return false;
  const comma = sentence.lastIndexOf(',', first.at);
  if (comma < 0) return false;
  let rest = '';
  let from = opener[0].length;
  for (const m of mentions) {
    if (m.at >= comma) break;
    rest += sentence.slice(from, m.at);
    from = m.at + m.platform.length + (m.version ? m.version.length + 1 : 0);
  }
  rest += sentence.slice(from, comma);
  return from > opener[0].length && OPENER_FILLER.test(rest);
}

/** "prior to iOS 26, macOS 26, and visionOS 26": a bound written once holds for the rest of the list. */
function spreadBounds(mentions: Mention[]): Mention[] {
  let carried: Mention['bound'] | undefined;
  return mentions.map((m) => {
    if (m.bound === 'before') carried = 'before';
    else if (m.bound !== 'exact') carried = undefined;
    return carried && m.bound === 'exact' ? { ...m, bound: carried } : m;
  });
}

/** Platforms without versions right after a negated verb, as one list ("isn’t supported in tvOS or watchOS"). */
function negatedPlatforms(sentence: string, verb: VerbAt, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  let from = verb.end;
  for (const m of mentions) {
    const gap = sentence.slice(from, m.at);
    if (m.version || !(out.length ? LIST_GAP : NEGATED_IN).test(gap)) break;
    out.push(m);
    from = m.at + m.platform.length;
  }
  return out;
}

function patch(av: Availability, p: Platform, field: keyof PlatformAvailability, value: string | boolean): boolean {
  const cur: PlatformAvailability = av[p] ?? {};
  if (cur[field] !== undefined) return false;
  av[p] = { ...cur, [field]: value };
  return true;
}

/** Reads the facts of one sentence about the thing it is about. */
export function sentenceFacts(sentence: string): SentenceFacts {
  const facts: SentenceFacts = { availability: {}, read: false };
  const verbs = verbsOf(sentence);
  if (!verbs.length) return facts;
  const av = facts.availability;
  const owned = assign(sentence, verbs, platformMentions(sentence));
  for (const [at, own] of owned) {
    const { verb } = at;
    const mentions = spreadBounds(own);
    switch (verb) {
      case 'available':
      case 'availableSupervised':
        for (const m of mentions) {
          if (!m.version) continue;
          if (m.bound === 'earlier') patch(av, m.platform, 'availableThrough', m.version);
          else if (m.bound === 'before') patch(av, m.platform, 'removed', m.version);
          else {
            patch(av, m.platform, 'introduced', m.version);
            if (m.through) patch(av, m.platform, 'availableThrough', m.through);
          }
          facts.read = true;
        }
        if (verb === 'availableSupervised') supervise(facts, mentions);
        break;
      case 'unavailable':
      case 'removed': {
        const bare = verb === 'unavailable' ? negatedPlatforms(sentence, at, mentions) : [];
        for (const m of mentions) {
          if (bare.includes(m)) patch(av, m.platform, 'available', false);
          else if (m.version && m.bound === 'before') patch(av, m.platform, 'introduced', m.version);
          else if (m.version && m.bound !== 'earlier') patch(av, m.platform, 'removed', m.version);
          else continue;
          facts.read = true;
        }
        break;
      }
      case 'deprecated':
        // "…, which is deprecated in favor of…" deprecates what the clause is about, not the key.
        if (!RELATIVE.test(sentence.slice(Math.max(0, at.at - 8), at.at))) deprecate(facts, sentence, mentions);
        break;
      case 'supervised':
        supervise(facts, mentions);
        break;
    }
  }
  return facts;
}

function deprecate(facts: SentenceFacts, sentence: string, mentions: Mention[]): void {
  const when: DeprecationCondition[] = [];
  if (UNSUPERVISED.test(sentence)) when.push('unsupervised');
  if (MANAGED_ACCOUNT.test(sentence)) when.push('managedAppleAccount');
  facts.read = true;
  if (when.length) {
    // "Support for this restriction on unsupervised devices is deprecated": the key stays.
    facts.deprecatedWhen = when;
    return;
  }
  facts.deprecated = true;
  for (const m of mentions) if (m.version && m.bound !== 'earlier' && m.bound !== 'before') patch(facts.availability, m.platform, 'deprecated', m.version);
  const name = replacement(sentence);
  if (name) facts.replacedBy = name;
}

function supervise(facts: SentenceFacts, mentions: Mention[]): void {
  const sup: Partial<Record<Platform, SupervisionFact>> = facts.supervision ?? {};
  for (const m of mentions) {
    const fact: SupervisionFact = { ...sup[m.platform] };
    if (m.version && m.bound === 'before') fact.until = m.version;
    else if (m.version && m.bound !== 'earlier') fact.since = m.version;
    sup[m.platform] = fact;
  }
  facts.supervision = sup;
  facts.read = true;
}

/** The first code span after "use", "in favor of" or "replaced with"; or the name right after it. */
function replacement(sentence: string): string | undefined {
  const r = REPLACEMENT.exec(sentence);
  if (!r) return undefined;
  const rest = sentence.slice((r.index ?? 0) + r[0].length);
  const code = CODE.exec(rest)?.[1];
  if (code) return code;
  // A bare word only where it reads as a name (`VPNUUID`, `allowWallpaperModification`), not "this key".
  const word = WORD.exec(rest)?.[1];
  const named = word !== undefined && /[A-Z.]/.test(word.slice(1));
  return named && (/^replaced/i.test(r[0]) || /\binstead\b/.test(rest)) ? word : undefined;
}
