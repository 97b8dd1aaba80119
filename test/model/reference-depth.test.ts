/**
 * The limit on the depth of references between objects: a chain past it is an error at the
 * reference that passes it, cycles count each of their objects once, and the walks that follow
 * `inherits` do not recurse (a chain is as long as a spec makes it).
 */
import { describe, expect, it } from 'vitest';
import { withAncestors, allProperties, buildEmitModel } from '../../generator/emit/emit-model.js';
import { objectHashes } from '../../generator/emit/incremental-check.js';
import { buildIr } from '../../generator/model/build-ir.js';
import { isDefinition, type IrObject } from '../../generator/model/ir.js';
import { checkReferenceDepth, MAX_REFERENCE_DEPTH, maxReferenceDepth, REFERENCE_TOO_DEEP } from '../../generator/model/reference-depth.js';
import { parsePage } from '../../generator/parse/parse-page.js';
import { SkeletonIndex } from '../../generator/skeleton/skeleton.js';
import { chainPages } from '../helpers/limit-spec.js';
import { specIr } from '../helpers/parsed.js';

/** `names[i]` refers to `names[i + 1]` (by its key `Next`, or by `inherits`). */
function chain(names: readonly string[], via: 'key' | 'inherits' = 'key'): Map<string, IrObject> {
  const objects = names.map((name, i): IrObject => {
    const next = names[i + 1];
    const o: IrObject = {
      name, kind: 'object', summary: '', source: { file: `${name}.md`, line: 1, flavour: 'changelog' },
      properties: [
        { name: `Own${i}`, type: { kind: 'string' }, typeOrigin: 'stated', required: true, description: '', source: { file: `${name}.md`, line: 5 } },
        ...(next && via === 'key' ? [{ name: 'Next', type: { kind: 'array' as const, items: { kind: 'ref' as const, name: next } }, typeOrigin: 'stated' as const, required: false, description: '', source: { file: `${name}.md`, line: 9 }, factLines: { type: 11 } }] : []),
      ],
    };
    if (next && via === 'inherits') o.inherits = [next];
    return o;
  });
  // A name given twice closes a cycle: the first object of that name is the one kept.
  const out = new Map<string, IrObject>();
  for (const o of objects) if (!out.has(o.name)) out.set(o.name, o);
  return out;
}

