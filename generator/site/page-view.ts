/**
 * The view of one object's page on the site: every string prepared here, escaped for HTML by
 * `html.ts`; the template only lays it out. Facts come from the IR through the same text helpers
 * as the docs and JSDoc, so the three say the same thing.
 */
import { assertNever, PLATFORMS, type IrProperty, type IrType } from '../model/ir.js';
import { availabilityCells, conditionalDeprecationText, deprecationText, rangeLabel, sinceLabel, supervisionText, valueLabel, valueLines } from '../emit/docs-text.js';
import type { EmitModel, EmitObject } from '../emit/emit-model.js';
import { fileStem } from '../emit/naming.js';
import { appleUrl, keyAnchors, pageIndex, resolveLinks } from '../emit/page-links.js';
import { relations } from '../emit/relations.js';
import { examplesOutside } from '../emit/docs-view.js';
import { exampleHtml, htmlText, inlineHtml, markdownHtml } from './html.js';
import type { SiteHistory } from './history-view.js';

/** The page of an object, relative to the site's root. */
export function pagePath(e: EmitObject): string {
  return `objects/${fileStem(e.ident)}.html`;
}

/** A link from one object page to another object (or one of its keys). */
export function pageLink(e: EmitObject, key?: string, text?: string): string {
  const anchor = key ? `#${keyAnchors(e).get(key) ?? ''}` : '';
  return `<a href="${htmlText(`${fileStem(e.ident)}.html${anchor}`)}">${htmlText(text ?? key ?? e.ir.name)}</a>`;
}

export interface Fact {
  label: string;
  html: string;
}

export interface KeyView {
  anchor: string;
  name: string;
  /** Short labels beside the name: type, required, deprecated. */
  badges: Array<{ cls: string; text: string }>;
  typeHtml: string;
  descriptionHtml: string;
  values: Array<{ value: string; html: string }>;
  facts: Fact[];
  historyHtml: string;
  deprecated: boolean;
}

export interface PageView {
  title: string;
  root: string;
  name: string;
  summaryHtml: string;
  facts: Fact[];
  discussionHtml: string;
  keys: KeyView[];
  examples: string[];
  historyHtml: string;
  /** The object's name as the filter passes it to `validatorsByName` (an attribute). */
  validator: string;
}

/**
 * Spec Markdown on an object page: site paths to our pages, else Apple's. Its headings start at
 * `top`: 3 in the Discussion (under its `<h2>`), 4 in a key's description (under the key's `<h3>`).
 */
export function proseHtml(text: string, model: EmitModel, top = 4): string {
  return markdownHtml(resolveLinks(text, pageIndex(model), (e) => `${fileStem(e.ident)}.html`), top);
}

/** One inline run of spec Markdown; `prefix` is the way from the page to `objects/`. */
export function proseInline(text: string, model: EmitModel, prefix = ''): string {
  return inlineHtml(resolveLinks(text, pageIndex(model), (e) => `${prefix}${fileStem(e.ident)}.html`));
}

const inlineProse = (text: string, model: EmitModel): string => proseInline(text, model);

function typeHtml(t: IrType, model: EmitModel): string {
  switch (t.kind) {
    case 'array':
      return `array of ${typeHtml(t.items, model)}`;
    case 'ref': {
      const e = model.byName.get(t.name);
      return e ? pageLink(e) : `${htmlText(t.name)} (not in the spec)`;
    }
    case 'string': case 'integer': case 'real': case 'boolean': case 'date': case 'data': case 'dictionary': case 'any':
      return t.kind;
    default:
      return assertNever(t);
  }
}

function keyFacts(p: IrProperty, e: EmitObject, model: EmitModel): Fact[] {
  const facts: Fact[] = [];
  if (p.default !== undefined) facts.push({ label: 'Default', html: `<code>${htmlText(valueLabel(p.default))}</code>` });
  const range = rangeLabel(p);
  if (range) facts.push({ label: 'Range', html: htmlText(range) });
  const cells = availabilityCells(p.availability);
  facts.push({ label: 'Availability', html: cells.length ? cells.map(htmlText).join(', ') + (p.availabilityExhaustive ? '' : ' <span class="note">(from prose: other platforms not stated)</span>') : '<span class="note">not stated on the page</span>' });
  if (p.supervised) facts.push({ label: 'Supervision', html: htmlText(supervisionText(p)) });
  if (p.deprecatedWhen) facts.push({ label: 'Deprecated when', html: htmlText(conditionalDeprecationText(p)) });
  if (p.deprecated) {
    const target = relations(model).replacement(p, e);
    facts.push({ label: 'Deprecated', html: inlineProse(deprecationText(p), model) + (target ? ` Replacement: ${pageLink(target.object, target.key, target.key ?? target.object.ir.name)}.` : '') });
  }
  if (p.payloadReference) facts.push({ label: 'Refers to', html: 'the <code>PayloadUUID</code> of another payload in the same profile' });
  return facts;
}

