/**
 * The views of the documentation pages: one page per object with a table of its keys, and an
 * index grouped by kind. Every cell is escaped here for Markdown.
 */
import { assertNever, type IrExample, type IrObject, type IrProperty, type IrType, type PropertyFact } from '../model/ir.js';
import { availabilityCells, conditionalDeprecationText, deprecationText, objectDeprecationText, profileAvailabilityRows, rangeLabel, sinceLabel, suppliedFrom, supervisionText, valueLabel, valueLines } from './docs-text.js';
import { COMMON_PAYLOAD_KEYS, TOP_LEVEL } from './built-in-objects.js';
import { documentKinds, type Routes } from './document-kinds.js';
import type { EmitModel, EmitObject } from './emit-model.js';
import { markdownCell, markdownCode, markdownInline, markdownPlain, markdownText } from './escape.js';
import { fileStem } from './naming.js';
import { alwaysRequired, conditionsText, unjudgedText } from './required-code.js';
import { appleUrl, keyAnchors, pageIndex, resolveLinks } from './page-links.js';
import { relations } from './relations.js';

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
  supervised: string;
}

export interface DocDetail {
  /** The key's anchor (`key-allowCamera`), an id safe in HTML and in a fragment. */
  anchor: string;
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
  /** The page's Discussion, as Markdown lines (links resolved). */
  discussion: string[];
  /** The page's examples, each a fenced block. */
  examples: Array<{ fence: string; lang: string; text: string }>;
}

export interface DocIndexView {
  groups: Array<{ heading: string; entries: Array<{ link: string; summary: string }> }>;
}

/** Spec prose as Markdown for the docs: links to our pages or Apple's, HTML made inert. */
function prose(text: string, model: EmitModel): string {
  return markdownText(resolveLinks(text, pageIndex(model), (e) => docFileName(e.ident)));
}

/** The same, folded to one line (list items). */
function inline(text: string, model: EmitModel): string {
  return markdownInline(resolveLinks(text, pageIndex(model), (e) => docFileName(e.ident)));
}

const link = (e: EmitObject, key?: string): string =>
  `[${markdownPlain(key ?? e.ir.name)}](${docFileName(e.ident)}${key ? `#${keyAnchors(e).get(key) ?? ''}` : ''})`;

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

function row(p: IrProperty, model: EmitModel, e: EmitObject): DocRow {
  return {
    key: `[${pipe(markdownCode(p.name))}](#${keyAnchors(e).get(p.name) ?? ''})` + (p.deprecated ? ' (deprecated)' : ''),
    type: typeCell(p.type, model) + (p.typeOrigin === 'stated' ? '' : ` (${p.typeOrigin === 'unknown' ? 'unknown' : `from ${p.typeOrigin}`})`),
    required: alwaysRequired(p) ? 'yes' : p.requiredWhen?.length ? markdownCell(conditionsText(p) + (unjudgedText(p) ? ` (${unjudgedText(p)})` : '')) : '',
    default: p.default === undefined ? '' : pipe(markdownCode(valueLabel(p.default))),
    allowed: (p.allowedValues ?? []).map((v) => pipe(markdownCode(valueLabel(v)))).join(', '),
    range: rangeLabel(p),
    // A blank cell would not say whether the key is everywhere or the page is silent.
    availability: availabilityCells(p.availability).map(markdownCell).join('<br>') || 'not stated',
    supervised: p.supervised ? markdownCell(supervisionText(p).replace(/^Requires a supervised device( in )?/, '').replace(/\.$/, '') || 'yes') : '',
  };
}

const SUPPLIED: ReadonlyArray<[PropertyFact, string]> = [['minimum', 'The minimum'], ['maximum', 'The maximum'], ['allowedValues', 'The allowed values']];

/** Facts this key's page does not state, each with the supplement's page, line and date. */
function suppliedLines(p: IrProperty): string[] {
  const lines = SUPPLIED.flatMap(([fact, what]) => {
    const from = p.factSources?.[fact];
    return from ? [`${what} is from the ${from.date} page: ${markdownCode(`${from.file}:${from.line}`)}.`] : [];
  });
  return lines;
}

function detail(p: IrProperty, e: EmitObject, model: EmitModel): DocDetail {
  const lines: string[] = [];
  if (p.description) lines.push(prose(p.description, model), '');
  const values = valueLines(p).filter((v) => !p.description.includes(v.text));
  for (const v of values) lines.push(`- ${markdownCode(v.value)}: ${inline(v.text, model)}`);
  if (values.length) lines.push('');
  if (p.supervised) lines.push(supervisionText(p), '');
  if (p.deprecatedWhen) lines.push(prose(conditionalDeprecationText(p), model), '');
  if (p.deprecated) lines.push(`Deprecated: ${deprecation(p, e, model)}`, '');
  lines.push(...suppliedLines(p));
  if (p.erratum) lines.push('', `Correction of the page (\`${p.erratum.id}\`): ${markdownText(p.erratum.correction)} Evidence: ${markdownText(p.erratum.evidence)}`);
  return { anchor: keyAnchors(e).get(p.name) ?? '', heading: markdownCode(p.name), lines };
}

