/**
 * `dmspec new`: a profile of payload types, or an MDM command, with the keys the pages require,
 * which passes `dmspec validate` as written; and the whole path an admin takes with it: new,
 * validate, sign, validate --trust, unsign.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateCommand, validateProfile } from '@dmspec/apple';
import { parsePlist } from '../generator/runtime/plist/index.js';
import { newDocument } from '../generator/new-command.js';
import { SkeletonIndex } from '../generator/skeleton/skeleton.js';
import { dmspecIn } from './helpers/cli.js';
import { specIr } from './helpers/parsed.js';
import { writeTestPki } from './helpers/pki.js';
import { tempDir } from './helpers/temp.js';

const skeletons = new SkeletonIndex(specIr());

describe('dmspec new', () => {
  let dir: string;
  const at = (name: string): string => join(dir, name);
  beforeAll(() => {
    dir = tempDir('new');
  });

  it('writes a Wi-Fi and Restrictions profile that validates, then signs, verifies and unsigns it', async () => {
    const made = await dmspecIn(['new', 'com.apple.wifi.managed', 'com.apple.applicationaccess', '--out', at('p.mobileconfig')]);
    expect([made.code, made.stderr]).toEqual([0, `wrote a profile of com.apple.wifi.managed, com.apple.applicationaccess to ${at('p.mobileconfig')}\n`]);
    const v = await dmspecIn(['validate', '--no-config', at('p.mobileconfig')]);
    expect([v.code, v.stdout]).toEqual([0, '1 file, 2 payloads (2 checked, 0 not checked): 0 errors, 0 warnings\n']);
    const pki = writeTestPki(dir);
    expect((await dmspecIn(['sign', '--cert', pki.cert, '--key', pki.key, '--out', at('signed.mobileconfig'), at('p.mobileconfig')])).code).toBe(0);
    const trusted = await dmspecIn(['validate', '--no-config', '--trust', pki.ca, at('signed.mobileconfig')]);
    expect([trusted.code, trusted.stdout.includes('(signature valid; chain trusted)')]).toEqual([0, true]);
    expect((await dmspecIn(['unsign', '--out', at('back.mobileconfig'), at('signed.mobileconfig')])).code).toBe(0);
    expect(readFileSync(at('back.mobileconfig'))).toEqual(readFileSync(at('p.mobileconfig')));
  });

  it('writes the same UUIDs each time, a command with a new CommandUUID each time, and never over a file', async () => {
    const first = await dmspecIn(['new', 'com.apple.security.pem']);
    expect(first.code).toBe(0);
    expect((await dmspecIn(['new', 'com.apple.security.pem'])).stdout).toBe(first.stdout);
    const pem = parsePlist(first.stdout).value as { PayloadContent: Array<Record<string, unknown>> };
    expect(pem.PayloadContent[0]).toMatchObject({ PayloadType: 'com.apple.security.pem', PayloadContent: new Uint8Array(0) });
    const lock = await dmspecIn(['new', 'DeviceLock']);
    expect(validateCommand(parsePlist(lock.stdout).value).issues).toEqual([]);
    expect((await dmspecIn(['new', 'DeviceLock'])).stdout).not.toBe(lock.stdout);
    const again = await dmspecIn(['new', 'com.apple.wifi.managed', '--out', at('p.mobileconfig')]);
    expect([again.code, again.stderr.split('\n')[0]]).toEqual([2, `dmspec: ${at('p.mobileconfig')} exists: new never replaces a file`]);
  });

  it('refuses names the spec does not define, naming the near ones, and a command mixed with payloads', async () => {
    const typo = await dmspecIn(['new', 'com.apple.wifi.manged']);
    expect([typo.code, typo.stderr.split('\n')[0]]).toEqual([2, 'dmspec: "com.apple.wifi.manged" is no payload type or request type the spec defines (did you mean com.apple.wifi.managed, com.apple.apn.managed or com.apple.mail.managed?)']);
    expect((await dmspecIn(['new', 'DeviceLock', 'com.apple.wifi.managed'])).code).toBe(2);
    expect((await dmspecIn(['new'])).code).toBe(2);
  });

  it('makes a skeleton that validates for every payload type and every request type of spec/', () => {
    const { payloadTypes, requestTypes } = skeletons.names();
    expect([payloadTypes.length, requestTypes.length]).toEqual([119, 67]);
    // No error; a deprecated payload's keys are deprecated warnings, as validate reports them.
    const errors = (issues: ReadonlyArray<{ severity: string }>): unknown[] => issues.filter((i) => i.severity === 'error');
    for (const t of payloadTypes) expect(errors(validateProfile(newDocument([t], skeletons).value).issues), t).toEqual([]);
    for (const t of requestTypes) expect(errors(validateCommand(newDocument([t], skeletons).value).issues), t).toEqual([]);
    // A page's required keys with values of their types; the page's default where it states one.
    const ikev2 = newDocument(['com.apple.vpn.managed'], skeletons).value as { PayloadContent: Array<Record<string, unknown>> };
    expect(Object.keys(ikev2.PayloadContent[0]!)).toEqual(expect.arrayContaining(['PayloadType', 'UserDefinedName', 'VPNType']));
    // A key standing for any key (ConsentText's language placeholder, required on its page) is never written by its name.
    const consent = specIr().objects.find((o) => o.name === 'TopLevel.ConsentText')!;
    expect(consent.properties.map((p) => [p.name, p.required])).toEqual([['ConsentTextItem', true]]);
    expect(skeletons.skeleton(consent)).toEqual({});
  });
});
