/**
 * The survey behind the prose-facts table test: every sentence of every key's prose in a spec
 * directory that names a platform and a version, or speaks of deprecation, removal, supervision
 * or support, grouped into forms (platforms, versions and code spans abstracted away).
 */
import { parseSpecDir } from '../../generator/parse/index.js';
import { namesPlatformVersion, PLATFORM_ALT, VERSION } from '../../generator/parse/platform-mentions.js';
import { readProseFacts } from '../../generator/parse/prose-facts.js';
import { sentencesOf } from '../../generator/parse/prose-sentences.js';
import { sentenceFacts } from '../../generator/parse/sentence-facts.js';

export interface SurveyedSentence {
  file: string;
  line: number;
  text: string;
  namesVersion: boolean;
  /** Not reported as unread. */
  read: boolean;
  /** The sentence states a fact the parser takes (whatever it is about). */
  yields: boolean;
}

export interface Survey {
  sentences: SurveyedSentence[];
  /** Form → how many sentences have it, and one of them. */
  forms: Map<string, { count: number; example: SurveyedSentence }>;
}

const KEYWORDS = /deprecat|removed|supervis|supported|no longer/i;
const PLATFORM_LIST = new RegExp(`(?:${PLATFORM_ALT})(?: ${VERSION}\\+?)?`, 'g');

/** A sentence with its platforms, versions and code spans abstracted: its form. */
export function formOf(sentence: string): string {
  return sentence
    .replace(/`[^`]*`/g, '`X`')
    .replace(PLATFORM_LIST, (m) => (/\d/.test(m) ? 'P V' : 'P'))
    .replace(/\b\d+(?:\.\d+)*\b/g, 'V')
    .replace(/P V(?:(?:,? and |, |,? or )P V)+/g, 'P V…')
    .replace(/P(?:(?:,? and |, |,? or )P)+/g, 'P…');
}

export function surveyProse(dirs: readonly string[]): Survey {
  const sentences: SurveyedSentence[] = [];
  for (const dir of dirs) {
    const ir = parseSpecDir(dir);
    for (const o of ir.objects) {
      for (const p of o.properties) {
        const blocks = [{ value: p.description, line: p.source.line }];
        const values = (p.allowedValues ?? []).map(String);
        const unread = new Set(readProseFacts(blocks, p.name, values).unread.map((u) => u.sentence));
        for (const s of sentencesOf(blocks)) {
          const namesVersion = namesPlatformVersion(s.text);
          if (!namesVersion && !KEYWORDS.test(s.text)) continue;
          sentences.push({ file: `${dir}/${o.source.file}`, line: s.line, text: s.text, namesVersion, read: !unread.has(s.text), yields: sentenceFacts(s.text).read });
        }
      }
    }
  }
  const forms = new Map<string, { count: number; example: SurveyedSentence }>();
  for (const s of sentences) {
    const f = formOf(s.text);
    const e = forms.get(f);
    if (e) e.count++;
    else forms.set(f, { count: 1, example: s });
  }
  return { sentences, forms };
}
