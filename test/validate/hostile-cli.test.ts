/**
 * Attacks on `dmspec validate` through the command line: a configuration file planted where
 * another user can write, configuration and anchor files that never end, JSON numbers and keys
 * that JSON.parse would round or drop, keys that end like an allowed one, patterns that would
 * backtrack, and one long key repeated into every finding. Each ends in the right verdict or a
 * clear refusal, and in a bounded report.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dmspecIn } from '../helpers/cli.js';
import { bp, bplist } from '../helpers/bplist.js';
import { payload, profileXml, signerPem, str } from '../helpers/profiles.js';
import { tempDir } from '../helpers/temp.js';

const APP = 'com.apple.applicationaccess';
const WRONG = profileXml([payload(APP, '1', [['allowAirDrop', str('no')]])]);
/** `line:column` where `needle` starts in `text`, as reports give a finding's place. */
const placeOf = (text: string, needle: string): string => {
  const lines = text.slice(0, text.indexOf(needle)).split('\n');
  return `${lines.length}:${lines.at(-1)!.length + 1}`;
};
const PLANTED = JSON.stringify({ validate: { ignore: ['wrong-type'] } });
const isRoot = process.getuid?.() === 0;

describe('configuration files dmspec must not obey', () => {
  let dir: string;
  const at = (...p: string[]): string => join(dir, ...p);
  beforeAll(() => {
    dir = tempDir('planted');
    for (const d of ['shared/proj', 'open/sub', 'foreign', 'outer/repo/.git', 'fifo', 'zero']) mkdirSync(at(d), { recursive: true });
    for (const d of ['shared/proj', 'open/sub', 'foreign', 'outer/repo', 'fifo', 'zero']) writeFileSync(at(d, 'wrong.mobileconfig'), WRONG);
  });

  it('never looks into a folder every user can write (/tmp): the planted file is not found', async () => {
    chmodSync(at('shared'), 0o777);
    writeFileSync(at('shared/.dmspecrc.json'), PLANTED, { mode: 0o666 });
    chmodSync(at('shared/.dmspecrc.json'), 0o666);
    const r = await dmspecIn(['validate', '--verbose', 'wrong.mobileconfig'], at('shared/proj'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/: 1 error, 0 warnings\n$/);
    expect(r.stderr).toContain(`config: none found (looked in ${at('shared/proj')}; stopped: not looking in ${at('shared')}, a folder every user can write)`);
  });

  it('refuses a configuration file others can write, found or named, with exit 2 and the reason', async () => {
    writeFileSync(at('open/.dmspecrc.json'), PLANTED);
    chmodSync(at('open/.dmspecrc.json'), 0o666);
    const r = await dmspecIn(['validate', 'wrong.mobileconfig'], at('open/sub'));
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`dmspec: ${at('open/.dmspecrc.json')}: not read: it is writable by every user (mode 0666); dmspec obeys only files no other user can change (name another file with --config FILE, or run with --no-config)\nRun "dmspec --help" for usage.\n`);
    const named = await dmspecIn(['validate', '--config', at('open/.dmspecrc.json'), 'wrong.mobileconfig'], at('open/sub'));
    expect([named.code, named.stderr.split('\n')[0]]).toEqual([2, `dmspec: ${at('open/.dmspecrc.json')}: not read: it is writable by every user (mode 0666); dmspec obeys only files no other user can change`]);
    chmodSync(at('open/.dmspecrc.json'), 0o620);
    expect((await dmspecIn(['validate', 'wrong.mobileconfig'], at('open/sub'))).stderr).toMatch(/not read: it is writable by its group \(mode 0620\)/);
    expect((await dmspecIn(['validate', '--no-config', 'wrong.mobileconfig'], at('open/sub'))).code).toBe(1);
  });

  it.skipIf(!isRoot)('refuses a configuration file owned by another user (run as root to test)', async () => {
    writeFileSync(at('foreign/.dmspecrc.json'), PLANTED, { mode: 0o644 });
    chownSync(at('foreign/.dmspecrc.json'), 65534, 65534);
    const r = await dmspecIn(['validate', 'wrong.mobileconfig'], at('foreign'));
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, `dmspec: ${at('foreign/.dmspecrc.json')}: not read: it is owned by another user (uid 65534); dmspec obeys only files of its own user or root (name another file with --config FILE, or run with --no-config)`]);
  });

  it('stops the search at the repository\'s root', async () => {
    writeFileSync(at('outer/.dmspecrc.json'), PLANTED);
    const r = await dmspecIn(['validate', '--verbose', 'wrong.mobileconfig'], at('outer/repo'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`config: none found (looked in ${at('outer/repo')}; stopped: ${at('outer/repo')} is the repository's root)`);
  });

  it('names the configuration file it obeyed in every format', async () => {
    writeFileSync(at('outer/repo/.dmspecrc.json'), JSON.stringify({ validate: { strict: true } }));
    const config = at('outer/repo/.dmspecrc.json');
    const text = await dmspecIn(['validate', 'wrong.mobileconfig'], at('outer/repo'));
    expect(text.stdout).toContain(`\noptions from ${config}\n`);
    expect(JSON.parse((await dmspecIn(['validate', '--format', 'json', 'wrong.mobileconfig'], at('outer/repo'))).stdout).config).toBe(config);
    const sarif = JSON.parse((await dmspecIn(['validate', '--format', 'sarif', 'wrong.mobileconfig'], at('outer/repo'))).stdout);
    expect(sarif.runs[0].invocations[0].properties).toEqual({ configFile: config });
  });

  it('refuses a configuration or --trust file that is a FIFO or a link to /dev/zero at once, never reading it', async () => {
    execFileSync('mkfifo', [at('fifo/.dmspecrc.json')]);
    symlinkSync('/dev/zero', at('zero/.dmspecrc.json'));
    const fifo = await dmspecIn(['validate', 'wrong.mobileconfig'], at('fifo'));
    expect([fifo.code, fifo.stderr.split('\n')[0]]).toEqual([2, `dmspec: ${at('fifo/.dmspecrc.json')}: not a regular file (a pipe); only regular files are read (name another file with --config FILE, or run with --no-config)`]);
    const zero = await dmspecIn(['validate', 'wrong.mobileconfig'], at('zero'));
    expect(zero.stderr.split('\n')[0]).toBe(`dmspec: ${at('zero/.dmspecrc.json')}: not a regular file (a device); only regular files are read (name another file with --config FILE, or run with --no-config)`);
    for (const trust of [at('fifo/.dmspecrc.json'), '/dev/zero']) {
      const r = await dmspecIn(['validate', '--no-config', '--trust', trust, 'wrong.mobileconfig'], at('fifo'));
      expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, `dmspec: --trust ${trust}: not a regular file (a ${trust === '/dev/zero' ? 'device' : 'pipe'}); only regular files are read`]);
    }
    const big = at('zero/big.pem');
    writeFileSync(big, `${signerPem()}${' '.repeat(5 * 1024 * 1024)}`);
    expect((await dmspecIn(['validate', '--no-config', '--trust', big, 'wrong.mobileconfig'], at('zero'))).stderr).toMatch(/^dmspec: --trust .*big\.pem: the file is \d+ bytes, over the limit of 4194304\n/);
  });
});

