/**
 * Generation on the latest real spec (changelog-2026-08-18): it succeeds, the result type-checks
 * under `tsc --strict`, the validators accept the pages' own profile examples (but for the
 * examples that contradict their page, pinned below), and systematic mutations of each example
 * produce the right issue code at the right path. The generate keeps a cache, so a one-page edit
 * is regenerated from it and compared with a fresh generate.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { writeTree } from '../../generator/emit/output-tree.js';
import { isWildcardKey, type IrObject } from '../../generator/model/ir.js';
import type { PageInput } from '../../generator/parse/flavour.js';
import { readSpec } from '../../generator/parse/read-spec.js';
import { createGenerateCache, generateFromPages, type GenerateCache, type GenerateResult } from '../../generator/pipeline.js';
import { parsePlist, plistTypeOf, type PlistDict, type PlistValue } from '../../generator/runtime/plist/index.js';
import { loadValidators, type LoadedValidator, type ValidatorModule } from '../../generator/validate/compile-validators.js';
import { corpusDir, describeCorpus } from '../helpers/corpus.js';
import { expectSameResult } from '../helpers/same-result.js';
import { tempDir } from '../helpers/temp.js';

const TSC = resolve(import.meta.dirname, '../../node_modules/.bin/tsc');

/**
 * Examples that contradict their own page, each read by hand: a `<real>` where the page says
 * integer, keys the page lists as required left out, a value outside the page's list.
 */
const EXAMPLES_THAT_CONTRADICT_THEIR_PAGE = [
  // Each 802.1X Ethernet page says SetupModes is a String; its example gives an array.
  '8021XFirstEthernet: wrong-type SetupModes',
  '8021XGlobalEthernet: wrong-type SetupModes',
  '8021XSecondActiveEthernet: wrong-type SetupModes',
  '8021XSecondEthernet: wrong-type SetupModes',
  '8021XThirdActiveEthernet: wrong-type SetupModes',
  '8021XThirdEthernet: wrong-type SetupModes',
  'ActiveDirectoryCertificate: missing-required CertServer, missing-required CertTemplate',
  'CardDAV: wrong-type PayloadVersion',
  'CertificatePKCS12: wrong-type PayloadContent',
  'CertificatePreference: missing-required Name, missing-required PayloadCertificateUUID',
  'EducationConfiguration: missing-required UserIdentifier',
  'ExtensibleSingleSignOnKerberos: not-allowed ExtensionIdentifier, not-allowed TeamIdentifier',
  'Notifications: wrong-type PayloadVersion',
  'Passcode: wrong-type maxPINAgeInDays, wrong-type pinHistory',
  'SCEP: not-allowed PayloadContent.Keysize',
  'ScreensaverUser: missing-required moduleName',
  'ServiceManagementManagedLoginItems: missing-required PayloadVersion',
  'SingleSignOn: missing-required Name',
  'SmartCard: wrong-type checkCertificateTrust',
];

interface Example {
  object: IrObject;
  payload: Record<string, unknown>;
}


/** Every dictionary in a plist, outermost first. */
function* dictionaries(v: PlistValue): Generator<PlistDict> {
  if (plistTypeOf(v) === 'dict') {
    yield v as PlistDict;
    for (const child of Object.values(v as PlistDict)) yield* dictionaries(child);
  } else if (Array.isArray(v)) for (const item of v) yield* dictionaries(item);
}

