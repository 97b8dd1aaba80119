/**
 * `update-spec` killed (SIGKILL, as `kill -9` does) at each step of its update, in a real child
 * process: before its commit the project is exactly as it was, after it exactly as a complete
 * update leaves it, once a later `update-spec` has finished or undone what the killed one left;
 * in between, `generate` refuses to run on the half-updated spec. The step is named by
 * `DMSPEC_TEST_KILL_AT`, which makes the process kill itself there.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { dmspecIn, ROOT } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const page = (title: string, keys: string[], note = ''): string =>
  `# ${title}\n\nThe ${title} payload.${note}\n\n**Platforms:** iOS 4.0\n\n## Properties\n\n${keys.map((k) => `### ${k}\n\n- **Type:** \`string\`\n- **Required:** No\n\nThe ${k} key.\n`).join('\n')}`;

/** Every file below `dir` with its bytes, hidden ones included (the link to the toolchain's modules left out). */
function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(d, e.name);
      if (e.name === 'node_modules') continue;
      h.update(`${relative(dir, full)}\0`);
      if (e.isDirectory()) walk(full);
      else h.update(readFileSync(full));
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** What an update changes: the spec folder, the output folder, the package files. */
const targets = (dir: string): string[] => [treeHash(join(dir, 'spec')), treeHash(join(dir, 'generated')), ...['package.json', 'package-lock.json'].map((f) => readFileSync(join(dir, f), 'utf8'))];

/**
 * `dmspec update-spec` in a process of its own (node with the toolchain's tsx loader: one process, so the
 * signal it sends itself is what the parent sees), told to kill itself at `step`.
 */
const TSX_LOADER = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;
const killedAt = (dir: string, step: string) => spawnSync(process.execPath, ['--import', TSX_LOADER, join(ROOT, 'generator/cli.ts'), 'update-spec', '--from', 'pages-2026-09-01'], {
  cwd: dir, encoding: 'utf8', env: { ...process.env, DMSPEC_TEST_KILL_AT: step },
});

const STEPS_BEFORE_COMMIT = ['planned', 'staging', 'staged'];
const STEPS_AFTER_COMMIT = ['committed', 'applying', 'tree-retired', 'applied', 'cleaning'];

