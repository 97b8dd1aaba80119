/**
 * A note for each key of a payload whose page names a declarative replacement: the
 * configuration to use instead, and whether `dmspec migrate` carries the value over. A key whose
 * `deprecated` warning already gives the page's sentence (which names the replacement) gets no
 * note: the deprecation's own message says it; nor does one whose replacement the target
 * platform or version does not have yet.
 */
import type { PlistDict } from '../runtime/plist/index.js';
import type { ProfileIssue } from './check-profile.js';
import type { ValidateOptions } from '@dmspec/apple/validators';
import { compareVersions } from '../model/versions.js';
import type { PayloadTypeFacts, ReplacementFactView } from './payload-facts.js';
import { payloadValues } from '../runtime/declarative/set-facts.js';

/**
 * Whether the replacement exists on the target: with a platform, its page's availability must
 * list it (when exhaustive) and, with a version, have introduced it by then.
 */
function availableOnTarget(r: ReplacementFactView, o: ValidateOptions): boolean {
  if (o.platform === undefined || r.availability === undefined) return true;
  const here = r.availability[o.platform];
  if (here === undefined) return !r.exhaustive;
  if (here.available === false) return false;
  return o.osVersion === undefined || here.introduced === undefined || compareVersions(here.introduced, o.osVersion) <= 0;
}

/** The notes of one payload (`prefix` is its path: `PayloadContent[0]`), given the issues already found. */
export function replacementNotes(prefix: string, type: string, dict: PlistDict, facts: PayloadTypeFacts | undefined, found: readonly ProfileIssue[], o: ValidateOptions): ProfileIssue[] {
  if (!facts?.replacements?.length) return [];
  const said = new Set(found.filter((i) => i.code === 'deprecated').map((i) => i.path));
  const value: Record<string, unknown> = dict;
  const notes: ProfileIssue[] = [];
  for (const r of facts.replacements) {
    if (!availableOnTarget(r, o)) continue;
    for (const [at] of payloadValues(value, r.path)) {
      const path = `${prefix}.${at}`;
      if (said.has(path)) continue;
      const what = r.key !== undefined ? `the ${r.key} key of the declarative management ${r.declarationType} configuration` : `the declarative management ${r.declarationType} configuration`;
      const defined = r.declaration !== undefined ? '' : ', which the spec does not define';
      const carry = r.carriesTo !== undefined ? `; dmspec migrate carries it to ${r.carriesTo}` : r.reason !== undefined ? `; dmspec migrate cannot carry it: ${r.reason}` : '';
      notes.push({ path, payloadType: type, code: 'declarative-replacement', severity: 'info', message: `its page names ${what} to use instead${defined} (${r.source})${carry}`, expected: r.declarationType });
    }
  }
  return notes;
}
