/**
 * Spec text is untrusted. A page whose descriptions try to close comments and strings, open
 * templates, inject HTML, and whose keys are `__proto__`, `constructor`, `class` and
 * `com.apple.foo` must give code that compiles and declares exactly what the page says.
 */
import { join } from 'node:path';
import { Project } from 'ts-morph';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, generateFromPages, type GenerateResult } from '../../generator/pipeline.js';
import { loadValidators, type ValidatorModule } from '../../generator/validate/compile-validators.js';
import { allTypes } from '../helpers/generated-types.js';

const SPEC = join(import.meta.dirname, '../fixtures/hostile/spec');

describe('a hostile spec page', () => {
  let result: GenerateResult;
  let validators: ValidatorModule;

  beforeAll(async () => {
    result = generate(SPEC);
    validators = await loadValidators(result.files);
  });

  it('generates code that type-checks (no error diagnostics)', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('declares exactly the interfaces and keys the IR describes', () => {
    const project = new Project({ useInMemoryFileSystem: true });
    const types = project.createSourceFile('types.ts', allTypes((p) => result.files.get(p)));
    // CommonPayloadKeys and TopLevel are built in: the fixture has no pages for them.
    expect(types.getInterfaces().map((i) => i.getName())).toEqual(['CommonPayloadKeys', 'CycleA', 'CycleB', 'HostilePayload', 'OddNameWithDots', 'TopLevel', 'PayloadTypeMap', 'Profile', 'DeclarationTypeMap', 'CommandTypeMap', 'UncheckedCommand', 'CommandResponseMap', 'CheckInMessageTypeMap', 'UncheckedCheckInMessage']);
    for (const o of result.ir.objects) {
      const names = types.getInterfaceOrThrow(o.name.replace(/[^A-Za-z0-9]/g, '')).getProperties().map((p) => p.getName().replace(/^"(.*)"$/, '$1'));
      expect(names.slice(0, o.properties.length), o.name).toEqual(o.properties.map((p) => p.name));
    }
    const props = types.getInterfaceOrThrow('HostilePayload').getProperties();
    expect(props.map((p) => [p.getName(), p.getTypeNode()?.getText(), p.hasQuestionToken()])).toEqual([
      ['__proto__', 'string', false],
      ['constructor', '1 | 2', true],
      ['class', 'boolean', true],
      ['"com.apple.foo"', 'Array<"it\'s" | "\\"quoted\\"" | "back\\\\slash" | "*/">', true],
      ['Self', 'HostilePayload', true],
      ['Missing', 'Record<string, unknown>', true],
      ['PayloadType', '"com.example.hostile"', false],
      ['PayloadIdentifier', 'string', false],
      ['PayloadUUID', 'string', false],
      ['PayloadVersion', 'number | bigint', false],
      ['PayloadDisplayName', 'string', true],
      ['PayloadDescription', 'string', true],
      ['PayloadOrganization', 'string', true],
    ]);
    // Nothing but declarations and type imports of sibling modules (and of the codec's PlistReal):
    // no statement the page could have smuggled in.
    for (const s of types.getStatements()) {
      if (s.getKindName() === 'ImportDeclaration') expect(s.getText()).toMatch(/^import type \{ (?:[A-Za-z0-9]+ \} from '\.\/[A-Za-z0-9]+|PlistReal \} from '\.\.\/runtime\/plist\/index)\.js';$/);
      else expect(['InterfaceDeclaration', 'TypeAliasDeclaration']).toContain(s.getKindName());
    }
    const validatorsFile = project.createSourceFile('validators.js', result.files.get('validators/index.js')!);
    expect(validatorsFile.getFunctions().map((f) => f.getName())).toEqual([
      'cCommonPayloadKeys_0', 'checkCommonPayloadKeys', 'validateCommonPayloadKeys', 'gCommonPayloadKeys', 'isCommonPayloadKeys',
      'cCycleA_0', 'checkCycleA', 'validateCycleA', 'gCycleA', 'isCycleA',
      'cCycleB_0', 'checkCycleB', 'validateCycleB', 'gCycleB', 'isCycleB',
      'cHostilePayload_0', 'checkHostilePayload', 'validateHostilePayload', 'gHostilePayload', 'isHostilePayload',
      'cOddNameWithDots_0', 'checkOddNameWithDots', 'validateOddNameWithDots', 'gOddNameWithDots', 'isOddNameWithDots',
      'cTopLevel_0', 'cTopLevel_1', 'checkTopLevel', 'validateTopLevel', 'gTopLevel', 'isTopLevel',
    ]);
  });

  it('keeps comment-closers and line separators out of the code', () => {
    const types = allTypes((p) => result.files.get(p));
    expect(types).not.toMatch(/[\u2028\u2029]/);
    const comments = types.match(/\/\*\*[\s\S]*?\*\//g) ?? [];
    for (const c of comments) expect(c.slice(3, -2)).not.toContain('*/');
    expect(types).toContain('console.log("pwned")');
  });

  it('makes HTML in the docs inert', () => {
    const doc = result.files.get('docs/HostilePayload.md')!;
    expect(doc).not.toMatch(/<script|<img/);
    expect(doc).toContain('&lt;script');
  });

  it('validates __proto__ and constructor as plain keys', () => {
    const validate = validators.validatorsByName.get('Hostile.Payload')!;
    const base = { PayloadType: 'com.example.hostile', PayloadIdentifier: 'x', PayloadUUID: 'u', PayloadVersion: 1 };
    expect(validate(base).issues.map((i) => `${i.code} ${i.path}`)).toEqual(['missing-required __proto__']);
    const good = JSON.parse('{"__proto__": "data", "constructor": 2, "class": true, "com.apple.foo": ["*/", "it\'s"]}') as object;
    expect(validate({ ...base, ...good }).issues).toEqual([]);
    const bad = JSON.parse('{"__proto__": 5, "constructor": 3, "com.apple.foo": ["x"]}') as object;
    expect(validate({ ...base, ...bad }).issues.map((i) => `${i.code} ${i.path}`)).toEqual(['wrong-type __proto__', 'not-allowed constructor', 'not-allowed com.apple.foo[0]']);
    expect(({} as Record<string, unknown>)['data']).toBeUndefined();
  });

  it('follows a reference cycle as deep as the data goes', () => {
    const validate = validators.validatorsByName.get('Cycle.A')!;
    expect(validate({ B: { A: { B: { A: {} } } }, Peers: [{ B: { A: {} } }] }).issues).toEqual([]);
    expect(validate({ B: { A: { B: {} } } }).issues.map((i) => `${i.code} ${i.path}`)).toEqual(['missing-required B.A.B.A']);
  });

  it('reads keys named like Object.prototype members only as own keys, and keeps the first of a duplicate', () => {
    const validate = validators.validatorsByName.get('Odd-Name.With.Dots')!;
    expect(validate({}).issues).toEqual([]);
    expect(validate({ toString: 5, hasOwnProperty: 'no', 'key.with.dots': 10, 'key-with-dashes': 'x', Twice: 'a' }).issues.map((i) => `${i.code} ${i.path}`))
      .toEqual(['above-maximum key.with.dots', 'wrong-type toString', 'wrong-type hasOwnProperty']);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'duplicate-property', file: 'odd-names.md', line: 46 }));
  });

  it('reports the missing page', () => {
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'unresolved-ref', message: expect.stringContaining('Hostile.Missing') }));
  });
});