describe('documents that would flip a verdict', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('flip');
  });
  const declaration = (payloadJson: string): string => `{\n  "Type": "com.apple.configuration.passcode.settings",\n  "Identifier": "p",\n  "ServerToken": "1",\n  "Payload": ${payloadJson}\n}\n`;

  it('refuses JSON integers past 2^53 and repeated keys, as plists are refused, at their line and column', async () => {
    const cases: Array<[string, string]> = [
      ['{ "MinimumLength": 18446744073709551617 }', ':5:33: error malformed: the integer 18446744073709551617 cannot be checked exactly (beyond ±2^53); it was not rounded'],
      ['{ "MinimumLength": 1e300 }', ':5:33: error malformed: the number 1e300 cannot be checked exactly (beyond ±2^53); it was not rounded'],
      ['{ "MinimumLength": 6, "MinimumLength": "x" }', ':5:36: error malformed: the key "MinimumLength" appears twice in one object (first at 5:16); readers disagree on which value counts'],
    ];
    for (const [n, [payloadJson, line]] of cases.entries()) {
      const f = join(dir, `d${n}.json`);
      writeFileSync(f, declaration(payloadJson));
      const r = await dmspecIn(['validate', f]);
      expect([r.code, r.stdout.split('\n')[0]]).toEqual([1, `${f}${line}`]);
    }
  });

  it('stops JSON past the value budget while reading it', async () => {
    const keys = Array.from({ length: 150_000 }, (_, i) => `"k${i}": true`).join(',');
    const f = join(dir, 'wide.json');
    writeFileSync(f, declaration(`{ ${keys} }`));
    const r = await dmspecIn(['validate', f]);
    expect([r.code, r.stdout.split('\n')[0]]).toEqual([1, expect.stringMatching(/wide\.json:5:\d+: error malformed: more than 100,000 values$/)]);
  });

  it('allows a key only when it is that key, never one that merely ends like it', async () => {
    const f = join(dir, 'ends.mobileconfig');
    writeFileSync(f, profileXml([payload(APP, '1', [['PayloadEnabled', '<true/>'], ['Evil.PayloadEnabled', '<true/>']])]));
    const r = await dmspecIn(['validate', '--allow-key', 'PayloadEnabled', f]);
    expect(r.stdout.split('\n')).toEqual([
      `${f}:3:342: warning unknown-key PayloadContent[0] (${APP}) Evil.PayloadEnabled: Evil.PayloadEnabled is not a key of this dictionary`,
      '1 file, 1 payload (1 checked, 0 not checked): 0 errors, 1 warning (1 finding suppressed)',
      '',
    ]);
    const ignored = await dmspecIn(['validate', '--ignore', 'unknown-key:**.PayloadEnabled', f]);
    expect(ignored.stdout).toContain('Evil.PayloadEnabled is not a key');
  });
});

