/**
 * Declarations checked as a set, on sets built from the pages' own examples: a valid set has no
 * finding; each defect (a dangling configuration, a missing asset, a duplicate identifier, a bad
 * predicate, an unknown status item, a reference of the wrong kind) gives exactly one, at its
 * place. Sets are given as JSON arrays and as folders, as `dmspec validate` reads them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as apple from '@dmspec/apple';
import { validateDocumentBytes, validateProfileFiles, type FileReport } from '../../generator/validate/index.js';
import type { ValidatorModule } from '../../generator/validate/compile-validators.js';
import { activation, example, specIr, type ExampleDeclaration } from '../helpers/declaration-examples.js';
import { tempDir } from '../helpers/temp.js';

const validators = apple as unknown as ValidatorModule;

async function checkArray(set: unknown[]): Promise<FileReport> {
  return validateDocumentBytes('set.json', new TextEncoder().encode(JSON.stringify(set)), validators);
}

/** `[path, code, severity]` of each finding, for comparing. */
const findings = (r: FileReport) => r.issues.map((i) => [i.path, i.code, i.severity]);

/**
 * A set of real examples: a CalDAV account with its credentials asset, a Google account with its
 * user identity asset, a certificate configuration with its certificate asset, the status
 * subscriptions example, and an activation of the three configurations and the subscriptions.
 */
function realSet(): ExampleDeclaration[] {
  const cal = example('AccountCalDAV', 'cal');
  cal.Payload['AuthenticationCredentialsAssetReference'] = 'cal-credentials';
  const google = example('AccountGoogle', 'google');
  google.Payload['UserIdentityAssetReference'] = 'user-identity';
  const cert = example('SecurityCertificate', 'cert');
  cert.Payload['CredentialAssetReference'] = 'cert-asset';
  return [
    cal, example('AssetCredentialUserNameAndPassword', 'cal-credentials'),
    google, example('AssetUserIdentity', 'user-identity'),
    cert, example('AssetCredentialCertificate', 'cert-asset'),
    example('ManagementStatusSubscriptions', 'subscriptions'),
    activation('main', ['cal', 'google', 'cert', 'subscriptions'], '@status(device.model.family) == "iPad"'),
  ];
}

