/**
 * Spec text is untrusted. A page whose descriptions try to close comments and strings, open
 * templates, inject HTML, and whose keys are `__proto__`, `constructor`, `class` and
 * `com.apple.foo` must give code that compiles and declares exactly what the page says.
 */
import { join } from 'node:path';
import { Project } from 'ts-morph';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { loadValidators, type ValidatorModule } from '../../generator/validate/compile-validators.js';

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
    const types = project.createSourceFile('types.ts', result.files.get('types/index.ts')!);
    // CommonPayloadKeys and TopLevel are built in: the fixture has no pages for them.
    expect(types.getInterfaces().map((i) => i.getName())).toEqual(['CommonPayloadKeys', 'HostilePayload', 'TopLevel', 'PayloadTypeMap']);
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
      ['PayloadVersion', 'number', false],
      ['PayloadDisplayName', 'string', true],
      ['PayloadDescription', 'string', true],
      ['PayloadOrganization', 'string', true],
    ]);
    // Nothing but declarations: no statement the page could have smuggled in.
    expect(types.getStatements().every((s) => s.getKindName() === 'InterfaceDeclaration' || s.getKindName() === 'TypeAliasDeclaration')).toBe(true);
    const validatorsFile = project.createSourceFile('validators.ts', result.files.get('validators/index.ts')!);
    expect(validatorsFile.getFunctions().map((f) => f.getName())).toEqual([
      'cCommonPayloadKeys_0', 'checkCommonPayloadKeys', 'validateCommonPayloadKeys', 'isCommonPayloadKeys',
      'cHostilePayload_0', 'checkHostilePayload', 'validateHostilePayload', 'isHostilePayload',
      'cTopLevel_0', 'cTopLevel_1', 'checkTopLevel', 'validateTopLevel', 'isTopLevel',
    ]);
  });

  it('keeps comment-closers and line separators out of the code', () => {
    const types = result.files.get('types/index.ts')!;
    expect(types).not.toMatch(/[\u2028\u2029]/);
    const comments = types.match(/\/\*\*[\s\S]*?\*\//g) ?? [];
    for (const c of comments) expect(c.slice(3, -2)).not.toContain('*/');
    expect(types).toContain('console.log("pwned")');
  });

  it('makes HTML in the docs inert', () => {
    const doc = result.files.get('docs/HostilePayload.md')!;
    expect(doc).not.toMatch(/<script|<img/);
    expect(doc).toContain('&lt;script&gt;');
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

  it('reports the missing page', () => {
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'unresolved-ref', message: expect.stringContaining('Hostile.Missing') }));
  });
});