describe('reports of bounded work and size', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('bounded');
  });

  it('matches an --ignore pattern of many wildcards against a 300,000-character key in one pass', async () => {
    const f = join(dir, 'long-key.mobileconfig');
    writeFileSync(f, profileXml([payload(APP, '1', [[`${'a'.repeat(300_000)}c`, '<true/>']])]));
    // A backtracking match of this pattern takes longer than any test may run.
    const kept = await dmspecIn(['validate', '--ignore', 'unknown-key:PayloadContent[*].*a*a*a*a*a*b', f]);
    expect(kept.stdout).toMatch(/: 0 errors, 1 warning\n$/);
    const dropped = await dmspecIn(['validate', '--ignore', 'unknown-key:PayloadContent[*].*a*a*a*a*a*c', f]);
    expect(dropped.stdout).toMatch(/: 0 errors, 0 warnings \(1 finding suppressed\)\n$/);
  });

  it('cuts a 1,000,000-character key shared by 33 payloads in every format, instead of writing it out 33 times', async () => {
    const key = 'k'.repeat(1_000_000);
    // 0 root, 1-2 its keys, 3 the array of 33 references to one payload (5), 4 its type, 6 the key, 7 the payload type, 8 true.
    const file = bplist([
      bp.dict([1, 2], [3, 4]), bp.ascii('PayloadContent'), bp.ascii('PayloadType'), bp.array(Array.from({ length: 33 }, () => 5)),
      bp.ascii('Configuration'), bp.dict([2, 6], [7, 8]), bp.ascii(key), bp.ascii(APP), bp.bool(true),
    ]);
    expect(file.length).toBeGreaterThan(1_000_000);
    const f = join(dir, 'shared-key.mobileconfig');
    writeFileSync(f, file);
    for (const format of ['text', 'json', 'sarif']) {
      const r = await dmspecIn(['validate', '--format', format, f]);
      expect(r.code, format).toBe(1);
      expect(r.stdout.length, format).toBeLessThan(500_000);
      expect(r.stdout, format).toMatch(/… \[1,000,0\d\d characters\] …/);
    }
    const text = (await dmspecIn(['validate', f])).stdout;
    expect(text.split('\n').filter((l) => l.includes('unknown-key'))).toHaveLength(33);
  }, 60_000);
});

