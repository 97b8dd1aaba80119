/**
 * A key whose deprecation names a declarative replacement: "Deprecated: use the declarative
 * management `com.apple.configuration.intelligence.settings` configuration." (32 restrictions),
 * "Deprecated: use the `Privacy` key in the declarative management
 * `com.apple.configuration.app-settings` configuration." (privacy preferences services). The type
 * is kept as the page writes it: whether the spec defines it is the model's to say.
 */
import type { DeclarativeReplacement } from '../model/ir.js';

const SENTENCE = /\buse the (?:`([^`]{1,120})` key in the )?declarative (?:device )?management `([^`]{1,160})` (?:configuration|declaration)\b/i;

/** The replacement a key's description names, with its line, or undefined. */
export function declarativeReplacement(description: string, firstLine: number): { value: DeclarativeReplacement; line: number } | undefined {
  for (const [i, text] of description.split('\n').entries()) {
    const m = SENTENCE.exec(text);
    if (!m || !/\bdeprecated\b/i.test(text)) continue;
    const value: DeclarativeReplacement = { declarationType: m[2]!.trim() };
    if (m[1] !== undefined) value.key = m[1].trim();
    return { value, line: firstLine + i };
  }
  return undefined;
}
