/**
 * Spec text is hostile on the site as everywhere: the hostile fixture's pages (a summary holding
 * `<script>alert(1)</script>`, a description holding `<img src=x onerror=alert(1)>`, keys named
 * `__proto__` and `constructor`, values with quotes) must reach every HTML page as text. The
 * browser's view of the same site is checked in `browser.test.ts`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlText, safeUrl } from '../../generator/site/html.js';
import { expectOwnScriptsOnly, hostileSite } from '../helpers/site.js';

describe('the site of a hostile spec', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    const site = await hostileSite();
    expect(site.diagnostics).toEqual([]);
    files = site.files;
  });

  it('shows a page\'s <script> and <img onerror> as text', () => {
    const page = files.get('objects/HostilePayload.html')!;
    // `<` as `&lt;` (our escaper) or `&#x3C;` (hast-util-to-html's, for prose): never a tag.
    expect(page).toMatch(/(&lt;|&#x3C;)script>alert\(1\)(&lt;|&#x3C;)\/script>/);
    expect(page).toMatch(/(&lt;|&#x3C;)img src=x onerror=alert\(1\)>/);
    expect(page).not.toMatch(/<script>|<img/);
    // The footer's spec label is text too.
    expect(page).toContain('the hostile fixture &lt;b&gt;2026-01-01&lt;/b&gt;');
  });

  it('has no script, handler or javascript: URL but its own on any page', () => {
    expect(expectOwnScriptsOnly(files)).toBeGreaterThan(4);
  });

  it('keeps keys named like Object.prototype\'s members as keys', () => {
    const page = files.get('objects/HostilePayload.html')!;
    expect(page).toMatch(/data-key="__proto__"/);
    expect(page).toMatch(/data-key="constructor"/);
    expect(page).toContain('<code>&quot;quoted&quot;</code>');
  });
});

describe('the site\'s escapers', () => {
  it('escape text for content and attributes, and show bidi overrides', () => {
    expect(htmlText(`<a href="x" title='y'>&\u202e`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;\\u202e');
  });

  it('keep only relative, http, https and mailto link targets', () => {
    expect(safeUrl('Restrictions.html#key-allowCamera')).toBe('Restrictions.html#key-allowCamera');
    expect(safeUrl('https://developer.apple.com/documentation/devicemanagement')).toBeDefined();
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/']) expect(safeUrl(bad), bad).toBeUndefined();
  });
});
