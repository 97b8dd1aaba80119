/**
 * Which files `validate` reads from the paths it is given: named files always, and under a
 * directory the documents by extension, in a stable order, skipping hidden entries and
 * `node_modules` and never following a link to a directory (so a link cycle ends).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { collectDocuments, collectFiles } from '../../generator/validate/collect-files.js';
import { checkCollectedFile } from '../../generator/validate/validate-document.js';
import { validatorsFor } from '../../generator/validate/index.js';

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

describe('a walk\'s file that changes kind after the walk listed it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmspec-flip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is skipped as the walk skips a pipe it sees, when it is a pipe by the time it is opened; named, it is a file dmspec cannot read', async () => {
    const pipe = join(dir, 'was-a-file.plist');
    execFileSync('mkfifo', [pipe]);
    const validators = (await validatorsFor()).validators!;
    // What the walk listed as a file is a pipe now.
    const walked = await checkCollectedFile({ path: pipe, named: false, root: dir }, validators, {}, 1 << 20);
    expect(walked.report).toEqual({ file: pipe, payloads: [], issues: [], skipped: 'not a regular file (a pipe), never opened' });
    expect(collectDocuments([dir]).skipped).toEqual([{ file: pipe, reason: walked.report.skipped }]);
    const named = await checkCollectedFile({ path: pipe, named: true }, validators, {}, 1 << 20);
    expect(named.report.error).toBe('not a regular file (a pipe); only regular files are read');
  });
});