/** A deprecation's text, its replacement a link where the spec has the page or key. */
function deprecation(p: IrProperty, e: EmitObject, model: EmitModel): string {
  const text = inline(deprecationText(p), model);
  const target = relations(model).replacement(p, e);
  return target ? `${text} Replacement: ${link(target.object, target.key)}.` : text;
}

/** The object's facts that are links: its response or command, the keys it replaces, its page at Apple. */
function relationFacts(e: EmitObject, model: EmitModel): Array<{ label: string; value: string }> {
  const r = relations(model);
  const facts: Array<{ label: string; value: string }> = [];
  const response = r.response.get(e);
  if (response) facts.push({ label: 'Response', value: link(response) });
  const command = r.command.get(e);
  if (command) facts.push({ label: 'Command', value: link(command) });
  const replacing = r.replacing.get(e);
  if (replacing?.length) facts.push({ label: 'Replaces', value: replacing.map((x) => `${link(x.object, x.key)} (${markdownPlain(x.object.ir.name)})`).join(', ') });
  const url = appleUrl(e.ir);
  facts.push({ label: "Apple's page", value: url ? `<${url}>` : 'none (the spec page does not name it)' });
  return facts;
}

export function docPageView(e: EmitObject, model: EmitModel): DocPageView {
  const o = e.ir;
  const facts: Array<{ label: string; value: string }> = [{ label: 'Kind', value: o.kind }];
  if (o.payloadType) facts.push({ label: 'Payload type', value: pipe(markdownCode(o.payloadType)) });
  if (o.declarationType) facts.push({ label: 'Declaration type', value: pipe(markdownCode(o.declarationType)) });
  const route = relations(model).route.get(e);
  if (route && route.label !== 'Payload type' && route.label !== 'Declaration type') facts.push({ label: route.label, value: pipe(markdownCode(route.value)) });
  if (o.availability) facts.push({ label: 'Availability', value: markdownCell(sinceLabel(o.availability)) });
  if (o.deprecated) facts.push({ label: 'Deprecated', value: pipe(markdownText(objectDeprecationText(o) || 'yes')) });
  if (o.profileAvailability) {
    const from = o.factSources?.profileAvailability;
    facts.push({ label: 'Profile availability', value: pipe(markdownText(`${profileAvailabilityRows(o.profileAvailability).join('; ')}${suppliedFrom([from])}`)) });
  }
  for (const parent of e.inherits) facts.push({ label: 'Inherits', value: `[${markdownPlain(parent.ir.name)}](${docFileName(parent.ident)}): its keys apply here too` });
  for (const name of e.unresolvedInherits) facts.push({ label: 'Inherits', value: `${markdownPlain(name)} (not in the spec)` });
  if (o.partialKeys) facts.push({ label: 'Keys', value: 'only some are listed on the page: keys not listed here are not reported as unknown' });
  facts.push(...relationFacts(e, model));
  const props = [...e.properties, ...(e.wildcard ? [e.wildcard] : [])];
  return {
    ident: e.ident,
    title: markdownPlain(o.name),
    summary: prose(o.summary ?? '', model),
    facts,
    rows: props.map((p) => row(p, model, e)),
    deprecations: props.filter((p) => p.deprecated).map((p) => `${link(e, p.name)}: ${deprecation(p, e, model)}`),
    details: props.map((p) => detail(p, e, model)),
    discussion: o.discussion ? discussionLines(o.discussion.text, model) : [],
    examples: examplesOutside(o).map((x) => {
      const longest = Math.max(2, ...(x.text.match(/`+/g) ?? []).map((r) => r.length));
      return { fence: '`'.repeat(longest + 1), lang: x.format === 'text' ? '' : x.format === 'plist' ? 'xml' : 'json', text: x.text.replace(/\r\n?/g, '\n') };
    }),
  };
}

/** The examples the Discussion does not already show (a page's examples mostly sit in it). */
export function examplesOutside(o: IrObject): IrExample[] {
  const d = o.discussion;
  const end = d ? d.line + d.text.split('\n').length + 1 : 0;
  return (o.examples ?? []).filter((x) => !d || x.line < d.line || x.line > end);
}

/**
 * A Discussion as the docs show it: its headings one level below the page's sections, and
 * headings with nothing under them (the changelog mirror's empty "Profile availability") left out.
 */
function discussionLines(text: string, model: EmitModel): string[] {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n(?=#{1,6} )/);
  const kept = blocks.filter((b) => !/^#{1,6} /.test(b) || b.split('\n').slice(1).join('').trim() !== '');
  return prose(kept.join('\n').replace(/^#{1,6} /gm, '### '), model).split('\n');
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
        entries: model.objects.filter((e) => set.has(e)).map((e) => {
          const route = relations(model).route.get(e);
          return {
            link: `[${markdownPlain(e.ir.name)}](${docFileName(e.ident)})${route ? ` (${markdownCode(route.value)})` : ''}`,
            summary: markdownCell(resolveLinks(e.ir.summary ?? '', pageIndex(model), (x) => docFileName(x.ident))),
          };
        }),
      }))
      .filter((g) => g.entries.length > 0),
  };
}
