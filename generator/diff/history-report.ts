/**
 * Reports of a history: Markdown with one table per object, a row per key and fact, a column per
 * version, each cell the value the fact took in that version (empty while it stays the same);
 * and JSON.
 */
import { createRenderer } from '../emit/render.js';
import type { JsonValue } from '../model/ir.js';
import type { FactTimeline, HistoryReport } from './history.js';
import { markdownCode, markdownInline, markdownValue, plural } from './markdown.js';

/**
 * Text made safe in a table cell: every `|` not already escaped gets its backslash.
 * `markdownInline` escapes pipes itself; code spans do not; escaped pairs are kept as they are.
 */
function tableCell(text: string): string {
  return text.replace(/\\[\\|]|\|/g, (m) => (m === '|' ? '\\|' : m));
}

/** Facts that are flags, written in words (`Required: No`); every other value is shown as the page writes it (`true` in code). */
const FLAGS = new Set(['required', 'deprecated']);

/** A value as a table cell, `|` escaped: a default of `true` must not read like a flag's "yes". */
function cell(fact: string, x: JsonValue, first: boolean): string {
  let text: string;
  if (fact === 'present') text = x === true ? (first ? 'yes' : 'added') : 'removed';
  else if (x === null) text = '—';
  else if (typeof x === 'string' && fact === 'deprecationNote') text = markdownInline(x);
  else if (fact === 'supervised') text = x === true ? 'yes' : x === false ? 'no' : `in ${(x as JsonValue[]).map((p) => markdownInline(String(p))).join(', ')}`;
  else if (FLAGS.has(fact) && typeof x === 'boolean') text = x ? 'yes' : 'no';
  else if (fact === 'allowedValues' && Array.isArray(x)) text = x.map(markdownValue).join(', ');
  else text = markdownValue(x);
  return tableCell(text);
}

function row(versions: readonly string[], key: string, t: FactTimeline): string {
  const at = new Map(t.changes.map((c) => [c.version, c.value]));
  return [key, markdownInline(t.fact), ...versions.map((v, i) => (at.has(v) ? cell(t.fact, at.get(v)!, i === 0) : ''))].join(' | ');
}

/** Columns named by the last part of each version's path when that tells them apart. */
function columnNames(versions: readonly string[]): string[] {
  const short = versions.map((v) => v.replace(/\/+$/, '').split(/[/\\]/).pop() || v);
  return new Set(short).size === short.length ? short : [...versions];
}

export function historyMarkdown(report: HistoryReport, templatesDir?: string): string {
  const render = createRenderer(templatesDir);
  const byObject = new Map<string, string[]>();
  for (const e of report.entries) {
    const key = e.property !== undefined ? markdownCode(e.property) : '(object)';
    const rows = e.facts.map((f) => row(report.versions, tableCell(key), f));
    const list = byObject.get(e.object);
    if (list) list.push(...rows);
    else byObject.set(e.object, rows);
  }
  const keys = report.entries.filter((e) => e.property !== undefined).length;
  return render('history-report.md', {
    versions: report.versions.map((v) => markdownCode(v)).join(' → '),
    intro: report.entries.length
      ? `${plural(byObject.size, 'object')} and ${plural(keys, 'key')} across ${plural(report.versions.length, 'version')}: each cell is the value a fact took in that version, empty while it stays the same.`
      : `Nothing changed across ${plural(report.versions.length, 'version')}.`,
    header: ['key', 'fact', ...columnNames(report.versions).map((v) => tableCell(markdownInline(v)))].join(' | '),
    rule: ['---', '---', ...report.versions.map(() => '---')].join('|'),
    objects: [...byObject].map(([name, rows]) => ({ name: markdownCode(name), rows })),
  });
}

export function historyJson(report: HistoryReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
