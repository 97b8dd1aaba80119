/**
 * The site's index (every object by what it is, with the payload, declaration, request or
 * message type it is routed by) and the search documents: one per object and one per key.
 */
import { cmp } from '../model/diagnostics.js';
import { TOP_LEVEL, COMMON_PAYLOAD_KEYS } from '../emit/built-in-objects.js';
import { documentKinds, type Routes } from '../emit/document-kinds.js';
import type { EmitModel, EmitObject } from '../emit/emit-model.js';
import { keyAnchors } from '../emit/page-links.js';
import { relations } from '../emit/relations.js';
import { htmlText } from './html.js';
import { pagePath, proseInline } from './page-view.js';

export interface IndexView {
  intro: string;
  groups: Array<{
    id: string;
    heading: string;
    count: string;
    routeLabel: string;
    entries: Array<{ href: string; name: string; route: string; summaryHtml: string; deprecated: boolean }>;
  }>;
}

export function indexView(model: EmitModel, intro: string): IndexView {
  const kinds = documentKinds(model);
  const r = relations(model);
  const routed = (routes: Routes): EmitObject[] => routes.flatMap(([, list]) => list);
  const structure = [TOP_LEVEL, COMMON_PAYLOAD_KEYS, ...(kinds.declarationBase ? [kinds.declarationBase.ir.name] : [])].flatMap((n) => model.byName.get(n) ?? []);
  const groups: Array<[string, string, string, EmitObject[]]> = [
    ['payloads', 'Profile payloads', 'Payload type', routed(kinds.payloads)],
    ['declarations', 'Declarations', 'Declaration type', routed(kinds.declarations)],
    ['commands', 'MDM commands', 'Request type', routed(kinds.commands)],
    ['check-ins', 'Check-in messages', 'Message type', routed(kinds.checkIns)],
    ['structure', 'Profile and declaration structure', '', structure],
  ];
  const placed = new Set(groups.flatMap(([, , , list]) => list));
  groups.push(['other', 'Nested dictionaries, responses and other objects', '', model.objects.filter((e) => !placed.has(e))]);
  return {
    intro,
    groups: groups.filter(([, , , list]) => list.length).map(([id, heading, routeLabel, list]) => ({
      id,
      heading: htmlText(heading),
      count: String(new Set(list).size),
      routeLabel: htmlText(routeLabel),
      entries: [...new Set(list)]
        .map((e) => ({ e, route: r.route.get(e)?.value ?? '' }))
        // Routed groups read best by their type (`com.apple.wifi.managed`), the rest by title.
        .sort((a, b) => cmp(routeLabel ? a.route : a.e.ir.name, routeLabel ? b.route : b.e.ir.name) || cmp(a.e.ir.name, b.e.ir.name))
        .map(({ e, route }) => ({
          href: htmlText(pagePath(e)),
          name: htmlText(e.ir.name),
          route: htmlText(route),
          summaryHtml: e.ir.summary ? proseInline(e.ir.summary, model, 'objects/') : '',
          deprecated: e.ir.deprecated === true,
        })),
    })),
  };
}

/** One search document: what is matched, and what a result shows. */
export interface SearchDoc {
  id: number;
  /** Object title, or the key's name. */
  title: string;
  /** The object a key belongs to (empty for objects). */
  object: string;
  /** Payload, declaration, request or message type. */
  type: string;
  text: string;
  /** Page (and anchor) relative to the site root. */
  url: string;
}

/** Markdown as plain words for matching: no link targets, code ticks or emphasis. */
function plain(markdown: string): string {
  return markdown.replace(/\]\([^)]*\)/g, ']').replace(/[`*_[\]#>]/g, '').replace(/\s+/g, ' ').trim();
}

export function searchDocs(model: EmitModel): SearchDoc[] {
  const r = relations(model);
  const docs: SearchDoc[] = [];
  for (const e of model.objects) {
    const url = pagePath(e);
    docs.push({ id: docs.length, title: e.ir.name, object: '', type: r.route.get(e)?.value ?? '', text: plain(e.ir.summary ?? ''), url });
    const anchors = keyAnchors(e);
    for (const p of [...e.properties, ...(e.wildcard ? [e.wildcard] : [])]) {
      // The common payload keys repeat on every payload: found once, on their own page.
      if (e.ir.payloadType && !e.ir.properties.includes(p)) continue;
      docs.push({ id: docs.length, title: p.name, object: e.ir.name, type: '', text: plain(p.description), url: `${url}#${anchors.get(p.name) ?? ''}` });
    }
  }
  return docs;
}
