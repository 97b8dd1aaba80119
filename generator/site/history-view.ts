/**
 * Each object's and key's history on the site, from a history report (`dmspec history --format
 * json` over the known versions, oldest first): for every fact that changed, its value in the
 * version where it took it. A key with no entry did not change across the versions that have its
 * page, which the page says in words, with the versions named.
 */
import type { EntryHistory, FactTimeline, HistoryReport } from '../diff/history.js';
import type { JsonValue } from '../model/ir.js';
import { htmlText } from './html.js';

export interface SiteHistory {
  /** An HTML fragment for a key's history (empty without a report). */
  keyHtml(object: string, key: string): string;
  objectHtml(object: string): string;
  /** The versions, oldest first, as the site names them. */
  readonly versions: readonly string[];
}

/** A version as a reader knows it: the date in its label (`changelog-2026-06-09`), else the label. */
export function versionName(label: string): string {
  const date = /(\d{4}-\d{2}(?:-\d{2})?)/.exec(label);
  return date ? date[1]! : label.split('/').filter(Boolean).pop() ?? label;
}

function valueText(fact: string, v: JsonValue): string {
  if (v === null) return 'not stated';
  if (fact === 'present') return v ? 'on the page' : 'not on the page';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k} ${typeof x === 'string' ? x : JSON.stringify(x)}`).join(', ');
  return String(v);
}

const FACT_NAMES: Record<string, string> = {
  present: 'on the page', type: 'type', required: 'required', default: 'default', allowedValues: 'allowed values',
  minimum: 'minimum', maximum: 'maximum', deprecated: 'deprecated', deprecationNote: 'deprecation note',
  replacedBy: 'replaced by', deprecatedWhen: 'deprecated when', supervised: 'supervised', payloadType: 'payload type',
};

function timelineRows(facts: readonly FactTimeline[], name: (v: string) => string): string {
  return facts
    .filter((f) => f.changes.length)
    .map((f) => `<tr><th scope="row">${htmlText(FACT_NAMES[f.fact] ?? `${f.fact} availability`)}</th><td>${f.changes.map((c) => `<span class="when">${htmlText(name(c.version))}</span> ${htmlText(valueText(f.fact, c.value))}`).join('<br>')}</td></tr>`)
    .join('');
}

/**
 * The site's history from a report. `current` names a version whose label has no date (`spec`,
 * the checkout's own pages). Versions read from the test corpus (`corpus/` in the label) hold only
 * some pages: the caption says that a page missing there may have been left out of the snapshot.
 */
export function siteHistory(report: HistoryReport | undefined, current = 'spec'): SiteHistory {
  if (!report || report.versions.length === 0) return { keyHtml: () => '', objectHtml: () => '', versions: [] };
  const byKey = new Map<string, EntryHistory>();
  for (const e of report.entries) byKey.set(`${e.object}\u0000${e.property ?? ''}`, e);
  const names = new Map(report.versions.map((v) => [v, /\d{4}-\d{2}/.test(v) ? versionName(v) : current]));
  const name = (v: string): string => names.get(v) ?? versionName(v);
  const versions = report.versions.map(name);
  const partial = report.versions.filter((v) => /(^|\/)corpus\//.test(v)).map(name);
  const span = `${versions[0]} to ${versions[versions.length - 1]}`;
  const caveat = partial.length ? ` (the ${partial.join(' and ')} snapshots hold only some pages: a page missing there may have been left out)` : '';
  const table = (e: EntryHistory): string => `<table class="history"><caption>Changes across ${htmlText(span + caveat)}</caption><tbody>${timelineRows(e.facts, name)}</tbody></table>`;
  return {
    versions,
    keyHtml(object, key) {
      const e = byKey.get(`${object}\u0000${key}`);
      return e ? table(e) : `<p class="history">Unchanged across the known versions (${htmlText(span)}) that have this page.</p>`;
    },
    objectHtml(object) {
      const e = byKey.get(`${object}\u0000`);
      return e ? table(e) : '';
    },
  };
}
