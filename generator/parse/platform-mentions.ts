/**
 * The platform mentions of one sentence, each with the bound its words give it:
 * "iOS 14 and later", "macOS 10.15 and earlier", "macOS 12 through macOS 14.6", "prior to iOS 17",
 * "watchOS" (no version). Every pattern here is anchored or bounded, so matching is linear.
 */
import { PLATFORMS, isPlatform, type Platform } from '../model/ir.js';

// Longest names first so `iPadOS` is not read as `iOS`-something and `Mac Catalyst` wins.
export const PLATFORM_ALT = [...PLATFORMS].sort((a, b) => b.length - a.length).join('|');
export const VERSION = String.raw`\d+(?:\.\d+)*`;

/** How the words around a mention bound its version. */
export type Bound = 'later' | 'earlier' | 'before' | 'range' | 'exact' | 'none';

export interface Mention {
  platform: Platform;
  version?: string;
  /** The end of a range ("through macOS 14.6"). */
  through?: string;
  bound: Bound;
  /** Offset of the mention in the sentence. */
  at: number;
}

const MENTION = new RegExp(String.raw`\b(${PLATFORM_ALT})\b(?: (${VERSION})\b)?`, 'g');
// What follows a version: each alternative is a fixed phrase, so nothing can backtrack far.
const AFTER_LATER = /^(?:\+|,? (?:and|or) (?:later|above|newer)\b|, and later\b| or greater\b)/;
const AFTER_EARLIER = /^,? (?:and|or) (?:earlier|before|below|lower)\b/;
const AFTER_RANGE = new RegExp(String.raw`^ ?(?:through|to|–|-) ?(?:(?:${PLATFORM_ALT}) )?(${VERSION})\b`);
const BEFORE_BEFORE = /(?:prior to|before|until|up to|earlier than) $/;

/** Reads every platform mention of a sentence, in order. */
export function platformMentions(sentence: string): Mention[] {
  const out: Mention[] = [];
  for (const m of sentence.matchAll(MENTION)) {
    const platform = m[1];
    if (!platform || !isPlatform(platform)) continue;
    const at = m.index ?? 0;
    const mention: Mention = { platform, bound: 'none', at };
    const version = m[2];
    if (version) {
      mention.version = version;
      const after = sentence.slice(at + m[0].length, at + m[0].length + 40);
      const before = sentence.slice(Math.max(0, at - 16), at);
      const range = AFTER_RANGE.exec(after);
      if (range?.[1]) {
        mention.bound = 'range';
        mention.through = range[1];
      } else if (AFTER_LATER.test(after)) mention.bound = 'later';
      else if (AFTER_EARLIER.test(after)) mention.bound = 'earlier';
      else if (BEFORE_BEFORE.test(before)) mention.bound = 'before';
      else mention.bound = 'exact';
    }
    out.push(mention);
  }
  return out;
}

/** Does the sentence name a platform together with a version? Such a sentence is either read or reported. */
export function namesPlatformVersion(sentence: string): boolean {
  return platformMentions(sentence).some((m) => m.version !== undefined);
}
