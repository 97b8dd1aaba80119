/**
 * A downstream project's view: pack dmspec, install the tarball into a fresh project, type-check
 * a file that imports the generated types and validators under --strict, and run a validator.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const TSC = join(ROOT, 'node_modules/.bin/tsc');

const CONSUMER = `import type { VPNIKEv2, PayloadTypeMap } from 'dmspec/types';
import { validateVPNIKEv2, validatorsByPayloadType, type ValidationResult } from 'dmspec/validators';

const payload: VPNIKEv2 = {
  AuthenticationMethod: 'Certificate',
  LocalIdentifier: 'client.example.com',
  RemoteAddress: 'vpn.example.com',
  RemoteIdentifier: 'vpn.example.com',
  MTU: 1300,
};
const perApp: PayloadTypeMap['com.apple.vpn.managed.applayer'] = {
  PayloadType: 'com.apple.vpn.managed.applayer', PayloadIdentifier: 'a', PayloadUUID: 'b', PayloadVersion: 1,
};
const results: ValidationResult[] = [
  validateVPNIKEv2(payload),
  validateVPNIKEv2({ ...payload, MTU: 99 }),
  validatorsByPayloadType.get(perApp.PayloadType)!(perApp),
];
console.log(JSON.stringify(results.map((r) => [r.valid, r.issues.map((i) => i.code)])));
`;

describe('the packed package', () => {
  it('installs, type-checks in a consumer under --strict, and validates', () => {
    const work = mkdtempSync(join(tmpdir(), 'dmspec-consumer-'));
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', join(work, packed)], { cwd: app, encoding: 'utf8' });
    writeFileSync(join(app, 'index.ts'), CONSUMER);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'out', types: [], skipLibCheck: false },
      files: ['index.ts'],
    }));
    const tsc = spawnSync(TSC, ['-p', app], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    const run = spawnSync(process.execPath, [join(app, 'out/index.js')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([[true, []], [false, ['below-minimum']], [true, []]]);
  });
});
