/**
 * The view of a diff report: sections of entries, each entry one line of Markdown (and maybe a
 * collapsible list), each saying which changes of the report it accounts for. Breaking changes
 * are listed one by one; the same change on many keys (a platform listed for the first time, a
 * deprecation across a family, a reworded boilerplate sentence) becomes one entry with a count.
 */
import type { Change, DiffReport } from './changes.js';
import { count, linkTarget, markdownCode, markdownHunks, markdownInline, markdownValue, plural } from './markdown.js';
import { editSignature, FACT_KIND, sharedHunks, type WordHunk } from './word-diff.js';

/** Where each side's pages are, as a prefix for `file#Lline` links; a side without one gets plain `file:line`. */
export interface PageLinks {
  old?: string;
  new?: string;
}

export interface ReportEntry {
  /** The entry's line, Markdown without the list marker. */
  line: string;
  /** A collapsible list: its summary (plain text) and its lines (Markdown). */
  details?: { summary: string; lines: string[] };
  /** Indexes into `report.changes` that this entry accounts for. */
  covers: number[];
}

export interface ReportSection {
  title: string;
  entries: ReportEntry[];
  /** Never cut by a line budget. */
  whole: boolean;
}

/** A group is worth a line of its own from this many changes. */
const GROUP_MIN = 3;
/** Same-edit description groups from this many keys. */
const WORDING_GROUP_MIN = 2;
/** Keys named in the line itself rather than in a collapsible list, up to this many. */
const INLINE_KEYS = 6;
/** Lines of a group's collapsible list; the rest share the last one. */
const MAX_LIST_LINES = 8;

/** An edit of at most this many words, with no context its keys share, is listed with each key's own text. */
const BARE_EDIT_WORDS = 3;
const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Whether a hunk's context holds any word beyond the elision mark. */
const contextWords = (text: string): boolean => text.replace(/…/g, '').trim() !== '';

/** Adds `value` to the list under `key`: in place, since a group may hold hundreds of changes. */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `Object.Key` as code; an object's own change says so, since `A.B` may name a key or an object. */
export function ref(c: Pick<Change, 'object' | 'property' | 'kind'>): string {
  if (c.property !== undefined) return markdownCode(`${c.object}.${c.property}`);
  return c.kind === 'object-added' || c.kind === 'object-removed' ? markdownCode(c.object) : `${markdownCode(c.object)} (object)`;
}

/** What one change does, without the key it is on. */
export function describeChange(c: Change): string {
  const v = markdownValue;
  switch (c.kind) {
    case 'object-added': return `object added (${markdownInline(String(c.new))})`;
    case 'object-removed': return `object removed (${markdownInline(String(c.old))})`;
    case 'property-added': return `key added, ${v(c.new)}`;
    case 'property-removed': return `key removed (was ${v(c.old)})`;
    case 'type-changed': return `type ${v(c.old)} → ${v(c.new)}`;
    case 'required-changed': return c.new === true ? 'now required' : 'no longer required';
    case 'default-changed': return `default ${v(c.old)} → ${v(c.new)}`;
    case 'allowed-values-changed':
      if (Array.isArray(c.new) && c.old === null) return `values now limited to ${c.new.map(v).join(', ')}`;
      if (Array.isArray(c.old) && c.new === null) return `values no longer limited (were ${c.old.map(v).join(', ')})`;
      return c.new !== null ? `allowed value ${v(c.new)} added` : `allowed value ${v(c.old)} removed`;
    case 'range-changed': return `${c.bound ?? 'bound'} ${v(c.old)} → ${v(c.new)}`;
    case 'availability-changed': return `${markdownInline(c.platform ?? '')} ${v(c.old)} → ${v(c.new)}`;
    case 'deprecation-changed': return c.new === true ? 'deprecated' : 'no longer deprecated';
    case 'supervision-changed': return `supervised only: ${supervisionText(c.old)} → ${supervisionText(c.new)}`;
    case 'payload-type-changed': return `payload type ${v(c.old)} → ${v(c.new)}`;
    case 'inherits-changed': return c.new !== null ? `now inherits ${markdownCode(String(c.new))}` : `no longer inherits ${markdownCode(String(c.old))}`;
    case 'description-changed': return c.hunks?.length ? markdownHunks(c.hunks) : 'description changed';
    default: {
      const never: never = c.kind;
      return never;
    }
  }
}

function supervisionText(x: Change['old']): string {
  if (x === false || x === null) return 'no';
  if (x === true) return 'yes';
  return Array.isArray(x) ? `in ${x.map((p) => markdownInline(String(p))).join(', ')}` : markdownInline(String(x));
}

interface Group {
  /** The entry's line for `n` changes. */
  title: (n: number) => string;
  /** The line of the collapsible list this change goes on, and the item it adds there. */
  sub: string;
  item: string;
  /** The item where it shares a line with items of other lines. */
  tailItem: string;
}

