/**
 * The generated package as a downstream project uses it: packed, installed offline with no other
 * dependency, type-checked under `module: nodenext` and `moduleResolution: bundler`, and run on a
 * real profile (read with the `plist` package, as a consumer would), a declaration and a command,
 * each also broken on purpose; and the README's examples of the builders and readers compiled
 * and run on real-shaped MDM traffic.
 */
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDefinition } from '../generator/model/ir.js';
import { readSpecFolder } from '../generator/parse/spec-folder.js';
import { checkGenerated, generate } from '../generator/pipeline.js';
import { readPackageInfo } from '../generator/project-config.js';
import { createConsumer, type Consumer } from './helpers/consumer.js';
import { ROOT } from './helpers/cli.js';
import { describeWith, PROFILES, SPEC } from './helpers/corpus.js';
import { AUTHENTICATE, CONDITIONAL, DEVICE_INFORMATION, IDLE as IDLE_BODY, NOT_NOW, TOKEN_UPDATE } from './helpers/mdm-traffic.js';

/** The TypeScript examples of the README's "Building and reading documents": each a module a consumer compiles. */
const README_EXAMPLES = ((): string[] => {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = text.slice(text.indexOf('### Building and reading documents'), text.indexOf('### The toolchain as a library'));
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
})();

const RUN_EXAMPLES = `import { isDeepStrictEqual } from 'node:util';
import { parsePlist } from '@dmspec/apple/plist';
import { readCheckIn, validateCommand } from '@dmspec/apple';
import { binary, profile, valid, xml } from './out/readme-0.js';
import { body, sent } from './out/readme-1.js';
import { onCheckIn, onResponse } from './out/readme-2.js';
const traffic = JSON.parse(process.argv[2]);
const bytes = (t) => new TextEncoder().encode(t);
const commandUuid = [...sent.keys()][0];
const command = parsePlist(body).value;
console.log(JSON.stringify({
  valid, xml: isDeepStrictEqual(parsePlist(xml).value, profile), binary: isDeepStrictEqual(parsePlist(binary).value, profile),
  uuids: new Set([profile.PayloadUUID, ...profile.PayloadContent.map((p) => p.PayloadUUID)]).size,
  thirdParty: profile.PayloadContent[2],
  command: validateCommand(command).valid, sent: [...sent.values()], queries: command.Command.Queries, commandUuid,
  authenticate: onCheckIn(bytes(traffic.authenticate)),
  tokenUpdate: onCheckIn(bytes(traffic.tokenUpdate)),
  tokenIssues: readCheckIn(traffic.tokenUpdate).issues.map((i) => i.code + ' ' + i.path),
  notNow: onResponse(bytes(traffic.notNow.replace('7C1B2A3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D', commandUuid)), sent) ?? null,
  information: onResponse(bytes(traffic.information.replace('0F2C6C1E-94B6-4C7A-8C07-3E1B0D5A7A11', commandUuid)), sent) ?? null,
  idle: onResponse(bytes(traffic.idle), sent) ?? null,
}));
`;

const TYPES = `import type { CheckInMessage, Command, Declaration, Payload, Profile, Restrictions, WiFi } from '@dmspec/apple';
import { validateCheckInMessage, validateCommand, validateDeclaration, validateProfile, type ValidationResult } from '@dmspec/apple';
import { validateWiFi } from '@dmspec/apple/validators';
import { parsePlist, toBinaryPlist, toXmlPlist, type PlistDocument, type PlistPosition } from '@dmspec/apple/plist';

const wifi: WiFi = { PayloadType: 'com.apple.wifi.managed', PayloadIdentifier: 'com.example.wifi', PayloadUUID: 'B1', PayloadVersion: 1, SSID_STR: 'Office', AutoJoin: true };
const restrictions: Restrictions = { PayloadType: 'com.apple.applicationaccess', PayloadIdentifier: 'com.example.r', PayloadUUID: 'B2', PayloadVersion: 1, allowAirDrop: false };
export const profile: Profile = { PayloadType: 'Configuration', PayloadIdentifier: 'com.example', PayloadUUID: 'A1', PayloadVersion: 1, PayloadContent: [wifi, restrictions] };

/** The payload union narrows on PayloadType. */
export function describePayload(p: Payload): string {
  switch (p.PayloadType) {
    case 'com.apple.wifi.managed':
      return p.SSID_STR ?? '';
    case 'com.apple.applicationaccess':
      return String(p.allowAirDrop);
    default:
      return p.PayloadType;
  }
}

// @ts-expect-error Apple's CommonPayloadKeys page allows only PayloadVersion 1.
export const badVersion: WiFi = { ...wifi, PayloadVersion: 2 };

export const declaration: Declaration = { Type: 'com.apple.configuration.passcode.settings', Identifier: 'p', ServerToken: 't', Payload: { MinimumLength: 6 } };
export const command: Command = { Command: { RequestType: 'DeviceLock', PIN: '123456' }, CommandUUID: 'c' };
export const message: CheckInMessage = { MessageType: 'Authenticate', Topic: 't', UDID: 'u', DeviceName: 'd', Model: 'm', ModelName: 'n' };

export const written: PlistDocument = parsePlist(toBinaryPlist(parsePlist(toXmlPlist(profile)).value));
export const where: PlistPosition | undefined = written.positions.locate('PayloadContent[0].SSID_STR')?.value;

export const check: Record<string, (value: unknown) => ValidationResult> = {
  profile: (v) => validateProfile(v), declaration: (v) => validateDeclaration(v), command: (v) => validateCommand(v),
  checkIn: (v) => validateCheckInMessage(v), wifi: (v) => validateWiFi(v),
};
`;

