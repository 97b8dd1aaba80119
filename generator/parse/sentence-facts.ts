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
    String.raw`(?<removed>\bremoved\b)`,
    String.raw`(?<deprecated>\b(?:is|are|was|were|been|now|being) deprecated\b|^Deprecated\b|\bdeprecated (?:in|as of|since|starting|on)\b|\bApple deprecated\b|^Replaced (?:with|by)\b)`,
    String.raw`(?<supervised>\brequires (?:a )?supervis(?:ion|ed device)|^Allowed enrollments: supervised$)`,
    String.raw`(?<available>\b(?:availa?ble|supported|introduced)\b)`,
  ].join('|'),
  'gi',
);
const OPENER = /^(?:In|As of|Starting (?:in|with)|Beginning (?:in|with)|Since|On|From) /;
// Words after which a mention no longer belongs to the verb before it.
const CLAUSE_END = /; | as (?!of\b)| because | when | if | although | unless | which | where /g;
const REPLACEMENT = /\b(?:use|in favor of|replaced (?:with|by))\s+(?:the\s+)?(?:`([^`]+)`|([A-Za-z][\w.\-]*[A-Za-z0-9]))/i;
const UNSUPERVISED = /\b(?:unsupervised|non-supervised) devices?\b/i;
const MANAGED_ACCOUNT = /\bmanaged Apple (?:Accounts?|IDs?)\b/i;

interface VerbAt {
  verb: Verb;
  at: number;
}

function verbsOf(sentence: string): VerbAt[] {
  const out: VerbAt[] = [];
  for (const m of sentence.matchAll(VERBS)) {
    const g = m.groups ?? {};
    const verb = (Object.keys(g) as Verb[]).find((k) => g[k] !== undefined);
    if (verb) out.push({ verb, at: m.index ?? 0 });
  }
  return out;
}

/** Which verb each mention belongs to, or none (after a clause ends, or before any verb). */
function assign(sentence: string, verbs: VerbAt[], mentions: Mention[]): Map<VerbAt, Mention[]> {
  const ends = [...sentence.matchAll(CLAUSE_END)].map((m) => m.index ?? 0);
  const out = new Map<VerbAt, Mention[]>(verbs.map((v) => [v, []]));
  const opens = OPENER.test(sentence);
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
  for (const [{ verb }, mentions] of owned) {
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
      case 'removed':
        for (const m of mentions) {
          if (!m.version && verb === 'unavailable') patch(av, m.platform, 'available', false);
          else if (m.version && m.bound === 'before') patch(av, m.platform, 'introduced', m.version);
          else if (m.version && m.bound !== 'earlier') patch(av, m.platform, 'removed', m.version);
          else continue;
          facts.read = true;
        }
        break;
      case 'deprecated':
        deprecate(facts, sentence, mentions);
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
  const r = REPLACEMENT.exec(sentence);
  const name = r?.[1] ?? r?.[2];
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
