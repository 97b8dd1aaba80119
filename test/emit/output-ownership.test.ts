/**
 * `generate --out` replaces only a folder dmspec wrote (it holds the manifest) or an empty one:
 * a checkout, a project's sources or the spec itself are refused with exit 2, nothing touched.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST, OutputRefusedError } from '../../generator/emit/output-ownership.js';
import { diffTree, writeTree } from '../../generator/emit/output-tree.js';
import { dmspecIn, ROOT } from '../helpers/cli.js';

const tree = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));
const parent = mkdtempSync(join(tmpdir(), 'dmspec-own-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(parent, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('which output folders are replaced', () => {
  it('writes a manifest, replaces its own folder, and leaves the manifest out of the drift', () => {
    const out = join(parent, 'own');
    writeTree(out, tree({ 'a.txt': 'a\n' }));
    expect(JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')).files).toEqual(['a.txt']);
    writeTree(out, tree({ 'b/c.txt': 'c\n' }));
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'b']);
    expect(diffTree(out, tree({ 'b/c.txt': 'c\n' }))).toEqual({ changed: [], missing: [], extra: [] });
  });

  it('refuses a folder holding a file dmspec did not write, and keeps the file', () => {
    const out = folder('user', { 'src/app.ts': 'export const app = 1;\n' });
    expect(() => writeTree(out, tree({ 'a.txt': 'a\n' }))).toThrow(OutputRefusedError);
    expect(() => writeTree(out, tree({ 'a.txt': 'a\n' }))).toThrow(/"src\/app\.ts"/);
    expect(readFileSync(join(out, 'src/app.ts'), 'utf8')).toBe('export const app = 1;\n');
  });

  it('refuses a dmspec folder into which a user put a file of their own', () => {
    const out = join(parent, 'mixed');
    writeTree(out, tree({ 'a.txt': 'a\n' }));
    writeFileSync(join(out, 'notes.md'), 'mine\n');
    expect(() => writeTree(out, tree({ 'a.txt': 'b\n' }))).toThrow(/does not list \("notes\.md"\)/);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('a\n');
  });

  it('takes an empty folder', () => {
    const out = folder('empty', {});
    writeTree(out, tree({ 'a.txt': 'a\n' }));
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('a\n');
  });
});

describe('generate --out from the command line', () => {
  const spec = join(parent, 'cli/spec');
  cpSync(join(ROOT, 'test/fixtures/seeds'), spec, { recursive: true });

  it('refuses --out . in a checkout: exit 2, .git, package.json and spec/ untouched', async () => {
    const checkout = join(parent, 'cli');
    mkdirSync(join(checkout, '.git'), { recursive: true });
    writeFileSync(join(checkout, '.git/HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(checkout, 'package.json'), '{}\n');
    const r = await dmspecIn(['generate', '--spec', 'spec', '--out', '.'], checkout);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is or contains the spec folder/);
    const other = folder('checkout2', { '.git/HEAD': 'x\n', 'package.json': '{}\n' });
    const r2 = await dmspecIn(['generate', '--spec', spec, '--out', '.'], other);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/holds files dmspec did not write \("\.git\/HEAD", "package\.json"\)/);
    expect(readFileSync(join(checkout, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect(readFileSync(join(other, 'package.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(spec).sort()).toEqual(['applayervpn.md', 'vpn-ikev2.md']);
  });

  it('refuses --spec X --out X and keeps the pages', async () => {
    const r = await dmspecIn(['generate', '--spec', spec, '--out', spec]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/replacing it would delete the pages/);
    expect(readdirSync(spec).sort()).toEqual(['applayervpn.md', 'vpn-ikev2.md']);
  });

  it('refuses --out inside the spec folder, whose docs would be read as pages, and writes nothing', async () => {
    const r = await dmspecIn(['generate', '--spec', spec, '--out', join(spec, 'generated')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lies inside the spec folder .*would be read as pages/);
    expect(readdirSync(spec).sort()).toEqual(['applayervpn.md', 'vpn-ikev2.md']);
  });

  it('calls a spec folder without pages an error, and writes nothing', async () => {
    const empty = folder('no-pages', { 'notes.txt': 'not a page\n' });
    const out = join(parent, 'no-pages-out');
    const r = await dmspecIn(['generate', '--spec', empty, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds no \.md pages/);
    expect(existsSync(out)).toBe(false);
  });
});
