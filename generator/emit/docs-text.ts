/**
 * Plain-text renderings of IR facts that several outputs share (JSDoc, docs tables, messages):
 * types as people read them, availability, ranges, allowed values.
 */
import { PLATFORMS, assertNever, type Availability, type DeprecationCondition, type FactSource, type IrObject, type IrProperty, type IrType, type JsonValue, type ProfileAvailability, type ProfilePlatform, type ValueFacts } from '../model/ir.js';

/** `[string]`, `VPN.IKEv2`, `integer` — the IR's own spelling. */
export function typeLabel(t: IrType): string {
  switch (t.kind) {
    case 'array':
      return `array of ${typeLabel(t.items)}`;
    case 'ref':
      return t.name;
    case 'string': case 'integer': case 'real': case 'boolean': case 'date': case 'data': case 'dictionary': case 'any':
      return t.kind;
    default:
      return assertNever(t);
  }
}

export function valueLabel(v: JsonValue): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** `iOS 14, macOS 11` for the platforms that state an introduction. */
export function sinceLabel(av: Availability | undefined): string {
  return PLATFORMS.flatMap((p) => (av?.[p]?.introduced ? [`${p} ${av[p]?.introduced}`] : [])).join(', ');
}

export function deprecatedLabel(av: Availability | undefined): string {
  return PLATFORMS.flatMap((p) => (av?.[p]?.deprecated ? [`${p} ${av[p]?.deprecated}`] : [])).join(', ');
}

export function removedLabel(av: Availability | undefined): string {
  return PLATFORMS.flatMap((p) => (av?.[p]?.removed ? [`${p} ${av[p]?.removed}`] : [])).join(', ');
}

export function unavailableLabel(av: Availability | undefined): string {
  return PLATFORMS.filter((p) => av?.[p]?.available === false).join(', ');
}

/** One line per platform for docs: `iOS 14+ (deprecated 17)`, `watchOS: not available`. */
export function availabilityCells(av: Availability | undefined): string[] {
  return PLATFORMS.flatMap((p) => {
    const a = av?.[p];
    if (!a) return [];
    if (a.available === false) return [`${p}: not available`];
    let s = a.introduced ? `${p} ${a.introduced}+` : p;
    if (a.deprecated) s += ` (deprecated ${a.deprecated})`;
    if (a.availableThrough) s += ` (through ${a.availableThrough})`;
    if (a.removed) s += ` (removed ${a.removed})`;
    return [s];
  });
}

export function rangeLabel(p: IrProperty): string {
  if (p.minimum !== undefined && p.maximum !== undefined) return `${p.minimum} to ${p.maximum}`;
  if (p.minimum !== undefined) return `at least ${p.minimum}`;
  if (p.maximum !== undefined) return `at most ${p.maximum}`;
  return '';
}

/**
 * Where facts taken from a supplement were stated: ` (from the 2025-04-13 page, file:line)`, or
 * nothing for facts of the object's own page. Several facts of one page give its lines.
 */
export function suppliedFrom(sources: ReadonlyArray<FactSource | undefined>): string {
  const given = sources.filter((s): s is FactSource => s !== undefined);
  const first = given[0];
  if (!first) return '';
  const lines = [...new Set(given.filter((s) => s.file === first.file).map((s) => s.line))];
  return ` (from the ${first.date} page, ${first.file}:${lines.join(', ')})`;
}

/**
 * A whole object's deprecation: the Discussion's sentence and replacement, or where a supplement
 * states it; empty where the page marks it deprecated and says nothing more.
 */
export function objectDeprecationText(o: Pick<IrObject, 'deprecationNote' | 'replacedBy' | 'factSources'>): string {
  const parts: string[] = [];
  if (o.deprecationNote) parts.push(o.deprecationNote);
  if (o.replacedBy && !o.deprecationNote?.includes(o.replacedBy)) parts.push(`Use ${o.replacedBy} instead.`);
  if (o.factSources?.deprecated) parts.push(`Deprecated${suppliedFrom([o.factSources.deprecated])}.`);
  return parts.join(' ');
}

const TABLE_ROWS: ReadonlyArray<[keyof ProfileAvailability, string]> = [
  ['deviceChannel', 'Device Channel'], ['userChannel', 'User Channel'], ['allowManualInstall', 'Allow Manual Install'],
  ['requiresSupervision', 'Requires Supervision'], ['requiresUserApprovedMdm', 'Requires User Approved MDM'],
  ['allowedInUserEnrollment', 'Allowed in User Enrollment'], ['allowMultiplePayloads', 'Allow Multiple Payloads'],
];

/** A Profile Availability table as the page prints it, one row per fact: `Requires Supervision: iOS`. */
export function profileAvailabilityRows(table: Partial<Record<ProfilePlatform, ProfileAvailability>>): string[] {
  const platforms = Object.keys(table) as ProfilePlatform[];
  return TABLE_ROWS.map(([field, label]) => {
    const where = platforms.filter((x) => table[x]?.[field]);
    return `${label}: ${where.length ? where.join(', ') : 'none'}`;
  });
}

