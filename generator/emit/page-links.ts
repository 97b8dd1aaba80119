/**
 * Links between pages. Apple's pages link each other by site path
 * (`[TopLevel](/documentation/devicemanagement/toplevel)`), which resolves nowhere once the text
 * leaves Apple's site. Each output resolves them its own way: the Markdown docs and the site to
 * their own page of the object where they have one, everything else (articles, other frameworks,
 * JSDoc and schema text that travel without the docs) to Apple's page as a full URL.
 */
import type { IrObject } from '../model/ir.js';
import { BUILT_IN_FILE } from './built-in-objects.js';
import type { EmitModel, EmitObject } from './emit-model.js';

export const APPLE_SITE = 'https://developer.apple.com';
const DM_PATH = '/documentation/devicemanagement/';

/**
 * Apple's page of an object, where the spec's file follows Apple's URL path (the changelog
 * mirror names each page after it: `vpn/ikev2-data.dictionary.md` is
 * `/documentation/devicemanagement/vpn/ikev2-data.dictionary`). Other flavours' file names do
 * not say it, and built-in objects have no page: then there is none, rather than a guess.
 */
export function appleUrl(o: IrObject): string | undefined {
  if (o.source.flavour !== 'changelog' || o.source.file === BUILT_IN_FILE || !/\.md$/i.test(o.source.file)) return undefined;
  return `${APPLE_SITE}${DM_PATH}${o.source.file.replace(/\.md$/i, '')}`;
}

/** Apple site path (lower case, after `/documentation/devicemanagement/`) → the object with a page of ours. */
export type PageIndex = ReadonlyMap<string, EmitObject>;

const indexes = new WeakMap<EmitModel, PageIndex>();

/** The objects of a model by the Apple path of their page. */
export function pageIndex(model: EmitModel): PageIndex {
  let index = indexes.get(model);
  if (!index) {
    const m = new Map<string, EmitObject>();
    for (const e of model.objects) {
      const url = appleUrl(e.ir);
      if (url) m.set(url.slice(APPLE_SITE.length + DM_PATH.length).toLowerCase(), e);
    }
    indexes.set(model, (index = m));
  }
  return index;
}

/** Where a link to one of our own pages goes: the file name of the object's page in this output. */
export type LocalPage = (e: EmitObject) => string;

/**
 * The target of a site-relative link: our page of the object (`local`), or Apple's page as a
 * full URL. With no `local`, always Apple's.
 */
export function resolveSitePath(path: string, index: PageIndex, local?: LocalPage): string {
  if (local && path.toLowerCase().startsWith(DM_PATH)) {
    const [page = ''] = path.slice(DM_PATH.length).split('#');
    const e = index.get(page.replace(/\/+$/, '').toLowerCase());
    if (e) return local(e);
  }
  return `${APPLE_SITE}${path}`;
}

// `](/path` in an inline link, and `[label]: /path` in a reference definition. A destination may
// hold balanced parentheses (`seccodecopydesignatedrequirement(_:_:_:)`): only a path made of
// plain characters and ending the destination is looked up; any other keeps its path and gains
// Apple's host.
const INLINE = /\]\([ \t]*(<?)(\/(?!\/)[A-Za-z0-9._~%/-]*(?:#[A-Za-z0-9._~%-]*)?)(?=([^\n]?))/g;
const DEFINITION = /^([ ]{0,3}\[[^\]\n]*\]:[ \t]*<?)(\/(?!\/)[A-Za-z0-9._~%/-]*(?:#[A-Za-z0-9._~%-]*)?)(?=([^\n]?))/gm;

/**
 * Markdown with every site-relative link resolved: to our pages where `local` is given and the
 * object has one, else to Apple's site. Other links (http, https, mailto, anything else) are left
 * for the target's escaper, which keeps only safe schemes.
 */
export function resolveLinks(markdown: string, index: PageIndex, local?: LocalPage): string {
  // A path that the destination does not end after is not one of our pages: it only gains the host.
  const target = (path: string, next: string): string => (next === '' || /[)\s>]/.test(next) ? resolveSitePath(path, index, local) : `${APPLE_SITE}${path}`);
  return markdown
    .replace(INLINE, (_m, open: string, path: string, end: string) => `](${open}${target(path, end)}`)
    .replace(DEFINITION, (_m, head: string, path: string, end: string) => `${head}${target(path, end)}`);
}

const anchors = new WeakMap<EmitObject, ReadonlyMap<string, string>>();

/**
 * The anchor of each key on its object's page (`key-allowCamera`), the same in the docs and the
 * site: characters an id or a URL fragment would need escaped become `-`, and names that still
 * collide get `-2`, `-3`… in page order.
 */
export function keyAnchors(e: EmitObject): ReadonlyMap<string, string> {
  let m = anchors.get(e);
  if (!m) {
    const out = new Map<string, string>();
    const used = new Set<string>();
    for (const p of [...e.properties, ...(e.wildcard ? [e.wildcard] : [])]) {
      if (out.has(p.name)) continue;
      const base = `key-${p.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
      let id = base;
      for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
      used.add(id);
      out.set(p.name, id);
    }
    anchors.set(e, (m = out));
  }
  return m;
}
