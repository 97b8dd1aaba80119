/**
 * What a page's Discussion says of the object as a whole: "This payload is deprecated as of
 * macOS 11.", "This profile is deprecated. Use the Cellular profile instead.", "Deprecated in
 * iOS 26. Use the ExtensibleSingleSignOn payload instead." Only sentences whose subject is the
 * page's own object (this payload, profile, declaration or command), or that open with
 * "Deprecated", are read; the facts are those `sentenceFacts` reads from a key's prose.
 */
import type { Availability } from '../model/ir.js';
import { isEmptyAvailability, orderedAvailability } from './availability.js';
import { sentencesOf } from './prose-sentences.js';
import type { Stated } from './raw.js';
import { sentenceFacts } from './sentence-facts.js';

export interface ObjectProseFacts {
  deprecated?: boolean;
  /** Deprecation and removal versions per platform. */
  availability?: Availability;
  deprecationNote?: string;
  replacedBy?: string;
  /** The line of the sentence that deprecates or removes the object. */
  line?: number;
}

const SUBJECT = /^(?:(?:In|As of|Starting (?:in|with)|Beginning (?:in|with)) [^,]{1,60}, )?(?:(?:This|The) (?:payload|profile|declaration|command)\b|Deprecated\b)/;
// "Use the Cellular profile instead.": the replacement, in the sentence after the deprecation.
const USE_INSTEAD = /^Use (?:the )?`?([A-Z][\w.\-]*)`?(?: (?:payload|profile|declaration|command|configuration))? instead\.?$/;
/** Longer sentences are not read, as in a key's prose. */
const MAX_SENTENCE = 1000;

/** Reads the object-level deprecation and removal of a Discussion. */
export function objectProseFacts(discussion: Stated | undefined): ObjectProseFacts {
  const out: ObjectProseFacts = {};
  if (!discussion) return out;
  let previousDeprecates = false;
  for (const s of sentencesOf([discussion])) {
    if (s.text.length > MAX_SENTENCE) continue;
    const instead = USE_INSTEAD.exec(s.text)?.[1];
    if (previousDeprecates && instead) out.replacedBy ??= instead;
    previousDeprecates = false;
    if (!SUBJECT.test(s.text)) continue;
    const f = sentenceFacts(s.text);
    // A condition ("on unsupervised devices") is not a deprecation of the object.
    const removes = Object.values(f.availability).some((a) => a?.removed !== undefined || a?.availableThrough !== undefined);
    if (!f.deprecated && !removes) continue;
    if (f.deprecated) {
      out.deprecated = true;
      out.deprecationNote ??= s.text.replace(/`/g, '');
      if (f.replacedBy) out.replacedBy ??= f.replacedBy;
      previousDeprecates = true;
    }
    if (!isEmptyAvailability(f.availability)) out.availability = orderedAvailability({ ...f.availability, ...out.availability });
    out.line ??= s.line;
  }
  return out;
}