export function throughLabel(av: Availability | undefined): string {
  return PLATFORMS.flatMap((p) => (av?.[p]?.availableThrough ? [`${p} ${av[p]?.availableThrough}`] : [])).join(', ');
}

/**
 * The text of a key's deprecation: the page's sentence, then the versions and the replacement
 * where the sentence does not already say them.
 */
export function deprecationText(p: Pick<IrProperty, 'availability' | 'deprecationNote' | 'replacedBy'>): string {
  const versions = deprecatedLabel(p.availability);
  const note = p.deprecationNote;
  const parts = [note ?? (versions ? `Deprecated in ${versions}.` : 'Deprecated.')];
  const said = (s: string) => note?.replace(/`/g, '').includes(s) ?? false;
  // The page's sentence wins; versions are added only when it names none.
  if (note && versions && !/\d/.test(note)) parts.push(`Deprecated in ${versions}.`);
  if (p.replacedBy && !said(p.replacedBy)) parts.push(`Use ${p.replacedBy} instead.`);
  return parts.join(' ');
}

const CONDITION_LABELS: Record<DeprecationCondition, string> = {
  unsupervised: 'on unsupervised devices',
  managedAppleAccount: 'with Managed Apple Accounts',
};

/** "Deprecated only on unsupervised devices and with Managed Apple Accounts: <sentence>" */
export function conditionalDeprecationText(p: Pick<IrProperty, 'deprecatedWhen' | 'deprecatedWhenNote'>): string {
  if (!p.deprecatedWhen?.length) return '';
  const when = p.deprecatedWhen.map((c) => CONDITION_LABELS[c]).join(' and ');
  return `Deprecated only ${when}, not as a key${p.deprecatedWhenNote ? `: ${p.deprecatedWhenNote}` : '.'}`;
}

/** "Requires a supervised device in iOS 13+, macOS until 10.15, watchOS." */
export function supervisionText(p: Pick<IrProperty, 'supervised' | 'supervisedPlatforms' | 'supervision'>): string {
  if (!p.supervised) return '';
  if (!p.supervisedPlatforms) return 'Requires a supervised device.';
  const where = p.supervisedPlatforms.map((x) => {
    const f = p.supervision?.[x];
    if (f?.since) return `${x} ${f.since}+`;
    if (f?.until) return `${x} until ${f.until}`;
    return x;
  });
  return `Requires a supervised device in ${where.join(', ')}.`;
}

/** One allowed value's own facts: "available in iOS 11.3+; deprecated in tvOS 11.3". */
export function valueFactsText(f: ValueFacts): string {
  const parts: string[] = [];
  const since = PLATFORMS.flatMap((x) => (f.availability?.[x]?.introduced ? [`${x} ${f.availability[x]?.introduced}+`] : [])).join(', ');
  if (since) parts.push(`available in ${since}`);
  const through = throughLabel(f.availability);
  if (through) parts.push(`available through ${through}`);
  const removed = removedLabel(f.availability);
  if (removed) parts.push(`removed in ${removed}`);
  const unavailable = unavailableLabel(f.availability);
  if (unavailable) parts.push(`not available in ${unavailable}`);
  if (f.deprecated) {
    const versions = deprecatedLabel(f.availability);
    parts.push(versions ? `deprecated in ${versions}` : 'deprecated');
  }
  if (f.replacedBy) parts.push(`use ${f.replacedBy} instead`);
  return parts.join('; ');
}

/** Each allowed value with its meaning and its own facts, as list lines without the leading "- ". */
export function valueLines(p: Pick<IrProperty, 'allowedValues' | 'valueDescriptions' | 'valueFacts'>): Array<{ value: string; text: string }> {
  const out: Array<{ value: string; text: string }> = [];
  for (const v of p.allowedValues ?? []) {
    const meaning = p.valueDescriptions?.find((d) => d.value === v)?.description;
    const facts = p.valueFacts?.[String(v)];
    // The meaning may already be the sentence the facts were read from.
    const factText = facts && !restates(meaning, facts) ? valueFactsText(facts) : '';
    if (!meaning && !factText) continue;
    const text = [meaning, factText ? `(${factText[0]?.toUpperCase()}${factText.slice(1)}.)` : undefined].filter(Boolean).join(' ');
    out.push({ value: valueLabel(v), text });
  }
  return out;
}

function restates(meaning: string | undefined, f: ValueFacts): boolean {
  if (!meaning) return false;
  const versions = PLATFORMS.flatMap((x) => {
    const a = f.availability?.[x];
    return a ? [a.introduced, a.deprecated, a.removed, a.availableThrough].filter((v): v is string => v !== undefined).map((v) => `${x} ${v}`) : [];
  });
  return versions.every((v) => meaning.includes(v)) && (!f.deprecated || /deprecat/i.test(meaning));
}
