/**
 * The views of the documentation pages: one page per object with a table of its keys, and an
 * index grouped by kind. Every cell is escaped here for Markdown.
 */
import { assertNever, type IrProperty, type IrType, type PropertyFact } from '../model/ir.js';
import { availabilityCells, conditionalDeprecationText, deprecationText, profileAvailabilityRows, rangeLabel, sinceLabel, suppliedFrom, supervisionText, valueLabel, valueLines } from './docs-text.js';
import { COMMON_PAYLOAD_KEYS, TOP_LEVEL } from './built-in-objects.js';
import { documentKinds, type Routes } from './document-kinds.js';
import type { EmitModel, EmitObject } from './emit-model.js';
import { markdownCell, markdownCode, markdownPlain, markdownText } from './escape.js';
import { fileStem } from './naming.js';

export function docFileName(ident: string): string {
  return `${fileStem(ident)}.md`;
}

export interface DocRow {
  key: string;
  type: string;
  required: string;
  default: string;
  allowed: string;
  range: string;
  availability: string;
}

export interface DocDetail {
  heading: string;
  lines: string[];
}

export interface DocPageView {
  ident: string;
  title: string;
  summary: string;
  facts: Array<{ label: string; value: string }>;
  rows: DocRow[];
  deprecations: string[];
  details: DocDetail[];
}

export interface DocIndexView {
  groups: Array<{ heading: string; entries: Array<{ link: string; summary: string }> }>;
}

const pipe = (s: string): string => s.replace(/\|/g, '\\|');

function typeCell(t: IrType, model: EmitModel): string {
  switch (t.kind) {
    case 'array':
      return `array of ${typeCell(t.items, model)}`;
    case 'ref': {
      const ident = model.identOf.get(t.name);
      return ident ? `[${markdownPlain(t.name)}](${docFileName(ident)})` : `${markdownPlain(t.name)} (not in the spec)`;
    }
    case 'string': case 'integer': case 'real': case 'boolean': case 'date': case 'data': case 'dictionary': case 'any':
      return t.kind;
    default:
      return assertNever(t);
  }
}

function row(p: IrProperty, model: EmitModel): DocRow {
  return {
    key: pipe(markdownCode(p.name)) + (p.deprecated ? ' (deprecated)' : ''),
    type: typeCell(p.type, model) + (p.typeOrigin === 'stated' ? '' : ` (${p.typeOrigin === 'unknown' ? 'unknown' : `from ${p.typeOrigin}`})`),
    required: p.required ? 'yes' : '',
    default: p.default === undefined ? '' : pipe(markdownCode(valueLabel(p.default))),
    allowed: (p.allowedValues ?? []).map((v) => pipe(markdownCode(valueLabel(v)))).join(', '),
    range: rangeLabel(p),
    availability: availabilityCells(p.availability).map(markdownCell).join('<br>'),
  };
}

const SUPPLIED: ReadonlyArray<[PropertyFact, string]> = [['minimum', 'The minimum'], ['maximum', 'The maximum'], ['allowedValues', 'The allowed values']];

/** Facts this key's page does not state, each with the supplement's page, line and date. */
function suppliedLines(p: IrProperty): string[] {
  const lines = SUPPLIED.flatMap(([fact, what]) => {
    const from = p.factSources?.[fact];
    return from ? [`${what} is from the ${from.date} page: ${markdownCode(`${from.file}:${from.line}`)}.`] : [];
  });
  return lines.length ? [...lines, ''] : [];
}

function detail(p: IrProperty): DocDetail | undefined {
  const lines: string[] = [];
  if (p.description) lines.push(markdownText(p.description), '');
  const values = valueLines(p);
  for (const v of values) lines.push(`- ${markdownCode(v.value)}: ${markdownText(v.text)}`);
  if (values.length) lines.push('');
  if (p.supervised) lines.push(supervisionText(p), '');
  if (p.deprecatedWhen) lines.push(markdownText(conditionalDeprecationText(p)), '');
  lines.push(...suppliedLines(p), `Defined at ${markdownCode(`${p.source.file}:${p.source.line}`)}.`);
  return { heading: markdownCode(p.name), lines };
}

