/** Helpers of the site's tests: the hostile fixture's site, and what no page may hold. */
import { join } from 'node:path';
import { expect } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { buildSite, type SiteResult } from '../../generator/site/index.js';

const SPEC = join(import.meta.dirname, '../fixtures/hostile/spec');

/** The site's files by path; its footer names the spec with markup, to be shown as text. */
export function hostileSite(): Promise<SiteResult> {
  // The type check of the generated code is the hostile emit test's: the site reads the IR and JavaScript.
  const generated = generate(SPEC, { typecheck: false });
  return buildSite(generated.ir, generated.files, { spec: 'the hostile fixture <b>2026-01-01</b>' });
}

/**
 * Every HTML page's scripts are the site's own files, and no tag carries a handler, a
 * `javascript:` URL or an element a page could run or load through (the same words as text,
 * escaped, are a page's content).
 */
export function expectOwnScriptsOnly(files: ReadonlyMap<string, string>): number {
  let pages = 0;
  for (const [path, text] of files) {
    if (!path.endsWith('.html')) continue;
    pages++;
    for (const m of text.matchAll(/<script\b([^>]*)>/g)) expect(m[1], path).toMatch(/^ defer src="(\.\.\/)?assets\/[a-z]+\.js"$/);
    expect(text, path).not.toMatch(/<(img|iframe|object|embed|svg|style)\b|<[a-z][^>]*\son[a-z]+=|<[a-z][^>]*javascript:/i);
  }
  return pages;
}
