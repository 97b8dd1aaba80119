/**
 * The sides of `dmspec diff` and the versions of `dmspec history`, through the CLI: git ranges
 * read with one listing and one batch of blobs (names with non-ASCII characters kept, the
 * directory limits applied to the sizes before a blob is read, a misspelt `--spec` an error),
 * pages the parser refuses reported as errors rather than as removed objects, pages that are not
 * UTF-8, malformed IR JSON, `--docs-base` links that resolve, and history filters that name
 * nothing.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dmspecIn } from '../helpers/cli.js';
import { describeWith, SHARED } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

/** A changelog-flavour page of one object with the given keys (`name: type`). */
const page = (title: string, keys: Record<string, string>, extra = ''): string =>
  `# ${title}\n\nThe ${title} payload.\n\n**Platforms:** iOS 4.0\n\n## Properties\n\n${Object.entries(keys).map(([k, t]) => `### ${k}\n\n- **Type:** \`${t}\`\n- **Required:** No\n${extra}\nThe ${k} key.\n`).join('\n')}`;

function repository(): { dir: string; git: (...args: string[]) => string; commit: (message: string) => string } {
  const dir = tempDir('diff-git');
  const git = (...args: string[]): string => {
    const r = spawnSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  git('init', '-q');
  const commit = (message: string): string => {
    git('add', '-A');
    git('commit', '-qm', message, '--allow-empty');
    return git('rev-parse', 'HEAD').trim();
  };
  return { dir, git, commit };
}

/** Runs `fn` with a `git` on PATH that logs each of its invocations, and returns the log's lines. */
async function countingGit(fn: () => Promise<void>): Promise<string[]> {
  const bin = tempDir('git-log');
  const log = join(bin, 'calls.log');
  const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  const path = process.env['PATH'];
  process.env['PATH'] = `${bin}:${path ?? ''}`;
  try {
    await fn();
  } finally {
    process.env['PATH'] = path;
  }
  return readFileSync(log, 'utf8').trim().split('\n');
}

describe('diff --git-range', () => {
  it('reads each revision with one tree listing and one blob batch, keeping names git would quote', async () => {
    const { dir, commit } = repository();
    mkdirSync(join(dir, 'spec/sub'), { recursive: true });
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `spec/sub/p${i}.md`), page(`P${i}`, { A: 'string' }));
    writeFileSync(join(dir, 'spec/vpn-é.md'), page('VPNAccent', { Server: 'string', Port: 'integer' }));
    const first = commit('v1');
    writeFileSync(join(dir, 'spec/vpn-é.md'), page('VPNAccent', { Server: 'string' }));
    commit('v2');
    let r!: Awaited<ReturnType<typeof dmspecIn>>;
    const calls = await countingGit(async () => {
      r = await dmspecIn(['diff', '--git-range', 'HEAD~1..HEAD', '--format', 'json'], dir);
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).changes).toEqual([expect.objectContaining({ object: 'VPNAccent', property: 'Port', kind: 'property-removed', source: { file: 'vpn-é.md', line: 16 } })]);
    // Per revision: the commit, the spec's path, the listing, the blobs; never one process per page.
    expect(calls.map((c) => /\b(rev-parse|ls-tree|cat-file|show)\b/.exec(c)?.[1] ?? c)).toEqual(['rev-parse', 'rev-parse', 'ls-tree', 'cat-file', 'rev-parse', 'rev-parse', 'ls-tree', 'cat-file']);
    const md = await dmspecIn(['diff', '--git-range', 'HEAD~1..HEAD', '--docs-base', 'https://example.com/o/r/blob/'], dir);
    expect(md.stdout).toContain(`[vpn-é.md:16](https://example.com/o/r/blob/${first}/spec/vpn-%C3%A9.md#L16)`);
    expect(md.stdout).not.toContain('blob/HEAD');
  });

  it('a misspelt --spec, a revision that names no commit, or a spec with no page is an error, even with --fail-on any', async () => {
    const { dir, commit } = repository();
    mkdirSync(join(dir, 'spec'));
    writeFileSync(join(dir, 'spec/a.md'), page('A', { K: 'string' }));
    writeFileSync(join(dir, 'README'), 'not a page\n');
    commit('v1');
    commit('v2');
    const missing = await dmspecIn(['diff', '--git-range', 'HEAD~1..HEAD', '--spec', 'spce', '--fail-on', 'any'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^dmspec: spce at HEAD~1 \([0-9a-f]{12}\) does not exist\n/);
    expect(missing.stdout).toBe('');
    expect((await dmspecIn(['diff', '--git-range', 'HEAD~1..HEAD', '--spec', 'README'], dir)).stderr).toMatch(/README at HEAD~1 \([0-9a-f]{12}\) is a file, not a spec directory/);
    expect((await dmspecIn(['diff', '--git-range', 'HEAD~5..HEAD'], dir)).stderr).toMatch(/HEAD~5 is not a commit/);
    expect((await dmspecIn(['diff', '--git-range=--upload-pack=x..HEAD'], dir)).stderr).toMatch(/is not a revision/);
    expect((await dmspecIn(['history', '--git-revs', 'HEAD~1,HEAD', '--spec', 'spce'], dir)).code).toBe(2);
  });

  it('applies the directory limits to the sizes git lists, before reading a blob', async () => {
    const { dir, git, commit } = repository();
    mkdirSync(join(dir, 'spec'));
    writeFileSync(join(dir, 'spec/a.md'), page('A', { K: 'string' }));
    commit('v1');
    // Trees made with git's plumbing: one blob listed many times costs nothing to build.
    const blob = (text: string): string => spawnSync('git', ['-C', dir, 'hash-object', '-w', '--stdin'], { input: text, encoding: 'utf8' }).stdout.trim();
    const commitTree = (entries: { name: string; oid: string }[]): string => {
      const tree = spawnSync('git', ['-C', dir, 'mktree', '-z'], { input: entries.map((e) => `100644 blob ${e.oid}\t${e.name}\0`).join(''), encoding: 'utf8' }).stdout.trim();
      const top = spawnSync('git', ['-C', dir, 'mktree'], { input: `040000 tree ${tree}\tspec\n`, encoding: 'utf8' }).stdout.trim();
      return git('commit-tree', top, '-m', 'made').trim();
    };
    const small = blob(page('A', { K: 'string' }));
    const many = commitTree(Array.from({ length: 4_001 }, (_, i) => ({ name: `p${String(i).padStart(5, '0')}.md`, oid: small })));
    const tooMany = await dmspecIn(['diff', '--git-range', `HEAD..${many}`], dir);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/spec at [0-9a-f]{40} \([0-9a-f]{12}\) holds more than 4000 pages/);
    // A page over 8,000,000 bytes is not read: an error of that page, not a removed object.
    const big = blob(`# Big\n\n${'x'.repeat(8_000_001)}\n`);
    const withBig = commitTree([{ name: 'a.md', oid: small }, { name: 'big.md', oid: big }]);
    const oneBig = await dmspecIn(['diff', '--git-range', `${withBig}..HEAD`], dir);
    expect(oneBig.code).toBe(1);
    expect(oneBig.stderr).toContain(`${withBig}:spec/big.md: error page-too-large:`);
    expect(oneBig.stdout).toBe('');
    // All pages together: 3 pages of 7.9 MB are more than 16 MiB, refused from the listing.
    const near = blob(`# Near\n\n${'y'.repeat(7_900_000)}\n`);
    const heavy = commitTree(Array.from({ length: 3 }, (_, i) => ({ name: `n${i}.md`, oid: near })));
    expect((await dmspecIn(['diff', '--git-range', `HEAD..${heavy}`], dir)).stderr).toMatch(/holds more than 16777216 bytes of pages/);
  });

  it('a page the parser refuses is an error of that page, never a removed object', async () => {
    const { dir, commit } = repository();
    mkdirSync(join(dir, 'spec'));
    writeFileSync(join(dir, 'spec/a.md'), page('A', { K: 'string' }));
    writeFileSync(join(dir, 'spec/b.md'), page('B', { K: 'string' }));
    commit('v1');
    // No title: the page's keys cannot be read.
    writeFileSync(join(dir, 'spec/b.md'), page('B', { K: 'string' }).replace('# B\n', ''));
    commit('v2');
    const r = await dmspecIn(['diff', '--git-range', 'HEAD~1..HEAD', '--fail-on', 'breaking'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^HEAD:spec\/b\.md:\d+: error unknown-flavour: /m);
    expect(r.stderr).toContain('no report: HEAD:spec has pages that could not be read');
    expect(r.stdout).not.toContain('removed');
  });
});

