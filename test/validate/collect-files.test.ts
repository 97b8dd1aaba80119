/**
 * Which files `validate` reads from the paths it is given: named files always, and under a
 * directory the documents by extension, in a stable order, skipping hidden entries and
 * `node_modules` and never following a link to a directory (so a link cycle ends).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFiles } from '../../generator/validate/collect-files.js';

describe('collecting files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmspec-collect-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks directories recursively for documents, skips hidden entries, node_modules and other files, and does not follow directory links', () => {
    mkdirSync(join(dir, 'b/deep'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'b/node_modules/pkg'), { recursive: true });
    for (const f of ['a.mobileconfig', 'b/c.json', 'b/deep/d.PLIST', 'notes.md', '.git/x.plist', '.hidden.plist', 'b/node_modules/pkg/package.json']) writeFileSync(join(dir, f), '');
    symlinkSync(dir, join(dir, 'b/loop'));
    symlinkSync(join(dir, 'a.mobileconfig'), join(dir, 'b/link.mobileconfig'));
    expect(collectFiles([dir, join(dir, 'notes.md'), join(dir, 'missing.plist')]).map((f) => [f.path.slice(dir.length + 1), f.named])).toEqual([
      ['a.mobileconfig', false], ['b/c.json', false], ['b/deep/d.PLIST', false], ['b/link.mobileconfig', false],
      ['notes.md', true], ['missing.plist', true],
    ]);
  });
});