const names = (n: number, prefix = 'O'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('the depth of references', () => {
  it('counts the objects a chain passes through, through keys (arrays of refs too) and inherits alike', () => {
    expect(maxReferenceDepth(chain(names(1)))).toBe(1);
    expect(maxReferenceDepth(chain(names(7)))).toBe(7);
    expect(maxReferenceDepth(chain(names(7), 'inherits'))).toBe(7);
  });

  it('passes a chain of exactly the limit and reports the one reference past it, at its type line', () => {
    expect(checkReferenceDepth(chain(names(MAX_REFERENCE_DEPTH)))).toEqual([]);
    const past = checkReferenceDepth(chain(names(MAX_REFERENCE_DEPTH + 1)));
    expect(past).toEqual([{
      severity: 'error', code: REFERENCE_TOO_DEEP, file: 'O63.md', line: 11,
      message: 'O63.Next refers to O64, the 65th object of a chain of references from O0: a chain may pass through at most 64 objects (every generated module imports the modules it names, and TypeScript follows them recursively), so no code can be generated from this spec',
    }]);
  });

  it('reports a chain of 10,000 once, without recursing, and an inheritance chain at the title line', () => {
    const long = checkReferenceDepth(chain(names(10_000)));
    expect(long.map((d) => `${d.file}:${d.line}`)).toEqual(['O63.md:11']);
    expect(maxReferenceDepth(chain(names(10_000)))).toBe(10_000);
    const inherited = checkReferenceDepth(chain(names(10_000), 'inherits'));
    expect(inherited.map((d) => `${d.file}:${d.line} ${d.message.slice(0, 45)}`)).toEqual(['O63.md:1 O63 inherits the keys of O64, the 65th object']);
  });

  it('counts a cycle (A → B → A) once per object: cycles within the limit are fine, a longer one is reported once', () => {
    const ab = chain(['A', 'B', 'A']);
    expect(ab.size).toBe(2);
    expect(maxReferenceDepth(ab)).toBe(2);
    expect(checkReferenceDepth(ab)).toEqual([]);
    const self = chain(['S', 'S']);
    expect(maxReferenceDepth(self)).toBe(1);
    // A ring of 100 objects: every one of them is on a path of 100.
    const ring = chain([...names(100, 'R'), 'R0']);
    expect(maxReferenceDepth(ring)).toBe(100);
    expect(checkReferenceDepth(ring).map((d) => d.message.slice(0, 45))).toEqual(['R0.Next refers to R1, a cycle of 100 objects:']);
    // Into a cycle from a chain: the chain's last object within the limit is where it goes past.
    const into = new Map([...chain([...names(60), 'C0']), ...chain(['C0', 'C1', 'C2', 'C3', 'C4', 'C0'])]);
    expect(maxReferenceDepth(into)).toBe(65);
    expect(checkReferenceDepth(into).map((d) => d.message.slice(0, 50))).toEqual(['O59.Next refers to C0, a cycle of 5 objects of a c']);
  });

  it('is reported by buildIr for pages, after everything that adds references', () => {
    const pages = chainPages(200).map((p) => parsePage(p));
    const ir = buildIr(pages);
    expect(ir.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(['obj-63.md:16 reference-too-deep']);
    const cyclic = buildIr(chainPages(3, { cycle: true }).map((p) => parsePage(p)));
    expect(cyclic.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe("Apple's spec", () => {
  // spec/'s IR as generated/ir.json holds it, which test/generated-package.test.ts keeps equal to a fresh parse.
  it('nests references 8 objects deep at most, an eighth of the limit (the corpus folders: test/parse/corpus.test.ts)', () => {
    const ir = specIr();
    expect(maxReferenceDepth(new Map(ir.objects.filter(isDefinition).map((o) => [o.name, o])))).toBe(8);
    expect(ir.diagnostics.filter((d) => d.code === REFERENCE_TOO_DEEP)).toEqual([]);
  });
});

describe('walks over inherits', () => {
  it('take keys from 10,000 parents without recursing, own first, then depth first in page order', () => {
    const ir = { irVersion: 1 as const, objects: [...chain(names(10_000), 'inherits').values()], diagnostics: [] };
    const model = buildEmitModel(ir);
    const first = model.byName.get('O0')!;
    expect(withAncestors(first).length).toBe(10_000);
    expect(allProperties(first).map((p) => p.name).slice(0, 3)).toEqual(['Own0', 'Own1', 'Own2']);
    expect(allProperties(first).length).toBe(10_000);
    expect(new SkeletonIndex(ir).properties(ir.objects[0]!).length).toBe(10_000);
  });

  it('hash an object with all its ancestors, so a change to a parent changes the child', () => {
    const ir = { irVersion: 1 as const, objects: [...chain(names(300), 'inherits').values()], diagnostics: [] };
    const before = objectHashes(buildEmitModel(ir));
    ir.objects[299]!.properties[0]!.description = 'changed';
    const after = objectHashes(buildEmitModel(ir));
    expect(names(300).filter((n) => before.get(n) === after.get(n))).toEqual([]);
  });

  it('keep the first of a key two parents share, and visit a diamond once', () => {
    const base: IrObject = { name: 'Base', kind: 'object', summary: '', source: { file: 'b.md', line: 1, flavour: 'changelog' }, properties: [{ name: 'K', type: { kind: 'integer' }, typeOrigin: 'stated', required: false, description: '', source: { file: 'b.md', line: 3 } }] };
    const left: IrObject = { ...base, name: 'Left', inherits: ['Base'], properties: [{ ...base.properties[0]!, name: 'L' }] };
    const right: IrObject = { ...base, name: 'Right', inherits: ['Base'], properties: [{ ...base.properties[0]!, name: 'K', type: { kind: 'string' } }] };
    const top: IrObject = { ...base, name: 'Top', inherits: ['Left', 'Right'], properties: [] };
    const model = buildEmitModel({ irVersion: 1, objects: [base, left, right, top], diagnostics: [] });
    const e = model.byName.get('Top')!;
    expect(withAncestors(e).map((x) => x.ir.name)).toEqual(['Top', 'Left', 'Base', 'Right']);
    expect(allProperties(e).map((p) => `${p.name}:${p.type.kind}`)).toEqual(['L:integer', 'K:integer']);
  });
});
