/**
 * Compiling generated modules: TypeScript in, the JavaScript and declarations the package ships
 * out; a long-lived caller's memo skips modules whose source did not change.
 */
import { describe, expect, it } from 'vitest';
import { compileModules, type CompiledModules } from '../../generator/emit/compile-output.js';

const source = (n: number) => ({ path: 'validators/extra.ts', text: `export const n: number = ${n};\n` });

describe('compileModules', () => {
  it('strips types and declares the exports', () => {
    const out = compileModules([source(1)]);
    expect(out.get('validators/extra.js')).toMatch(/const n = 1;\nexport {\n  n\n};/);
    expect(out.get('validators/extra.d.ts')).toContain('export declare const n: number;');
  });

  it('reuses the last output of an unchanged module, and compiles a changed one', () => {
    const memo: CompiledModules = new Map();
    const first = compileModules([source(1)], memo);
    const kept = memo.get('validators/extra.ts')!;
    // A planted output stands for "not compiled again": only a reused entry can return it.
    memo.set('validators/extra.ts', { ...kept, js: 'reused' });
    expect(compileModules([source(1)], memo).get('validators/extra.js')).toBe('reused');
    const changed = compileModules([source(2)], memo);
    expect(changed.get('validators/extra.js')).toContain('const n = 2;');
    expect(changed.get('validators/extra.js')).not.toBe(first.get('validators/extra.js'));
    expect(memo.get('validators/extra.ts')!.source.text).toBe(source(2).text);
  });
});
