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
const WRITERS: Array<[string, (out: string, files: FileMap) => Promise<string[]>]> = [
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

describe('a write killed while it removes the old output', () => {
  it('leaves a folder that still shows it is dmspec\'s, and the next write removes it', async () => {
    const parent = tempDir('killed-retire');
    const out = join(parent, 'generated');
    // The old output, laid out like generated/: a few folders of many files, the manifest first.
    const old = new Map(Array.from({ length: 6_000 }, (_, i): [string, string] => [`${['types', 'docs', 'schema'][i % 3]}/F${i}.md`, 'x']));
    await writeTreeAsync(out, old);
    // A process writing the new output, killed (SIGKILL) once it has deleted some of the old one.
    const script = `import { writeTreeAsync } from ${JSON.stringify(join(ROOT, 'generator/emit/output-tree.ts'))};
      await writeTreeAsync(${JSON.stringify(out)}, new Map([['new.txt', 'new output\\n']]));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    const retired = (): string | undefined => readdirSync(parent).find((e) => e.startsWith('.generated.retired-'));
    const remaining = (dir: string): number => ['types', 'docs', 'schema'].reduce((n, d) => n + (existsSync(join(dir, d)) ? readdirSync(join(dir, d)).length : 0), 0);
    let killedWith: number | undefined;
    for (const start = Date.now(); Date.now() - start < 60_000 && child.exitCode === null;) {
      const dir = retired();
      const left = dir === undefined ? old.size : remaining(join(parent, dir));
      if (left < old.size * 0.9 && left > 0) {
        child.kill('SIGKILL');
        killedWith = left;
        break;
      }
      await new Promise((r) => setImmediate(r));
    }
    await exited;
    expect(killedWith, 'the child was killed while it deleted the old output').toBeDefined();
    const left = retired()!;
    expect(remaining(join(parent, left))).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'new.txt'), 'utf8')).toBe('new output\n');
    // Its manifest, deleted last, still lists what is left (a recursive rm took it first).
    expect(existsSync(join(parent, left, MANIFEST))).toBe(true);
    expect(await writeTreeAsync(out, tree({ 'new.txt': 'newer\n' }))).toEqual([]);
    expect(readdirSync(parent)).toEqual(['generated']);
  });

  it('keeps, and names, what a half-removed old output holds that dmspec did not write', async () => {
    const parent = tempDir('retire-user-file');
    const out = join(parent, 'generated');
    await writeTreeAsync(out, tree({ 'x.txt': 'x\n' }));
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const left = `.generated.retired-${dead}-abc123`;
    writeNewTree(join(parent, left), tree({ 'docs/A.md': 'a\n', 'docs/B.md': 'b\n', 'types/A.ts': 'a\n' }));
    rmSync(join(parent, left, 'docs/A.md')); // cut short
    writeFileSync(join(parent, left, 'docs', 'my-notes.txt'), 'mine\n');
    const notes = await writeTreeAsync(out, tree({ 'x.txt': 'x2\n' }));
    expect(notes).toEqual([`${join(parent, left)}/ kept: it holds an entry dmspec did not write ("docs/my-notes.txt"); dmspec removed what it wrote there, look at the rest and remove the folder yourself`]);
    expect(readdirSync(join(parent, left)).sort()).toEqual([MANIFEST, 'docs']);
    expect(readdirSync(join(parent, left, 'docs'))).toEqual(['my-notes.txt']);
    // Once the user's file is moved away, the next write removes the rest.
    rmSync(join(parent, left, 'docs', 'my-notes.txt'));
    expect(await writeTreeAsync(out, tree({ 'x.txt': 'x3\n' }))).toEqual([]);
    expect(readdirSync(parent)).toEqual(['generated']);
  });

  it('keeps, and names, a file that appeared in the old output while the new one was written', async () => {
    const parent = tempDir('retire-foreign');
    const out = join(parent, 'generated');
    await writeTreeAsync(out, tree({ 'docs/A.md': 'a\n', 'docs/B.md': 'b\n' }));
    // The checks are made when the write starts; the file appears before the swap.
    const writing = writeTreeAsync(out, tree({ 'docs/A.md': 'a2\n' }));
    writeFileSync(join(out, 'docs', 'todo.txt'), 'mine\n');
    const notes = await writing;
    expect(notes).toEqual([expect.stringMatching(/\.generated\.retired-\d+-[0-9a-z]+\/ kept: .*"docs\/todo\.txt"/)]);
    const kept = readdirSync(parent).find((e) => e.startsWith('.generated.retired-'))!;
    expect(readdirSync(join(parent, kept, 'docs'))).toEqual(['todo.txt']);
    expect(readFileSync(join(parent, kept, 'docs', 'todo.txt'), 'utf8')).toBe('mine\n');
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'docs']);
  });
});