describeWith(join(SHARED, 'apple-spec-2025-04-13-rendered'), 'spec folders with a supplement', () => {
  it('compare what each side fuses: a page only in the supplement is no object, in a directory or at a revision', async () => {
    const { dir, commit } = repository();
    mkdirSync(join(dir, 'spec/supplement/old'), { recursive: true });
    writeFileSync(join(dir, 'spec/a.md'), page('A', { K: 'string' }));
    // The rendered VPN page exists only in the supplement: it supplies facts, it is not an object.
    writeFileSync(join(dir, 'spec/supplement/old/vpn.md'), readFileSync(join(SHARED, 'apple-spec-2025-04-13-rendered/vpn.md')));
    writeFileSync(join(dir, 'spec/spec.json'), JSON.stringify({ primary: { date: '2026-08-18', source: 'pages' }, supplements: [{ folder: 'supplement/old', flavour: 'rendered', date: '2025-04-13', source: 'rendered pages' }] }));
    commit('with a supplement');
    mkdirSync(join(dir, 'plain'));
    writeFileSync(join(dir, 'plain/a.md'), page('A', { K: 'string' }));
    const folders = await dmspecIn(['diff', 'spec', 'plain', '--fail-on', 'any', '--format', 'json'], dir);
    expect(folders.code, folders.stderr).toBe(0);
    expect(JSON.parse(folders.stdout).changes).toEqual([]);
    // Without the manifest the same page is primary: then VPN is an object, and its removal shows.
    const bare = await dmspecIn(['diff', 'plain', 'spec/supplement/old', '--format', 'json'], dir);
    expect(JSON.parse(bare.stdout).changes).toContainEqual(expect.objectContaining({ object: 'VPN', kind: 'object-added' }));
    rmSync(join(dir, 'spec/supplement'), { recursive: true });
    rmSync(join(dir, 'spec/spec.json'));
    commit('without');
    const revisions = await dmspecIn(['diff', '--git-range', 'HEAD~1..HEAD', '--fail-on', 'any', '--format', 'json'], dir);
    expect(revisions.code, revisions.stderr).toBe(0);
    expect(JSON.parse(revisions.stdout).changes).toEqual([]);
  });
});

