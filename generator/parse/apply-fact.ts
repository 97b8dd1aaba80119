/**
 * Puts one labelled fact onto a `RawProperty`. Flavours spell labels differently
 * (`Allowed Values`, `Possible Values`, `Value`); this is the one table that knows them all.
 */
import { parsePlatformVersions, platformNames } from './availability.js';
import type { DiagnosticBag } from '../model/diagnostics.js';
import type { Labelled } from './labelled.js';
import { labelledValue } from './labelled.js';
import type { RawProperty } from './raw.js';
import { splitValueList } from './values.js';

/** Returns false when the label is not a property fact, so the caller can keep the text as prose. */
export function applyFact(rp: RawProperty, l: Labelled, line: number): boolean {
  switch (l.label) {
    case 'type':
      rp.type = { value: l.codes.length ? l.codes.join('') : l.rest, line };
      return true;
    case 'required':
    case 'presence':
      rp.required = { value: /^(yes|true|required)\b/i.test(l.rest), line };
      return true;
    case 'default':
    case 'default value':
      rp.default = { value: labelledValue(l), line };
      return true;
    case 'allowed values':
    case 'possible values':
    case 'possible value':
    case 'value':
    case 'values':
      rp.allowedValues = { value: splitValueList(l.codes.length ? l.codes : [l.rest]), line };
      return true;
    case 'minimum':
    case 'min':
      rp.minimum = { value: labelledValue(l), line };
      return true;
    case 'maximum':
    case 'max':
      rp.maximum = { value: labelledValue(l), line };
      return true;
    case 'available':
    case 'availability':
      rp.availability = { value: parsePlatformVersions(l.rest, 'introduced', { ...rp.availability?.value }), line };
      return true;
    case 'deprecated':
      rp.deprecatedIn = { value: parsePlatformVersions(l.rest, 'deprecated'), line };
      rp.deprecatedMarker = { value: true, line };
      return true;
    case 'removed':
      rp.removedIn = { value: parsePlatformVersions(l.rest, 'removed'), line };
      return true;
    case 'requires supervision':
      rp.supervisedOn = { value: platformNames(l.rest), line };
      return true;
    case 'allowed for user enrollments':
      rp.userEnrollmentOn = { value: platformNames(l.rest), line };
      return true;
    default:
      return false;
  }
}

// The value is taken whole and trimmed in code: `\s*(.*?)\s*$` is quadratic on a run of spaces.
const FACT_LINE = /^\s*(?:[-*+]\s+)?(\*\*)?([A-Z][A-Za-z ]{1,28}?)(?:\*\*)?:(?:\*\*)?(.*)$/;
const AVAILABILITY_LABELS = new Set(['available', 'availability', 'deprecated', 'removed']);

/**
 * Takes the fact lines out of a block of markdown, applying them to `rp`, and returns what is
 * left as prose. A fact line is `Label: value` on a line of its own, bold or not, bulleted or
 * not: `- **Type:** \`string\``, `Default: \`RSA\``, `Available: iOS 14+ | macOS 11+`.
 * A plain-text label counts only with a code-span value, so prose like "Note: …" stays prose;
 * an unknown bold label is reported, not dropped.
 */
export function takeFactLines(rp: RawProperty, markdown: string, firstLine: number, diags?: DiagnosticBag): string {
  const kept: string[] = [];
  markdown.split('\n').forEach((text, i) => {
    const m = FACT_LINE.exec(text);
    const bold = m?.[1] !== undefined;
    const label = (m?.[2] ?? '').toLowerCase();
    const rest = (m?.[3] ?? '').trim();
    const codes = [...rest.matchAll(/`([^`]*)`/g)].map((c) => c[1] ?? '');
    const fact = { label, codes, rest: rest.replace(/`/g, '').trim() };
    // `Default:` with nothing after it is how the rendered flavour prints an empty default.
    const plausible = AVAILABILITY_LABELS.has(label) ? /\d/.test(rest)
      : label === 'requires supervision' || label === 'allowed for user enrollments' ? platformNames(rest).length > 0
        : bold || codes.length > 0 || (label === 'default' && rest === '');
    if (m && plausible && applyFact(rp, fact, firstLine + i)) return;
    if (m && bold && diags) diags.warning('unknown-fact', `${rp.name}: unknown fact "${m[2]}" kept in the description`, firstLine + i);
    kept.push(text);
  });
  return kept.join('\n').trim();
}
