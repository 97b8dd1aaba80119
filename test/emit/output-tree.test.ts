/**
 * The output folder is replaced whole or not at all: stale files go, a failed write leaves the
 * old tree and no staging folder behind, and a check names every changed, missing or extra file.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTree, writeTree } from '../../generator/emit/output-tree.js';
import { tempDir } from '../helpers/temp.js';

const tree = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

describe('the output tree', () => {
  const parent = tempDir('tree');
  const out = join(parent, 'generated');

  it('deletes the files of objects that no longer exist', () => {
    writeTree(out, tree({ 'docs/A.md': 'a\n', 'docs/B.md': 'b\n' }));
    writeTree(out, tree({ 'docs/A.md': 'a2\n' }));
    expect(readdirSync(join(out, 'docs'))).toEqual(['A.md']);
    expect(readFileSync(join(out, 'docs/A.md'), 'utf8')).toBe('a2\n');
  });

  it('leaves the previous tree intact, and no staging folder, when a write fails midway', () => {
    writeTree(out, tree({ 'keep.txt': 'kept\n' }));
    // The second file cannot be written: its parent path is a file the first one created.
    expect(() => writeTree(out, tree({ 'x': 'file\n', 'x/y': 'under a file\n' }))).toThrow();
    expect(() => writeTree(out, tree({ 'ok.txt': '', '../escape.txt': 'no' }))).toThrow(/outside the output folder/);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('kept\n');
    expect(readdirSync(parent)).toEqual(['generated']);
    expect(existsSync(join(parent, 'escape.txt'))).toBe(false);
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
