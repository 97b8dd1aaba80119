/**
 * `dmspec update-spec` on two real versions: a project whose spec/ holds the 2026-06-09 pages is
 * updated to 2026-08-18. The report is written, the exit code says breaking, the generated
 * package's version is bumped, and a failing update leaves spec/ and generated/ as they were.
 *
 * Both versions are given as the pages Apple changed between them (every page that differs or
 * exists in one only): every change of the release is there, while generating and diffing the
 * whole corpus is tested once, in test/emit/corpus.test.ts and test/diff/diff.test.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listSpecFiles } from '../generator/parse/read-spec.js';
import { generate, writeGenerated } from '../generator/pipeline.js';
import { bumpVersion } from '../generator/update-spec.js';
import { dmspecIn } from './helpers/cli.js';
import { corpusDir, describeWith, SEED_PAGES } from './helpers/corpus.js';
import { tempDir } from './helpers/temp.js';

/** A hash of every file's path and bytes below `dir`. */
function treeHash(dir: string): string {
  const h = createHash('sha1');
  for (const f of listSpecFiles(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex');
}

/** Copies to `oldDir` and `newDir` the pages of `from` and `to` that differ between them. */
function copyChangedPages(from: string, to: string, oldDir: string, newDir: string): void {
  const read = (dir: string, f: string): Buffer | undefined => (existsSync(join(dir, f)) ? readFileSync(join(dir, f)) : undefined);
  for (const f of new Set([...listSpecFiles(from), ...listSpecFiles(to)])) {
    const [a, b] = [read(from, f), read(to, f)];
    if (a && b && a.equals(b)) continue;
    for (const [bytes, dir] of [[a, oldDir], [b, newDir]] as const) {
      if (!bytes) continue;
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), bytes);
    }
  }
}

function outputHash(dir: string): string {
  return createHash('sha1').update(JSON.stringify(Object.fromEntries(['package.json', 'ir.json', 'validators/index.js'].map((f) => [f, readFileSync(join(dir, f), 'utf8')])))).digest('hex');
}

describeWith(corpusDir('changelog-2026-08-18'), 'dmspec update-spec', () => {
  let work: string;
  const at = (p: string): string => join(work, p);
  beforeAll(() => {
    work = tempDir('update');
    copyChangedPages(corpusDir('changelog-2026-06-09'), corpusDir('changelog-2026-08-18'), at('spec'), at('2026-08-18'));
    // The old output only has to be one dmspec wrote; the seeds make it quickly.
    expect(writeGenerated(at('generated'), generate(SEED_PAGES))).toBe(true);
    writeFileSync(at('package.json'), JSON.stringify({ name: 'project', private: true, dmspec: { package: { name: '@dmspec/apple', version: '1.4.2', spec: 'old pages' } } }, null, 2));
    mkdirSync(at('broken'));
    writeFileSync(at('broken/no-title.md'), 'A page with keys and no title.\n\n## Properties\n\n### Key\n\n- **Type:** `string`\n');
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('leaves spec/, generated/ and the version as they were when generation fails', async () => {
    const spec = treeHash(at('spec'));
    const out = outputHash(at('generated'));
    const r = await dmspecIn(['update-spec', '--from', 'broken', '--label', 'broken'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken/no-title.md:1: error unknown-flavour');
    expect(r.stderr).toContain('spec/ and the output left as they were');
    expect(treeHash(at('spec'))).toBe(spec);
    expect(outputHash(at('generated'))).toBe(out);
    expect(existsSync(at('reports'))).toBe(false);
    expect(JSON.parse(readFileSync(at('package.json'), 'utf8')).dmspec.package.version).toBe('1.4.2');
  });

  it('replaces the pages, regenerates, bumps the major version and writes the report; exit 1 for breaking', async () => {
    const r = await dmspecIn(['update-spec', '--from', '2026-08-18'], work);
    expect(r.stderr).toContain('@dmspec/apple 2.0.0 (major bump)');
    expect(r.code).toBe(1);
    const pages = (dir: string): string[] => listSpecFiles(dir).sort();
    expect(pages(at('spec'))).toEqual(pages(at('2026-08-18')));
    expect(pages(at('spec')).length).toBeGreaterThan(100);
    const report = readFileSync(at('reports/spec-2026-08-18.md'), 'utf8');
    expect(report).toContain('Version bump for @dmspec/apple: **major** (1.4.2 → 2.0.0): 2 breaking');
    expect(report).toContain('NetworkRouting');
    expect(JSON.parse(readFileSync(at('reports/spec-2026-08-18.json'), 'utf8')).summary.breaking).toBe(2);
    const manifest = JSON.parse(readFileSync(at('generated/package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: '@dmspec/apple', version: '2.0.0' });
    expect(manifest.description).toContain('2026-08-18');
    expect(JSON.parse(readFileSync(at('package.json'), 'utf8')).dmspec.package).toMatchObject({ version: '2.0.0', spec: "Apple's Device Management reference pages of 2026-08-18" });
    // No staging or old folder is left beside spec/ or generated/.
    expect(readdirSync(work).sort()).toEqual(['2026-08-18', 'broken', 'generated', 'package.json', 'reports', 'spec']);
  });
});

it('bumps versions by the class of the changes', () => {
  expect([bumpVersion('1.4.2', 'major'), bumpVersion('1.4.2', 'minor'), bumpVersion('1.4.2', 'patch'), bumpVersion('1.4.2', 'none')]).toEqual(['2.0.0', '1.5.0', '1.4.3', '1.4.2']);
});