describe('update-spec killed at each step', () => {
  let template: string;
  let before: string;
  let after: string;
  let afterTargets: string[];

  /** A copy of the project before the update. */
  const project = (name: string): string => {
    const dir = join(template, '..', name);
    cpSync(template, dir, { recursive: true, verbatimSymlinks: true });
    return dir;
  };

  beforeAll(async () => {
    template = join(tempDir('update-kill'), 'template');
    mkdirSync(join(template, 'spec/sub'), { recursive: true });
    for (const t of ['A', 'B', 'C', 'D']) writeFileSync(join(template, `spec/${t.toLowerCase()}.md`), page(t, ['K', 'L']));
    writeFileSync(join(template, 'spec/sub/e.md'), page('E', ['K']));
    writeFileSync(join(template, 'spec/NOTES.txt'), 'mine');
    mkdirSync(join(template, 'pages-2026-09-01/sub'), { recursive: true });
    for (const t of ['A', 'B', 'C', 'D']) writeFileSync(join(template, `pages-2026-09-01/${t.toLowerCase()}.md`), page(t, t === 'A' ? ['K'] : ['K', 'L'], t === 'B' ? ' Reworded.' : ''));
    writeFileSync(join(template, 'pages-2026-09-01/sub/f.md'), page('F', ['K']));
    writeFileSync(join(template, 'package.json'), JSON.stringify({ name: 'p', private: true, workspaces: ['generated'], dmspec: { package: { name: '@dmspec/apple', version: '1.0.0', spec: "Apple's Device Management reference pages of 2026-08-18" } } }, null, 2));
    writeFileSync(join(template, 'package-lock.json'), `${JSON.stringify({ name: 'p', lockfileVersion: 3, packages: { generated: { name: '@dmspec/apple', version: '1.0.0' } } }, null, 2)}\n`);
    // A project's modules folder, one for all the copies (a link), so each child finds the record
    // of the passing type check its update's output had in the reference run. A temporary folder,
    // not the toolchain's node_modules: the records go when the test file is done.
    symlinkSync(tempDir('update-kill-modules'), join(template, 'node_modules'));
    expect((await dmspecIn(['generate'], template)).code).toBe(0);
    before = treeHash(template);
    const reference = project('reference');
    const r = await dmspecIn(['update-spec', '--from', 'pages-2026-09-01'], reference);
    expect(r.stderr).toContain('2026-08-18 → 2026-09-01; @dmspec/apple 1.0.0 → 2.0.0 (major bump)');
    expect(existsSync(join(reference, 'spec/sub/e.md'))).toBe(false);
    expect(JSON.parse(readFileSync(join(reference, 'package-lock.json'), 'utf8')).packages.generated.version).toBe('2.0.0');
    expect((await dmspecIn(['generate', '--check'], reference)).code).toBe(0);
    after = treeHash(reference);
    afterTargets = targets(reference);
  }, 240_000);

  it.each([...STEPS_BEFORE_COMMIT, ...STEPS_AFTER_COMMIT])('at %s: a later run finishes or undoes it, all or nothing', async (step) => {
    const dir = project(`killed-at-${step}`);
    const child = killedAt(dir, step);
    expect(child.signal, child.stderr).toBe('SIGKILL');
    expect(existsSync(join(dir, 'spec.dmspec-update'))).toBe(true);
    const committed = STEPS_AFTER_COMMIT.includes(step);
    // Before the commit no target was touched; after it, some may have been.
    if (!committed) expect(targets(dir)).toEqual(targets(template));
    // Half an update is not a spec to generate from or check against.
    const check = await dmspecIn(['generate', '--check'], dir);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('an update-spec of spec/ was interrupted: run "dmspec update-spec" to finish or undo it');
    const resumed = await dmspecIn(['update-spec'], dir);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(committed ? 'finished the update of spec/ to 2026-09-01 that was interrupted' : 'undid an update of spec/ to 2026-09-01 that was interrupted before it changed anything');
    // Exactly the project before the update, or exactly the one a complete update leaves: no leftovers.
    expect(treeHash(dir)).toBe(committed ? after : before);
    expect(readdirSync(dir).sort()).toEqual(['generated', 'node_modules', 'package-lock.json', 'package.json', 'pages-2026-09-01', 'spec', ...(committed ? ['reports'] : [])].sort());
  });

  it('an update started while an interrupted one waits finishes that one first', async () => {
    const dir = project('killed-then-rerun');
    const child = killedAt(dir, 'tree-retired');
    expect(child.signal).toBe('SIGKILL');
    const again = await dmspecIn(['update-spec', '--from', 'pages-2026-09-01'], dir);
    expect(again.stderr).toContain('finished the update of spec/ to 2026-09-01 that was interrupted');
    // The same pages again: nothing changed, the version stays.
    expect(again.stderr).toContain('2026-09-01 → 2026-09-01; @dmspec/apple 2.0.0 → 2.0.0 (none bump)');
    expect((await dmspecIn(['generate', '--check'], dir)).code).toBe(0);
  });

  it('a file in generated/ that dmspec did not write is refused before anything changes', async () => {
    const dir = project('foreign-in-output');
    writeFileSync(join(dir, 'generated/notes.txt'), 'mine');
    const r = await dmspecIn(['update-spec', '--from', 'pages-2026-09-01'], dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('generated holds files that .dmspec-output.json does not list ("notes.txt"); move them away first; nothing was touched');
    expect(readFileSync(join(dir, 'generated/notes.txt'), 'utf8')).toBe('mine');
    rmSync(join(dir, 'generated/notes.txt'));
    expect(targets(dir)).toEqual(targets(template));
    expect(readdirSync(dir).sort()).toEqual(['generated', 'node_modules', 'package-lock.json', 'package.json', 'pages-2026-09-01', 'spec']);
  });

  /**
   * A project killed at `step`, a user's file then put into `folder`, and the run that finishes or
   * undoes the update: it succeeds, keeps the file and names the folder.
   */
  async function plantedAfterKill(name: string, step: string, folder: string): Promise<{ dir: string; stderr: string }> {
    const dir = project(name);
    expect(killedAt(dir, step).signal).toBe('SIGKILL');
    writeFileSync(join(dir, folder, 'mine.txt'), 'mine');
    const r = await dmspecIn(['update-spec'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${folder}/ kept: it holds an entry dmspec did not write ("mine.txt")`);
    expect(readFileSync(join(dir, folder, 'mine.txt'), 'utf8')).toBe('mine');
    return { dir, stderr: r.stderr };
  }

  it('a user file put into a folder the update set aside, staged or journals in is kept and named, never removed', async () => {
    // The old output, moved aside, waits for its removal when the process is killed.
    const retired = await plantedAfterKill('foreign-in-retired', 'applied', 'generated.dmspec-update-old');
    expect(retired.stderr).toContain('generated.dmspec-update-old/ kept: it holds an entry dmspec did not write ("mine.txt"); dmspec removed what it wrote there');
    // What dmspec wrote there went; the manifest stays beside the kept file, to show whose folder it is.
    expect(readdirSync(join(retired.dir, 'generated.dmspec-update-old')).sort()).toEqual(['.dmspec-output.json', 'mine.txt']);
    expect(targets(retired.dir)).toEqual(afterTargets);
    expect(existsSync(join(retired.dir, 'spec.dmspec-update'))).toBe(false);

    // The new output, staged and not committed: the undo keeps what is not dmspec's.
    const staged = await plantedAfterKill('foreign-in-staged', 'staged', 'generated.dmspec-update-new');
    expect(targets(staged.dir)).toEqual(targets(template));

    // The journal's folder: the update is finished, the folder kept, and a later run refuses until it is moved away.
    const journal = await plantedAfterKill('foreign-in-journal', 'applied', 'spec.dmspec-update');
    expect(targets(journal.dir)).toEqual(afterTargets);
    expect(readdirSync(join(journal.dir, 'spec.dmspec-update'))).toEqual(['mine.txt']);
    const again = await dmspecIn(['update-spec'], journal.dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('spec.dmspec-update/ kept: it holds an entry dmspec did not write ("mine.txt")');
    expect(readFileSync(join(journal.dir, 'spec.dmspec-update/mine.txt'), 'utf8')).toBe('mine');
  });

  it('a journal that is not ours alone is not obeyed', async () => {
    const dir = project('foreign-journal');
    mkdirSync(join(dir, 'spec.dmspec-update'), { mode: 0o777 });
    // mkdir applies the umask: make it writable by others for real.
    spawnSync('chmod', ['0777', join(dir, 'spec.dmspec-update')]);
    writeFileSync(join(dir, 'spec.dmspec-update/journal.json'), JSON.stringify({ generator: 'dmspec update-spec', state: 'committed', steps: [{ kind: 'remove', target: '/etc/passwd' }] }));
    const r = await dmspecIn(['update-spec'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/spec\.dmspec-update \(an interrupted update\) is not obeyed: it is writable by every user/);
  });
});
