/**
 * Checks the internal links of a folder of generated pages: every relative link (Markdown link,
 * reference definition, HTML `href` or `src`) must name a file of the folder and, with a
 * fragment, an id on that page. External links (http, https, mailto) are counted, not fetched.
 */
import { splitCode } from '../../generator/emit/escape.js';

export interface LinkReport {
  pages: number;
  internal: number;
  external: number;
  /** `page: target (why)`, sorted. */
  broken: string[];
}

/** Link targets and ids of one page. */
interface PageLinks {
  targets: string[];
  ids: Set<string>;
}

/**
 * Links of a Markdown page, read outside code (fenced blocks, code spans) by their syntax: inline
 * `](target)` (with one level of balanced parentheses), `[label]: target` definitions and
 * `<https://…>` autolinks. A Markdown parser reads the same links, but remark takes about 10 ms
 * per page of these tables: 20 s for the docs, where this takes well under one.
 */
function markdownLinks(text: string): PageLinks {
  const targets: string[] = [];
  const ids = new Set<string>();
  for (const [code, part] of splitCode(text)) {
    if (code) continue;
    for (const m of part.matchAll(/(?<!\\)\]\(<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+"[^"]*")?\)/g)) targets.push(m[1]!);
    for (const m of part.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)/gm)) targets.push(m[1]!);
    for (const m of part.matchAll(/<((?:https?|mailto):[^\s>]*)>/g)) targets.push(m[1]!);
    for (const m of part.matchAll(/<a\s+id="([^"]*)"/g)) ids.add(m[1]!);
  }
  return { targets, ids };
}

const decodeAttr = (s: string): string => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function htmlLinks(text: string): PageLinks {
  const targets = [...text.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decodeAttr(m[1]!));
  const ids = new Set([...text.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeAttr(m[1]!)));
  return { targets, ids };
}

/** The folder part of a `/`-separated path, with a final `/` (empty at the root). */
const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

function join(base: string, rel: string): string | undefined {
  const parts = (dirOf(base) + rel).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Checks every `.md` and `.html` page of `files` (path → text, paths relative to the folder). */
export function checkLinks(files: ReadonlyMap<string, string>): LinkReport {
  const pages = [...files.keys()].filter((f) => /\.(md|html)$/.test(f)).sort();
  const parsed = new Map(pages.map((f) => [f, f.endsWith('.md') ? markdownLinks(files.get(f)!) : htmlLinks(files.get(f)!)]));
  const report: LinkReport = { pages: pages.length, internal: 0, external: 0, broken: [] };
  for (const page of pages) {
    for (const target of parsed.get(page)!.targets) {
      if (/^(https?|mailto):/i.test(target)) {
        report.external++;
        continue;
      }
      report.internal++;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
        report.broken.push(`${page}: ${target} (scheme not allowed)`);
        continue;
      }
      const [path = '', fragment] = target.split('#', 2);
      const file = path === '' ? page : join(page, decodeURI(path));
      if (file === undefined || !files.has(file)) {
        report.broken.push(`${page}: ${target} (no such page)`);
        continue;
      }
      if (fragment) {
        const ids = parsed.get(file)?.ids;
        if (!ids?.has(decodeURIComponent(fragment))) report.broken.push(`${page}: ${target} (no such anchor)`);
      }
    }
  }
  report.broken.sort();
  return report;
}
