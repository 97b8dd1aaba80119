/**
 * Turns what a flavour read (`RawObject`) into an `IrObject`, the same way for every flavour:
 * types from their spellings, values typed by them, availability from lines and prose.
 */
import { payloadReferenceLine } from './payload-reference.js';
import { heldValue } from './declaration-reference.js';
import { declarativeReplacement } from './declarative-replacement.js';
import type { DiagnosticBag } from '../model/diagnostics.js';
import { PLATFORMS, type FlavourName, type IrObject, type IrProperty, type IrType, type JsonValue, type ObjectKind, type Platform, type PropertyFact, type ValueDescription } from '../model/ir.js';
import { isEmptyAvailability, mergeAvailability, orderedAvailability, platformNames } from './availability.js';
import { sentencesOf } from './prose-sentences.js';
import { objectProseFacts } from './object-prose.js';
import { readProseFacts } from './prose-facts.js';
import { proseRange } from './prose-range.js';
import { applyRequiredConditions, requirementSentences, type StatedRequirement } from './required-when.js';
import type { RawObject, RawProperty, Stated } from './raw.js';
import { parseTypeSpelling } from './type-spelling.js';
import { typedValue } from './values.js';
import { classifyKind, discussionFacts } from './page-facts.js';

export function buildObject(raw: RawObject, file: string, flavour: FlavourName, diags: DiagnosticBag): IrObject {
  const facts = discussionFacts(raw.discussion?.value ?? '');
  const kind: ObjectKind = raw.kind ?? classifyKind({
    name: raw.name,
    role: raw.role,
    payloadType: facts.payloadType,
    declarationType: facts.declarationType,
    hasProperties: raw.properties !== undefined,
  });
  const object = { name: raw.name, kind } as IrObject;
  if (raw.summary) object.summary = raw.summary;
  if (facts.payloadType) object.payloadType = facts.payloadType;
  if (facts.declarationType) object.declarationType = facts.declarationType;
  if (!isEmptyAvailability(raw.availability)) {
    object.availability = orderedAvailability(raw.availability ?? {});
    if (raw.availabilityExhaustive) object.availabilityExhaustive = true;
  }
  if (raw.deprecated) object.deprecated = true;
  applyObjectProse(object, raw);
  if (facts.inherits.length) object.inherits = facts.inherits;
  if (raw.discussionKeys) object.partialKeys = { line: raw.discussionKeys.line };
  if (raw.profileAvailability) object.profileAvailability = raw.profileAvailability;
  object.properties = [];
  if (raw.discussion) object.discussion = { text: raw.discussion.value, line: raw.discussion.line };
  if (raw.examples.length) object.examples = raw.examples;
  object.source = { file, line: raw.line, flavour };
  if (raw.factLines) object.factLines = { ...raw.factLines, ...object.factLines };

  const seen = new Map<string, number>();
  const requirements = new Map<IrProperty, StatedRequirement[]>();
  // Keys the Discussion lists come after the Properties section's, as on the page.
  for (const rp of [...(raw.properties ?? []), ...(raw.discussionKeys?.properties ?? [])]) {
    const first = seen.get(rp.name);
    if (first !== undefined) {
      diags.warning('duplicate-property', `${raw.name} lists ${rp.name} twice (first on line ${first}); the first is kept`, rp.line);
      continue;
    }
    seen.set(rp.name, rp.line);
    const p = buildProperty(rp, raw.name, file, diags);
    object.properties.push(p);
    const stated = requirementSentences(rp.proseBlocks ?? [{ value: rp.description, line: rp.descriptionLine ?? rp.line }]);
    if (stated.length) requirements.set(p, stated);
  }
  applyRequiredConditions(object, requirements, diags);
  return object;
}

/**
 * The Discussion's deprecation or removal of the whole object ("This payload is deprecated as of
 * macOS 11."): the object is deprecated once, with the sentence, rather than key by key. Versions
 * go on the platforms the page lists; a platform its list omits is not added.
 */