describe('pages that are not UTF-8', () => {
  it('are an error of the page at its first invalid byte, in a directory and at a revision', async () => {
    const { dir, commit } = repository();
    mkdirSync(join(dir, 'spec'));
    writeFileSync(join(dir, 'spec/a.md'), page('A', { K: 'string' }));
    commit('v1');
    // Latin-1 "é" (0xE9) on line 3, after "The ": column 5.
    writeFileSync(join(dir, 'spec/a.md'), Buffer.concat([Buffer.from('# A\n\nThe '), Buffer.from([0xe9]), Buffer.from('t\u00e9 payload.\n')]));
    const ir = await dmspecIn(['ir', '--spec', 'spec', '--out', 'ir.json'], dir);
    expect(ir.code).toBe(1);
    expect(ir.stderr).toContain('spec/a.md:3:5: error not-text: the page is not valid UTF-8 (its first invalid byte is here): it was not read');
    expect(readFileSync(join(dir, 'ir.json'), 'utf8')).not.toContain('\ufffd');
    commit('v2');
    const r = await dmspecIn(['diff', '--git-range', 'HEAD~1..HEAD'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HEAD:spec/a.md:3:5: error not-text: the page is not valid UTF-8');
    // Overlong forms and surrogates are not UTF-8 either; a valid multi-byte page is read.
    for (const bytes of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      writeFileSync(join(dir, 'spec/a.md'), Buffer.concat([Buffer.from('# A\n'), Buffer.from(bytes)]));
      expect((await dmspecIn(['ir', '--spec', 'spec', '--out', 'ir.json'], dir)).stderr).toContain('spec/a.md:2:1: error not-text');
    }
    writeFileSync(join(dir, 'spec/a.md'), page('Ä€𝄞', { K: 'string' }));
    expect((await dmspecIn(['ir', '--spec', 'spec', '--out', 'ir.json'], dir)).code).toBe(0);
  });
});

describe('IR JSON sides', () => {
  it('a malformed or foreign IR file is one clear error naming the field, never a TypeError or a report', async () => {
    const dir = tempDir('diff-ir');
    mkdirSync(join(dir, 'spec'));
    writeFileSync(join(dir, 'spec/a.md'), page('A', { K: 'string' }));
    expect((await dmspecIn(['ir', '--spec', 'spec', '--out', 'good.json'], dir)).code).toBe(0);
    const good = JSON.parse(readFileSync(join(dir, 'good.json'), 'utf8'));
    expect((await dmspecIn(['diff', 'good.json', 'spec', '--fail-on', 'any'], dir)).code).toBe(0);
    const cases: [unknown, RegExp][] = [
      [null, /the document is not an object/],
      [[], /the document is not an object/],
      [{ irVersion: 2, objects: [] }, /irVersion is 2/],
      [{ irVersion: 1 }, /objects is not an array/],
      [{ irVersion: 1, objects: [{ name: 'X' }] }, /objects\[0\]\.kind is not one of profile/],
      [{ ...good, objects: [{ ...good.objects[0], properties: [{ ...good.objects[0].properties[0], type: { kind: 'array' } }] }] }, /objects\[0\]\.properties\[0\]\.type\.items is not an object/],
      [{ ...good, objects: [{ ...good.objects[0], properties: [{ ...good.objects[0].properties[0], availability: { Android: {} } }] }] }, /objects\[0\]\.properties\[0\]\.availability\.Android is not a platform/],
      [{ ...good, objects: [{ ...good.objects[0], properties: 'none' }] }, /objects\[0\]\.properties is not an array/],
      [{ ...good, objects: [{ ...good.objects[0], source: { file: 'a.md', line: 1 } }] }, /objects\[0\]\.source\.flavour is not one of/],
    ];
    for (const [doc, message] of cases) {
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc));
      for (const args of [['diff', 'bad.json', 'good.json'], ['history', '--spec-versions', 'good.json', 'bad.json']]) {
        const r = await dmspecIn(args, dir);
        expect(r.code, `${JSON.stringify(doc)}`).toBe(2);
        expect(r.stderr).toMatch(/^dmspec: bad\.json is not an IR document of irVersion 1: /);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/TypeError|at .*\.ts:/);
        expect(r.stdout).toBe('');
      }
    }
    writeFileSync(join(dir, 'bad.json'), '{"irVersion": 1, "objects": [');
    expect((await dmspecIn(['diff', 'bad.json', 'good.json'], dir)).stderr).toMatch(/bad\.json is neither a spec directory nor an IR JSON file/);
  });
});

