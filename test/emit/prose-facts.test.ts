/**
 * Prose facts through every output: `@deprecated` only for a key's own deprecation (with its
 * versions and replacement), a conditional deprecation as a plain line and never a validator
 * warning, supervision per platform, and each allowed value's own facts beside its meaning.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFromPages } from '../../generator/pipeline.js';
import { loadValidators } from '../../generator/validate/compile-validators.js';
import { allTypes } from '../helpers/generated-types.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/emit/prose-facts/restrictions.md');

describe('prose facts in generated output', () => {
  const result = generateFromPages([{ file: 'restrictions.md', text: readFileSync(FIXTURE, 'utf8') }], { typecheck: false });
  const file = (name: string) => result.files.get(name) ?? '';
  const cacheDir = mkdtempSync(join(tmpdir(), 'dmspec-prose-facts-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  /** The JSDoc block right above `key` in the generated types. */
  const jsdocOf = (key: string): string => {
    const types = allTypes((p) => result.files.get(p));
    const at = types.indexOf(`  ${key}?:`);
    return types.slice(types.lastIndexOf('/**', at), at);
  };

  it('marks only the key’s own deprecation @deprecated, with its version and replacement', () => {
    expect(jsdocOf('allowOldThing')).toContain('@deprecated Deprecated in iOS 16 and later; use allowNewThing instead.');
    expect(jsdocOf('allowCamera')).not.toContain('@deprecated');
    expect(jsdocOf('allowCamera')).toContain('Deprecated only on unsupervised devices and with Managed Apple Accounts, not as a key');
    expect(jsdocOf('allowCamera')).toContain('Requires a supervised device in iOS, tvOS.');
    const schema = JSON.parse(file('schema/ExampleRestrictions.schema.json')) as { properties: Record<string, { deprecated?: boolean }> };
    expect(schema.properties['allowOldThing']?.deprecated).toBe(true);
    expect(schema.properties['allowCamera']?.deprecated).toBeUndefined();
  });

  it('puts each value’s facts on the value, in the types and the docs', () => {
    // Each value's line is said once: the facts list does not repeat what the prose's list says.
    expect(jsdocOf('encryption').split('- `NONE`: No encryption. Deprecated in tvOS 11.3.\n')).toHaveLength(2);
    expect(jsdocOf('encryption').split('- `WPA`: WPA. Available in iOS 11.3 and later.\n')).toHaveLength(2);
    expect(jsdocOf('encryption')).not.toContain('- NONE:');
    expect(jsdocOf('encryption')).not.toContain('@deprecated');
    expect(file('docs/ExampleRestrictions.md')).toContain('- `NONE`: No encryption. Deprecated in tvOS 11.3.\n');
    expect(result.ir.objects[0]?.properties.find((p) => p.name === 'encryption')?.valueFacts).toEqual({
      NONE: { line: 41, deprecated: true, deprecationNote: 'Deprecated in tvOS 11.3.', availability: { tvOS: { deprecated: '11.3' } } },
      WPA: { line: 42, availability: { iOS: { introduced: '11.3' } } },
    });
    expect(result.ir.objects[0]?.properties.find((p) => p.name === 'encryption')?.availability).toEqual({ iOS: { introduced: '4' }, tvOS: { introduced: '9' } });
  });

  it('states a value’s facts that its meaning does not already say', () => {
    const page = readFileSync(FIXTURE, 'utf8').replace('- `WPA`: WPA. Available in iOS 11.3 and later.', '- `WPA`: WPA.\n\n`WPA` is available in iOS 11.3 and later.');
    const { files } = generateFromPages([{ file: 'restrictions.md', text: page }], { typecheck: false });
    const types = allTypes((p) => files.get(p));
    expect(types).toContain('- WPA: WPA. (Available in iOS 11.3+.)');
  });

  it('warns about the deprecated key only, never about a conditional deprecation', async () => {
    const validators = new Map([...result.files].filter(([name]) => name.startsWith('validators/') || name.startsWith('runtime/')));
    const mod = await loadValidators(validators, cacheDir);
    const validate = mod.validatorsByName.get('Example.Restrictions') ?? mod.validatorsByName.get('ExampleRestrictions');
    expect(validate).toBeDefined();
    const issues = validate!({ allowCamera: false, allowOldThing: false, PayloadType: 'com.example.restrictions' }).issues;
    expect(issues.filter((i) => i.code === 'deprecated').map((i) => i.path)).toEqual(['allowOldThing']);
  });
});
