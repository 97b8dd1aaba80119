/**
 * Regression tests for what the fuzzer (test/parse/fuzz.test.ts) and the pathological-input
 * checks found, each named after the failure, on the smallest page that showed it.
 */
import { describe, expect, it } from 'vitest';
import { parsePage } from '../generator/parse/parse-page.js';
import { generateFromPages } from '../generator/pipeline.js';
import { allTypes } from './helpers/generated-types.js';

const page = (properties: string): string => `# Fuzz.Object\n\nAn object.\n\n**Platforms:** iOS 17.0\n\n## Properties\n\n${properties}`;

describe('fuzzer findings', () => {
  it('seed 1, run 1142: a stray backtick in a key heading invented the key "s tatus"', () => {
    const r = parsePage({ file: 'f.md', text: page('### s` tatus\n\n- **Type:** `int32`\n- **Required:** No\n\nThe status.\n\n### `wrapped`\n\n- **Type:** `string`\n\nA code-span heading.\n') });
    expect(r.object?.properties.map((p) => p.name)).toEqual(['s` tatus', 'wrapped']);
  });

  it('seed 1, generate run 111: an allowed value of another type than its key (a string for a boolean) broke the type check', () => {
    const r = generateFromPages([{ file: 'f.md', text: page('### Flag\n\n- **Type:** `boolean`\n- **Required:** Yes\n- **Allowed Values:** `ClearPasscode`\n\nA flag.\n') }]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['value-type-mismatch']);
    expect(allTypes((p) => r.files.get(p))).toMatch(/Flag: boolean;/);
  });
});

describe('pathological Markdown is refused before parsing, not parsed for minutes', () => {
  // Times are remark-parse's on these inputs before the limits, measured once by hand.
  const cases: Array<[string, string, string, number]> = [
    ['50,000 nested block quotes (16 s, then a stack overflow)', `${'>'.repeat(50_000)} x\n`, 'line-too-long', 9],
    ['200 nested block quotes', `${'> '.repeat(200)}x\n`, 'page-too-deep', 9],
    ['a list nested 500 levels deep (4 s)', Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'), 'page-too-deep', 58],
    ['a run of 5,000 asterisks (1.4 s; 20,000 take 28 s)', `${'*'.repeat(5000)}x${'*'.repeat(5000)}\n`, 'delimiter-run', 9],
    ['a line of 100,000 characters', `${'a'.repeat(100_000)}\n`, 'line-too-long', 9],
  ];
  for (const [name, body, code, line] of cases) {
    it(name, () => {
      const r = parsePage({ file: 'p.md', text: page(body) });
      expect(r.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['error', code, line]]);
      expect(r.object).toBeUndefined();
    });
  }
});