interface GroupedChanges {
  title: Group['title'];
  /** Objects and keys added come before the rest, whatever their number. */
  rank: number;
  items: { i: number; sub: string; item: string; tailItem: string; single: string }[];
}

/** How a non-breaking change groups with others: same key, same line. */
function groupOf(c: Change, sentence: string): { key: string } & Group {
  const item = `${ref(c)}${sentence}`;
  const byObject = { sub: markdownCode(c.object), item: `${c.property !== undefined ? markdownCode(c.property) : '(the object)'}${sentence}`, tailItem: item };
  const byValue = (label: string) => ({ sub: label, item, tailItem: `${ref(c)} (${label})${sentence}` });
  const cls = c.class;
  switch (c.kind) {
    case 'object-added':
      return { key: `${cls}|object-added`, title: (n) => `${plural(n, 'object')} added`, ...byValue(markdownInline(String(c.new))), item: markdownCode(c.object), tailItem: `${markdownCode(c.object)} (${markdownInline(String(c.new))})` };
    case 'property-added':
      return { key: `${cls}|property-added`, title: (n) => `${plural(n, 'key')} added`, ...byObject };
    case 'availability-changed': {
      const p = markdownInline(c.platform ?? '');
      // Availability stated for the first time says nothing about one platform: one line for all.
      if (c.old === null && cls === 'informational') return { key: `${cls}|av+`, title: (n) => `availability stated for the first time (${plural(n, 'platform line')} on keys whose pages stated none before)`, ...byValue(`${p} ${markdownValue(c.new)}`) };
      if (c.old === null) return { key: `${cls}|av+|${c.platform}`, title: (n) => `${p} listed for the first time on ${plural(n, 'key')}`, ...byValue(markdownValue(c.new)) };
      // Platforms dropped from a listing, and versions restated, read as one story each across platforms.
      if (c.new === null) return { key: `${cls}|av-`, title: (n) => `a platform no longer listed (${plural(n, 'platform line')})`, ...byValue(`${p} was ${markdownValue(c.old)}`) };
      return { key: `${cls}|av`, title: (n) => `availability versions changed (${plural(n, 'platform line')})`, ...byValue(`${p} ${markdownValue(c.old)} → ${markdownValue(c.new)}`) };
    }
    default: {
      // Everything else groups when it is exactly the same change: same kind, same old and new.
      const what = describeChange(c);
      return { key: `${cls}|${c.kind}|${c.bound ?? ''}|${JSON.stringify(c.old)}|${JSON.stringify(c.new)}`, title: (n) => `${what} on ${plural(n, 'key')}`, ...byObject };
    }
  }
}

/** `a.md:12` as plain text, or as a link to that line when the side's pages have a link prefix. */
function pageRef(prefix: string | undefined, where: Change['source']): string {
  if (!where) return '';
  const label = markdownInline(`${where.file}:${where.line}`);
  return prefix !== undefined ? `[${label}](${linkTarget(`${prefix}${where.file}`)}#L${where.line})` : label;
}