function keyView(p: IrProperty, e: EmitObject, model: EmitModel, history: SiteHistory): KeyView {
  const badges: Array<{ cls: string; text: string }> = [];
  if (p.required) badges.push({ cls: 'required', text: 'required' });
  if (p.deprecated) badges.push({ cls: 'deprecated', text: 'deprecated' });
  if (p.supervised) badges.push({ cls: 'supervised', text: p.supervisedPlatforms ? `supervised (${p.supervisedPlatforms.join(', ')})` : 'supervised' });
  const values = valueLines(p);
  const listed = (p.allowedValues ?? []).map(valueLabel);
  return {
    anchor: keyAnchors(e).get(p.name) ?? '',
    name: htmlText(p.name),
    badges: badges.map((b) => ({ cls: b.cls, text: htmlText(b.text) })),
    typeHtml: typeHtml(p.type, model) + (p.typeOrigin === 'stated' ? '' : ` <span class="note">(${p.typeOrigin === 'unknown' ? 'type unknown' : `inferred from the page's ${p.typeOrigin}`})</span>`),
    descriptionHtml: proseHtml(p.description, model),
    // Each allowed value once: with its meaning where the prose does not already list it.
    values: listed.map((v) => {
      const line = values.find((x) => x.value === v);
      return { value: htmlText(v), html: line && !p.description.includes(line.text) ? inlineProse(line.text, model) : '' };
    }),
    facts: keyFacts(p, e, model),
    historyHtml: history.keyHtml(e.ir.name, p.name),
    deprecated: p.deprecated === true,
  };
}

function objectFacts(e: EmitObject, model: EmitModel): Fact[] {
  const o = e.ir;
  const r = relations(model);
  const facts: Fact[] = [{ label: 'Kind', html: htmlText(o.kind) }];
  const route = r.route.get(e);
  if (route) facts.push({ label: route.label, html: `<code>${htmlText(route.value)}</code>` });
  if (o.availability) facts.push({ label: 'Availability', html: htmlText(sinceLabel(o.availability) || PLATFORMS.filter((x) => o.availability?.[x]).join(', ')) });
  if (o.deprecated) facts.push({ label: 'Deprecated', html: 'yes' });
  for (const parent of e.inherits) facts.push({ label: 'Inherits', html: `${pageLink(parent)}: its keys apply here too` });
  for (const name of e.unresolvedInherits) facts.push({ label: 'Inherits', html: `${htmlText(name)} (not in the spec)` });
  if (o.partialKeys) facts.push({ label: 'Keys', html: 'only some are listed on the page: others are not reported as unknown' });
  const response = r.response.get(e);
  if (response) facts.push({ label: 'Response', html: pageLink(response) });
  const command = r.command.get(e);
  if (command) facts.push({ label: 'Command', html: pageLink(command) });
  const replacing = r.replacing.get(e);
  if (replacing?.length) facts.push({ label: 'Replaces', html: replacing.map((x) => `${pageLink(x.object, x.key)} (${htmlText(x.object.ir.name)})`).join(', ') });
  const pa = o.profileAvailability;
  if (pa && Object.keys(pa).length) {
    const rows = Object.entries(pa).map(([platform, a]) => `${htmlText(platform)}: ${[a.requiresSupervision ? 'requires supervision' : '', a.allowedInUserEnrollment ? 'allowed in User Enrollment' : 'not in User Enrollment', a.allowMultiplePayloads ? 'several per profile' : 'one per profile'].filter(Boolean).join(', ')}`);
    facts.push({ label: 'Profile availability', html: rows.join('<br>') });
  }
  const url = appleUrl(o);
  facts.push({ label: "Apple's page", html: url ? `<a href="${htmlText(url)}" rel="noopener">${htmlText(url.replace(/^https:\/\//, ''))}</a>` : '<span class="note">none: the spec page does not name it</span>' });
  facts.push({ label: 'Spec page', html: `<code>${htmlText(`${o.source.file}:${o.source.line}`)}</code>` });
  return facts;
}

/** Headings with nothing under them (the changelog mirror's empty "Profile availability") are left out. */
function discussionText(text: string): string {
  return text.replace(/\r\n?/g, '\n').split(/\n(?=#{1,6} )/).filter((b) => !/^#{1,6} /.test(b) || b.split('\n').slice(1).join('').trim() !== '').join('\n');
}

export function pageView(e: EmitObject, model: EmitModel, history: SiteHistory): PageView {
  const o = e.ir;
  const props = [...e.properties, ...(e.wildcard ? [e.wildcard] : [])];
  return {
    title: htmlText(`${o.name} — Device Management reference`),
    root: '../',
    name: htmlText(o.name),
    summaryHtml: o.summary ? inlineProse(o.summary, model) : '',
    facts: objectFacts(e, model),
    discussionHtml: o.discussion ? proseHtml(discussionText(o.discussion.text), model, 3) : '',
    keys: props.map((p) => keyView(p, e, model, history)),
    examples: examplesOutside(o).map((x) => exampleHtml(x.text, x.format)),
    historyHtml: history.objectHtml(o.name),
    validator: htmlText(o.name),
  };
}
