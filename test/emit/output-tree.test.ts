/**
 * The output folder is replaced whole or not at all: stale files go, a failed write leaves the
 * old tree and no staging folder behind, and a check names every changed, missing or extra file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTree, writeNewTree, writeTree, writeTreeAsync, type FileMap } from '../../generator/emit/output-tree.js';
import { ROOT } from '../helpers/cli.js';
import { MANIFEST } from '../../generator/emit/output-ownership.js';
import { tempDir } from '../helpers/temp.js';

const tree = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

/** Both writers, as promises: the one file at a time and the one with several writes in flight (the CLI's). */
const WRITERS: Array<[string, (out: string, files: FileMap) => Promise<void>]> = [
  ['writeTree', async (out, files) => writeTree(out, files)],
  ['writeTreeAsync', writeTreeAsync],
];

describe.each(WRITERS)('the output tree (%s)', (_name, write) => {
  const parent = tempDir('tree');
  const out = join(parent, 'generated');

  it('deletes the files of objects that no longer exist', async () => {
    await write(out, tree({ 'docs/A.md': 'a\n', 'docs/B.md': 'b\n' }));
    await write(out, tree({ 'docs/A.md': 'a2\n' }));
    expect(readdirSync(join(out, 'docs'))).toEqual(['A.md']);
    expect(readFileSync(join(out, 'docs/A.md'), 'utf8')).toBe('a2\n');
  });

  it('leaves the previous tree intact, and no staging folder, when a write fails midway', async () => {
    await write(out, tree({ 'keep.txt': 'kept\n' }));
    // The second file cannot be written: its parent path is a file the first one created.
    await expect(write(out, tree({ 'x': 'file\n', 'x/y': 'under a file\n' }))).rejects.toThrow();
    // Among many writes in flight, one that fails (a folder where a file goes) stops the rest and removes the tree.
    await expect(write(out, new Map([...Array.from({ length: 500 }, (_, i): [string, string] => [`docs/${i}.md`, `${i}\n`]), ['docs/7.md/x', 'under a file\n']]))).rejects.toThrow();
    await expect(write(out, tree({ 'ok.txt': '', '../escape.txt': 'no' }))).rejects.toThrow(/outside the output folder/);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('kept\n');
    expect(readdirSync(parent)).toEqual(['generated']);
    expect(existsSync(join(parent, 'escape.txt'))).toBe(false);
  });

  it('writes every file of a large tree, each with its content', async () => {
    const files = new Map(Array.from({ length: 2_000 }, (_, i): [string, string] => [`${['types', 'docs', 'schema'][i % 3]}/F${i}.txt`, `file ${i}\n`]));
    await write(out, files);
    expect(diffTree(out, files)).toEqual({ changed: [], missing: [], extra: [] });
  });

  it('names every kind of drift', () => {
    writeTree(out, tree({ 'same.txt': 's\n', 'changed.txt': 'old\n', 'missing.txt': 'm\n' }));
    rmSync(join(out, 'missing.txt'));
    writeFileSync(join(out, 'changed.txt'), 'edited by hand\n');
    writeFileSync(join(out, 'extra.txt'), 'left over\n');
    expect(diffTree(out, tree({ 'same.txt': 's\n', 'changed.txt': 'old\n', 'missing.txt': 'm\n' }))).toEqual({
      changed: ['changed.txt'], missing: ['missing.txt'], extra: ['extra.txt'],
    });
  });
});

describe('what a killed write left', () => {
  const parent = tempDir('killed');
  const out = join(parent, 'generated');
  // The pid of a process that has ended: a kill -9 leaves exactly such a write's folders.
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  const leftover = (kind: 'staging' | 'retired', pid = dead): string => join(parent, `.generated.${kind}-${pid}-abc123`);

  it('writes the manifest first, so a tree cut short still shows it is dmspec\'s', () => {
    const dir = join(parent, 'first');
    writeNewTree(dir, tree({ 'a.txt': 'a\n' }));
    expect(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'))).toBeTruthy();
    rmSync(dir, { recursive: true });
  });

  it('removes a dead write\'s half-written staging folder on the next write', () => {
    const staging = leftover('staging');
    writeNewTree(staging, tree({ 'docs/A.md': 'a\n', 'docs/B.md': 'b\n' }));
    rmSync(join(staging, 'docs/B.md')); // cut short
    writeTree(out, tree({ 'docs/A.md': 'new\n' }));
    expect(readdirSync(parent).sort()).toEqual(['generated']);
    expect(readFileSync(join(out, 'docs/A.md'), 'utf8')).toBe('new\n');
  });

  it('brings the old output back when a write was killed between moving it aside and moving the new one in', () => {
    rmSync(out, { recursive: true, force: true });
    writeNewTree(leftover('retired'), tree({ 'keep.txt': 'old output\n' }));
    // This write fails (a path outside the folder): what is left is the restored old output.
    expect(() => writeTree(out, tree({ '../escape.txt': 'no' }))).toThrow(/outside the output folder/);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('old output\n');
    expect(readdirSync(parent).sort()).toEqual(['generated']);
  });

  it('leaves alone a folder named like a leftover that holds files its manifest does not list, or one of a running process', () => {
    const foreign = leftover('staging');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'thesis.docx'), 'not dmspec\'s\n');
    const running = leftover('staging', process.pid === process.ppid ? 1 : process.ppid);
    writeNewTree(running, tree({ 'a.txt': 'a\n' }));
    writeTree(out, tree({ 'x.txt': 'x\n' }));
    expect(readFileSync(join(foreign, 'thesis.docx'), 'utf8')).toBe('not dmspec\'s\n');
    expect(existsSync(join(running, 'a.txt'))).toBe(true);
    rmSync(foreign, { recursive: true });
    rmSync(running, { recursive: true });
  });
});

describe('a write killed while its files are in flight', () => {
  it('leaves the old output as it was, and the next write removes the half-written tree', async () => {
    const parent = tempDir('killed-async');
    const out = join(parent, 'generated');
    await writeTreeAsync(out, tree({ 'keep.txt': 'old output\n' }));
    // A process writing 20,000 files, killed (SIGKILL) once its staging folder holds some of them.
    const script = `import { writeTreeAsync } from ${JSON.stringify(join(ROOT, 'generator/emit/output-tree.ts'))};
      await writeTreeAsync(${JSON.stringify(out)}, new Map(Array.from({ length: 20000 }, (_, i) => ['docs/F' + i + '.md', 'x'.repeat(2000)])));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore' });
    const staging = (): string | undefined => readdirSync(parent).find((e) => e.startsWith('.generated.staging-'));
    for (let i = 0; i < 600; i++) {
      const dir = staging();
      if (dir && existsSync(join(parent, dir, 'docs')) && readdirSync(join(parent, dir, 'docs')).length > 50) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const left = staging();
    expect(left).toBeDefined();
    expect(readdirSync(join(parent, left!, 'docs')).length).toBeLessThan(20_000);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('old output\n');
    await writeTreeAsync(out, tree({ 'new.txt': 'new output\n' }));
    expect(readdirSync(parent)).toEqual(['generated']);
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'new.txt']);
  });
});