export function docPageView(e: EmitObject, model: EmitModel): DocPageView {
  const o = e.ir;
  const facts: Array<{ label: string; value: string }> = [{ label: 'Kind', value: o.kind }];
  if (o.payloadType) facts.push({ label: 'Payload type', value: pipe(markdownCode(o.payloadType)) });
  if (o.declarationType) facts.push({ label: 'Declaration type', value: pipe(markdownCode(o.declarationType)) });
  if (o.availability) facts.push({ label: 'Availability', value: markdownCell(sinceLabel(o.availability)) });
  if (o.deprecated) facts.push({ label: 'Deprecated', value: `yes${o.factSources?.deprecated ? pipe(markdownText(suppliedFrom([o.factSources.deprecated]))) : ''}` });
  if (o.profileAvailability) {
    const from = o.factSources?.profileAvailability;
    facts.push({ label: 'Profile availability', value: pipe(markdownText(`${profileAvailabilityRows(o.profileAvailability).join('; ')}${suppliedFrom([from])}`)) });
  }
  for (const parent of e.inherits) facts.push({ label: 'Inherits', value: `[${markdownPlain(parent.ir.name)}](${docFileName(parent.ident)}): its keys apply here too` });
  for (const name of e.unresolvedInherits) facts.push({ label: 'Inherits', value: `${markdownPlain(name)} (not in the spec)` });
  if (o.partialKeys) facts.push({ label: 'Keys', value: `only some are listed (${pipe(markdownCode(`${o.source.file}:${o.partialKeys.line}`))}): keys not listed here are not reported as unknown` });
  facts.push({ label: 'Source', value: pipe(markdownCode(`${o.source.file}:${o.source.line}`)) + ` (${o.source.flavour})` });
  const props = [...e.properties, ...(e.wildcard ? [e.wildcard] : [])];
  return {
    ident: e.ident,
    title: markdownPlain(o.name),
    summary: markdownText(o.summary ?? ''),
    facts,
    rows: props.map((p) => row(p, model)),
    deprecations: props.filter((p) => p.deprecated).map((p) => `${markdownCode(p.name)}: ${markdownText(deprecationText(p))}`.replace(/\n/g, ' ')),
    details: props.flatMap((p) => detail(p) ?? []),
  };
}

/**
 * The index, grouped by what each object is to a reader: a profile payload, a declaration, an
 * MDM command, a check-in message, the profile's own structure, or a dictionary nested in one of
 * those (`AirPlay.AllowListItem` is not a payload, whatever its page's role line says).
 */
export function docIndexView(model: EmitModel): DocIndexView {
  const kinds = documentKinds(model);
  const members = (routes: Routes): Set<EmitObject> => new Set(routes.flatMap(([, list]) => list));
  const structure = new Set([TOP_LEVEL, COMMON_PAYLOAD_KEYS, ...(kinds.declarationBase ? [kinds.declarationBase.ir.name] : [])].flatMap((n) => model.byName.get(n) ?? []));
  const groups: Array<[string, Set<EmitObject>]> = [
    ['Profile payloads', members(kinds.payloads)],
    ['Declarations', members(kinds.declarations)],
    ['MDM commands', members(kinds.commands)],
    ['Check-in messages', members(kinds.checkIns)],
    ['Profile and declaration structure', structure],
  ];
  const placed = new Set(groups.flatMap(([, set]) => [...set]));
  groups.push(['Nested dictionaries, responses and other objects', new Set(model.objects.filter((e) => !placed.has(e)))]);
  return {
    groups: groups
      .map(([heading, set]) => ({
        heading,
        entries: model.objects.filter((e) => set.has(e)).map((e) => ({
          link: `[${markdownPlain(e.ir.name)}](${docFileName(e.ident)})`,
          summary: markdownCell(e.ir.summary ?? ''),
        })),
      }))
      .filter((g) => g.entries.length > 0),
  };
}
