/**
 * The full type check in parts: no program holds more than a part of the validators however
 * many pages a spec has, every object's code is checked exactly once, and an error in any part
 * is still reported.
 */
import { describe, expect, it } from 'vitest';
import { buildEmitModel, type EmitModel, type EmitObject } from '../../generator/emit/emit-model.js';
import { createRenderer } from '../../generator/emit/render.js';
import { runtimeSources } from '../../generator/emit/runtime-sources.js';
import { checkParts, CHECK_PART_WEIGHT, splitCheckRuns } from '../../generator/emit/split-check.js';
import { typecheckRecorded, type CheckedFile } from '../../generator/emit/typecheck.js';
import { typeModules } from '../../generator/emit/type-modules.js';
import { validatorsView } from '../../generator/emit/validators-view.js';
import { parsePages } from '../../generator/parse/index.js';
import { PAGE_LIMIT_PAGES, smallPages } from '../helpers/limit-spec.js';

/** Objects of `keys` keys each, as the partition sees them: it reads keys and `inherits` only. */
function fakeModel(count: number, keys: number): EmitModel {
  const objects = Array.from({ length: count }, (_, i) => ({ ident: `O${i}`, properties: new Array(keys), inherits: [] }) as unknown as EmitObject);
  return { objects } as unknown as EmitModel;
}

const weight = (part: readonly EmitObject[]): number => part.reduce((n, e) => n + 1 + e.properties.length, 0);

describe('checkParts', () => {
  it('keeps every part of a spec at the page limit within the budget, each object once and in order', () => {
    // The documented page limit at five keys a page: 20,000 keys.
    const model = fakeModel(PAGE_LIMIT_PAGES, 5);
    const parts = checkParts(model);
    expect(parts.length).toBe(Math.ceil(PAGE_LIMIT_PAGES / Math.floor(CHECK_PART_WEIGHT / 6)));
    for (const part of parts) expect(weight(part)).toBeLessThanOrEqual(CHECK_PART_WEIGHT);
    expect(parts.flat()).toEqual(model.objects);
  });

  it('gives an object heavier than the budget a part of its own, and keeps objects related by inherits together', () => {
    const model = fakeModel(6, 2);
    const [a, b, c, d, e, f] = model.objects as [EmitObject, EmitObject, EmitObject, EmitObject, EmitObject, EmitObject];
    (c.properties as unknown[]).length = 20;
    e.inherits.push(a);
    const parts = checkParts(model, 7).map((p) => p.map((x) => x.ident));
    expect(parts).toEqual([[a.ident, e.ident], [b.ident], [c.ident], [d.ident, f.ident]]);
    expect(parts.flat().sort()).toEqual([a, b, c, d, e, f].map((x) => x.ident).sort());
  });
});

describe('splitCheckRuns', () => {
  const n = 24;
  const model = buildEmitModel(parsePages(smallPages(n)));
  const render = createRenderer();
  const modules: CheckedFile[] = [
    ...typeModules(model, render),
    ...runtimeSources(),
    { path: 'validators/index.ts', text: render('validators.ts', validatorsView(model)), origin: 'templates/validators.ts.hbs' },
  ];
  const budget = 60; // about ten objects of six keys and functions per part

  it('implements each object\'s check in exactly one part and leaves the rest of the package to a last run against declarations', () => {
    const parts = checkParts(model, budget);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(weight(part)).toBeLessThanOrEqual(budget);
    const runs = splitCheckRuns(model, render, modules, budget);
    expect(runs).toHaveLength(parts.length + 1);
    const implemented = runs.map((r) => [...(r.files.find((f) => f.path === 'validators/index.ts')?.text ?? '').matchAll(/^function check(\w+)\(/gm)].map((m) => m[1]!));
    expect(implemented).toEqual([...parts.map((p) => p.map((e) => e.ident)), []]);
    expect(implemented.flat().sort()).toEqual(model.objects.map((e) => e.ident).sort());
    for (const run of runs.slice(0, -1)) expect([...run.report!]).toEqual(['validators/index.ts']);
    expect(runs.at(-1)!.report).toBeUndefined();
    expect(runs.at(-1)!.files.map((f) => f.path).sort()).toEqual(modules.map((f) => f.path).sort());
  });

  it('passes on good code and reports an error planted in any one part', () => {
    const runs = splitCheckRuns(model, render, modules, budget);
    expect(typecheckRecorded(modules, undefined, () => runs)).toEqual([]);
    const planted = runs.map((r, i) => (i !== 1 ? r : { ...r, files: r.files.map((f) => (f.path === 'validators/index.ts' ? { ...f, text: `${f.text}const planted: number = 'x';\n` } : f)) }));
    const found = typecheckRecorded(modules, undefined, () => planted);
    expect(found).toEqual([expect.objectContaining({ code: 'generated-code-error', file: 'generated/validators/index.ts', message: expect.stringContaining(`checked in part 2 of ${runs.length - 1}`) })]);
  }, 60_000);
});
