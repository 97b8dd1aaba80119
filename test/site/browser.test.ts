/**
 * The reference site of spec/ in a real browser (Debian's headless Chromium, driven by
 * playwright-core): search, the fleet filter, the validator page, accessibility (axe-core), and
 * screenshots of three pages written to `dist/test-artifacts/` to be looked at. The site is built
 * once from the checked-in generated/ package, as `npm run site` builds it, into a temporary
 * folder; every page (and the Markdown docs) is link-checked. Skips, saying so, where Chromium
 * or the shared profiles are missing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../generator/site/index.js';
import { hasExport } from '../../generator/site/bundle.js';
import { HISTORY_FILE, readGenerated, readHistory } from '../../generator/site/site-command.js';
import { writeTree } from '../../generator/emit/output-tree.js';
import { checkLinks } from '../helpers/link-check.js';
import { tempDir } from '../helpers/temp.js';
import { expectOwnScriptsOnly, hostileSite } from '../helpers/site.js';

const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'dist/test-artifacts');
const PROFILE = join(ROOT, '../shared/profiles/clburlison/clburlison/applicationaccess.mobileconfig');
const haveBrowser = existsSync(CHROMIUM);
// The validator page reads plists with the package's own reader, where the package has one.
const havePlist = hasExport(new Map([['package.json', readFileSync(join(ROOT, 'generated/package.json'), 'utf8')]]), 'plist');
if (!havePlist) console.warn('SKIPPED: dropping a profile on the validator page needs @dmspec/apple/plist, which generated/ does not export yet');
if (!haveBrowser) console.warn(`SKIPPED: the site's browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium)`);

let siteDir = '';
let hostileDir = '';
let files = new Map<string, string>();
let browser: Browser | undefined;

beforeAll(async () => {
  const { ir, files: pkg } = readGenerated(join(ROOT, 'generated'));
  const history = readHistory(join(ROOT, HISTORY_FILE));
  const result = await buildSite(ir, pkg, { spec: "Apple's Device Management reference pages of 2026-08-18", history });
  expect(result.diagnostics).toEqual([]);
  files = result.files;
  siteDir = join(tempDir('site'), 'site');
  writeTree(siteDir, files);
  const hostile = await hostileSite();
  expect(hostile.diagnostics).toEqual([]);
  hostileDir = join(tempDir('site-hostile'), 'site');
  writeTree(hostileDir, hostile.files);
  if (haveBrowser) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
});

afterAll(async () => {
  await browser?.close();
  expect(incidents).toEqual([]);
});

const url = (rel: string, dir = siteDir): string => {
  const [, path = '', rest = ''] = /^([^?#]*)(.*)$/.exec(rel) ?? [];
  return pathToFileURL(join(dir, path)).href + rest;
};

/** Script errors and dialogs (`alert`) of the pages opened: none is expected. */
const incidents: string[] = [];

