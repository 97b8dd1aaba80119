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
import { corpusDir, describeWith, SEED_PAGES, SHARED } from './helpers/corpus.js';
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
  const LOCK = { name: 'project', lockfileVersion: 3, requires: true, packages: { '': { name: 'project', workspaces: ['generated'] }, generated: { name: '@dmspec/apple', version: '1.4.2' }, 'node_modules/@dmspec/apple': { resolved: 'generated', link: true } } };
  beforeAll(() => {
    work = tempDir('update');
    copyChangedPages(corpusDir('changelog-2026-06-09'), corpusDir('changelog-2026-08-18'), at('spec'), at('2026-08-18'));
    // A user's files in the spec folder, and a supplement: none of them is a primary page.
    writeFileSync(at('spec/thesis.docx'), 'my thesis');
    mkdirSync(at('spec/sub'));
    writeFileSync(at('spec/sub/id_rsa'), 'a private key');
    writeFileSync(at('spec/NOTES.txt'), 'notes');
    mkdirSync(at('spec/images'));
    writeFileSync(at('spec/images/a.png'), 'png');
    // A supplement, as spec/ has one: it stays, and what the new pages fuse with it is generated.
    mkdirSync(at('spec/supplement/rendered'), { recursive: true });
    for (const f of ['passcode.md', 'vpn.md']) writeFileSync(at(`spec/supplement/rendered/${f}`), readFileSync(join(SHARED, 'apple-spec-2025-04-13-rendered', f)));
    writeFileSync(at('spec/spec.json'), JSON.stringify({ primary: { date: '2026-06-09', flavour: 'changelog', source: 'the changelog mirror' }, supplements: [{ folder: 'supplement/rendered', flavour: 'rendered', date: '2025-04-13', source: 'rendered pages' }] }));
    // The old output only has to be one dmspec wrote; the seeds make it quickly.
    expect(writeGenerated(at('generated'), generate(SEED_PAGES))).toBe(true);
    writeFileSync(at('package.json'), JSON.stringify({ name: 'project', private: true, workspaces: ['generated'], dmspec: { package: { name: '@dmspec/apple', version: '1.4.2', spec: 'old pages' } } }, null, 2));
    writeFileSync(at('package-lock.json'), `${JSON.stringify(LOCK, null, 2)}\n`);
    // A project's installed modules, where generate and update-spec keep their record of passing
    // type checks (node_modules/.cache/dmspec/typecheck): a generate --check of exactly the code an
    // update checked does not check it again, as in a user's checkout.
    mkdirSync(at('node_modules'));
    mkdirSync(at('broken'));
    writeFileSync(at('broken/no-title.md'), 'A page with keys and no title.\n\n## Properties\n\n### Key\n\n- **Type:** `string`\n');
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('checks --from before asking for a label, and refuses reports inside the spec folder', async () => {
    const missing = await dmspecIn(['update-spec', '--from', 'pages-nowhere'], work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^dmspec: --from pages-nowhere does not exist\n/);
    expect((await dmspecIn(['update-spec', '--from', 'package.json'], work)).stderr).toMatch(/--from package.json is not a folder of pages/);
    expect((await dmspecIn(['update-spec', '--from', 'broken'], work)).stderr).toMatch(/no date in broken: name the new version with --label/);
    expect((await dmspecIn(['update-spec', '--from', '2026-08-18', '--label', 'august'], work)).stderr).toMatch(/spec\/spec\.json records the primary pages' date, so the label must be one/);
    const inSpec = await dmspecIn(['update-spec', '--from', '2026-08-18', '--reports', 'spec/reports'], work);
    expect(inSpec.code).toBe(2);
    expect(inSpec.stderr).toMatch(/--reports spec\/reports is inside the spec folder spec: a report there would be read as a page/);
    expect((await dmspecIn(['update-spec', '--from', '2026-08-18', '--reports', 'generated/r'], work)).stderr).toMatch(/inside the output folder/);
    expect(existsSync(at('spec/reports'))).toBe(false);
  });

  it('refuses without --force an update that loses more than a quarter of the pages', async () => {
    const spec = treeHash(at('spec'));
    mkdirSync(at('few-2026-08-19'));
    for (const f of listSpecFiles(at('2026-08-18')).slice(0, 15)) writeFileSync(at(`few-2026-08-19/${f.split('/').pop()}`), readFileSync(at(`2026-08-18/${f}`)));
    const r = await dmspecIn(['update-spec', '--from', 'few-2026-08-19'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/few-2026-08-19 holds 15 pages: [\d,]+ pages of the [\d,]+ pages in spec would go \(more than a quarter\); nothing was changed/);
    expect(treeHash(at('spec'))).toBe(spec);
    rmSync(at('few-2026-08-19'), { recursive: true });
  });

  it('leaves spec/, generated/ and the version as they were when generation fails', async () => {
    const spec = treeHash(at('spec'));
    const out = outputHash(at('generated'));
    const r = await dmspecIn(['update-spec', '--from', 'broken', '--label', '2026-09-09', '--force'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken/no-title.md:1: error unknown-flavour');
    expect(r.stderr).toContain('spec/ and the output left as they were');
    expect(treeHash(at('spec'))).toBe(spec);
    expect(outputHash(at('generated'))).toBe(out);
    expect(existsSync(at('reports'))).toBe(false);
    expect(JSON.parse(readFileSync(at('package.json'), 'utf8')).dmspec.package.version).toBe('1.4.2');
  });

  it('replaces the pages, keeps every other file, regenerates, bumps the version and its lock, names both versions; exit 1 for breaking', async () => {
    const r = await dmspecIn(['update-spec', '--from', '2026-08-18'], work);
    expect(r.stderr).toContain('spec/ now holds the pages of 2026-08-18: 2026-06-09 → 2026-08-18; @dmspec/apple 1.4.2 → 2.0.0 (major bump)');
    expect(r.code).toBe(1);
    const pages = (dir: string): string[] => listSpecFiles(dir).filter((f) => !f.startsWith('supplement/')).sort();
    expect(pages(at('spec'))).toEqual(pages(at('2026-08-18')));
    expect(pages(at('spec')).length).toBeGreaterThan(100);
    for (const f of ['thesis.docx', 'sub/id_rsa', 'NOTES.txt', 'images/a.png']) expect(existsSync(at(`spec/${f}`)), f).toBe(true);
    for (const f of ['passcode.md', 'vpn.md']) expect(readFileSync(at(`spec/supplement/rendered/${f}`)).equals(readFileSync(join(SHARED, 'apple-spec-2025-04-13-rendered', f))), f).toBe(true);
    // spec.json records the new primary date (the old one named the report's old side), its supplement as it was.
    expect(JSON.parse(readFileSync(at('spec/spec.json'), 'utf8'))).toMatchObject({ primary: { date: '2026-08-18', flavour: 'changelog' }, supplements: [{ folder: 'supplement/rendered', date: '2025-04-13' }] });
    const manifest = JSON.parse(readFileSync(at('spec/.dmspec-pages.json'), 'utf8'));
    expect(manifest.label).toBe('2026-08-18');
    expect(Object.keys(manifest.pages)).toEqual(pages(at('2026-08-18')));
    const report = readFileSync(at('reports/spec-2026-08-18.md'), 'utf8');
    expect(report.startsWith('# Spec update: 2026-06-09 → 2026-08-18\n')).toBe(true);
    expect(report).toContain('Version bump for @dmspec/apple: **major** (1.4.2 → 2.0.0): 2 breaking');
    expect(report).toContain('from `2026-06-09` to `2026-08-18`');
    expect(report).toContain('NetworkRouting');
    expect(JSON.parse(readFileSync(at('reports/spec-2026-08-18.json'), 'utf8'))).toMatchObject({ old: '2026-06-09', new: '2026-08-18', summary: { breaking: 2 } });
    const generated = JSON.parse(readFileSync(at('generated/package.json'), 'utf8'));
    expect(generated).toMatchObject({ name: '@dmspec/apple', version: '2.0.0' });
    expect(generated.description).toContain('2026-08-18');
    expect(JSON.parse(readFileSync(at('package.json'), 'utf8')).dmspec.package).toMatchObject({ version: '2.0.0', spec: "Apple's Device Management reference pages of 2026-08-18" });
    expect(JSON.parse(readFileSync(at('package-lock.json'), 'utf8'))).toEqual({ ...LOCK, packages: { ...LOCK.packages, generated: { name: '@dmspec/apple', version: '2.0.0' } } });
    // No journal, staging or old folder is left beside spec/ or generated/.
    expect(readdirSync(work).sort()).toEqual(['2026-08-18', 'broken', 'generated', 'node_modules', 'package-lock.json', 'package.json', 'reports', 'spec']);
    // What a fresh generate of the updated spec/ writes is what the update wrote.
    expect((await dmspecIn(['generate', '--check'], work)).stderr).toContain('generated/ is up to date');
  });

  it('a second update replaces only the pages the first wrote; an edited page or a foreign file in the way is refused', async () => {
    writeFileSync(at('spec/my-own.md'), '# Mine\n\nA page of my own.\n');
    mkdirSync(at('next-2026-09-01'));
    for (const f of listSpecFiles(at('2026-08-18'))) {
      mkdirSync(dirname(at(`next-2026-09-01/${f}`)), { recursive: true });
      writeFileSync(at(`next-2026-09-01/${f}`), readFileSync(at(`2026-08-18/${f}`)));
    }
    const first = listSpecFiles(at('next-2026-09-01'))[0]!;
    rmSync(at(`next-2026-09-01/${first}`));
    writeFileSync(at('next-2026-09-01/my-own.md'), '# Mine\n\nThe new version has a page of this name.\n');
    const inTheWay = await dmspecIn(['update-spec', '--from', 'next-2026-09-01'], work);
    expect(inTheWay.code).toBe(2);
    expect(inTheWay.stderr).toMatch(/spec\/my-own\.md is not a page update-spec wrote, and the new version has a page of that name/);
    rmSync(at('next-2026-09-01/my-own.md'));
    const second = listSpecFiles(at('spec')).filter((f) => f !== 'my-own.md' && !f.startsWith('supplement/'))[1]!;
    writeFileSync(at(`spec/${second}`), `${readFileSync(at(`spec/${second}`), 'utf8')}\nMy note.\n`);
    const edited = await dmspecIn(['update-spec', '--from', 'next-2026-09-01'], work);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain(`1 page of spec changed since update-spec wrote them (${second})`);
    const r = await dmspecIn(['update-spec', '--from', 'next-2026-09-01', '--force'], work);
    expect(r.stderr).toContain('2026-08-18 → 2026-09-01');
    expect(existsSync(at(`spec/${first}`))).toBe(false);
    expect(readFileSync(at('spec/my-own.md'), 'utf8')).toContain('A page of my own.');
    for (const f of ['thesis.docx', 'sub/id_rsa', 'NOTES.txt', 'images/a.png']) expect(existsSync(at(`spec/${f}`)), f).toBe(true);
    // The user's page is in spec/, so it is generated from: the update generated from it too.
    expect((await dmspecIn(['generate', '--check'], work)).stderr).toContain('generated/ is up to date');
  });
});

it('bumps versions by the class of the changes', () => {
  expect([bumpVersion('1.4.2', 'major'), bumpVersion('1.4.2', 'minor'), bumpVersion('1.4.2', 'patch'), bumpVersion('1.4.2', 'none')]).toEqual(['2.0.0', '1.5.0', '1.4.3', '1.4.2']);
});
