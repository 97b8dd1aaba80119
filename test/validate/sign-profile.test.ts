/**
 * `dmspec sign` and `dmspec unsign`: a profile signed with a throwaway CA's signer is reported as
 * trusted by `validate --trust`, is accepted by an independent CMS reader (OpenSSL, where it is
 * installed), and unsigns to the same bytes; unusable inputs are one clear line each.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../generator/cli-main.js';
import { signProfile, unsignProfile } from '../../generator/validate/sign-profile.js';
import { dmspecIn } from '../helpers/cli.js';
import { binaryOf, payload, profileXml } from '../helpers/profiles.js';
import { testPki, writeTestPki } from '../helpers/pki.js';
import { tempDir } from '../helpers/temp.js';

const OPENSSL = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
const XML = profileXml([payload('com.apple.applicationaccess', '1', [['allowAirDrop', '<false/>']])]);

describe('dmspec sign and unsign', () => {
  let dir: string;
  let pki: ReturnType<typeof writeTestPki>;
  const at = (name: string): string => join(dir, name);
  beforeAll(() => {
    dir = tempDir('sign');
    pki = writeTestPki(dir);
    writeFileSync(at('p.mobileconfig'), XML);
  });

  it('signs a profile that validate --trust then reports as signed by the signer, chain trusted', async () => {
    const s = await dmspecIn(['sign', '--cert', pki.cert, '--key', pki.key, '--out', at('signed.mobileconfig'), at('p.mobileconfig')]);
    expect([s.code, s.stderr]).toEqual([0, `${at('p.mobileconfig')}: signed, written to ${at('signed.mobileconfig')} (${readFileSync(at('signed.mobileconfig')).length} bytes)\n`]);
    const v = await dmspecIn(['validate', '--no-config', '--trust', pki.ca, at('signed.mobileconfig')]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`${at('signed.mobileconfig')}: info signed by "CN=Example MDM signer, O=Example Org" (signature valid; chain trusted)`);
  });

  it('unsigns to the very bytes it signed, XML and binary', async () => {
    writeFileSync(at('b.mobileconfig'), await binaryOf(XML));
    for (const name of ['p.mobileconfig', 'b.mobileconfig']) {
      expect((await dmspecIn(['sign', '--cert', pki.cert, '--key', pki.key, '--out', at(`${name}.signed`), at(name)])).code).toBe(0);
      const u = await dmspecIn(['unsign', '--out', at(`${name}.plain`), at(`${name}.signed`)]);
      expect(u.code, u.stderr).toBe(0);
      expect(u.stderr).toContain('info signed by "CN=Example MDM signer, O=Example Org" (signature valid)');
      expect(readFileSync(at(`${name}.plain`)).equals(readFileSync(at(name))), name).toBe(true);
    }
  });

  it('writes the bytes to stdout without --out, never to a terminal', async () => {
    const u = await dmspecIn(['unsign', at('p.mobileconfig.signed')]);
    expect(u.code).toBe(0);
    expect(u.bytes?.equals(readFileSync(at('p.mobileconfig')))).toBe(true);
    let err = '';
    const code = await runCli(['unsign', at('p.mobileconfig.signed')], { stdout: () => { throw new Error('wrote to the terminal'); }, stderr: (t) => void (err += t), stdoutIsTerminal: true });
    expect([code, err.split('\n')[0]]).toEqual([2, "dmspec: unsign writes the profile's bytes: give --out FILE, or send stdout to a file or a pipe"]);
  });

  it.skipIf(!OPENSSL)('makes an envelope OpenSSL verifies to the CA, with the profile as its content', () => {
    const out = at('openssl.plist');
    execFileSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', at('signed.mobileconfig'), '-CAfile', pki.ca, '-purpose', 'any', '-out', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(XML);
  });

  it.skipIf(!OPENSSL)('signs with an EC key (P-256)', async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', at('ec.key'), '-out', at('ec.pem'), '-days', '2', '-subj', '/CN=EC signer'], { stdio: 'pipe' });
    expect((await dmspecIn(['sign', '--cert', at('ec.pem'), '--key', at('ec.key'), '--out', at('ec.signed'), at('p.mobileconfig')])).code).toBe(0);
    const v = await dmspecIn(['validate', '--no-config', '--trust', at('ec.pem'), at('ec.signed')]);
    expect(v.stdout).toContain('info signed by "CN=EC signer" (signature valid; chain trusted)');
  });

  it('refuses unusable inputs with one line naming them', async () => {
    const run = async (args: string[]): Promise<[number | null, string]> => {
      const r = await dmspecIn(args);
      return [r.code, r.stderr.split('\n')[0]!];
    };
    expect(await run(['sign', '--cert', pki.cert, '--key', pki.otherKey, at('p.mobileconfig')])).toEqual([2, `dmspec: ${pki.otherKey}: the key belongs to none of the certificates of ${pki.cert}`]);
    expect(await run(['sign', '--cert', pki.key, '--key', pki.key, at('p.mobileconfig')])).toEqual([2, `dmspec: ${pki.key}: no PEM certificate (-----BEGIN CERTIFICATE-----) found`]);
    expect(await run(['sign', '--key', pki.key, at('p.mobileconfig')])).toEqual([2, 'dmspec: sign needs --cert FILE']);
    const encrypted = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }).toString();
    writeFileSync(at('enc.key'), encrypted);
    expect((await run(['sign', '--cert', pki.cert, '--key', at('enc.key'), at('p.mobileconfig')]))[1]).toMatch(/enc\.key: the key is encrypted; give an unencrypted key/);
    expect(await run(['sign', '--cert', pki.cert, '--key', pki.key, at('signed.mobileconfig')])).toEqual([1, `${at('signed.mobileconfig')}: error the profile is signed already: unsign it first (dmspec unsign)`]);
    writeFileSync(at('notes.txt'), 'hello');
    expect(await run(['sign', '--cert', pki.cert, '--key', pki.key, at('notes.txt')])).toEqual([1, `${at('notes.txt')}: error not a property list: neither XML, a binary plist nor a signed profile`]);
    expect(await run(['unsign', at('p.mobileconfig')])).toEqual([1, `${at('p.mobileconfig')}: error not a signed profile (no CMS envelope): there is nothing to unsign`]);
    writeFileSync(at('cut.signed'), readFileSync(at('signed.mobileconfig')).subarray(0, 200));
    expect((await run(['unsign', at('cut.signed')]))[0]).toBe(1);
    expect(await run(['unsign', dir])).toEqual([2, `${dir}: error not a regular file (a directory); only regular files are read`]);
    chmodSync(pki.cert, 0o666);
    expect((await run(['sign', '--cert', pki.cert, '--key', pki.key, at('p.mobileconfig')]))[1]).toMatch(/^dmspec: --cert .*signer\.pem: not read: it is writable by every user/);
    chmodSync(pki.cert, 0o644);
  });
});

describe('signProfile and unsignProfile', () => {
  it('give back any content byte for byte, and the signature verifies', async () => {
    const pki = testPki();
    const inputs = { certificatesPem: pki.signerPem, certificatesSource: 'signer.pem', keyPem: pki.signerKey, keySource: 'signer.key' };
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }).filter((b) => b[0] !== 0x30), async (content) => {
      const back = await unsignProfile(await signProfile({ ...inputs, content }));
      expect(Buffer.from(back.content).equals(Buffer.from(content))).toBe(true);
      expect(back.signer).toMatchObject({ signatureValid: true, certificates: 2 });
    }), { numRuns: 25, seed: 22 });
  });
});