describeCorpus('generate on changelog-2026-08-18', () => {
  let pages: PageInput[];
  let cache: GenerateCache;
  let result: GenerateResult;
  let validators: ValidatorModule;
  const examples: Example[] = [];

  beforeAll(async () => {
    pages = readSpec(corpusDir('changelog-2026-08-18'));
    cache = createGenerateCache();
    result = generateFromPages(pages, { cache });
    validators = await loadValidators(result.files);
    for (const object of result.ir.objects) {
      for (const ex of object.examples ?? []) {
        if (!object.payloadType || ex.format !== 'plist') continue;
        for (const d of dictionaries(parsePlist(ex.text).value)) {
          if (Object.hasOwn(d, 'PayloadType') && d['PayloadType'] === object.payloadType) examples.push({ object, payload: d });
        }
      }
    }
    // A whole-spec generate with its type check: about 30 s alone, several times that on a loaded machine.
  }, 300_000);

  // By name: several objects may share a payload type (ExtensibleSingleSignOn and its Kerberos variant).
  const validatorFor = (o: IrObject): LoadedValidator => validators.validatorsByName.get(o.name)!;

  it('succeeds with no error diagnostics', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files.size).toBeGreaterThan(1000);
  });

  it('type-checks under tsc --strict', () => {
    const dir = tempDir('corpus-gen');
    writeTree(join(dir, 'generated'), result.files);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: [], noUncheckedIndexedAccess: true },
      include: ['generated/**/*.ts'],
    }));
    const r = spawnSync(TSC, ['-p', dir], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('validators accept the pages\' own profile examples', () => {
    const failing: string[] = [];
    for (const { object, payload } of examples) {
      const errors = validatorFor(object)(payload).issues.filter((i) => i.severity === 'error');
      if (errors.length) failing.push(`${object.name}: ${errors.map((i) => `${i.code} ${i.path}`).join(', ')}`);
    }
    expect(examples.length).toBeGreaterThan(80);
    expect(failing).toEqual(EXAMPLES_THAT_CONTRADICT_THEIR_PAGE);
  });

  it('each systematic mutation of an example gives its code at its path', () => {
    const wrong: string[] = [];
    let mutations = 0;
    for (const { object, payload } of examples) {
      const validate = validatorFor(object);
      const baselineIssues = validate(payload).issues;
      const baseline = new Set(baselineIssues.map((i) => `${i.code} ${i.path}`));
      const flagged = new Set(baselineIssues.map((i) => i.path));
      // Deprecation warnings follow a key's presence, not its value: they are not what is tested.
      const expectIssue = (mutated: Record<string, unknown>, code: string, path: string, what: string): void => {
        if (flagged.has(path)) return;
        mutations++;
        const found = validate(mutated).issues.filter((i) => i.code !== 'deprecated').map((i) => `${i.code} ${i.path}`).filter((i) => !baseline.has(i));
        if (JSON.stringify(found) !== JSON.stringify([`${code} ${path}`])) wrong.push(`${object.name} ${what}: ${JSON.stringify(found)}`);
      };
      const copy = (): Record<string, unknown> => Object.assign(Object.create(null) as Record<string, unknown>, payload);
      for (const prop of object.properties) {
        if (isWildcardKey(prop.name) || prop.name === 'PayloadType') continue;
        const present = Object.prototype.hasOwnProperty.call(payload, prop.name);
        // A key required only under conditions (`requiredWhen`) is missed only where they hold.
        if (prop.required && !prop.requiredWhen?.length && present) {
          const m = copy();
          delete m[prop.name];
          expectIssue(m, 'missing-required', prop.name, `without ${prop.name}`);
        }
        const wrongValue = { string: 12345, integer: 'text', real: 'text', boolean: 1, date: 'text', data: 'text', dictionary: 'text', array: 'text' }[prop.type.kind as string];
        if (wrongValue !== undefined) {
          const m = copy();
          m[prop.name] = wrongValue;
          expectIssue(m, 'wrong-type', prop.name, `${prop.name} = ${JSON.stringify(wrongValue)}`);
        }
        if (prop.type.kind === 'string' && prop.allowedValues?.length) {
          const m = copy();
          m[prop.name] = 'dmspec-not-allowed';
          expectIssue(m, 'not-allowed', prop.name, `${prop.name} not allowed`);
        }
      }
      const unlisted = copy();
      unlisted['DmspecUnknownKey'] = true;
      if (object.partialKeys) {
        // Its page lists only some of its keys: a key it does not list is not unknown.
        if (validate(unlisted).issues.some((i) => i.path === 'DmspecUnknownKey')) wrong.push(`${object.name} with a key its page does not list: reported`);
      } else if (!object.properties.some((p) => isWildcardKey(p.name)) && !(object.inherits ?? []).length) {
        expectIssue(unlisted, 'unknown-key', 'DmspecUnknownKey', 'with an unknown key');
      }
    }
    expect(wrong).toEqual([]);
    expect(mutations).toBeGreaterThan(800);
  });

  // Last: it moves the cache on to the edited pages.
  it('regenerates a one-page edit from the cache to the bytes of a fresh generate', () => {
    const from = 'disables AirDrop';
    expect(pages.find((p) => p.file === 'restrictions.md')?.text).toContain(from);
    const changed = pages.map((p) => (p.file === 'restrictions.md' ? { ...p, text: p.text.replace(from, 'turns off AirDrop') } : p));
    const incremental = generateFromPages(changed, { cache });
    expect(incremental.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const fresh = generateFromPages(changed, { typecheck: false });
    expectSameResult(incremental, fresh);
    expect(incremental.files.get('docs/Restrictions.md')).toContain('turns off AirDrop');
  }, 300_000);
});
