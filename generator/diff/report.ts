/**
 * Reports of a diff: Markdown that reads like release notes (a summary table, then one section
 * per changed object, breaking changes first, one line per change with old → new), and JSON.
 */
import type { JsonValue } from '../model/ir.js';
import { markdownCell, markdownCode } from '../emit/escape.js';
import { baseIdentifier } from '../emit/naming.js';
import { createRenderer } from '../emit/render.js';
import type { Change, ChangeClass, DiffReport } from './changes.js';

export interface MarkdownOptions {
  /** Where the generated docs live, relative to the report; empty for no links. */
  docsBase?: string;
  templatesDir?: string;
}

const CLASSES: ChangeClass[] = ['breaking', 'additive', 'informational'];

function v(x: JsonValue): string {
  if (x === null) return '—';
  if (typeof x === 'object' && !Array.isArray(x)) {
    return Object.entries(x).map(([k, val]) => (k === 'introduced' ? `${String(val)}+` : `${k} ${String(val)}`)).join(', ') || 'stated';
  }
  return markdownCode(typeof x === 'string' ? x : JSON.stringify(x));
}

/** One line for one change: what changed, old → new. */
export function describeChange(c: Change): string {
  const key = c.property !== undefined ? `${markdownCode(c.property)}: ` : '';
  switch (c.kind) {
    case 'object-added': return `object added (${String(c.new)})`;
    case 'object-removed': return `object removed (${String(c.old)})`;
    case 'property-added': return `${key}key added, ${v(c.new)}`;
    case 'property-removed': return `${key}key removed (was ${v(c.old)})`;
    case 'type-changed': return `${key}type ${v(c.old)} → ${v(c.new)}`;
    case 'required-changed': return `${key}${c.new === true ? 'now required' : 'no longer required'}`;
    case 'default-changed': return `${key}default ${v(c.old)} → ${v(c.new)}`;
    case 'allowed-values-changed':
      if (Array.isArray(c.new) && c.old === null) return `${key}values now limited to ${c.new.map(v).join(', ')}`;
      if (Array.isArray(c.old) && c.new === null) return `${key}values no longer limited (were ${c.old.map(v).join(', ')})`;
      return c.new !== null ? `${key}allowed value ${v(c.new)} added` : `${key}allowed value ${v(c.old)} removed`;
    case 'range-changed': return `${key}${c.bound ?? 'bound'} ${v(c.old)} → ${v(c.new)}`;
    case 'availability-changed': return `${key}${c.platform ?? ''} ${v(c.old)} → ${v(c.new)}`;
    case 'deprecation-changed': return `${key}${c.new === true ? 'deprecated' : 'no longer deprecated'}`;
    case 'payload-type-changed': return `payload type ${v(c.old)} → ${v(c.new)}`;
    case 'inherits-changed': return c.new !== null ? `now inherits ${markdownCode(String(c.new))}` : `no longer inherits ${markdownCode(String(c.old))}`;
    case 'description-changed': return `${key}description changed`;
    default: {
      const never: never = c.kind;
      return never;
    }
  }
}

interface ObjectSection {
  heading: string;
  counts: string;
  lines: string[];
  descriptions: string;
}

function section(object: string, changes: Change[], docsBase: string): ObjectSection {
  const link = docsBase ? `[${markdownCell(object)}](${docsBase}${baseIdentifier(object)}.md)` : markdownCell(object);
  const described = changes.filter((c) => c.kind === 'description-changed');
  const rest = changes.filter((c) => c.kind !== 'description-changed');
  // Availability changes of one key read best as one line per key and class.
  const lines: string[] = [];
  for (const cls of CLASSES) {
    const ofClass = rest.filter((c) => c.class === cls);
    const grouped = new Map<string, string[]>();
    for (const c of ofClass) {
      if (c.kind === 'availability-changed') {
        const k = `${c.property ?? ''}`;
        grouped.set(k, [...(grouped.get(k) ?? []), `${c.platform ?? ''} ${v(c.old)} → ${v(c.new)}`]);
      } else {
        lines.push(`- **${cls}** ${describeChange(c)}`);
      }
    }
    for (const [k, parts] of grouped) lines.push(`- **${cls}** ${k ? `${markdownCode(k)}: ` : ''}availability ${parts.join('; ')}`);
  }
  const names = described.map((c) => (c.property !== undefined ? markdownCode(c.property) : 'summary'));
  const count = (cls: ChangeClass) => rest.filter((c) => c.class === cls).length;
  return {
    heading: link,
    counts: `${count('breaking')} breaking, ${count('additive')} additive, ${count('informational')} informational${described.length ? `, ${described.length} description${described.length > 1 ? 's' : ''}` : ''}`,
    lines,
    descriptions: names.length ? `Descriptions changed (${names.length}): ${names.join(', ')}` : '',
  };
}

export function markdownReport(report: DiffReport, options: MarkdownOptions = {}): string {
  const docsBase = options.docsBase ?? '';
  const byObject = new Map<string, Change[]>();
  for (const c of report.changes) byObject.set(c.object, [...(byObject.get(c.object) ?? []), c]);
  const breakingFirst = [...byObject].sort(([a, ca], [b, cb]) => {
    const ba = ca.some((c) => c.class === 'breaking') ? 0 : 1;
    const bb = cb.some((c) => c.class === 'breaking') ? 0 : 1;
    return ba - bb || (a < b ? -1 : a > b ? 1 : 0);
  });
  const sections = breakingFirst.map(([o, cs]) => section(o, cs, docsBase));
  const render = createRenderer(options.templatesDir);
  return render('diff-report.md', {
    old: markdownCell(report.old),
    new: markdownCell(report.new),
    empty: report.changes.length === 0,
    summary: [
      ...CLASSES.map((cls) => ({ label: cls, count: report.summary[cls] })),
      { label: 'description only', count: report.summary.descriptionOnly },
    ],
    objects: sections.map((s) => ({ name: s.heading, counts: s.counts })),
    sections,
  });
}

export function jsonReport(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
