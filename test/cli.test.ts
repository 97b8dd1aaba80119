/**
 * The `dmspec` command as a user runs it: exit codes, diagnostics on stderr, --json, --check,
 * and a failed generate that leaves the output folder as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dmspec, dmspecIn, ROOT } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';
import { MANIFEST } from '../generator/emit/output-ownership.js';
import { chainPages } from './helpers/limit-spec.js';
import { MAX_REFERENCE_DEPTH } from '../generator/model/reference-depth.js';
import type { PageInput } from '../generator/parse/flavour.js';

function tempSpec(): { dir: string; spec: string; out: string } {
  const dir = tempDir('cli');
  cpSync(join(ROOT, 'test/fixtures/seeds'), join(dir, 'spec'), { recursive: true });
  return { dir, spec: join(dir, 'spec'), out: join(dir, 'generated') };
}

describe('dmspec CLI', () => {
  it('exits 2 on usage errors', async () => {
    expect((await dmspecIn([])).code).toBe(2);
    // Once as a process, as a user runs it: the exit code reaches the shell.
    expect(dmspec(['frobnicate']).code).toBe(2);
    expect((await dmspecIn(['ir'])).stderr).toMatch(/ir needs --spec DIR/);
    expect((await dmspecIn(['ir', '--spec', 'spec', '--bogus'])).code).toBe(2);
    // An unknown option is named in one line, with the option it was likely meant to be.
    expect((await dmspecIn(['validate', '--plaform', 'macOS', 'x.mobileconfig'])).stderr).toBe('dmspec: unknown option --plaform (did you mean --platform?)\nRun "dmspec --help" for usage.\n');
    expect((await dmspecIn(['ir', '--spec', 'spec', '--bogus'])).stderr).toMatch(/^dmspec: unknown option --bogus\n/);
    expect((await dmspecIn(['ir', '--spec', '/nonexistent/dir'])).stderr).toMatch(/does not exist/);
  });

  it('ir prints the IR and compiler-style diagnostics', async () => {
    // The seeds: spec/ holds Apple's whole spec, whose IR is larger than a pipe buffer worth a test.
    const r = await dmspecIn(['ir', '--spec', 'test/fixtures/seeds']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ irVersion: 1, objects: [{ name: 'AppLayerVPN' }, { name: 'VPN.IKEv2' }] });
    expect(r.stderr).toContain('test/fixtures/seeds/vpn-ikev2.md:283: warning unresolved-ref: VPN.IKEv2.OnDemandRules refers to VPN.VPN.OnDemandRulesElement, which is not in the spec');
    // Without --out, --json still prints the IR (which holds its diagnostics, named under the spec).
    const ir = await dmspecIn(['ir', '--spec', 'test/fixtures/seeds', '--json']);
    expect(JSON.parse(ir.stdout)).toMatchObject({ irVersion: 1, objects: [{ name: 'AppLayerVPN' }, { name: 'VPN.IKEv2' }] });
    expect(JSON.parse(ir.stdout).diagnostics).toContainEqual(expect.objectContaining({ file: 'vpn-ikev2.md', line: 283, code: 'unresolved-ref' }));
    // With --out, --json prints the diagnostics, naming files as the text does.
    const out = join(tempDir('cli-ir'), 'ir.json');
    const json = await dmspecIn(['ir', '--spec', 'test/fixtures/seeds', '--out', out, '--json']);
    expect(JSON.parse(json.stdout).diagnostics).toContainEqual(expect.objectContaining({ file: 'test/fixtures/seeds/vpn-ikev2.md', line: 283, code: 'unresolved-ref' }));
    expect(JSON.parse(readFileSync(out, 'utf8')).objects).toHaveLength(2);
  });

  it('counts notes and lists them only with --verbose; --quiet shows errors alone', async () => {
    const { spec } = tempSpec();
    writeFileSync(join(spec, 'overview.md'), '# Profile overview\n\nAn article about profiles.\n');
    const out = join(tempDir('cli-notes'), 'ir.json');
    const note = 'overview.md:1: info not-an-object: ';
    const plain = await dmspecIn(['ir', '--spec', spec, '--out', out]);
    expect(plain.stderr).not.toContain(note);
    expect(plain.stderr).toContain('warning unresolved-ref');
    expect(plain.stderr).toMatch(/\n1 note not shown \(--verbose lists them\)\n$/);
    expect((await dmspecIn(['ir', '--spec', spec, '--out', out, '--verbose'])).stderr).toContain(note);
    expect((await dmspecIn(['ir', '--spec', spec, '--out', out, '--quiet'])).stderr).not.toMatch(/warning unresolved-ref|not shown/);
    expect(JSON.parse((await dmspecIn(['ir', '--spec', spec, '--out', out, '--json'])).stdout).diagnostics).toContainEqual(expect.objectContaining({ code: 'not-an-object' }));
  });

  it('ir prints a page\'s bidi and C1 control characters as JSON escapes, keeping the value', async () => {
    const { spec } = tempSpec();
    const page = join(spec, 'applayervpn.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('The payload that configures a per-app VPN.', 'The payload that configures a per-app VPN.\u202e\u0085'));
    const r = await dmspecIn(['ir', '--spec', spec]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u202e\u0085]/);
    expect(r.stdout).toContain('\\u202e\\u0085');
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('per-app VPN.\u202e\u0085');
  });

  it('--json prints diagnostics as JSON', async () => {
    const { spec, out } = tempSpec();
    const r = await dmspecIn(['generate', '--spec', spec, '--out', out, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics).toContainEqual(expect.objectContaining({ code: 'unresolved-ref', line: 283 }));
  });

  it('generate writes, --check is clean, then names drifted files', async () => {
    const { spec, out } = tempSpec();
    expect((await dmspecIn(['generate', '--spec', spec, '--out', out])).code).toBe(0);
    expect((await dmspecIn(['generate', '--spec', spec, '--out', out, '--check'])).code).toBe(0);
    writeFileSync(join(out, 'ir.json'), '{}\n');
    writeFileSync(join(out, 'stale.ts'), '');
    const r = await dmspecIn(['generate', '--spec', spec, '--out', out, '--check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/changed: .*generated\/ir\.json/);
    expect(r.stderr).toMatch(/extra: +.*generated\/stale\.ts/);
  });

  it('generate finishes removing an old output a killed run left, and names a leftover holding a user\'s file', async () => {
    const { dir, spec, out } = tempSpec();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    // Two folders a generate killed while it removed the old output left (the manifest goes last).
    for (const stamp of ['a1', 'b2']) {
      mkdirSync(join(dir, `.generated.retired-${dead}-${stamp}/docs`), { recursive: true });
      writeFileSync(join(dir, `.generated.retired-${dead}-${stamp}`, MANIFEST), `${JSON.stringify({ generator: 'dmspec', files: ['docs/A.md', 'docs/B.md'] })}\n`);
      writeFileSync(join(dir, `.generated.retired-${dead}-${stamp}/docs/B.md`), 'b\n');
    }
    writeFileSync(join(dir, `.generated.retired-${dead}-b2/docs/thesis.docx`), 'mine\n');
    const r = await dmspecIn(['generate', '--spec', spec, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${dir}/.generated.retired-${dead}-b2/ kept: it holds an entry dmspec did not write ("docs/thesis.docx")`);
    expect(existsSync(join(dir, `.generated.retired-${dead}-a1`))).toBe(false);
    expect(readFileSync(join(dir, `.generated.retired-${dead}-b2/docs/thesis.docx`), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, `.generated.retired-${dead}-b2/docs/B.md`))).toBe(false);
    expect(existsSync(spec)).toBe(true);
  });

  it('a generate that raises an error leaves the output folder untouched', async () => {
    const { spec, out } = tempSpec();
    expect((await dmspecIn(['generate', '--spec', spec, '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'ir.json'), 'utf8');
    writeFileSync(join(spec, 'odd.md'), 'No title here.\n\n## Properties\n\n| Key | Type |\n|---|---|\n| Foo | string |\n');
    const r = await dmspecIn(['generate', '--spec', spec, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/odd\.md:1: error unknown-flavour/);
    expect(r.stderr).toMatch(/left as it was/);
    expect(readFileSync(join(out, 'ir.json'), 'utf8')).toBe(before);
  });

  it('generate refuses a spec of more than 20,000 keys before emitting anything', async () => {
    const dir = tempDir('cli-keys');
    mkdirSync(join(dir, 'spec'));
    // Three pages of 6,667 bare keys: inside every page limit, past the spec's.
    for (let p = 0; p < 3; p++) writeFileSync(join(dir, `spec/p${p}.md`), `# P${p}\n\n## Properties\n\n${Array.from({ length: 6_667 }, (_, i) => `### K${i}\n`).join('\n')}`);
    const r = await dmspecIn(['generate', '--spec', 'spec', '--out', 'out', '--quiet'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('spec: error spec-too-large: the spec defines 20,001 keys, more than the 20,000 generate takes; nothing was generated');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('generate refuses a chain of references 2,000 objects deep with one error at the reference past the limit, not a stack overflow', async () => {
    const dir = tempDir('cli-depth');
    const write = (folder: string, pages: PageInput[]): void => {
      mkdirSync(join(dir, folder));
      for (const p of pages) writeFileSync(join(dir, folder, p.file), p.text);
    };
    write('spec', chainPages(2_000));
    const r = await dmspecIn(['generate', '--spec', 'spec', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/call stack/);
    expect(r.stderr.split('\n').filter((l) => l.includes(' error '))).toEqual([
      'spec/obj-63.md:16: error reference-too-deep: Obj63.Next refers to Obj64, the 65th object of a chain of references from Obj0: a chain may pass through at most 64 objects (every generated module imports the modules it names, and TypeScript follows them recursively), so no code can be generated from this spec',
    ]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    // A chain of parents is refused the same way; the IR of such a spec is still read, and a diff
    // reads every object of it (none is left out).
    write('parents', chainPages(100, { inherits: true }));
    const parents = await dmspecIn(['generate', '--spec', 'parents', '--out', 'out', '--quiet'], dir);
    expect(parents.code).toBe(1);
    expect(parents.stderr).toContain('parents/obj-63.md:1: error reference-too-deep: Obj63 inherits the keys of Obj64, the 65th object of a chain of references from Obj0');
    const ir = await dmspecIn(['ir', '--spec', 'parents', '--out', 'ir.json', '--quiet'], dir);
    expect(ir.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'ir.json'), 'utf8')).objects).toHaveLength(100);
    // ir says what it did: the IR is written whole; only generating from the spec is refused.
    expect(ir.stderr).toContain('no code can be generated from this spec\n');
    expect(ir.stderr).toContain('ir.json holds every object of parents, but no code can be generated from this spec: generate and validate --spec refuse it (reference-too-deep)\n');
    expect(ir.stderr).not.toMatch(/nothing is generated/);
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ PayloadContent: [], PayloadDisplayName: 'x', PayloadIdentifier: 'a.b', PayloadType: 'Configuration', PayloadUUID: '9A0B7C2E-1111-4222-8333-444455556666', PayloadVersion: 1 }));
    const validate = await dmspecIn(['validate', '--spec', 'parents', 'p.json'], dir);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('cannot validate: no validators can be generated from the spec parents (errors above); no document was checked\n');
    write('changed', chainPages(100, { inherits: true }).map((p) => (p.file === 'obj-99.md' ? { ...p, text: p.text.replace('The name.', 'The name, changed.') } : p)));
    const diff = await dmspecIn(['diff', 'parents', 'changed', '--quiet'], dir);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('- `Obj99.Name`: The name **, changed**.');
  });

  it('generate takes a chain of references of the limit, 64 objects, and cycles, and type-checks them', async () => {
    const dir = tempDir('cli-depth-ok');
    mkdirSync(join(dir, 'spec'));
    const pages = [...chainPages(MAX_REFERENCE_DEPTH), ...chainPages(3, { cycle: true }).map((p) => ({ file: `c${p.file}`, text: p.text.replace(/Obj/g, 'Ring') }))];
    for (const p of pages) writeFileSync(join(dir, 'spec', p.file), p.text);
    const r = await dmspecIn(['generate', '--spec', 'spec', '--out', 'out', '--quiet'], dir);
    expect(r.stderr).toBe('wrote 447 files to out/ (0 errors, 0 warnings, 0 notes)\n');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'out/types/Obj62.d.ts'), 'utf8')).toContain("from './Obj63.js'");
    expect(readFileSync(join(dir, 'out/types/Ring2.d.ts'), 'utf8')).toContain("from './Ring0.js'");
  });

  it('diff reports changes, --fail-on breaking exits 1, --format json gives the change list', async () => {
    const { spec } = tempSpec();
    const before = join(spec, '..', 'before');
    cpSync(spec, before, { recursive: true });
    const page = join(spec, 'vpn-ikev2.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Possible Values: `None, SharedSecret, Certificate`', 'Possible Values: `None, Certificate`'));
    expect((await dmspecIn(['diff', before, before, '--fail-on', 'any'])).code).toBe(0);
    const md = await dmspecIn(['diff', before, spec]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('- `VPN.IKEv2.AuthenticationMethod`: allowed value `SharedSecret` removed (old vpn-ikev2.md:31, new vpn-ikev2.md:31)');
    expect(md.stdout).not.toContain('Do not edit');
    // --docs-base links page lines: BASE + the side's directory + file#Lline.
    const linked = (await dmspecIn(['diff', './before', 'spec/', '--docs-base', 'https://example.com/blob/main/'], join(spec, '..'))).stdout;
    expect(linked).toContain('(old [vpn-ikev2.md:31](https://example.com/blob/main/before/vpn-ikev2.md#L31), new [vpn-ikev2.md:31](https://example.com/blob/main/spec/vpn-ikev2.md#L31))');
    const short = await dmspecIn(['diff', before, spec, '--max-lines', '12']);
    expect(short.code).toBe(0);
    // Nothing but the summary and the breaking change: kept whole, and the report says so.
    expect(short.stdout).toContain('- `VPN.IKEv2.AuthenticationMethod`: allowed value `SharedSecret` removed');
    expect(short.stdout).toContain('_The summary and the breaking changes are kept whole although they take more than 12 lines.');
    expect((await dmspecIn(['diff', before, spec, '--max-lines', 'ten'])).code).toBe(2);
    expect((await dmspecIn(['diff', before, spec, '--max-lines', '10', '--format', 'json'])).stderr).toMatch(/JSON report always lists every change/);
    expect((await dmspecIn(['diff', before, spec, '--fail-on', 'breaking'])).code).toBe(1);
    const json = JSON.parse((await dmspecIn(['diff', before, spec, '--format', 'json'])).stdout);
    expect(json.changes).toEqual([{
      object: 'VPN.IKEv2', property: 'AuthenticationMethod', kind: 'allowed-values-changed', class: 'breaking',
      old: 'SharedSecret', new: null, source: { file: 'vpn-ikev2.md', line: 31 }, oldSource: { file: 'vpn-ikev2.md', line: 31 },
    }]);
    expect((await dmspecIn(['diff', before])).code).toBe(2);
    expect((await dmspecIn(['diff', before, spec, '--format', 'html'])).code).toBe(2);
    rmSync(join(spec, '..'), { recursive: true, force: true });
  });

  it('diff --git-range compares the spec directory at two revisions', async () => {
    const { dir, spec } = tempSpec();
    const git = (...args: string[]) => spawnSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('add', 'spec');
    git('commit', '-qm', 'v1');
    const page = join(spec, 'vpn-ikev2.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('`RemoteIdentifier`\n\n`string`\n\n (Required) ', '`RemoteIdentifier`\n\n`string`'));
    git('commit', '-qam', 'v2');
    const r = await dmspecIn(['diff', '--git-range', 'HEAD~1..HEAD', '--spec', 'spec', '--format', 'json'], dir);
    expect(r.stderr).toMatch(/0 breaking, 1 additive/);
    expect(JSON.parse(r.stdout).changes).toEqual([expect.objectContaining({ property: 'RemoteIdentifier', kind: 'required-changed', class: 'additive', old: true, new: false })]);
    // Links to page lines at each revision, as a forge shows them: BASE + COMMIT/ + spec dir + file.
    const md = await dmspecIn(['diff', '--git-range', 'HEAD~1..HEAD', '--spec', 'spec', '--docs-base', 'https://example.com/o/r/blob/'], dir);
    const first = git('rev-parse', 'HEAD~1').stdout.trim();
    expect(md.stdout).toMatch(new RegExp(`\\[vpn-ikev2\\.md:\\d+\\]\\(https://example\\.com/o/r/blob/${first}/spec/vpn-ikev2\\.md#L\\d+\\)`));
    // history over the same revisions: the version in which the key stopped being required.
    const h = await dmspecIn(['history', '--git-revs', 'HEAD~1,HEAD', '--spec', 'spec', '--key', 'RemoteIdentifier', '--format', 'json'], dir);
    expect(h.code).toBe(0);
    expect(JSON.parse(h.stdout).entries[0].facts).toContainEqual({
      fact: 'required', changes: [{ version: 'HEAD~1:spec', value: true }, { version: 'HEAD:spec', value: false }],
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('history lists, per key, the version in which each fact changed', async () => {
    const { dir, spec } = tempSpec();
    const v1 = join(dir, 'v1');
    cpSync(spec, v1, { recursive: true });
    const page = join(spec, 'vpn-ikev2.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Possible Values: `None, SharedSecret, Certificate`', 'Possible Values: `None, Certificate`'));
    const r = await dmspecIn(['history', '--spec-versions', v1, spec, '--object', 'VPN.IKEv2', '--key', 'AuthenticationMethod']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| key | fact | v1 | spec |');
    expect(r.stdout).toContain('| `AuthenticationMethod` | allowedValues | `None`, `SharedSecret`, `Certificate` | `None`, `Certificate` |');
    expect(r.stderr).toContain('0 object entries and 1 key entry across 2 versions');
    expect((await dmspecIn(['history', v1])).code).toBe(2);
    expect((await dmspecIn(['history', '--git-revs', 'HEAD'])).code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});