describe('special files: a pipe or a device never blocks a run', () => {
  let dir: string;
  const at = (...p: string[]): string => join(dir, ...p);
  beforeAll(() => {
    dir = tempDir('special');
    mkdirSync(at('walk'), { recursive: true });
    writeFileSync(at('walk/wrong.mobileconfig'), WRONG);
    execFileSync('mkfifo', [at('walk/pipe.plist')]);
    symlinkSync('/dev/zero', at('walk/zero.mobileconfig'));
    symlinkSync('pipe.plist', at('walk/to-pipe.json'));
    symlinkSync('gone.plist', at('walk/dangling.plist'));
  });

  it('walks past pipes, devices and links to them or to nothing without opening them, and --verbose names each', async () => {
    const r = await dmspecIn(['validate', '--verbose', '--no-config', at('walk')]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.includes(': error ') || l.includes(': warning '))).toEqual([
      `${at('walk/wrong.mobileconfig')}:${placeOf(WRONG, '<key>allowAirDrop</key>')}: error wrong-type PayloadContent[0] (${APP}) allowAirDrop: expected boolean, got string "no"`,
    ]);
    expect(r.stderr.split('\n').find((l) => l.startsWith('skipped'))).toBe(
      `skipped 4 files (walks report only device-management documents): 1 not a regular file (a link to nothing), never opened (${at('walk/dangling.plist')}); `
      + `2 not a regular file (a pipe), never opened (${at('walk/pipe.plist')}, ${at('walk/to-pipe.json')}); `
      + `1 not a regular file (a device), never opened (${at('walk/zero.mobileconfig')})`,
    );
  });

  it('reports a pipe named on the command line as a file it cannot read (exit 2), at once', async () => {
    const r = await dmspecIn(['validate', at('walk/pipe.plist')]);
    expect([r.code, r.stdout.split('\n')[0]]).toEqual([2, `${at('walk/pipe.plist')}: error unreadable: not a regular file (a pipe); only regular files are read`]);
  });

  it('refuses --out that is a pipe or a device before writing, instead of waiting for a reader', async () => {
    for (const out of [at('walk/pipe.plist'), '/dev/zero']) {
      const r = await dmspecIn(['validate', '--out', out, at('walk/wrong.mobileconfig')]);
      expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, `dmspec: --out ${out}: not a regular file (a ${out === '/dev/zero' ? 'device' : 'pipe'}); dmspec writes only a regular file or a new one`]);
    }
  });

  it('replaces an --out file whole, through a link to it, leaving nothing beside it', async () => {
    mkdirSync(at('out'));
    writeFileSync(at('out/report.sarif'), 'old report, much longer than the new one would be if it were written over it in place'.repeat(1000));
    symlinkSync('report.sarif', at('out/link.sarif'));
    const r = await dmspecIn(['validate', '--format', 'sarif', '--out', at('out/link.sarif'), at('walk/wrong.mobileconfig')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(at('out/report.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
    expect(readdirSync(at('out')).sort()).toEqual(['link.sarif', 'report.sarif']);
  });
});
