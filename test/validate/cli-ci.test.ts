/**
 * `dmspec validate` wired into CI: a malformed file is an error finding of that file (exit 1, a
 * SARIF result of its own rule), a walk reports only device-management documents (the rest
 * counted with --verbose), --exclude, --max-warnings, --ignore paths with quoted keys and `**`
 * matching zero levels, a document that looks like two kinds, and a time limit no filter hides.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dmspecIn } from '../helpers/cli.js';
import { dict, payload, profileXml, str } from '../helpers/profiles.js';
import { tempDir } from '../helpers/temp.js';
import { sarifErrors } from '../helpers/sarif.js';

const APP = 'com.apple.applicationaccess';

/** A profile as editors and Apple's tools lay it out, one key to a line: allowAirDrop (a string, not a boolean) is on line 12, column 4. */
const WRONG = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
\t<key>PayloadContent</key>
\t<array>
\t\t<dict>
\t\t\t<key>PayloadIdentifier</key>
\t\t\t<string>com.example.restrictions</string>
\t\t\t<key>PayloadType</key>
\t\t\t<string>com.apple.applicationaccess</string>
\t\t\t<key>allowAirDrop</key>
\t\t\t<string>no</string>
\t\t\t<key>PayloadUUID</key>
\t\t\t<string>0D4C2C6E-5F0B-4C38-9B57-1C2B8F6A1E01</string>
\t\t\t<key>PayloadVersion</key>
\t\t\t<integer>1</integer>
\t\t</dict>
\t</array>
\t<key>PayloadIdentifier</key>
\t<string>com.example.profile</string>
\t<key>PayloadType</key>
\t<string>Configuration</string>
\t<key>PayloadUUID</key>
\t<string>5B1F9A52-7C0E-4E0D-8F4A-2D6E3B9C7A10</string>
\t<key>PayloadVersion</key>
\t<integer>1</integer>
</dict>
</plist>
`;

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn: number } } }>;
}

describe('dmspec validate in CI', () => {
  let dir: string;
  const file = (name: string): string => join(dir, name);
  beforeAll(() => {
    dir = tempDir('ci');
    mkdirSync(file('repo/profiles'), { recursive: true });
    mkdirSync(file('repo/fixtures'), { recursive: true });
    writeFileSync(file('repo/profiles/broken.mobileconfig'), '<?xml version="1.0"?>\n<plist><dict><key>PayloadType</key>\n');
    writeFileSync(file('repo/profiles/wrong.mobileconfig'), WRONG);
    writeFileSync(file('repo/tsconfig.json'), '{\n  // the compiler\'s options\n  "compilerOptions": { "strict": true },\n}\n');
    writeFileSync(file('repo/package.json'), '{ "name": "x" }\n');
    writeFileSync(file('repo/Info.plist'), '<?xml version="1.0"?><plist><dict><key>CFBundleName</key><string>x</string></dict></plist>');
    writeFileSync(file('repo/pom.xml'), '<?xml version="1.0"?><project/>');
    writeFileSync(file('repo/fixtures/also-broken.mobileconfig'), '<plist><dict>');
  });

  it('gives one error result for a malformed profile, one for a wrong-typed key, none for tsconfig.json, and exits 1', async () => {
    const out = file('out/dmspec.sarif');
    const r = await dmspecIn(['validate', '--format', 'sarif', '--out', out, '--exclude', 'fixtures', file('repo')]);
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarifErrors(log)).toBeNull();
    const results: SarifResult[] = log.runs[0].results;
    expect(results.map((x) => [x.ruleId, x.level, x.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['malformed', 'error', `file://${file('repo/profiles/broken.mobileconfig')}`],
      ['wrong-type', 'error', `file://${file('repo/profiles/wrong.mobileconfig')}`],
    ]);
    expect(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['malformed', 'wrong-type']);
    // Where the reader stopped is the result's region, not words in its message.
    expect([results[0]!.message.text, results[0]!.locations[0]!.physicalLocation.region]).toEqual(['malformed XML: the document ends inside <dict> (line 2)', { startLine: 2, startColumn: 36 }]);
    // The wrong-typed key's result points at the key's own line, where an editor shows it.
    expect(WRONG.split('\n')[11]).toBe('\t\t\t<key>allowAirDrop</key>');
    expect([results[1]!.message.text, results[1]!.locations[0]!.physicalLocation.region]).toEqual([expect.stringContaining('allowAirDrop: expected boolean, got string "no"'), { startLine: 12, startColumn: 4 }]);
    // A malformed file is a result code scanning shows, not a notification it hides.
    expect(log.runs[0].invocations[0]).toMatchObject({ executionSuccessful: true, toolExecutionNotifications: [] });
    expect(r.stderr).toMatch(/^2 files, 1 payload \(1 checked, 0 not checked\): 2 errors, 0 warnings; 1 file not a readable document\n$/);
  });

  it('gives files under the working directory as %SRCROOT%-relative URIs', async () => {
    const r = await dmspecIn(['validate', '--format', 'sarif', 'profiles/wrong.mobileconfig'], file('repo'));
    const log = JSON.parse(r.stdout);
    expect(sarifErrors(log)).toBeNull();
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `file://${file('repo')}/` } });
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'profiles/wrong.mobileconfig', uriBaseId: '%SRCROOT%' });
  });

  it('places a finding in a JSON document at its key\'s line and column, in text, JSON and SARIF', async () => {
    const f = file('passcode.json');
    writeFileSync(f, '{\n  "Type": "com.apple.configuration.passcode.settings",\n  "Identifier": "p",\n  "ServerToken": "1",\n  "Payload": {\n    "MinimumLength": "six"\n  }\n}\n');
    const text = await dmspecIn(['validate', f]);
    expect(text.stdout.split('\n')[0]).toBe(`${f}:6:5: error wrong-type (com.apple.configuration.passcode.settings) Payload.MinimumLength: expected integer, got string "six"`);
    const json = JSON.parse((await dmspecIn(['validate', '--format', 'json', f])).stdout);
    expect(json.files[0].issues[0]).toMatchObject({ path: 'Payload.MinimumLength', line: 6, column: 5 });
    const log = JSON.parse((await dmspecIn(['validate', '--format', 'sarif', f])).stdout);
    expect(sarifErrors(log)).toBeNull();
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 5 });
  });

  it('walks silently past files that are no device-management documents, and --verbose counts them', async () => {
    const quiet = await dmspecIn(['validate', '--exclude', 'fixtures', file('repo')]);
    expect(quiet.stdout).not.toMatch(/tsconfig|package\.json|Info\.plist|pom\.xml/);
    expect(quiet.stderr).toBe('');
    const r = await dmspecIn(['validate', '--verbose', '--no-config', '--exclude', 'fixtures', '--max-warnings', '3', file('repo')]);
    expect(r.stderr.split('\n')).toEqual([
      'config: none (--no-config)',
      'options: spec (the checked-in validators), exclude fixtures (from ' + process.cwd() + '), max-warnings 3, format text, time limit 10000 ms per file',
      `excluded 1 path: ${file('repo/fixtures')}`,
      `skipped 4 files (walks report only device-management documents): 1 a plist that is no device-management document (${file('repo/Info.plist')}); `
        + `1 JSON that is no declaration (${file('repo/package.json')}); 1 XML that is not a plist (${file('repo/pom.xml')}); `
        + `1 JSON that cannot be read and names no declaration (${file('repo/tsconfig.json')})`,
      '',
    ]);
  });

  it('always reports a file named on the command line, whatever --exclude says', async () => {
    const r = await dmspecIn(['validate', '--exclude', '*.json', '--exclude', 'fixtures', file('repo/tsconfig.json'), file('repo/fixtures/also-broken.mobileconfig')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file('repo/tsconfig.json')}:2:3: error malformed: expected a key in double quotes, found comment or "/" (JSON has no comments)`);
    expect(r.stdout).toContain(`${file('repo/fixtures/also-broken.mobileconfig')}:1:14: error malformed: malformed XML: the document ends inside <dict> (line 1)`);
  });

  it('reads --exclude patterns from .dmspecrc.json, relative to its folder', async () => {
    writeFileSync(file('repo/.dmspecrc.json'), JSON.stringify({ validate: { exclude: ['profiles/broken.mobileconfig', 'fixtures/'] } }));
    try {
      const r = await dmspecIn(['validate', '.'], file('repo'));
      expect(r.stdout).toBe([
        'profiles/wrong.mobileconfig:12:4: error wrong-type PayloadContent[0] (com.apple.applicationaccess) allowAirDrop: expected boolean, got string "no"',
        `options from ${file('repo/.dmspecrc.json')}`,
        '1 file, 1 payload (1 checked, 0 not checked): 1 error, 0 warnings',
        '',
      ].join('\n'));
      expect((await dmspecIn(['validate', '--exclude', 'a**b', '.'], file('repo'))).stderr).toMatch(/^dmspec: --exclude: \*\* stands alone between slashes/);
    } finally {
      writeFileSync(file('repo/.dmspecrc.json'), '{}');
    }
  });

  it('fails a run with more warnings than --max-warnings, and passes one with as many', async () => {
    const warn = file('warn.mobileconfig');
    writeFileSync(warn, profileXml([payload(APP, '1', [['Extra1', '<true/>'], ['Extra2', '<true/>']])]));
    expect((await dmspecIn(['validate', warn])).code).toBe(0);
    expect((await dmspecIn(['validate', '--max-warnings', '2', warn])).code).toBe(0);
    const over = await dmspecIn(['validate', '--max-warnings', '1', warn]);
    expect([over.code, over.stderr]).toEqual([1, 'dmspec: 2 warnings, more than --max-warnings 1\n']);
    expect((await dmspecIn(['validate', '--max-warnings=-1', warn])).stderr).toMatch(/--max-warnings takes a whole number, 0 or more, not -1/);
  });

  it('says in --help which findings fail a run', async () => {
    const help = (await dmspecIn(['validate', '--help'])).stdout;
    expect(help).toContain('Exit 0 when no finding is an error (warnings pass, unless more than --max-warnings), 1 when\n  one is (a file that is no readable document is one), 2 on a usage or configuration error');
    expect(help).not.toContain('problems found');
  });

  it('ignores findings at paths with quoted keys that hold dots, and ** matches the top level too', async () => {
    const mouse = file('mouse.mobileconfig');
    writeFileSync(mouse, profileXml([payload(APP, '1', [['com.apple.driver.AppleHIDMouse', dict([['Button2', '<integer>2</integer>']])], ['PayloadEnabled', '<true/>']])], [['PayloadEnabled', '<true/>']]));
    const all = await dmspecIn(['validate', mouse]);
    expect(all.stdout).toMatch(/: 0 errors, 3 warnings\n$/);
    const quoted = await dmspecIn(['validate', '--ignore', 'unknown-key:PayloadContent[*]."com.apple.driver.AppleHIDMouse"', mouse]);
    expect(quoted.stdout).toMatch(/: 0 errors, 2 warnings \(1 finding suppressed\)\n$/);
    const anywhere = await dmspecIn(['validate', '--ignore', 'unknown-key:**.PayloadEnabled', mouse]);
    expect(anywhere.stdout).toMatch(/: 0 errors, 1 warning \(2 findings suppressed\)\n$/);
    expect(anywhere.stdout).not.toContain('PayloadEnabled');
  });

  it('refuses a profile that also carries a command or a check-in message\'s mark, instead of being outvoted', async () => {
    const bad = profileXml([payload(APP, '1', [['allowAirDrop', str('no')]])]);
    for (const [name, extra, looks] of [
      ['command', ['Command', dict([['RequestType', str('DeviceLock')]])], 'an MDM command (Command)'],
      ['message', ['MessageType', str('Authenticate')], 'a check-in message (MessageType)'],
    ] as const) {
      const f = file(`${name}.mobileconfig`);
      writeFileSync(f, bad.replace('<dict><key>PayloadContent</key>', `<dict><key>${extra[0]}</key>${extra[1]}<key>PayloadContent</key>`));
      const r = await dmspecIn(['validate', f]);
      expect([r.code, r.stdout.split('\n')[0]]).toEqual([1, `${f}:3:22: error ambiguous-document: the document looks like a profile (PayloadContent, PayloadType) and like ${looks}: not checked as either`]);
      expect((await dmspecIn(['validate', '--ignore', 'ambiguous-document', f])).code).toBe(2);
    }
  });

  it('refuses to ignore a timeout or a malformed file: neither may read as "0 errors"', async () => {
    for (const code of ['timeout', 'malformed']) {
      const r = await dmspecIn(['validate', '--ignore', code, file('repo/profiles/broken.mobileconfig')]);
      expect([r.code, r.stderr]).toEqual([2, `dmspec: --ignore: ${code} cannot be ignored: it says a file or part of it was not checked (--exclude leaves a file out)\nRun "dmspec --help" for usage.\n`]);
    }
  });

  it('escapes bidi and C1 characters in --format json, as text and SARIF do', async () => {
    const f = file('bidi.mobileconfig');
    writeFileSync(f, profileXml([payload(APP, '1', [['evil\u202egnp.exe\u009b', '<true/>']])]));
    const r = await dmspecIn(['validate', '--format', 'json', f]);
    expect(r.stdout).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(r.stdout).toContain('evil\\u202egnp.exe\\u009b');
    expect(JSON.parse(r.stdout).files[0].issues[0].path).toBe('PayloadContent[0].evil\u202egnp.exe\u009b');
  });
});