function pageRefs(c: Change, links: PageLinks | undefined): string {
  const removal = c.kind === 'object-removed' || c.kind === 'property-removed';
  const parts: string[] = [];
  const oldWhere = removal ? c.source : c.oldSource;
  if (oldWhere) parts.push(`old ${pageRef(links?.old, oldWhere)}`);
  if (!removal && c.source) parts.push(`new ${pageRef(links?.new, c.source)}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** The sections of the report, in reading order: breaking, additive, informational, wording. */
export function reportSections(report: DiffReport, links?: PageLinks): ReportSection[] {
  const changes = report.changes;
  const keyOf = (c: Change) => `${c.object}\u0000${c.property ?? ''}`;
  // Sentences shown with their fact's change: found by key and fact kind, shown on the first such change.
  const factSentences = new Map<string, WordHunk[]>();
  for (const c of changes) {
    for (const h of c.hunks ?? []) {
      if (!h.withChange || !h.fact) continue;
      const k = `${keyOf(c)}\u0000${FACT_KIND[h.fact]}`;
      append(factSentences, k, h);
    }
  }
  const withSentence = (c: Change): string => {
    const k = `${keyOf(c)}\u0000${c.kind}`;
    const hs = factSentences.get(k);
    if (!hs) return '';
    factSentences.delete(k);
    return ` — “${markdownHunks(hs)}”`;
  };

  const breaking: ReportEntry[] = [];
  const byClass: Record<'additive' | 'informational', Map<string, GroupedChanges>> = { additive: new Map(), informational: new Map() };
  const wordingGroups = new Map<string, { i: number; c: Change; visible: WordHunk[] }[]>();
  const shownWithFact: number[] = [];

  changes.forEach((c, i) => {
    if (c.class === 'breaking') {
      breaking.push({ line: `${ref(c)}: ${describeChange(c)}${withSentence(c)}${pageRefs(c, links)}`, covers: [i] });
      return;
    }
    if (c.kind === 'description-changed') {
      const visible = (c.hunks ?? []).filter((h) => !h.withChange);
      if (c.hunks?.length && !visible.length) {
        shownWithFact.push(i);
        return;
      }
      const sig = c.hunks?.length ? editSignature(visible) : `\u0000${i}`;
      append(wordingGroups, sig, { i, c, visible });
      return;
    }
    const sentence = withSentence(c);
    const g = groupOf(c, sentence);
    const groups = byClass[c.class];
    const entry = groups.get(g.key) ?? { title: g.title, rank: c.kind === 'object-added' ? 0 : c.kind === 'property-added' ? 1 : 2, items: [] };
    entry.items.push({ i, sub: g.sub, item: g.item, tailItem: g.tailItem, single: `${ref(c)}: ${describeChange(c)}${sentence}${pageRefs(c, links)}` });
    groups.set(g.key, entry);
  });

  const grouped = (groups: Map<string, GroupedChanges>): ReportEntry[] => {
    const big: ReportEntry[] = [];
    const small: ReportEntry[] = [];
    const sorted = [...groups.values()].sort((a, b) => a.rank - b.rank || b.items.length - a.items.length || a.items[0]!.i - b.items[0]!.i);
    for (const { title, items } of sorted) {
      if (items.length < GROUP_MIN) {
        for (const x of items) small.push({ line: x.single, covers: [x.i] });
        continue;
      }
      const subs = new Map<string, typeof items>();
      for (const x of items) append(subs, x.sub, x);
      // The largest lines of the list stay lines; the long tail shares one, each item with its label.
      const bySize = [...subs].sort((a, b) => b[1].length - a[1].length);
      const lines = bySize.length > MAX_LIST_LINES ? bySize.slice(0, MAX_LIST_LINES - 1) : bySize;
      const tail = bySize.slice(lines.length);
      const listed = lines.map(([sub, its]) => `${sub} (${count(its.length)}): ${its.map((x) => x.item).join(', ')}`);
      const rest = tail.flatMap(([, its]) => its).sort((a, b) => a.i - b.i);
      if (rest.length) listed.push(`others (${count(rest.length)}): ${rest.map((x) => x.tailItem).join(', ')}`);
      big.push({
        line: title(items.length),
        details: { summary: plural(items.length, 'change'), lines: listed },
        covers: items.map((x) => x.i),
      });
    }
    small.sort((a, b) => a.covers[0]! - b.covers[0]!);
    return [...big, ...small];
  };

  const wording: ReportEntry[] = [];
  const singles: ReportEntry[] = [];
  for (const members of wordingGroups.values()) {
    if (members.length < WORDING_GROUP_MIN) {
      for (const m of members) singles.push({ line: `${ref(m.c)}: ${m.visible.length ? markdownHunks(m.visible) : 'description changed'}`, covers: [m.i] });
      continue;
    }
    // Only the context every key shares: one key's sentence must not stand for all of them.
    const shared = sharedHunks(members.map((m) => m.visible));
    // A small edit with no shared words around it ("is" → "'s") says little alone: each key's own text goes in the list.
    const bare = shared.every((h) => !contextWords(h.before) && !contextWords(h.after) && wordCount(`${h.removed} ${h.added}`) <= BARE_EDIT_WORDS);
    const names = members.map((m) => ref(m.c)).join(', ');
    const own = members.map((m) => `${ref(m.c)}: ${markdownHunks(m.visible)}`);
    const inline = members.length <= INLINE_KEYS;
    wording.push({
      line: `the same edit on ${inline ? names : plural(members.length, 'key')}: ${markdownHunks(shared)}`,
      ...(bare ? { details: { summary: `each key's text (${plural(members.length, 'key')})`, lines: own } } : inline ? {} : { details: { summary: plural(members.length, 'key'), lines: [names] } }),
      covers: members.map((m) => m.i),
    });
  }
  wording.sort((a, b) => b.covers.length - a.covers.length || a.covers[0]! - b.covers[0]!);
  if (shownWithFact.length) {
    singles.push({
      line: `${plural(shownWithFact.length, 'description')} changed only in a sentence shown above with its fact's change`,
      details: { summary: plural(shownWithFact.length, 'key'), lines: [shownWithFact.map((i) => ref(changes[i]!)).join(', ')] },
      covers: shownWithFact,
    });
  }
  const n = (cls: Change['class']) => changes.filter((c) => c.class === cls && c.kind !== 'description-changed').length;
  return [
    { title: `Breaking changes (${count(breaking.length)})`, entries: breaking.length ? breaking : [{ line: 'none', covers: [] }], whole: true },
    { title: `Additive changes (${count(n('additive'))})`, entries: grouped(byClass.additive), whole: false },
    { title: `Informational changes (${count(n('informational'))})`, entries: grouped(byClass.informational), whole: false },
    { title: `Wording (${plural(report.summary.descriptionOnly, 'description')})`, entries: [...wording, ...singles], whole: false },
  ].filter((s) => s.whole || s.entries.length);
}
