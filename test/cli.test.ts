/**
 * The `dmspec` command as a user runs it: exit codes, diagnostics on stderr, --json, --check,
 * and a failed generate that leaves the output folder as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function dmspec(args: string[], cwd = ROOT) {
  const r = spawnSync(TSX, [join(ROOT, 'generator/cli.ts'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempSpec(): { dir: string; spec: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dmspec-cli-'));
  cpSync(join(ROOT, 'spec'), join(dir, 'spec'), { recursive: true });
  return { dir, spec: join(dir, 'spec'), out: join(dir, 'generated') };
}

describe('dmspec CLI', () => {
  it('exits 2 on usage errors', () => {
    expect(dmspec([]).code).toBe(2);
    expect(dmspec(['frobnicate']).code).toBe(2);
    expect(dmspec(['ir']).stderr).toMatch(/ir needs --spec DIR/);
    expect(dmspec(['ir', '--spec', 'spec', '--bogus']).code).toBe(2);
    expect(dmspec(['ir', '--spec', '/nonexistent/dir']).stderr).toMatch(/does not exist/);
  });

  it('ir prints the IR and compiler-style diagnostics', () => {
    const r = dmspec(['ir', '--spec', 'spec']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ irVersion: 1, objects: [{ name: 'AppLayerVPN' }, { name: 'VPN.IKEv2' }] });
    expect(r.stderr).toContain('spec/vpn-ikev2.md:283: warning unresolved-ref: VPN.IKEv2.OnDemandRules refers to VPN.VPN.OnDemandRulesElement, which is not in the spec');
  });

  it('--json prints diagnostics as JSON', () => {
    const { spec, out } = tempSpec();
    const r = dmspec(['generate', '--spec', spec, '--out', out, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics).toContainEqual(expect.objectContaining({ code: 'unresolved-ref', line: 283 }));
  });

  it('generate writes, --check is clean, then names drifted files', () => {
    const { spec, out } = tempSpec();
    expect(dmspec(['generate', '--spec', spec, '--out', out]).code).toBe(0);
    expect(dmspec(['generate', '--spec', spec, '--out', out, '--check']).code).toBe(0);
    writeFileSync(join(out, 'ir.json'), '{}\n');
    writeFileSync(join(out, 'stale.ts'), '');
    const r = dmspec(['generate', '--spec', spec, '--out', out, '--check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/changed: .*generated\/ir\.json/);
    expect(r.stderr).toMatch(/extra: +.*generated\/stale\.ts/);
  });

  it('a generate that raises an error leaves the output folder untouched', () => {
    const { spec, out } = tempSpec();
    expect(dmspec(['generate', '--spec', spec, '--out', out]).code).toBe(0);
    const before = readFileSync(join(out, 'ir.json'), 'utf8');
    writeFileSync(join(spec, 'odd.md'), 'No title here.\n\n## Properties\n\n| Key | Type |\n|---|---|\n| Foo | string |\n');
    const r = dmspec(['generate', '--spec', spec, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/odd\.md:1: error unknown-flavour/);
    expect(r.stderr).toMatch(/left as it was/);
    expect(readFileSync(join(out, 'ir.json'), 'utf8')).toBe(before);
  });
});