describe('--docs-base links', () => {
  it('a directory links by its path in its git work tree; one outside any tree and the working directory is refused', async () => {
    const { dir, commit } = repository();
    mkdirSync(join(dir, 'docs/old'), { recursive: true });
    writeFileSync(join(dir, 'docs/old/a.md'), page('A', { K: 'string', Gone: 'string' }));
    mkdirSync(join(dir, 'docs/new'));
    writeFileSync(join(dir, 'docs/new/a.md'), page('A', { K: 'string' }));
    commit('v1');
    // Run from a subdirectory, naming the sides with `..`: links still name the paths from the top.
    mkdirSync(join(dir, 'tools'));
    const r = await dmspecIn(['diff', '../docs/old', '../docs/new', '--docs-base', 'https://example.com/o/r/blob/main/'], join(dir, 'tools'));
    expect(r.stdout).toContain('(old [a.md:16](https://example.com/o/r/blob/main/docs/old/a.md#L16))');
    const outside = tempDir('diff-outside');
    mkdirSync(join(outside, 'v1'));
    writeFileSync(join(outside, 'v1/a.md'), page('A', { K: 'string' }));
    const refused = await dmspecIn(['diff', join(outside, 'v1'), '../docs/new', '--docs-base', 'https://example.com/o/r/blob/main/'], join(dir, 'tools'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--docs-base: .*v1 is neither in a git work tree nor below the working directory/);
  });
});

describe('history filters', () => {
  it('an object or key no version has is an error naming the near matches', async () => {
    const dir = tempDir('history-filter');
    for (const v of ['v1', 'v2']) {
      mkdirSync(join(dir, v));
      writeFileSync(join(dir, v, 'wifi.md'), page('WiFi', { SSID_STR: 'string', AutoJoin: 'boolean' }, '- **Default:** `false`\n'));
    }
    const wrongCase = await dmspecIn(['history', '--spec-versions', 'v1', 'v2', '--object', 'Wifi'], dir);
    expect(wrongCase.code).toBe(2);
    expect(wrongCase.stderr).toBe('dmspec: no object `Wifi` in any of the 2 versions (did you mean `WiFi`?)\nRun "dmspec --help" for usage.\n');
    expect((await dmspecIn(['history', '--spec-versions', 'v1', 'v2', '--key', 'autojoin'], dir)).stderr).toContain('no key `autojoin` in any of the 2 versions (did you mean `AutoJoin`?)');
    // The first version's facts are all listed, a `false` default too, written as the page writes it.
    const one = await dmspecIn(['history', '--spec-versions', 'v1', 'v2', '--object', 'WiFi', '--key', 'AutoJoin'], dir);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('| `AutoJoin` | present | yes |  |');
    expect(one.stdout).toContain('| `AutoJoin` | default | `false` |  |');
    expect(one.stdout).toContain('| `AutoJoin` | required | no |  |');
  });
});