function applyObjectProse(object: IrObject, raw: RawObject): void {
  // Sentences are counted from the section's first line, not its heading's.
  const d = raw.discussion;
  const prose = objectProseFacts(d ? { value: d.value, line: d.bodyLine ?? d.line } : undefined);
  if (prose.line === undefined) return;
  if (prose.deprecated) {
    object.deprecated = true;
    if (prose.deprecationNote) object.deprecationNote = prose.deprecationNote;
    if (prose.replacedBy) object.replacedBy = prose.replacedBy;
    object.factLines = { ...object.factLines, deprecated: prose.line };
  }
  const listed = object.availabilityExhaustive ? object.availability : undefined;
  const add = Object.fromEntries(Object.entries(prose.availability ?? {}).filter(([p]) => !listed || p in listed));
  const merged = mergeAvailability(object.availability, add);
  if (merged && !isEmptyAvailability(merged)) object.availability = orderedAvailability(merged);
}

function resolveType(rp: RawProperty, owner: string, diags: DiagnosticBag): Pick<IrProperty, 'type' | 'typeOrigin'> {
  if (rp.type) {
    const parsed = parseTypeSpelling(rp.type.value);
    if (parsed.ok) return { type: parsed.type, typeOrigin: 'stated' };
    diags.warning('unknown-type', `${owner}.${rp.name}: ${parsed.reason}; typed as any`, rp.type.line);
    return { type: { kind: 'any' }, typeOrigin: 'unknown' };
  }
  if (rp.inferredType) return { type: rp.inferredType.type, typeOrigin: rp.inferredType.origin };
  diags.warning('untyped-property', `${owner}.${rp.name} has no type on the page and none could be inferred; typed as any`, rp.line);
  return { type: { kind: 'any' }, typeOrigin: 'unknown' };
}

function value(raw: string, type: IrType, what: string, line: number, diags: DiagnosticBag): JsonValue {
  const v = typedValue(raw, type);
  if (!v.exact) {
    const numeric = /^[+-]?(\d|\.\d)/.test(raw.trim()) && (type.kind === 'integer' || type.kind === 'real');
    const why = numeric ? `does not fit a JavaScript number exactly (a ${type.kind} past 2^53 or past the largest double)` : `is not a ${type.kind}`;
    diags.warning('value-type-mismatch', `${what} "${raw}" ${why}; kept as written`, line);
  }
  return v.value;
}

