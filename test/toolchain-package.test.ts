/**
 * The toolchain as another project installs it: `dmspec` packed (its prepack builds dist/), installed
 * with the packed generated package beside it, every export the README names imported from it,
 * and its `dmspec validate` run from the installed bin without `--spec`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { describeWith, PROFILES } from './helpers/corpus.js';

/** Every function the README names as the library's, and a few of its types' runtime companions. */
const README_EXPORTS = [
  'parseSpecDir', 'parsePages', 'readSpecFolder', 'specFolderOf', 'specPages', 'emit', 'generate', 'generateFromPages', 'writeGenerated', 'checkGenerated',
  'createGenerateCache', 'validatorsFor', 'validateProfileFiles', 'validateProfileBytes', 'textReport',
  'jsonValidationReport', 'diffIr', 'markdownReport', 'jsonReport', 'updateSpec', 'formatDiagnostic',
];

describeWith(PROFILES, 'the packed toolchain', () => {
  let work: string;
  let app: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'dmspec-toolchain-'));
    const pack = (dir: string): string => join(work, execFileSync('npm', ['pack', '--silent', '--pack-destination', work, dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!);
    const toolchain = pack(ROOT);
    const generated = pack(join(ROOT, 'generated'));
    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', toolchain, generated], { cwd: app, encoding: 'utf8' });
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('exports every function the README names', () => {
    const script = `import * as dmspec from 'dmspec'; console.log(JSON.stringify(Object.keys(dmspec)));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
    expect(r.stderr.replace(/.*ExperimentalWarning.*\n|.*--trace-warnings.*\n/g, '')).toBe('');
    const names: string[] = JSON.parse(r.stdout);
    expect(README_EXPORTS.filter((n) => !names.includes(n))).toEqual([]);
  });

  it('validates a profile with the installed generated package', () => {
    const r = spawnSync(join(app, 'node_modules/.bin/dmspec'), ['validate', join(PROFILES, 'rtrouton/BlockAirDrop/BlockAirDrop.mobileconfig')], { cwd: app, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 file, 1 payload (1 checked, 0 not checked)');
  });
});

describe('README', () => {
  it('names the exports the packed toolchain is tested for', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const name of ['diffIr', 'validatorsFor', 'validateProfileFiles', 'validateProfileBytes', 'updateSpec']) expect(readme, name).toContain(name);
  });
});
