/**
 * Compiling generated modules: TypeScript in, the JavaScript and declarations the package ships
 * out; a long-lived caller's memo skips modules whose source did not change.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compileModules, javascript, type CompiledModules } from '../../generator/emit/compile-output.js';
import { buildEmitModel } from '../../generator/emit/emit-model.js';
import { BANNERS, createRenderer } from '../../generator/emit/render.js';
import { validatorEntries } from '../../generator/emit/type-modules.js';
import { validatorsView } from '../../generator/emit/validators-view.js';
import { parseSpecDir } from '../../generator/parse/index.js';
import { SEED_PAGES } from '../helpers/corpus.js';

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

describe("validator entries' JavaScript", () => {
  it('is what esbuild writes for the entry, for every object of a spec of hostile names and of the seeds', () => {
    const render = createRenderer();
    for (const dir of [SEED_PAGES, join(import.meta.dirname, '../fixtures/hostile/spec')]) {
      const entries = validatorEntries(validatorsView(buildEmitModel(parseSpecDir(dir))), render);
      expect(entries.length).toBeGreaterThan(1);
      for (const e of entries) expect(e.javascript, e.path).toBe(javascript(e.text, BANNERS.ts));
    }
  });

  it('is shipped as rendered, without compiling the entry', () => {
    const out = compileModules([{ path: 'validators/X.ts', text: 'this is not TypeScript (', declarations: 'declared\n', javascript: 'rendered\n' }]);
    expect(out.get('validators/X.js')).toBe('rendered\n');
  });
});
