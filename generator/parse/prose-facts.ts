/**
 * Availability, deprecation and supervision facts stated in a key's prose, each put on what the
 * sentence is about: the key, one of its allowed values (`- \`NONE\`: …`, "`NONE` was deprecated
 * in tvOS 11.3."), or something else (then nowhere). A sentence that names a platform and a
 * version but yields no fact is returned as unread, so the caller can report it.
 */
import {
  PLATFORMS, type Availability, type DeprecationCondition, type Platform, type SupervisionFact, type ValueFacts,
} from '../model/ir.js';
import { isEmptyAvailability, orderedAvailability } from './availability.js';
import { namesPlatformVersion } from './platform-mentions.js';
import { sentencesOf, type Sentence } from './prose-sentences.js';
import type { Stated } from './raw.js';
import { sentenceFacts, type SentenceFacts } from './sentence-facts.js';

export interface KeyProseFacts {
  availability?: Availability;
  deprecated?: boolean;
  deprecationNote?: string;
  deprecatedLine?: number;
  replacedBy?: string;
  deprecatedWhen?: DeprecationCondition[];
  deprecatedWhenNote?: string;
  deprecatedWhenLine?: number;
  /** Present when some sentence requires supervision; platforms empty means everywhere. */
  supervision?: Partial<Record<Platform, SupervisionFact>>;
  supervisedLine?: number;
  valueFacts?: Record<string, ValueFacts>;
}

export interface UnreadSentence {
  line: number;
  sentence: string;
  reason: string;
}

export interface ProseFactsResult {
  facts: KeyProseFacts;
  unread: UnreadSentence[];
  /** Sentences naming a platform and a version from which a fact was read. */
  read: number;
}

// "`NONE` was deprecated…", "As of iOS 12, `X` isn’t supported.", "The `A` and `B` values are…".
const SUBJECT = /^(?:(?:In|As of|Starting (?:in|with)|Beginning (?:in|with)) [^,]{1,60}, )?(?:The )?((?:`[^`]+`(?:, |,? and |,? or )?)+)(?: (?:value|values|option|options|key|setting))? (?:is|are|was|were|isn[’']t|aren[’']t|has|have)\b/;

/** Longer sentences are not read: none of Apple's fact sentences comes near, and it bounds the work. */
const MAX_SENTENCE = 1000;

// "Use `forceWiFiToAllowedNetworksOnly` instead.": a replacement in a sentence of its own.
const USE_INSTEAD = /^Use (?:the )?`([^`]+)`[^.;]{0,80} instead\.?$/;

type Target = { kind: 'key' } | { kind: 'values'; values: string[] } | { kind: 'other'; what: string };

function targetOf(s: Sentence, key: string, values: ReadonlySet<string>): Target {
  const names = s.item !== undefined ? [s.item] : [...(SUBJECT.exec(s.text)?.[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  if (!names.length || names.every((n) => n === key)) return { kind: 'key' };
  if (names.every((n) => values.has(n))) return { kind: 'values', values: names };
  return { kind: 'other', what: names.join(', ') };
}

function mergeInto(into: Availability, from: Availability): void {
  for (const p of PLATFORMS) {
    const add = from[p];
    if (add) into[p] = { ...add, ...into[p] };
  }
}

/** Notes are plain text, as messages and JSDoc show them: code ticks go. */
const note = (s: Sentence): string => s.text.replace(/`/g, '');

function applyToKey(out: KeyProseFacts, f: SentenceFacts, s: Sentence): void {
  if (!isEmptyAvailability(f.availability)) mergeInto((out.availability ??= {}), f.availability);
  if (f.deprecated) {
    out.deprecated = true;
    if (out.deprecationNote === undefined) {
      out.deprecationNote = note(s);
      out.deprecatedLine = s.line;
    }
    out.replacedBy ??= f.replacedBy;
  }
  if (f.deprecatedWhen) {
    out.deprecatedWhen = [...new Set([...(out.deprecatedWhen ?? []), ...f.deprecatedWhen])];
    out.deprecatedWhenNote ??= note(s);
    out.deprecatedWhenLine ??= s.line;
  }
  if (f.supervision) {
    const sup = (out.supervision ??= {});
    for (const [p, fact] of Object.entries(f.supervision) as [Platform, SupervisionFact][]) sup[p] = { ...fact, ...sup[p] };
    out.supervisedLine ??= s.line;
  }
}

function applyToValue(out: KeyProseFacts, value: string, f: SentenceFacts, s: Sentence): boolean {
  const vf: ValueFacts = out.valueFacts?.[value] ?? { line: s.line };
  let took = false;
  if (!isEmptyAvailability(f.availability)) {
    mergeInto((vf.availability ??= {}), f.availability);
    vf.availability = orderedAvailability(vf.availability);
    took = true;
  }
  if (f.deprecated) {
    vf.deprecated = true;
    vf.deprecationNote ??= note(s);
    if (f.replacedBy) vf.replacedBy ??= f.replacedBy;
    took = true;
  }
  if (took) (out.valueFacts ??= {})[value] = vf;
  return took;
}

/** Reads the prose blocks of key `key`, whose allowed values (as written) are `values`. */
export function readProseFacts(blocks: readonly Stated[], key: string, values: readonly string[]): ProseFactsResult {
  const out: KeyProseFacts = {};
  const unread: UnreadSentence[] = [];
  let read = 0;
  let useInstead: string | undefined;
  const valueSet = new Set(values);
  for (const s of sentencesOf(blocks)) {
    if (s.text.length > MAX_SENTENCE) {
      // Apple's fact sentences are short; a run-on "sentence" is prose (or hostile), not read.
      if (namesPlatformVersion(s.text.slice(0, MAX_SENTENCE))) unread.push({ line: s.line, sentence: `${s.text.slice(0, 80)}…`, reason: `it is longer than ${MAX_SENTENCE} characters` });
      continue;
    }
    const named = namesPlatformVersion(s.text);
    const target = targetOf(s, key, valueSet);
    if (target.kind === 'other') {
      if (named) unread.push({ line: s.line, sentence: s.text, reason: `it is about ${target.what}, not a value of ${key}` });
      continue;
    }
    const instead = target.kind === 'key' ? USE_INSTEAD.exec(s.text)?.[1] : undefined;
    if (instead) useInstead ??= instead;
    const f = sentenceFacts(s.text);
    let took = f.read;
    if (took && target.kind === 'key') applyToKey(out, f, s);
    if (took && target.kind === 'values') {
      // Conditions and supervision are stated of keys; on a value they would be a guess.
      took = target.values.map((v) => applyToValue(out, v, f, s)).some(Boolean);
    }
    if (named && took) read++;
    else if (named) unread.push({ line: s.line, sentence: s.text, reason: 'no availability, deprecation or supervision fact in it is understood' });
  }
  if (out.availability) out.availability = orderedAvailability(out.availability);
  if (out.deprecated && useInstead) out.replacedBy ??= useInstead;
  return { facts: out, unread, read };
}