/** One object's type and validator from their own modules: what a consumer needing WiFi alone imports. */
const ONE_OBJECT = `import type { WiFi } from '@dmspec/apple/types/WiFi';
import type { Profile } from '@dmspec/apple/types/Profile';
import { isWiFi, validateWiFi } from '@dmspec/apple/validators/WiFi';

const wifi: WiFi = { PayloadType: 'com.apple.wifi.managed', PayloadIdentifier: 'com.example.wifi', PayloadUUID: 'B1', PayloadVersion: 1, SSID_STR: 'Office' };
// @ts-expect-error WiFi's module types its keys: AutoJoin is a boolean.
export const wrong: WiFi = { ...wifi, AutoJoin: 'yes' };
export const profile: Profile = { PayloadType: 'Configuration', PayloadIdentifier: 'com.example', PayloadUUID: 'A1', PayloadVersion: 1, PayloadContent: [wifi] };
export function ssid(v: unknown): string | undefined {
  return isWiFi(v) ? v.SSID_STR : validateWiFi(v).issues[0]?.code;
}
`;

/**
 * The root's one-file declarations and an object's own module declare the same types: a value
 * typed by one is assignable to the other, both ways, and each guard narrows to either.
 */
const BOTH = `import type { Payload as RootPayload, Profile as RootProfile, Restrictions as RootRestrictions, WiFi as RootWiFi } from '@dmspec/apple';
import type { WiFi } from '@dmspec/apple/types/WiFi';
import type { Payload, Profile } from '@dmspec/apple/types/Profile';
import { isWiFi as isRootWiFi } from '@dmspec/apple/validators';
import { isWiFi } from '@dmspec/apple/validators/WiFi';

declare const rootWifi: RootWiFi;
declare const wifi: WiFi;
declare const rootProfile: RootProfile;
declare const profile: Profile;
export const toModule: WiFi = rootWifi;
export const toRoot: RootWiFi = wifi;
export const profileToModule: Profile = rootProfile;
export const profileToRoot: RootProfile = profile;
export const payloadsToRoot: RootPayload[] = [wifi, ...profile.PayloadContent];
export const payloadsToModule: Payload[] = [rootWifi, ...rootProfile.PayloadContent];
export function narrowed(v: unknown): [WiFi | undefined, RootWiFi | undefined] {
  return [isRootWiFi(v) ? v : undefined, isWiFi(v) ? v : undefined];
}
declare const restrictions: RootRestrictions;
// @ts-expect-error A Restrictions payload is no WiFi payload, whichever module declares them.
export const notWifi: WiFi = restrictions;
`;