describe('a set made of the pages\' own examples', () => {
  it('passes with no finding', async () => {
    const r = await checkArray(realSet());
    expect(r.kind).toBe('declaration-set');
    expect(findings(r)).toEqual([]);
  });

  it('passes as a folder of one declaration per file, with no finding', async () => {
    const dir = tempDir('set');
    for (const d of realSet()) writeFileSync(join(dir, `${d.Identifier}.json`), JSON.stringify(d, null, 2));
    const reports = await validateProfileFiles([dir], validators);
    expect(reports.map((r) => r.kind)).toEqual(Array(8).fill('declaration'));
    expect(reports.flatMap(findings)).toEqual([]);
  });

  it('is the Declarations profile\'s own example: its activation and test configuration pass as a set', async () => {
    const page = specIr().objects.find((o) => o.payloadType === 'com.apple.declarations')!;
    const data = [...page.examples![0]!.text.matchAll(/<data>([\s\S]*?)<\/data>/g)].map((m) => JSON.parse(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64').toString('utf8')) as ExampleDeclaration);
    expect(data.map((d) => d.Type)).toEqual(['com.apple.activation.simple', 'com.apple.configuration.management.test']);
    expect(findings(await checkArray(data))).toEqual([]);
  });
});

describe('each defect of a set gives one finding at its place', () => {
  const without = (id: string) => realSet().filter((d) => d.Identifier !== id);

  it('a dangling configuration: the activation names one the set lacks', async () => {
    const r = await checkArray(without('cert').filter((d) => d.Identifier !== 'cert-asset'));
    expect(findings(r)).toEqual([['[5].Payload.StandardConfigurations[2]', 'dangling-declaration-reference', 'error']]);
    expect(r.issues[0]!.message).toContain('Error.MissingConfigurations');
  });

  it('a missing asset: a configuration names an asset the set lacks', async () => {
    const r = await checkArray(without('user-identity'));
    expect(findings(r)).toEqual([['[2].Payload.UserIdentityAssetReference', 'dangling-declaration-reference', 'error']]);
    expect(r.issues[0]!.message).toContain('Error.MissingAssets');
  });

  it('a duplicate identifier: two declarations named alike', async () => {
    const set = realSet();
    set.push({ ...example('AssetCredentialUserNameAndPassword', 'cal-credentials'), ServerToken: 'other' });
    const r = await checkArray(set);
    expect(findings(r)).toEqual([['[8].Identifier', 'duplicate-declaration', 'error']]);
    expect(r.issues[0]!.message).toContain('set.json[1]');
  });

  it('a bad predicate: one finding at the offset where the syntax breaks', async () => {
    const set = realSet();
    set[7] = activation('main', ['cal', 'google', 'cert', 'subscriptions'], '@status(device.model.family) == "iPad" AND OR TRUE');
    const r = await checkArray(set);
    expect(findings(r)).toEqual([['[7].Payload.Predicate', 'predicate-syntax', 'error']]);
    expect(r.issues[0]!.offset).toBe('@status(device.model.family) == "iPad" AND '.length);
    expect(r.issues[0]!.message).toMatch(/^not a predicate at character 44: expected a value, a key or \(, found "OR"/);
  });

  it('an unknown status item in a subscription', async () => {
    const set = realSet();
    const subscriptions = set[6]!.Payload['StatusItems'] as Array<{ Name: string }>;
    subscriptions.push({ Name: 'device.model.flavour' });
    const r = await checkArray(set);
    expect(findings(r)).toEqual([[`[6].Payload.StatusItems[${subscriptions.length - 1}].Name`, 'unknown-status-item', 'warning']]);
  });

  it('an unknown status item in a predicate, at its offset', async () => {
    const set = realSet();
    set[7] = activation('main', ['cal', 'google', 'cert', 'subscriptions'], '@status(device.model.colour) == "red"');
    const r = await checkArray(set);
    expect(findings(r)).toEqual([['[7].Payload.Predicate', 'unknown-status-item', 'warning']]);
    expect(r.issues[0]!.offset).toBe('@status('.length);
  });

  it('a reference to a declaration of another category', async () => {
    const set = realSet();
    set[0]!.Payload['AuthenticationCredentialsAssetReference'] = 'google';
    const r = await checkArray(set);
    // The credentials asset is now referenced by nothing, which the device ignores: a warning.
    expect(findings(r)).toEqual([
      ['[0].Payload.AuthenticationCredentialsAssetReference', 'reference-wrong-kind', 'error'],
      ['[1].Identifier', 'not-activated', 'warning'],
    ]);
  });

  it('a reference to an asset of another type than the page asks for', async () => {
    const set = realSet();
    set[2]!.Payload['UserIdentityAssetReference'] = 'cal-credentials';
    const r = await checkArray(set);
    expect(findings(r)).toEqual([
      ['[2].Payload.UserIdentityAssetReference', 'reference-wrong-kind', 'error'],
      ['[3].Identifier', 'not-activated', 'warning'],
    ]);
    expect(r.issues[0]!.message).toContain('com.apple.asset.useridentity');
  });

  it('a configuration nothing activates', async () => {
    const set = realSet();
    set[7] = activation('main', ['cal', 'google', 'subscriptions']);
    const r = await checkArray(set);
    // The certificate's asset is still referenced by its configuration: only the configuration is said.
    expect(findings(r)).toEqual([['[4].Identifier', 'not-activated', 'warning']]);
    expect(r.issues[0]!.message).toContain('Info.NotReferencedByActivation');
  });

  it('says nothing about unreferenced configurations when an activation\'s type is unknown', async () => {
    const set = realSet();
    set[7] = { ...activation('main', []), Type: 'com.apple.activation.future' };
    const r = await checkArray(set);
    expect(findings(r)).toEqual([['[7].Type', 'unknown-type', 'warning']]);
  });

  it('a missing configuration in a folder: the finding is in the activation\'s file', async () => {
    const dir = tempDir('set');
    mkdirSync(join(dir, 'nested'));
    for (const d of without('cert')) writeFileSync(join(dir, d.Identifier === 'main' ? 'nested/main.json' : `${d.Identifier}.json`), JSON.stringify(d));
    const reports = await validateProfileFiles([dir], validators);
    const found = reports.flatMap((r) => r.issues.map((i) => [r.file.slice(dir.length + 1), i.path, i.code]));
    expect(found).toEqual([
      ['cert-asset.json', 'Identifier', 'not-activated'],
      ['nested/main.json', 'Payload.StandardConfigurations[2]', 'dangling-declaration-reference'],
    ]);
  });

  it('declarations named one by one are not a set', async () => {
    const dir = tempDir('set');
    const path = join(dir, 'cal.json');
    writeFileSync(path, JSON.stringify(realSet()[0]));
    const [r] = await validateProfileFiles([path], validators);
    expect(findings(r!)).toEqual([]);
  });
});

describe('a folder of loose declarations', () => {
  it('is not judged for what it does not activate when it has no activation', async () => {
    const r = await checkArray(realSet().filter((d) => d.Type !== 'com.apple.activation.simple'));
    expect(findings(r)).toEqual([]);
    const assets = await checkArray(realSet().filter((d) => d.Type.startsWith('com.apple.asset.')));
    expect(findings(assets)).toEqual([]);
  });
});
