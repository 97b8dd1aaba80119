/**
 * What a long-lived process (a watcher, the benchmark, a test) keeps between generates: parsed
 * pages by content hash, what the type check has already proved, and the last result. Nothing is
 * reused unless its inputs hash the same.
 */
import { createHash } from 'node:crypto';
import { templatesHash } from './emit/render.js';
import { createEmitCache, type EmitCache } from './emit/incremental-check.js';
import type { PackageInfo } from './emit/package-view.js';
import type { PageInput } from './parse/flavour.js';
import type { PageCache } from './parse/index.js';
import type { PageResult } from './parse/parse-page.js';

export interface GenerateCache {
  pages: PageCache;
  emit: EmitCache;
  last?: { key: string; result: import('./pipeline.js').GenerateResult };
}

// A page object is hashed once, however often a run asks for its key.
const keys = new WeakMap<PageInput, string>();

function pageKey(page: PageInput): string {
  let key = keys.get(page);
  if (key === undefined) {
    key = createHash('sha1').update(page.file).update('\0').update(page.text).update(page.unreadBytes === undefined ? '' : `\0${page.unreadBytes}`).update(page.invalidUtf8 ? `\0utf8:${page.invalidUtf8.line}:${page.invalidUtf8.column}` : '').digest('hex');
    keys.set(page, key);
  }
  return key;
}

/** Page results by the hash of the page's path and text. */
export function contentPageCache(): PageCache {
  const results = new Map<string, PageResult>();
  return {
    get: (page) => results.get(pageKey(page)),
    set: (page, result) => void results.set(pageKey(page), result),
  };
}

export function createGenerateCache(): GenerateCache {
  return { pages: contentPageCache(), emit: createEmitCache() };
}

/** Names one run's inputs: every page, and the options that change the output. */
export function runKey(pages: readonly PageInput[], options: { templatesDir?: string; typecheck?: boolean; package?: PackageInfo }): string {
  const h = createHash('sha1');
  h.update(`${options.typecheck ?? true}\0${JSON.stringify(options.package ?? null)}\0`);
  try {
    h.update(templatesHash(options.templatesDir));
  } catch {
    // No templates to read: emit reports that; the key only has to differ from a working run's.
    h.update('no templates');
  }
  // A page's parse does not depend on its part of the spec, but the IR does: a supplement page only supplies facts.
  for (const p of pages) h.update(pageKey(p)).update(p.supplement ? `\0supplement ${JSON.stringify(p.supplement)}\0` : '\0');
  return h.digest('hex');
}