function bound(raw: string, what: string, line: number, diags: DiagnosticBag): number | undefined {
  const n = Number(raw.replace(/`/g, '').trim());
  if (raw.trim() !== '' && Number.isFinite(n)) return n;
  diags.warning('bad-range', `${what} "${raw}" is not a number`, line);
  return undefined;
}

export function buildProperty(rp: RawProperty, owner: string, file: string, diags: DiagnosticBag): IrProperty {
  const { type, typeOrigin } = resolveType(rp, owner, diags);
  const where = `${owner}.${rp.name}`;
  const lines: Partial<Record<PropertyFact, number>> = {};
  // Built in the contract's field order, so the IR's JSON reads the same for every flavour.
  const p: IrProperty = { name: rp.name, type, typeOrigin, required: rp.required?.value ?? false } as IrProperty;
  if (rp.type) lines.type = rp.type.line;
  else if (rp.inferredType) lines.type = rp.inferredType.line;
  if (rp.required) lines.required = rp.required.line;
  if (rp.default) {
    p.default = value(rp.default.value, type, `${where} default`, rp.default.line, diags);
    lines.default = rp.default.line;
  }
  if (rp.allowedValues) {
    const allowed = rp.allowedValues;
    p.allowedValues = allowed.value.map((v) => value(v, type, `${where} allowed value`, allowed.line, diags));
    lines.allowedValues = allowed.line;
    const meanings = valueDescriptions(rp.description, p.allowedValues);
    if (meanings.length) p.valueDescriptions = meanings;
  }
  if (rp.minimum) {
    const n = bound(rp.minimum.value, `${where} minimum`, rp.minimum.line, diags);
    if (n !== undefined) { p.minimum = n; lines.minimum = rp.minimum.line; }
  }
  if (rp.maximum) {
    const n = bound(rp.maximum.value, `${where} maximum`, rp.maximum.line, diags);
    if (n !== undefined) { p.maximum = n; lines.maximum = rp.maximum.line; }
  }

  // A list of allowed values says more than the range around it ("0, 60, 300 … The maximum value is 14400").
  if (p.minimum === undefined && p.maximum === undefined && p.allowedValues === undefined && isNumeric(type)) applyProseRange(p, rp, lines);
  applyProse(p, rp, lines, owner, diags);
  p.description = rp.description;
  p.source = { file, line: rp.line };
  const reference = payloadReferenceLine(rp.description, type, rp.descriptionLine ?? rp.line);
  if (reference !== undefined) {
    p.payloadReference = true;
    lines.payloadReference = reference;
  }
  declarativeFacts(p, rp, lines);
  if (Object.keys(lines).length) p.factLines = lines;
  return p;
}

/** What a declaration key holds (identifiers of declarations, a status item, a predicate) and a declarative replacement. */
function declarativeFacts(p: IrProperty, rp: RawProperty, lines: Partial<Record<PropertyFact, number>>): void {
  const first = rp.descriptionLine ?? rp.line;
  const held = heldValue(rp.description, p.type, first);
  if (held.declarationReference) {
    p.declarationReference = held.declarationReference.value;
    lines.declarationReference = held.declarationReference.line;
  }
  if (held.statusItemReference) {
    p.statusItemReference = true;
    lines.statusItemReference = held.statusItemReference.line;
  }
  if (held.predicate) {
    p.predicate = true;
    lines.predicate = held.predicate.line;
  }
  const replacement = declarativeReplacement(rp.description, first);
  if (replacement) {
    p.declarativeReplacement = replacement.value;
    lines.declarativeReplacement = replacement.line;
  }
}

function isNumeric(t: IrType): boolean {
  return t.kind === 'array' ? isNumeric(t.items) : t.kind === 'integer' || t.kind === 'real';
}

/**
 * A range the key's prose states, where its lines state none ("Values must be in the range from
 * 16 to 128."), with the values the prose gives a meaning outside it as exceptions.
 */
function applyProseRange(p: IrProperty, rp: RawProperty, lines: Partial<Record<PropertyFact, number>>): void {
  const range = proseRange(rp.proseBlocks ?? [{ value: rp.description, line: rp.descriptionLine ?? rp.line }]);
  const integer = (t: IrType): boolean => (t.kind === 'array' ? integer(t.items) : t.kind === 'integer');
  const fits = (n: number): boolean => !integer(p.type) || Number.isInteger(n);
  if (range.minimum && fits(range.minimum.value)) {
    p.minimum = range.minimum.value;
    lines.minimum = range.minimum.line;
  }
  if (range.maximum && fits(range.maximum.value)) {
    p.maximum = range.maximum.value;
    lines.maximum = range.maximum.line;
  }
  const exceptions = range.exceptions?.value.filter(fits);
  if (exceptions?.length && p.allowedValues === undefined && (p.minimum !== undefined || p.maximum !== undefined)) {
    p.allowedValues = exceptions;
    lines.allowedValues = range.exceptions!.line;
  }
}

/** Availability, deprecation and supervision: from the page's lines first, then from its prose. */
function applyProse(p: IrProperty, rp: RawProperty, lines: Partial<Record<PropertyFact, number>>, owner: string, diags: DiagnosticBag): void {
  const blocks = rp.proseBlocks ?? [{ value: rp.description, line: rp.descriptionLine ?? rp.line }];
  const { facts: prose, unread } = readProseFacts(blocks, rp.name, rp.allowedValues?.value ?? []);
  for (const u of unread) {
    diags.info('unread-availability', `${owner}.${rp.name}: "${u.sentence}" names a platform and a version, but ${u.reason}`, u.line);
  }
  let availability = mergeAvailability(rp.availability?.value, prose.availability);
  availability = mergeAvailability(rp.deprecatedIn?.value, availability);
  availability = mergeAvailability(rp.removedIn?.value, availability);
  if (availability && !isEmptyAvailability(availability)) {
    p.availability = orderedAvailability(availability);
    if (rp.availabilityExhaustive && rp.availability) p.availabilityExhaustive = true;
    lines.availability = rp.availability?.line ?? rp.deprecatedIn?.line ?? rp.descriptionLine ?? rp.line;
  }
  const deprecated = rp.deprecatedMarker?.value || !isEmptyAvailability(rp.deprecatedIn?.value) || prose.deprecated;
  if (deprecated) {
    p.deprecated = true;
    lines.deprecated = rp.deprecatedMarker?.line ?? rp.deprecatedIn?.line ?? prose.deprecatedLine ?? rp.line;
    if (prose.deprecationNote) p.deprecationNote = prose.deprecationNote;
    if (prose.replacedBy) p.replacedBy = prose.replacedBy;
  }
  if (prose.deprecatedWhen) {
    p.deprecatedWhen = prose.deprecatedWhen;
    if (prose.deprecatedWhenNote) p.deprecatedWhenNote = prose.deprecatedWhenNote;
    if (prose.deprecatedWhenLine) lines.deprecatedWhen = prose.deprecatedWhenLine;
  }
  if (rp.supervisedOn || prose.supervision) {
    p.supervised = true;
    const named = new Set<Platform>([...(rp.supervisedOn?.value ?? []), ...(Object.keys(prose.supervision ?? {}) as Platform[])]);
    const platforms = PLATFORMS.filter((x) => named.has(x));
    if (platforms.length) p.supervisedPlatforms = platforms;
    const versioned = PLATFORMS.filter((x) => prose.supervision?.[x]?.since || prose.supervision?.[x]?.until);
    if (versioned.length) p.supervision = Object.fromEntries(versioned.map((x) => [x, prose.supervision?.[x]]));
    const at = rp.supervisedOn?.line ?? prose.supervisedLine;
    if (at !== undefined) lines.supervised = at;
  }
  if (prose.valueFacts) p.valueFacts = prose.valueFacts;
  const userEnrollment = rp.userEnrollmentOn ?? userEnrollmentSentence(blocks);
  if (userEnrollment) {
    p.allowedInUserEnrollment = PLATFORMS.filter((x) => userEnrollment.value.includes(x));
    lines.allowedInUserEnrollment = userEnrollment.line;
  }
}

const USER_ENROLLMENT = /^Allowed for user enrollments (?:in|on) ([^.]{1,120})\.?$/;

/**
 * "Allowed for user enrollments in iOS, and macOS.": the line's fact as earlier pages write it,
 * in a sentence (which stays in the description).
 */
function userEnrollmentSentence(blocks: readonly Stated[]): Stated<Platform[]> | undefined {
  for (const s of sentencesOf(blocks)) {
    const m = USER_ENROLLMENT.exec(s.text);
    const platforms = m?.[1] ? platformNames(m[1]) : [];
    if (platforms.length) return { value: platforms, line: s.line };
  }
  return undefined;
}

/**
 * Per-value meanings written as a list in the description: "- `None`: No keepalive."
 * Only values that are in the allowed list are taken, so unrelated lists are left alone.
 */
export function valueDescriptions(description: string, allowed: readonly JsonValue[]): ValueDescription[] {
  const out: ValueDescription[] = [];
  const byText = new Map(allowed.map((v) => [String(v), v] as const));
  for (const m of description.matchAll(/^\s*[-*]\s+`([^`]+)`\s*(?::|–|—|-)\s*(.+)$/gm)) {
    const v = byText.get((m[1] ?? '').trim());
    if (v !== undefined && m[2] && !out.some((o) => o.value === v)) out.push({ value: v, description: m[2].trim() });
  }
  return out;
}
