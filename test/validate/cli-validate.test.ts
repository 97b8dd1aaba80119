/**
 * `dmspec validate` as an admin runs it: findings on stdout, exit 0/1/2, --json, --spec, --strict,
 * and usage errors for bad options.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dmspecIn, ROOT } from '../helpers/cli.js';
import { int, payload, profileXml, str } from '../helpers/profiles.js';
import { tempDir } from '../helpers/temp.js';
import { sarifErrors } from '../helpers/sarif.js';

const APP = 'com.apple.applicationaccess';

describe('dmspec validate', () => {
  let dir: string;
  const file = (name: string): string => join(dir, name);
  beforeAll(async () => {
    dir = tempDir('validate');
    writeFileSync(file('clean.mobileconfig'), profileXml([payload(APP, '1')]));
    writeFileSync(file('wrong.mobileconfig'), profileXml([payload(APP, '1', [['allowAirDrop', str('no')]])]));
    writeFileSync(file('unknown.mobileconfig'), profileXml([payload(APP, '1')], [['Extra', int(1)]]));
    writeFileSync(file('broken.mobileconfig'), '<plist><dict>');
    // A folder of mixed documents, as a repository of device-management files holds them.
    mkdirSync(file('mixed/declarations'), { recursive: true });
    writeFileSync(file('mixed/restrictions.mobileconfig'), profileXml([payload(APP, '1', [['allowAirDrop', str('no')], ['PayloadEnabled', '<true/>']])]));
    writeFileSync(file('mixed/declarations/passcode.json'), JSON.stringify({ Type: 'com.apple.configuration.passcode.settings', Identifier: 'p', ServerToken: '1', Payload: { MinimumLength: 6 } }));
    writeFileSync(file('mixed/lock.plist'), `<plist><dict><key>Command</key><dict><key>RequestType</key><string>DeviceLock</string></dict><key>CommandUUID</key><string>c</string></dict></plist>`);
    writeFileSync(file('mixed/package.json'), '{"name": "not a declaration"}');
    writeFileSync(file('mixed/README.md'), '# not read\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates a directory of profiles, declarations and commands, telling each kind from its content', async () => {
    const r = await dmspecIn(['validate', '--allow-key', 'PayloadEnabled', file('mixed')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    // package.json is no device-management document: the walk skips it without a word.
    expect(lines).toEqual([
      `${file('mixed/restrictions.mobileconfig')}:3:310: error wrong-type PayloadContent[0] (${APP}) allowAirDrop: expected boolean, got string "no"`,
      '3 files (1 command, 1 declaration, 1 profile), 1 payload (1 checked, 0 not checked): 1 error, 0 warnings (1 finding suppressed)',
    ]);
  });

  it('takes a dictionary { plistReal: 7 } where a real is required for what it is, a wrong-type error, even with --strict', async () => {
    // The reader's real is a class instance no document can spell; a dictionary is a dictionary.
    const forged = '<dict><key>plistReal</key><integer>7</integer></dict>';
    writeFileSync(file('forged.mobileconfig'), profileXml([payload(APP, '1')], [['DurationUntilRemoval', forged]]));
    writeFileSync(file('real.mobileconfig'), profileXml([payload(APP, '1')], [['DurationUntilRemoval', '<real>7</real>']]));
    for (const args of [[], ['--strict']]) {
      const r = await dmspecIn(['validate', ...args, file('forged.mobileconfig')]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`${file('forged.mobileconfig')}:3:561: error wrong-type (Configuration) DurationUntilRemoval: expected real, got dictionary`);
      expect((await dmspecIn(['validate', ...args, file('real.mobileconfig')])).code).toBe(0);
    }
  });

  it('writes SARIF 2.1.0 that its schema accepts, creating the --out folder', async () => {
    const out = file('reports/deep/validate.sarif');
    const r = await dmspecIn(['validate', '--format', 'sarif', '--out', out, file('mixed')]);
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarifErrors(log)).toBeNull();
    expect(log.runs[0].results.map((x: { ruleId: string; level: string }) => `${x.ruleId} ${x.level}`).sort()).toEqual(['unknown-key warning', 'wrong-type error']);
    expect(log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'wrong-type').locations[0].logicalLocations[0].fullyQualifiedName).toBe('PayloadContent[0].allowAirDrop');
    expect(r.stderr).toMatch(/3 files .*1 error, 1 warning/);
  });

  it('reads options from the nearest .dmspecrc.json, and command-line options override it', async () => {
    const project = file('project');
    mkdirSync(join(project, 'sub'), { recursive: true });
    writeFileSync(join(project, '.dmspecrc.json'), JSON.stringify({ validate: { allowKeys: ['PayloadEnabled'], ignore: ['wrong-type'] } }));
    const r = await dmspecIn(['validate', file('mixed')], join(project, 'sub'));
    // The report names the file whose options it obeyed.
    expect(r.stdout).toMatch(new RegExp(`options from ${join(project, '.dmspecrc.json').replace(/[.\\]/g, '\\$&')}\n.*0 errors, 0 warnings \\(2 findings suppressed\\)\n$`));
    expect((await dmspecIn(['validate', '--no-config', file('mixed')], join(project, 'sub'))).stdout).toMatch(/1 error, 1 warning\n$/);
    writeFileSync(join(project, '.dmspecrc.json'), JSON.stringify({ validate: { platfrom: 'iOS' } }));
    const bad = await dmspecIn(['validate', file('mixed')], join(project, 'sub'));
    expect([bad.code, bad.stderr]).toEqual([2, `dmspec: ${join(project, '.dmspecrc.json')}: unknown option validate.platfrom\nRun "dmspec --help" for usage.\n`]);
    // A misspelt code would silence nothing: it is refused, in the file and on the command line.
    writeFileSync(join(project, '.dmspecrc.json'), JSON.stringify({ validate: { ignore: ['unknown-keys'] } }));
    expect((await dmspecIn(['validate', file('mixed')], join(project, 'sub'))).stderr).toBe(`dmspec: ${join(project, '.dmspecrc.json')}: validate.ignore: unknown-keys is not the code of any finding\nRun "dmspec --help" for usage.\n`);
    const flag = await dmspecIn(['validate', '--no-config', '--ignore', 'deprecate:**', file('mixed')]);
    expect([flag.code, flag.stderr]).toEqual([2, 'dmspec: --ignore: deprecate is not the code of any finding\nRun "dmspec --help" for usage.\n']);
  });

  it('prints its version, and help lists every platform', async () => {
    expect((await dmspecIn(['--version'])).stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
    expect((await dmspecIn(['--help'])).stdout).toContain('--platform P            the target platform: iOS, iPadOS, Mac Catalyst, macOS, tvOS, visionOS, watchOS');
    // A command's help is its own part of the usage and the common options.
    const help = (await dmspecIn(['validate', '--help'])).stdout;
    expect(help).toMatch(/^Usage: dmspec validate \[options\]\n\n {2}validate \[options\] FILE\|DIR\.\.\./);
    expect(help).toContain('Validate options:\n  --spec DIR');
    expect(help).toContain('Options:\n  --json');
    expect(help).not.toMatch(/Diff options|History options|update-spec/);
    expect((await dmspecIn(['generate', '-h'])).stdout).toContain('  generate --check ');
    expect((await dmspecIn(['frobnicate', '--help'])).stdout).toContain('Commands:');
  });

  it('exits 0 on a clean profile and prints the summary', async () => {
    const r = await dmspecIn(['validate', file('clean.mobileconfig')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1 file, 1 payload (1 checked, 0 not checked): 0 errors, 0 warnings\n');
  });

  it('says when a folder it was given holds no documents, rather than only "0 files"', async () => {
    mkdirSync(file('empty/sub'), { recursive: true });
    writeFileSync(file('empty/sub/notes.txt'), 'not a document');
    const r = await dmspecIn(['validate', file('empty'), file('clean.mobileconfig')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: ${file('empty')} holds no documents (files ending in .mobileconfig, .plist, .json, .xml, .config that are device-management documents; hidden entries and node_modules are skipped)\n`);
    expect((await dmspecIn(['validate', dir])).stderr).toBe('');
  });

  it('exits 1 on problems and prints each with file, payload and key', async () => {
    const r = await dmspecIn(['validate', file('wrong.mobileconfig'), file('clean.mobileconfig')]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`${file('wrong.mobileconfig')}:3:310: error wrong-type PayloadContent[0] (${APP}) allowAirDrop: expected boolean, got string "no"`);
  });

  it('treats unknown keys as warnings, and as errors with --strict', async () => {
    expect((await dmspecIn(['validate', file('unknown.mobileconfig')])).code).toBe(0);
    const strict = await dmspecIn(['validate', '--strict', file('unknown.mobileconfig')]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('error unknown-key (Configuration) Extra: Extra is not a key of this dictionary');
  });

  it('reports a malformed file as an error finding (exit 1), and a file it cannot open with exit 2, and still reports the others', async () => {
    const malformed = await dmspecIn(['validate', file('broken.mobileconfig'), file('wrong.mobileconfig')]);
    expect(malformed.code).toBe(1);
    expect(malformed.stdout).toContain(`${file('broken.mobileconfig')}:1:14: error malformed: malformed XML: the document ends inside <dict> (line 1)`);
    expect(malformed.stdout).toMatch(/: 2 errors, 0 warnings; 1 file not a readable document\n$/);
    const r = await dmspecIn(['validate', file('broken.mobileconfig'), file('wrong.mobileconfig'), file('nope.mobileconfig')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${file('nope.mobileconfig')}: error unreadable: cannot read it: no such file or directory`);
    expect(r.stdout).toContain('wrong-type');
  });

  it('prints the documented JSON with --json', async () => {
    const r = await dmspecIn(['validate', '--json', file('wrong.mobileconfig')]);
    const report = JSON.parse(r.stdout);
    expect(report.files[0]).toMatchObject({
      file: file('wrong.mobileconfig'),
      payloads: [{ index: 0, payloadType: APP, object: 'Restrictions', checked: true, coverage: 'checked' }],
      issues: [{ path: 'PayloadContent[0].allowAirDrop', payloadType: APP, code: 'wrong-type', severity: 'error', expected: 'boolean', actual: 'no' }],
    });
  });

  it('validates against another spec directory with --spec', async () => {
    const r = await dmspecIn(['validate', '--spec', join(ROOT, 'test/fixtures/hostile/spec'), '--json', file('clean.mobileconfig')]);
    expect(JSON.parse(r.stdout).files[0].payloads).toEqual([{ index: 0, payloadType: APP, checked: false, coverage: 'not checked', reason: 'the spec has no payload of this type' }]);
  });

  it('exits 2 on bad options, naming the bad argument in one line', async () => {
    expect((await dmspecIn(['validate'])).stderr).toMatch(/at least one FILE or DIRECTORY/);
    const platform = await dmspecIn(['validate', '--platform', 'amiga', file('clean.mobileconfig')]);
    expect(platform.stderr).toBe('dmspec: --platform takes one of iOS, iPadOS, Mac Catalyst, macOS, tvOS, visionOS, watchOS, not amiga\nRun "dmspec --help" for usage.\n');
    expect((await dmspecIn(['validate', '--bogus', file('clean.mobileconfig')])).stderr.split('\n')).toHaveLength(3);
    expect((await dmspecIn(['validate', '--trust', file('clean.mobileconfig'), file('clean.mobileconfig')])).stderr).toMatch(/--trust .*no PEM certificate/);
    expect((await dmspecIn(['validate', '--os-version', '17', file('clean.mobileconfig')])).stderr).toMatch(/--os-version needs --platform/);
    expect((await dmspecIn(['validate', '--platform', 'ios', '--os-version', 'x', file('clean.mobileconfig')])).code).toBe(2);
    expect((await dmspecIn(['validate', '--spec', '/nonexistent', file('clean.mobileconfig')])).code).toBe(2);
  });
});
