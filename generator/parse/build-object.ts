/**
 * Turns what a flavour read (`RawObject`) into an `IrObject`, the same way for every flavour:
 * types from their spellings, values typed by them, availability from lines and prose.
 */
import type { DiagnosticBag } from '../model/diagnostics.js';
import type { FlavourName, IrObject, IrProperty, IrType, JsonValue, ObjectKind, PropertyFact, ValueDescription } from '../model/ir.js';
import { isEmptyAvailability, mergeAvailability, orderedAvailability, proseFacts } from './availability.js';
import type { RawObject, RawProperty } from './raw.js';
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
  if (!isEmptyAvailability(raw.availability)) object.availability = orderedAvailability(raw.availability ?? {});
  if (raw.deprecated) object.deprecated = true;
  if (facts.inherits.length) object.inherits = facts.inherits;
  object.properties = [];
  if (raw.examples.length) object.examples = raw.examples;
  object.source = { file, line: raw.line, flavour };

  const seen = new Map<string, number>();
  for (const rp of raw.properties ?? []) {
    const first = seen.get(rp.name);
    if (first !== undefined) {
      diags.warning('duplicate-property', `${raw.name} lists ${rp.name} twice (first on line ${first}); the first is kept`, rp.line);
      continue;
    }
    seen.set(rp.name, rp.line);
    object.properties.push(buildProperty(rp, raw.name, file, diags));
  }
  return object;
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

/** Strips link and code markup so prose can be read as sentences. */
function plainProse(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '');
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

  const prose = proseFacts(plainProse(rp.description));
  let availability = mergeAvailability(rp.availability?.value, prose.availability);
  availability = mergeAvailability(rp.deprecatedIn?.value, availability);
  availability = mergeAvailability(rp.removedIn?.value, availability);
  if (availability && !isEmptyAvailability(availability)) {
    p.availability = orderedAvailability(availability);
    lines.availability = rp.availability?.line ?? rp.deprecatedIn?.line ?? rp.descriptionLine ?? rp.line;
  }
  const deprecated = rp.deprecatedMarker?.value || !isEmptyAvailability(rp.deprecatedIn?.value) || prose.deprecated;
  if (deprecated) {
    p.deprecated = true;
    lines.deprecated = rp.deprecatedMarker?.line ?? rp.deprecatedIn?.line ?? rp.descriptionLine ?? rp.line;
    if (prose.deprecationNote) p.deprecationNote = prose.deprecationNote;
  }
  if (prose.supervised) {
    p.supervised = true;
    if (prose.supervisedPlatforms) p.supervisedPlatforms = prose.supervisedPlatforms;
  }
  p.description = rp.description;
  p.source = { file, line: rp.line };
  if (Object.keys(lines).length) p.factLines = lines;
  return p;
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
