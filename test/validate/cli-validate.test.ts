/**
 * `dmspec validate` as an admin runs it: findings on stdout, exit 0/1/2, --json, --spec, --strict,
 * and usage errors for bad options.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dmspec, ROOT } from '../helpers/cli.js';
import { int, payload, profileXml, str } from '../helpers/profiles.js';
import { tempDir } from '../helpers/temp.js';

const APP = 'com.apple.applicationaccess';

describe('dmspec validate', () => {
  let dir: string;
  const file = (name: string): string => join(dir, name);
  beforeAll(() => {
    dir = tempDir('validate');
    writeFileSync(file('clean.mobileconfig'), profileXml([payload(APP, '1')]));
    writeFileSync(file('wrong.mobileconfig'), profileXml([payload(APP, '1', [['allowAirDrop', str('no')]])]));
    writeFileSync(file('unknown.mobileconfig'), profileXml([payload(APP, '1')], [['Extra', int(1)]]));
    writeFileSync(file('broken.mobileconfig'), '<plist><dict>');
  });

  it('exits 0 on a clean profile and prints the summary', () => {
    const r = dmspec(['validate', file('clean.mobileconfig')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1 file, 1 payload (1 checked, 0 not checked): 0 errors, 0 warnings\n');
  });

  it('exits 1 on problems and prints each with file, payload and key', () => {
    const r = dmspec(['validate', file('wrong.mobileconfig'), file('clean.mobileconfig')]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`${file('wrong.mobileconfig')}: PayloadContent[0] (${APP}) allowAirDrop: wrong-type: expected boolean, got string "no"`);
  });

  it('treats unknown keys as warnings, and as errors with --strict', () => {
    expect(dmspec(['validate', file('unknown.mobileconfig')]).code).toBe(0);
    const strict = dmspec(['validate', '--strict', file('unknown.mobileconfig')]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('(Configuration) Extra: unknown-key: Extra is not a key of this dictionary');
  });

  it('exits 2 when a file cannot be read, and still reports the others', () => {
    const r = dmspec(['validate', file('broken.mobileconfig'), file('wrong.mobileconfig'), file('nope.mobileconfig')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${file('broken.mobileconfig')}: error: malformed XML`);
    expect(r.stdout).toContain(`${file('nope.mobileconfig')}: error: cannot read the file (ENOENT)`);
    expect(r.stdout).toContain('wrong-type');
  });

  it('prints the documented JSON with --json', () => {
    const r = dmspec(['validate', '--json', file('wrong.mobileconfig')]);
    const report = JSON.parse(r.stdout);
    expect(report.files[0]).toMatchObject({
      file: file('wrong.mobileconfig'),
      payloads: [{ index: 0, payloadType: APP, object: 'Restrictions', checked: true }],
      issues: [{ path: 'PayloadContent[0].allowAirDrop', payloadType: APP, code: 'wrong-type', severity: 'error', expected: 'boolean', actual: 'no' }],
    });
  });

  it('validates against another spec directory with --spec', () => {
    const r = dmspec(['validate', '--spec', join(ROOT, 'test/fixtures/hostile/spec'), '--json', file('clean.mobileconfig')]);
    expect(JSON.parse(r.stdout).files[0].payloads).toEqual([{ index: 0, payloadType: APP, checked: false, reason: 'the spec has no payload of this type' }]);
  });

  it('exits 2 on bad options', () => {
    expect(dmspec(['validate']).stderr).toMatch(/at least one profile FILE/);
    expect(dmspec(['validate', '--platform', 'amiga', file('clean.mobileconfig')]).stderr).toMatch(/--platform takes one of iOS/);
    expect(dmspec(['validate', '--os-version', '17', file('clean.mobileconfig')]).stderr).toMatch(/--os-version needs --platform/);
    expect(dmspec(['validate', '--platform', 'ios', '--os-version', 'x', file('clean.mobileconfig')]).code).toBe(2);
    expect(dmspec(['validate', '--spec', '/nonexistent', file('clean.mobileconfig')]).code).toBe(2);
  });
});
