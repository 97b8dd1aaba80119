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
  if (haveBrowser) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
});

afterAll(async () => {
  await browser?.close();
});

const url = (rel: string): string => {
  const [, path = '', rest = ''] = /^([^?#]*)(.*)$/.exec(rel) ?? [];
  return pathToFileURL(join(siteDir, path)).href + rest;
};

async function open(rel: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  // A new context is a new, empty profile: nothing is kept between tests.
  const context = await browser!.newContext({ viewport, colorScheme: 'light' });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(url(rel));
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
    for (const [path, text] of files) {
      if (!path.endsWith('.html')) continue;
      // The only scripts are the site's own files; no inline handlers, no javascript: URLs.
      for (const m of text.matchAll(/<script\b([^>]*)>/g)) expect(m[1], path).toMatch(/^ defer src="(\.\.\/)?assets\/[a-z]+\.js"$/);
      expect(text, path).not.toMatch(/\son[a-z]+=|javascript:/i);
    }
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
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    writeArtifact('restrictions-first-paint-ms.txt', `${paint}\n`);
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

  it.skipIf(!haveBrowser)('has no serious or critical accessibility violation on the object, search and validator pages', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    for (const rel of ['objects/WiFi.html', 'search.html?q=passcode', 'validate.html']) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await open(rel);
        await page.emulateMedia({ colorScheme: scheme });
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const r = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`);
        });
        found.push(...violations.filter((v) => /^(serious|critical)/.test(v)).map((v) => `${rel} ${scheme}: ${v}`));
        await page.context().close();
      }
    }
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
