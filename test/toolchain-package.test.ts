/**
 * The toolchain as another project installs it: `dmspec` packed (its prepack builds dist/; the
 * generated package is bundled in it), installed alone and offline into an empty project, every
 * export the README names imported from it, and its `dmspec` binary run without `--spec`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { describeWith, PROFILES } from './helpers/corpus.js';

/** Every function the README names as the library's, and a few of its types' runtime companions. */
const README_EXPORTS = [
  'parseSpecDir', 'parsePages', 'readSpecFolder', 'specFolderOf', 'specPages', 'emit', 'generate', 'generateFromPages', 'writeGenerated', 'checkGenerated',
  'createGenerateCache', 'validatorsFor', 'validateProfileFiles', 'validateProfileBytes', 'validateDocumentFiles',
  'validateDocumentBytes', 'readJson', 'textReport', 'jsonValidationReport', 'sarifReport', 'diffIr', 'markdownReport', 'jsonReport', 'updateSpec', 'formatDiagnostic',
];

interface LockEntry { dev?: boolean; link?: boolean; version?: string; [k: string]: unknown }

/**
 * A consumer's lockfile for the tarball `spec`: dmspec from the tarball, its bundled
 * @dmspec/apple, and every package the project's own lockfile installs for production, at the
 * same places (a consumer's `node_modules` is laid out as the project's is, without the dev tools).
 */
function consumerLock(spec: string): object {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const root = lock.packages['']!;
  const production = Object.entries(lock.packages).filter(([path, e]) => path.startsWith('node_modules/') && !e.dev && !e.link && path !== 'node_modules/@dmspec/apple');
  return {
    name: 'consumer', lockfileVersion: 3, requires: true,
    packages: {
      '': { name: 'consumer', dependencies: { dmspec: spec } },
      'node_modules/dmspec': { version: root.version, resolved: spec, bundleDependencies: root.bundleDependencies, license: root.license, dependencies: root.dependencies, bin: root.bin },
      'node_modules/dmspec/node_modules/@dmspec/apple': { version: lock.packages['generated']!.version, license: lock.packages['generated']!.license, inBundle: true },
      ...Object.fromEntries(production),
    },
  };
}

describeWith(PROFILES, 'the packed toolchain', () => {
  let work: string;
  let app: string;
  let tarball: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'dmspec-toolchain-'));
    tarball = join(work, execFileSync('npm', ['pack', '--silent', '--pack-destination', work, ROOT], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!);
    app = join(work, 'app');
    mkdirSync(app);
    const spec = `file:../${basename(tarball)}`;
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { dmspec: spec } }));
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify(consumerLock(spec)));
    // The tarball alone, offline (npm asks no registry): @dmspec/apple comes from the tarball
    // itself, the other dependencies from npm's cache, which `npm ci` filled. With the lockfile
    // npm needs only what `npm ci` cached; without one, npm 11 asks for every dependency's full
    // registry document, which `npm ci` does not cache, so a fresh machine could not install.
    execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--silent'], { cwd: app, encoding: 'utf8' });
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('bundles the generated package, as generated/ holds it', () => {
    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.split('\n');
    for (const f of ['package.json', 'index.js', 'validators/index.js', 'types/index.d.ts']) expect(listing, f).toContain(`package/node_modules/@dmspec/apple/${f}`);
    const bundled = JSON.parse(readFileSync(join(app, 'node_modules/dmspec/node_modules/@dmspec/apple/package.json'), 'utf8'));
    expect(bundled).toEqual(JSON.parse(readFileSync(join(ROOT, 'generated/package.json'), 'utf8')));
  });

  it('gives a working dmspec binary', () => {
    const r = spawnSync(join(app, 'node_modules/.bin/dmspec'), ['--version'], { cwd: app, encoding: 'utf8' });
    expect([r.status, r.stdout]).toEqual([0, `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`]);
  });

  it('exports every function the README names', () => {
    const script = `import * as dmspec from 'dmspec'; console.log(JSON.stringify(Object.keys(dmspec)));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
    expect(r.stderr.replace(/.*ExperimentalWarning.*\n|.*--trace-warnings.*\n/g, '')).toBe('');
    const names: string[] = JSON.parse(r.stdout);
    expect(README_EXPORTS.filter((n) => !names.includes(n))).toEqual([]);
  });

  it('validates a profile with the bundled generated package', () => {
    const r = spawnSync(join(app, 'node_modules/.bin/dmspec'), ['validate', join(PROFILES, 'rtrouton/BlockAirDrop/BlockAirDrop.mobileconfig')], { cwd: app, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 file, 1 payload (1 checked, 0 not checked)');
  });
});

describe('README', () => {
  it('names the exports the packed toolchain is tested for', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const name of ['diffIr', 'validatorsFor', 'validateProfileFiles', 'validateProfileBytes', 'updateSpec']) expect(readme, name).toContain(name);
  });
});
