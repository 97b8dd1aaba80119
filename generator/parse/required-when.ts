/**
 * Requirements that hold only in some conditions, read from a key's prose: "The system requires
 * this value if the enrollment type is a user enrollment.", "Required when `FilterType` is
 * `Plugin`.", "This field is required if `HostName` is specified.", "You must provide this value
 * if you don’t provide a value for `PhoneNumber`." A required key that the page lists on only
 * some of its object's platforms is required only there. A condition names a sibling key only
 * when the object has that key; the values are typed like it. All conditions of a key hold
 * together (`requiredWhen` is a conjunction).
 */
import type { DiagnosticBag } from '../model/diagnostics.js';
import type { IrObject, IrProperty, JsonValue, Platform, RequiredCondition } from '../model/ir.js';
import { PLATFORMS } from '../model/ir.js';
import { markJudgedConditions } from './judged-conditions.js';
import { sentencesOf } from './prose-sentences.js';
import type { Stated } from './raw.js';
import { typedValue } from './values.js';

const SUBJECT = String.raw`(?:^|; )(?:This (?:key|field|setting|value) is required|[Rr]equired|The (?:device|system) requires this (?:key|value))`;
const ENROLLMENT = new RegExp(String.raw`^(?:The system requires this value if the enrollment type (is|isn[’']t) (?:a )?(user|device) enrollment( on the user channel)?|This key is required for (user|device) enrollments?)\.?$`);
const KEY = String.raw`(?:the )?\x60([^\x60]+)\x60(?: key)?`;
const VALUES = String.raw`\x60([^\x60]+)\x60(?:,? or \x60([^\x60]+)\x60)?`;
// "Required when `FilterType` is `Plugin`.", "Required when setting `PageType` to `Home`."
const KEY_IS = new RegExp(String.raw`${SUBJECT} (?:if|when) (?:${KEY} is (?:set to )?|setting ${KEY} to )${VALUES}\.?$`);
// "This field is required if `HostName` is specified.", "Required when setting `AllowOfflineGracePeriod`."
const KEY_SET = new RegExp(String.raw`${SUBJECT} (?:if|when) (?:${KEY} (?:is|are) (?:specified|present|set|included)|setting ${KEY})\.?$`);
// "Required if `Disabled` isn’t present or is `false`.", "…when the value for `DeleteAllUsers` is absent or `false`."
const KEY_ABSENT_OR = new RegExp(String.raw`${SUBJECT} (?:if|when) (?:the value for )?${KEY} (?:isn[’']t present|is absent) or (?:is )?\x60([^\x60]+)\x60\.?$`);
const UNLESS = /^You must provide this value if you don[’']t provide a value for `([^`]+)`\.?$/;

/** A condition as one sentence states it, before its line is attached (so one stated twice is kept once). */
type Read = Exclude<RequiredCondition, { kind: 'key' }> | Omit<Extract<RequiredCondition, { kind: 'key' }>, 'line'>;

/** A conditional requirement as a sentence states it, before its key names are checked. */
export interface StatedRequirement {
  text: string;
  line: number;
}

/** The sentences of a key's prose that could state a conditional requirement. */
export function requirementSentences(blocks: readonly Stated[]): StatedRequirement[] {
  return sentencesOf(blocks).filter((s) => /requir|must provide/i.test(s.text) && s.text.length < 300).map((s) => ({ text: s.text, line: s.line }));
}

/**
 * Sets `requiredWhen` on each key of `o` whose prose (`stated`, per key) or availability makes
 * its requirement conditional.
 */
export function applyRequiredConditions(o: IrObject, stated: ReadonlyMap<IrProperty, readonly StatedRequirement[]>, diags: DiagnosticBag): void {
  const keys = new Map(o.properties.map((p) => [p.name, p]));
  for (const p of o.properties) {
    const found: Array<{ c: Read; line: number }> = [];
    for (const s of stated.get(p) ?? []) {
      const c = conditionOf(s, keys, p, diags, o.name);
      // A page that states one condition twice (in its Discussion and its list) states it once.
      if (c && !found.some((f) => JSON.stringify(f.c) === JSON.stringify(c))) found.push({ c, line: s.line });
    }
    // A key required (or required on another key's value) that only some platforms have is required only there.
    const platforms = p.required || found.some((f) => f.c.kind === 'key') ? requiredPlatforms(o, p) : undefined;
    if (platforms) found.push({ c: { kind: 'platform', platforms }, line: p.factLines?.availability ?? p.source.line });
    if (!found.length) continue;
    // Each condition on another key's value keeps its own sentence's line.
    p.requiredWhen = found.map((f) => (f.c.kind === 'key' ? { ...f.c, line: f.line } : f.c));
    p.factLines = { ...p.factLines, requiredWhen: found[0]!.line };
  }
  markJudgedConditions(o, stated);
}

function conditionOf(s: StatedRequirement, keys: ReadonlyMap<string, IrProperty>, p: IrProperty, diags: DiagnosticBag, owner: string): Read | undefined {
  const text = s.text;
  const e = ENROLLMENT.exec(text);
  if (e) {
    const negated = e[1] !== undefined && e[1] !== 'is';
    const user = ((e[2] ?? e[4]) === 'user') !== negated;
    return { kind: 'enrollment', enrollment: user ? 'user' : 'device', ...(e[3] ? { channel: 'user' as const } : {}) };
  }
  const sibling = (name: string | undefined): IrProperty | undefined => {
    const k = name === undefined ? undefined : keys.get(name);
    if (name !== undefined && !k) diags.info('unread-requirement', `${owner}.${p.name}: "${text}" names ${name}, which is not a key of ${owner}: the requirement is not applied`, s.line);
    return k === p ? undefined : k;
  };
  const is = KEY_IS.exec(text);
  if (is) {
    const k = sibling(is[1] ?? is[2]);
    if (!k) return undefined;
    const values = [is[3], is[4]].filter((v): v is string => v !== undefined).map((v) => typed(v, k));
    return { kind: 'key', key: k.name, values };
  }
  const set = KEY_SET.exec(text);
  if (set) {
    const k = sibling(set[1] ?? set[2]);
    return k ? { kind: 'key', key: k.name } : undefined;
  }
  const absentOr = KEY_ABSENT_OR.exec(text);
  if (absentOr) {
    const k = sibling(absentOr[1]);
    return k ? { kind: 'key', key: k.name, values: [typed(absentOr[2]!, k)], orAbsent: true } : undefined;
  }
  const unless = UNLESS.exec(text);
  if (unless) {
    const k = sibling(unless[1]);
    return k ? { kind: 'absent', key: k.name } : undefined;
  }
  return undefined;
}

function typed(raw: string, key: IrProperty): JsonValue {
  return typedValue(raw, key.type.kind === 'array' ? key.type.items : key.type).value;
}

/**
 * The platforms a required key is limited to, where the page lists them (its `Available:` line)
 * and they are fewer than its object's: `NotOnConsole` (macOS, tvOS) of a check-in message that
 * every platform sends is required only on macOS and tvOS.
 */
function requiredPlatforms(o: IrObject, p: IrProperty): Platform[] | undefined {
  if (!p.availabilityExhaustive || !p.availability || !o.availability) return undefined;
  const own = PLATFORMS.filter((x) => p.availability?.[x] && p.availability[x]?.available !== false);
  const all = PLATFORMS.filter((x) => o.availability?.[x] && o.availability[x]?.available !== false);
  return own.length && all.some((x) => !own.includes(x)) ? own : undefined;
}