describe('a page with a thousand properties', () => {
  // Five times Apple's largest page (Restrictions, 202 keys). Not more: Markdown parsing (micromark) is quadratic in the
  // number of lists on a page, and each key has one (3,000 keys took 20 s to parse, 1,000 take 2 s).
  const count = 1000;
  const keys = Array.from({ length: count }, (_, i) => `Key${i}`);
  const text = `# Huge.Payload\n\nA payload with ${count} keys.\n\n**Platforms:** iOS 17.0\n\n## Properties\n\n${keys
    .map((k, i) => `### ${k}\n\n- **Type:** \`${i % 3 === 0 ? 'string' : i % 3 === 1 ? 'integer' : 'boolean'}\`\n- **Required:** ${i % 100 === 0 ? 'Yes' : 'No'}\n\nKey number ${i}.\n`)
    .join('\n')}\n## Discussion\n\nSpecify \`com.example.huge\` as the payload type.\n`;
  const result = generateFromPages([{ file: 'huge.md', text }]);

  it('generates code that type-checks and declares every key once', async () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const project = new Project({ useInMemoryFileSystem: true });
    const iface = project.createSourceFile('t.ts', result.files.get('types/HugePayload.d.ts')!).getInterfaceOrThrow('HugePayload');
    expect(iface.getProperties().map((p) => p.getName()).slice(0, count)).toEqual(keys);
    const validate = (await loadValidators(result.files)).validatorsByName.get('Huge.Payload')!;
    const value: Record<string, unknown> = { PayloadType: 'com.example.huge', PayloadIdentifier: 'x', PayloadUUID: 'u', PayloadVersion: 1 };
    for (const [i, k] of keys.entries()) if (i % 100 === 0) value[k] = i % 3 === 0 ? 's' : i % 3 === 1 ? 1 : true;
    expect(validate(value).issues).toEqual([]);
    expect(validate({ ...value, Key1: 'one', Key3000: 1 }).issues.map((i) => `${i.code} ${i.path}`)).toEqual(['wrong-type Key1', 'unknown-key Key3000']);
  }, 60_000);
});