async function open(rel: string, viewport = { width: 1280, height: 900 }, dir = siteDir): Promise<Page> {
  // A new context is a new, empty profile: nothing is kept between tests.
  const context = await browser!.newContext({ viewport, colorScheme: 'light' });
  const page = await context.newPage();
  page.on('pageerror', (e) => incidents.push(`${rel}: ${e.message}`));
  page.on('dialog', (d) => {
    incidents.push(`${rel}: a ${d.type()} dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url(rel, dir));
  return page;
}

describe('the reference site of spec/', () => {
  // The Markdown docs' links are checked by test/emit/docs.test.ts.
  it('has no broken internal link on any page, anchors included', () => {
    const report = checkLinks(files);
    expect(report.pages).toBeGreaterThan(1200);
    expect(report.internal).toBeGreaterThan(15_000);
    expect(report.broken).toEqual([]);
  });

  it('escapes hostile spec text and keeps every script its own', () => {
    expect(expectOwnScriptsOnly(files)).toBeGreaterThan(1200);
  });

  it.skipIf(!haveBrowser)('finds allowCamera and lands on its key in Restrictions', async () => {
    const page = await open('index.html');
    await page.fill('#q', 'allowCamera');
    await page.waitForSelector('#search-results li');
    await page.press('#q', 'Enter');
    await page.waitForURL(/objects\/Restrictions\.html#key-allowCamera$/);
    expect(await page.isVisible('#key-allowCamera')).toBe(true);
    // The search page measures one search over the whole spec.
    const search = await open('search.html?q=wifi');
    await search.waitForSelector('#search-page-results li');
    const ms = Number(await search.evaluate(() => document.body.dataset['searchMs']));
    writeArtifact('search-ms.txt', `${ms}\n`);
    expect(await search.textContent('#search-page-results li:first-child')).toMatch(/WiFi/);
    await search.context().close();
    await page.context().close();
  });

  it.skipIf(!haveBrowser)('marks allowAirDrop as needing supervision for iOS 17 unsupervised', async () => {
    const page = await open('objects/Restrictions.html');
    // Time to first render of the largest object page (its first contentful paint, once painted).
    const paint = await page.evaluate(() => new Promise<number>((resolve) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
    }));
    writeArtifact('restrictions-first-paint-ms.txt', `${paint}\n`);
    expect(paint).toBeGreaterThan(0);
    await page.selectOption('form.fleet select[name=platform]', 'iOS');
    await page.fill('form.fleet input[name=osVersion]', '17');
    await page.selectOption('form.fleet select[name=supervised]', 'false');
    await page.waitForFunction(() => /keys do not apply/.test(document.querySelector('.fleet-status')?.textContent ?? ''));
    expect(await page.textContent('#key-allowAirDrop .applies')).toBe('In this situation: requires a supervised device in iOS; an unsupervised device ignores it.');
    // Available from iOS 18.4: not yet on iOS 17.
    expect(await page.textContent('#key-allowAppleIntelligenceReport .applies')).toContain('available in iOS 18.4 and later, not 17');
    expect(await page.isVisible('#key-allowAirDrop .applies')).toBe(true);
    // Keys the situation does not touch are not marked.
    expect(await page.isHidden('#key-allowDiagnosticSubmission .applies')).toBe(true);
    await page.check('form.fleet input[name=hide]');
    await page.waitForFunction(() => document.getElementById('key-allowAirDrop')?.hidden === true);
    await page.context().close();
  });

  it.skipIf(!haveBrowser || !havePlist || !existsSync(PROFILE))('shows a real profile\'s findings, computed in the page', async () => {
    const page = await open('validate.html');
    await page.setInputFiles('#file', PROFILE);
    await page.waitForFunction(() => /applicationaccess\.mobileconfig: configuration profile/.test(document.getElementById('summary')?.textContent ?? ''));
    const rows = await page.$$eval('#findings tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rows).toContainEqual(['warning', 'PayloadContent[0].pathBlackList', expect.any(String), 'deprecated', expect.stringContaining('use pathDenyList instead')]);
    await page.context().close();
  });

  it.skipIf(!haveBrowser)('shows a hostile page\'s <script> and <img onerror> as text, running nothing', async () => {
    const page = await open('objects/HostilePayload.html', undefined, hostileDir);
    expect(await page.textContent('.summary')).toContain('<script>alert(1)</script>');
    expect(await page.textContent('#key-constructor')).toContain('<img src=x onerror=alert(1)>');
    expect(await page.$$eval('script', (list) => list.map((s) => s.getAttribute('src')))).toEqual(['../assets/site.js']);
    expect(await page.$$('main img')).toEqual([]);
    expect(await page.textContent('footer')).toContain('the hostile fixture <b>2026-01-01</b>');
    await page.context().close();
    expect(incidents).toEqual([]);
  });

  it.skipIf(!haveBrowser)('shows a pasted document\'s hostile key as text in its findings', async () => {
    const page = await open('validate.html');
    const declaration = { Type: 'com.apple.configuration.passcode.settings', Identifier: 'hostile', ServerToken: '1', Payload: { '<img src=x onerror=alert(1)>': 1, MinimumLength: 'six<script>alert(2)</script>' } };
    await page.fill('#paste', JSON.stringify(declaration, null, 2));
    await page.click('#validate-form button[type=submit]');
    await page.waitForFunction(() => /pasted text: declaration/.test(document.getElementById('summary')?.textContent ?? ''));
    const rows = await page.$$eval('#findings tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    expect(rows.filter((r) => r[1]!.includes('<img src=x onerror=alert(1)>')).map((r) => r[3])).toEqual(['unknown-key']);
    expect(rows.find((r) => r[1] === 'Payload.MinimumLength')?.[0]).toBe('error');
    expect(await page.$$('#findings img, #findings script')).toEqual([]);
    await page.context().close();
    expect(incidents).toEqual([]);
  });

  it.skipIf(!haveBrowser)('has no accessibility violation on the object, search and validator pages, light or dark', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    for (const rel of ['objects/WiFi.html', 'search.html?q=passcode', 'validate.html']) {
      const page = await open(rel);
      if (rel.startsWith('search')) await page.waitForSelector('#search-page-results li');
      await page.addScriptTag({ content: axe });
      // The same page in both schemes: the stylesheet follows prefers-color-scheme without a reload.
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const violations = await page.evaluate(async () => {
          const r = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`);
        });
        found.push(...violations.map((v) => `${rel} ${scheme}: ${v}`));
      }
      await page.context().close();
    }
    writeArtifact('axe-violations.txt', `${found.join('\n')}\n`);
    expect(found).toEqual([]);
  });

  it.skipIf(!haveBrowser)('writes screenshots of three pages (desktop, phone, dark)', async () => {
    const shots: Array<[string, string, { width: number; height: number }, 'light' | 'dark']> = [
      ['objects/Restrictions.html#key-allowCamera', 'restrictions.png', { width: 1280, height: 900 }, 'light'],
      ['index.html', 'index-phone.png', { width: 390, height: 844 }, 'light'],
      ['validate.html', 'validate-dark.png', { width: 1100, height: 900 }, 'dark'],
    ];
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [rel, name, viewport, scheme] of shots) {
      const page = await open(rel, viewport);
      await page.emulateMedia({ colorScheme: scheme });
      if (rel === 'validate.html' && havePlist && existsSync(PROFILE)) {
        await page.setInputFiles('#file', PROFILE);
        await page.waitForFunction(() => /configuration profile/.test(document.getElementById('summary')?.textContent ?? ''));
      } else if (rel === 'validate.html') {
        // Without the package's plist reader, a declaration in JSON shows what findings look like.
        await page.fill('#paste', JSON.stringify({ Type: 'com.apple.configuration.passcode.settings', Identifier: 'example', ServerToken: '1', Payload: { MinimumLength: 'six', RequireAlphanumeric: true } }, null, 2));
        await page.click('#validate-form button[type=submit]');
        await page.waitForFunction(() => /declaration/.test(document.getElementById('summary')?.textContent ?? ''));
      }
      await page.screenshot({ path: join(ARTIFACTS, name) });
      await page.context().close();
      expect(existsSync(join(ARTIFACTS, name))).toBe(true);
    }
  });
});

function writeArtifact(name: string, text: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, name), text);
}