const RUN = `import { readFileSync } from 'node:fs';
import * as plist from 'plist';
import { check, command, declaration, message, profile } from './out/consumer.js';

const brief = (r) => [r.valid, r.issues.map((i) => \`\${i.severity} \${i.code} \${i.path}\`)];
const real = plist.parse(readFileSync(process.argv[2], 'utf8'));
const broken = structuredClone(real);
broken.PayloadContent[0].allowAirDrop = 'no';
delete broken.PayloadUUID;
console.log(JSON.stringify({
  real: brief(check.profile(real)),
  broken: brief(check.profile(broken)),
  typed: brief(check.profile(profile)),
  declaration: brief(check.declaration(declaration)),
  declarationBroken: brief(check.declaration({ ...declaration, Payload: { MinimumLength: 'six' } })),
  command: brief(check.command(command)),
  commandBroken: brief(check.command({ Command: { RequestType: 'DeviceLock', PIN: 123456 }, CommandUUID: 'c' })),
  commandUnknown: brief(check.command({ Command: { RequestType: 'Teleport' }, CommandUUID: 'c' })),
  checkIn: brief(check.checkIn(message)),
  checkInBroken: brief(check.checkIn({ MessageType: 'Authenticate', Topic: 't' })),
}));
`;

describeWith(PROFILES, 'the generated package in a consumer project', () => {
  let consumer: Consumer;
  beforeAll(() => {
    // plist is linked from the toolchain's own install: no registry is asked.
    consumer = createConsumer({ plist: `file:${join(ROOT, 'node_modules/plist')}` });
    consumer.write('consumer.ts', TYPES);
    consumer.write('one-object.ts', ONE_OBJECT);
    consumer.write('both.ts', BOTH);
    consumer.write('run.mjs', RUN);
    README_EXAMPLES.forEach((text, i) => consumer.write(`readme-${i}.ts`, text));
  }, 120_000);
  afterAll(() => consumer?.remove());

  /**
   * tsc's output for the README's examples, consumer.ts and both.ts under each resolution, empty
   * when they pass: one program per resolution (each program checks the package's declarations,
   * skipLibCheck off, which is most of its cost), run when a test first needs it. Under nodenext
   * it emits the JavaScript the run scripts import from out/.
   */
  let compiled: { bundler: string; nodenext: string } | undefined;
  const compile = (): { bundler: string; nodenext: string } => {
    const files = [...README_EXAMPLES.map((_, i) => `readme-${i}.ts`), 'consumer.ts', 'both.ts'];
    compiled ??= { bundler: consumer.tsc('bundler', files), nodenext: consumer.tsc('nodenext', files, 'out') };
    return compiled;
  };

  it('ships JavaScript, declarations, schemas, docs and the IR, and no runtime dependency', () => {
    const manifest = JSON.parse(readFileSync(join(consumer.dir, 'node_modules/@dmspec/apple/package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: '@dmspec/apple', type: 'module', sideEffects: false });
    expect(manifest.dependencies).toBeUndefined();
    const listing = spawnSync('tar', ['-tzf', consumer.tarball], { encoding: 'utf8' }).stdout.split('\n');
    for (const f of ['index.js', 'index.d.ts', 'types/index.d.ts', 'validators/index.js', 'validators/index.d.ts', 'types/WiFi.d.ts', 'types/Profile.d.ts', 'validators/WiFi.js', 'validators/WiFi.d.ts', 'validators/registry.js', 'validators/documents.js', 'schema/WiFi.schema.json', 'docs/WiFi.md', 'docs/README.md', 'ir.json', 'README.md']) {
      expect(listing, f).toContain(`package/${f}`);
    }
    expect(listing.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(listing).not.toContain('package/.dmspec-output.json');
  });

  it('bundles for a browser, and one validator bundles small', () => {
    consumer.write('browser.mjs', "import { validateProfile } from '@dmspec/apple';\nexport const ok = validateProfile({}).valid;\n");
    consumer.write('one.mjs', "import { validateWiFi } from '@dmspec/apple/validators';\nexport const ok = validateWiFi({}).valid;\n");
    const bundle = (entry: string): number => buildSync({ entryPoints: [join(consumer.dir, entry)], absWorkingDir: consumer.dir, bundle: true, minify: true, write: false, platform: 'browser', format: 'esm', logLevel: 'silent' }).outputFiles[0]!.contents.length;
    expect(bundle('browser.mjs')).toBeGreaterThan(0);
    // The registries and every other validator stay out: the issue's budget is 50 KB.
    expect(bundle('one.mjs')).toBeLessThan(50 * 1024);
    consumer.write('entry.mjs', "import { validateWiFi } from '@dmspec/apple/validators/WiFi';\nexport const ok = validateWiFi({}).valid;\n");
    // The same code: only the minifier's short names may come out a byte apart.
    expect(Math.abs(bundle('entry.mjs') - bundle('one.mjs'))).toBeLessThanOrEqual(16);
  });

  it('reads a real profile with @dmspec/apple/plist, writes it as XML and binary, reads both back equal, and validates it', () => {
    consumer.write('plist.mjs', `import { readFileSync } from 'node:fs';
import { parsePlist, toBinaryPlist, toXmlPlist } from '@dmspec/apple/plist';
import { validateProfile } from '@dmspec/apple';
import { isDeepStrictEqual } from 'node:util';
const doc = parsePlist(new Uint8Array(readFileSync(process.argv[2])));
doc.value.PayloadContent[0].allowAirDrop = true;
const xml = parsePlist(toXmlPlist(doc.value)).value;
const binary = parsePlist(toBinaryPlist(doc.value)).value;
const where = doc.positions.locate('PayloadContent[0].allowAirDrop');
console.log(JSON.stringify({ xml: isDeepStrictEqual(xml, doc.value), binary: isDeepStrictEqual(binary, doc.value), valid: validateProfile(binary).valid, line: where.value.line, key: where.key.line }));
`);
    const run = spawnSync(process.execPath, ['plist.mjs', join(PROFILES, 'rtrouton/BlockAirDrop/BlockAirDrop.mobileconfig')], { cwd: consumer.dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const text = readFileSync(join(PROFILES, 'rtrouton/BlockAirDrop/BlockAirDrop.mobileconfig'), 'utf8').split(/\r?\n/);
    const keyLine = text.findIndex((l) => l.includes('<key>allowAirDrop</key>')) + 1;
    expect(JSON.parse(run.stdout)).toEqual({ xml: true, binary: true, valid: true, line: expect.any(Number), key: keyLine });
  });

  it('compiles the README\'s building and reading examples under tsc --strict, and runs them on real-shaped traffic', () => {
    expect(README_EXAMPLES.length).toBe(3);
    expect(compile()).toEqual({ bundler: '', nodenext: '' });
    consumer.write('examples.mjs', RUN_EXAMPLES);
    const traffic = JSON.stringify({ authenticate: AUTHENTICATE, tokenUpdate: TOKEN_UPDATE, notNow: NOT_NOW, information: DEVICE_INFORMATION, idle: IDLE_BODY });
    const run = spawnSync(process.execPath, ['examples.mjs', traffic], { cwd: consumer.dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      valid: true, xml: true, binary: true, uuids: 4, command: true, sent: ['DeviceInformation'], queries: ['OSVersion', 'SerialNumber'],
      // The CommandUUID is name-based from the seed, the same in every run.
      commandUuid: expect.stringMatching(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/),
      thirdParty: { PayloadType: 'com.microsoft.autoupdate2', ChannelName: 'Current', PayloadIdentifier: 'com.example.office.com.microsoft.autoupdate2', PayloadVersion: 1 },
      authenticate: 'enrolling DMPXK0XXQ1GC', notNow: 'NotNow', information: '17.4.1', idle: null,
    });
    // A TokenUpdate reads typed once the conditional envelope keys are applied; until then it is refused for them alone.
    expect(out.tokenIssues.filter((i: string) => ![...CONDITIONAL].some((k) => i === `missing-required ${k}`))).toEqual([]);
    expect(out.tokenUpdate).toMatch(out.tokenIssues.length ? /^refused: / : /^push token of 32 bytes for com\.apple\.mgmt\.External\./);
  });

  it('type-checks under module nodenext and under moduleResolution bundler, skipLibCheck off, the root\'s types and the modules\' interchangeable', () => {
    expect(compile()).toEqual({ bundler: '', nodenext: '' });
    expect(consumer.tsc('bundler', ['one-object.ts'])).toBe('');
    expect(consumer.tsc('nodenext', ['one-object.ts'])).toBe('');
  });

  it('validates a real profile, a declaration, a command and a check-in message, and finds what is broken', () => {
    expect(compile().nodenext).toBe('');
    const run = spawnSync(process.execPath, ['run.mjs', join(PROFILES, 'rtrouton/BlockAirDrop/BlockAirDrop.mobileconfig')], { cwd: consumer.dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      real: [true, []],
      broken: [false, ['error missing-required PayloadUUID', 'error wrong-type PayloadContent[0].allowAirDrop']],
      typed: [true, []],
      declaration: [true, []],
      declarationBroken: [false, ['error wrong-type Payload.MinimumLength']],
      command: [true, []],
      commandBroken: [false, ['error wrong-type Command.PIN']],
      commandUnknown: [true, ['warning unknown-type Command.RequestType']],
      checkIn: [true, []],
      // Neither UDID nor EnrollmentID (one is required, by the enrollment); DeviceName, Model and ModelName are required on macOS alone.
      checkInBroken: [false, ['error missing-required ']],
    });
  });
});

describe('the package entry points', () => {
  it('keeps the registries out of the validators module, so one validator bundles alone', () => {
    const validators = readFileSync(join(ROOT, 'generated/validators/index.js'), 'utf8');
    expect(validators).not.toMatch(/validatorsByPayloadType|registry/);
    expect(readFileSync(join(ROOT, 'generated/validators/registry.js'), 'utf8')).toMatch(/^const validatorsByPayloadType = \/\* @__PURE__ \*\/ new Map\(/m);
  });
});

describe('generated/ from spec/', () => {
  const result = generate(SPEC, { package: readPackageInfo(ROOT) });

  it('is what a fresh generate writes, byte for byte (generate --check)', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checkGenerated(join(ROOT, 'generated'), result)).toMatchObject({ changed: [], missing: [], extra: [], clean: true });
  });

  it('covers every page of spec/: each is an object with a validator, or classified with a diagnostic', () => {
    const folder = readSpecFolder(SPEC);
    const pages = folder.primary;
    expect(pages.length).toBe(1473);
    expect(folder.supplements.map((s) => [s.folder, s.flavour, s.date, s.pages.length])).toEqual([['supplement/rendered-2025-04-13', 'rendered', '2025-04-13', 1190]]);
    // Supplement pages only supply facts: no object comes from one.
    expect(result.ir.objects.filter((o) => o.source.file.startsWith('supplement/'))).toEqual([]);
    const files = new Set(result.ir.objects.map((o) => o.source.file));
    expect(pages.filter((p) => !files.has(p.file)).map((p) => p.file)).toEqual([]);
    const byName = readFileSync(join(ROOT, 'generated/validators/registry.js'), 'utf8');
    const definitions = result.ir.objects.filter(isDefinition);
    for (const o of definitions) expect(byName, o.name).toContain(`[${JSON.stringify(o.name)}, V.validate`);
    const others = result.ir.objects.filter((o) => !isDefinition(o));
    const noted = new Set(result.ir.diagnostics.filter((d) => d.code === 'not-an-object' || d.code === 'no-properties').map((d) => d.file));
    expect(others.filter((o) => !noted.has(o.source.file)).map((o) => o.name)).toEqual([]);
  });

  it('carries the ranges and Profile Availability tables of the 2025-04-13 pages, each with its source', () => {
    const properties = result.ir.objects.flatMap((o) => o.properties);
    const ranged = properties.filter((p) => p.minimum !== undefined || p.maximum !== undefined);
    const tables = result.ir.objects.filter((o) => o.profileAvailability);
    // Every fused fact names the supplement's page, its line and its date.
    for (const p of ranged) {
      for (const bound of ['minimum', 'maximum'] as const) {
        if (p[bound] === undefined || p.factLines?.[bound] !== undefined) continue;
        expect(p.factSources?.[bound], `${p.source.file}:${p.source.line} ${p.name}`).toMatchObject({ file: expect.stringMatching(/^supplement\/rendered-2025-04-13\//), date: '2025-04-13' });
      }
    }
    for (const o of tables) expect(o.factSources?.profileAvailability, o.name).toMatchObject({ date: '2025-04-13', line: expect.any(Number) });
    expect(ranged.filter((p) => p.factSources?.minimum || p.factSources?.maximum).length).toBeGreaterThanOrEqual(50);
    // The rest are stated in the primary pages' prose ("Values must be in the range from 16 to 128.").
    expect(ranged.length).toBeGreaterThanOrEqual(61);
    expect(tables.length).toBe(125);
    const passcode = result.ir.objects.find((o) => o.name === 'Passcode')!;
    expect(passcode.properties.find((p) => p.name === 'maxFailedAttempts')).toMatchObject({
      minimum: 2, maximum: 11,
      factSources: { minimum: { file: 'supplement/rendered-2025-04-13/passcode.md', line: 60, date: '2025-04-13' } },
    });
  });
});
