/**
 * Titles, file names and values chosen to break the generated output: runtime names as titles,
 * numbers no JavaScript number holds, a 300-character title, HTML in a file name, a
 * `javascript:` link in a title or description, and bidirectional overrides. Each gives code that
 * compiles, validators that work, and docs where none of it is live.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTree } from '../../generator/emit/output-tree.js';
import { RESERVED } from '../../generator/emit/naming.js';
import { generateFromPages, type GenerateResult } from '../../generator/pipeline.js';
import { loadValidators, type ValidatorModule } from '../../generator/validate/compile-validators.js';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers/cli.js';
import { allTypes } from '../helpers/generated-types.js';

function page(title: string, key: string, facts: string, prose = 'A key.'): string {
  return `# ${title}\n\nThe payload ${title}.\n\n## Properties\n\n### ${key}\n\n${facts}\n\n${prose}\n`;
}

const RUNTIME_TITLES = ['Dict', 'Integer', 'Real', 'PayloadType', 'TaggedReal'];
const LONG = `Long.${'A'.repeat(300)}`;
const tmp = mkdtempSync(join(tmpdir(), 'dmspec-names-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('hostile titles, names and values', () => {
  let result: GenerateResult;
  let validators: ValidatorModule;

  beforeAll(async () => {
    result = generateFromPages([
      ...RUNTIME_TITLES.map((t) => ({ file: `${t.toLowerCase()}.md`, text: page(t, 'Flag', '- **Type:** `boolean`') })),
      { file: 'numbers.md', text: page('Numbers', 'Level', '- **Type:** `real`\n- **Allowed Values:** `1e999`') },
      { file: 'long.md', text: page(LONG, 'Flag', '- **Type:** `boolean`') },
      { file: 'x`<img src=x onerror=alert(1)>`.md', text: page('Link](javascript:alert(1))', 'Key', '- **Type:** `string`\n- **Allowed Values:** `ab\u202ecd`', 'See [this](javascript:alert(2)) and [ok](https://example.com).\n\n[ref]: javascript:alert(3)\n\nText \u202egnp.exe') },
    ], { typecheck: true });
    validators = await loadValidators(result.files, join(tmp, 'cache'));
  }, 120_000);

  it('compiles: runtime names as titles do not clash with the runtime', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const t of RUNTIME_TITLES) expect(validators.validatorsByName.get(t)?.({ Flag: true }).valid, t).toBe(true);
    expect(validators.validatorsByName.get('Dict')?.({ Flag: 1 }).issues.map((i) => i.code)).toEqual(['wrong-type']);
  });

  it('reserves every name the runtime exports, and every X whose isX would be a runtime helper', () => {
    // What the runtime's index exports is what the validators module re-exports.
    const index = readFileSync(join(ROOT, 'generator/runtime/validator/index.ts'), 'utf8');
    const exported = [...index.matchAll(/export \{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',')).map((n) => n.trim().replace(/^type /, '')).filter(Boolean);
    expect(exported).toContain('routeProfile');
    for (const name of exported) {
      if (/^[A-Z]/.test(name)) expect(RESERVED, name).toContain(name);
      const helper = /^(?:is|validate|check)([A-Z]\w*)$/.exec(name);
      if (helper) expect(RESERVED, name).toContain(helper[1]);
    }
  });

  it('refuses numbers a JavaScript number cannot hold, with a diagnostic, instead of `=== null`', () => {
    const messages = result.diagnostics.filter((d) => d.file === 'numbers.md').map((d) => `${d.code} ${d.message}`);
    expect(messages).toEqual(['value-type-mismatch Numbers.Level allowed value "1e999" does not fit a JavaScript number exactly (a real past 2^53 or past the largest double); kept as written']);
    // Before, the value compiled to `x === null` and every Level was "not allowed".
    expect(validators.validatorsByName.get('Numbers')?.({ Level: 2.5 }).valid).toBe(true);
  });

  it('bounds file names: a 300-character title gets a short stem and the tree can be written', () => {
    const names = [...result.files.keys()];
    expect(Math.max(...names.map((n) => n.split('/').pop()!.length))).toBeLessThan(140);
    expect(names.filter((n) => n.startsWith('docs/LongAAAA'))).toHaveLength(1);
    expect(() => writeTree(join(tmp, 'out'), result.files)).not.toThrow();
  });

  it('keeps HTML, javascript: links and bidi overrides out of the docs and the code', () => {
    const docs = [...result.files].filter(([n]) => n.startsWith('docs/')).map(([, t]) => t).join('\n');
    // Hostile text appears only inside code spans, where Markdown shows HTML as text (the page's
    // file name, which once did, is no longer printed: readers get Apple's page instead).
    expect(docs.replace(/(`+)[^`][\s\S]*?\1/g, '')).not.toMatch(/<img/);
    expect(docs).not.toMatch(/\]\(javascript:/);
    expect(docs).not.toMatch(/^\[ref\]: javascript:/m);
    expect(docs).toContain('[ok](https://example.com)');
    expect(docs).toContain('Link\\]\\(javascript:alert\\(1\\)\\)');
    expect(docs).not.toMatch(/\u202e/);
    for (const [f, text] of [['types/', allTypes((p) => result.files.get(p))], ['validators/index.js', result.files.get('validators/index.js')]] as const) {
      expect(text, f).not.toMatch(/\u202e/);
      // esbuild writes the escape in capitals.
      expect(text, f).toMatch(/\\u202e/i);
    }
    const key = validators.validatorsByName.get('Link](javascript:alert(1))')!;
    expect(key({ Key: 'ab\u202ecd' }).valid).toBe(true);
  });
});
