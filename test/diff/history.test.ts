/**
 * History across versions on hand-made specs: each fact listed in the version it changed, keys
 * that leave and come back, keys that come with a new object not listed as changes, filters.
 */
import { describe, expect, it } from 'vitest';
import { historyMarkdown, historyOf, unmatchedFilter, type SpecVersion } from '../../generator/diff/index.js';
import type { IrObject, IrProperty } from '../../generator/model/ir.js';

const prop = (name: string, extra: Partial<IrProperty> = {}): IrProperty => ({
  name, type: { kind: 'boolean' }, typeOrigin: 'stated', required: false, description: '', source: { file: 'x.md', line: 3 }, ...extra,
});
const obj = (name: string, properties: IrProperty[]): IrObject => ({ name, kind: 'profile', properties, source: { file: 'x.md', line: 1, flavour: 'changelog' } });
const version = (label: string, objects: IrObject[]): SpecVersion => ({ label, ir: { irVersion: 1, diagnostics: [], objects } });

const v1 = version('v1', [obj('R', [prop('cam', { availability: { iOS: { introduced: '4' } } }), prop('gone')])]);
const v2 = version('v2', [obj('R', [prop('cam', { availability: { iOS: { introduced: '4.0' } }, supervised: true, supervisedPlatforms: ['iOS'] })]), obj('N', [prop('x')])]);
const v3 = version('v3', [obj('R', [prop('cam', { availability: { iOS: { introduced: '4', deprecated: '26' } }, supervised: true, supervisedPlatforms: ['iOS'], deprecated: true }), prop('gone')]), obj('N', [prop('x'), prop('y')])]);

describe('historyOf', () => {
  const h = historyOf([v1, v2, v3]);
  const entry = (object: string, property?: string) => h.entries.find((e) => e.object === object && e.property === property);

  it('lists each fact in the version where it changed (versions compared numerically)', () => {
    expect(entry('R', 'cam')!.facts).toEqual([
      { fact: 'iOS', changes: [{ version: 'v1', value: { introduced: '4' } }, { version: 'v3', value: { introduced: '4', deprecated: '26' } }] },
      { fact: 'deprecated', changes: [{ version: 'v1', value: false }, { version: 'v3', value: true }] },
      { fact: 'supervised', changes: [{ version: 'v1', value: false }, { version: 'v2', value: ['iOS'] }] },
    ]);
  });

  it('follows keys that leave and come back, and objects that arrive', () => {
    expect(entry('R', 'gone')!.facts).toEqual([{ fact: 'present', changes: [{ version: 'v1', value: true }, { version: 'v2', value: false }, { version: 'v3', value: true }] }]);
    expect(entry('N')!.facts).toEqual([{ fact: 'present', changes: [{ version: 'v2', value: true }] }]);
    // x came with its object: not a change of its own.
    expect(h.entries.filter((e) => e.object === 'N').map((e) => e.property)).toEqual([undefined, 'y']);
    expect(entry('N', 'y')!.facts).toEqual([{ fact: 'present', changes: [{ version: 'v3', value: true }] }]);
    expect(entry('R')).toBeUndefined();
  });

  it('a fact first stated later is listed; a flavour that cannot state a fact does not change it', () => {
    const snap = (o: IrObject): IrObject => ({ ...o, source: { ...o.source, flavour: 'snapshot' } });
    const a = version('a', [snap(obj('S', [prop('k', { minimum: 1 })]))]);
    const b = version('b', [obj('S', [prop('k')])]);
    const c = version('c', [obj('S', [prop('k', { availability: { iOS: { introduced: '17' } } })])]);
    expect(historyOf([a, b, c]).entries).toEqual([{ object: 'S', property: 'k', facts: [{ fact: 'iOS', changes: [{ version: 'c', value: { introduced: '17' } }] }] }]);
  });

  it('with a filter, lists every fact the entry states, a `false` default and `Required: No` included', () => {
    const one = historyOf([v1, v2, v3], { property: 'cam' });
    expect(one.entries.map((e) => [e.object, e.property])).toEqual([['R', 'cam']]);
    // No deprecation marker and no supervision line are silence, not statements: listed only once they say something.
    expect(one.entries[0]!.facts.map((f) => f.fact)).toEqual(['present', 'type', 'required', 'iOS', 'deprecated', 'supervised']);
    const off = historyOf([version('a', [obj('R', [prop('k', { default: false })])]), version('b', [obj('R', [prop('k', { default: false })])])], { property: 'k' });
    expect(off.entries[0]!.facts.find((f) => f.fact === 'default')).toEqual({ fact: 'default', changes: [{ version: 'a', value: false }] });
  });

  it('prints values as the pages write them: a default of `true` is code, not a flag\'s "yes"', () => {
    const md = historyMarkdown(historyOf([version('a', [obj('R', [prop('k', { default: true })])]), version('b', [obj('R', [prop('k', { default: false, required: true })])])], { property: 'k' }));
    expect(md).toContain('| `k` | present | yes |  |');
    expect(md).toContain('| `k` | default | `true` | `false` |');
    expect(md).toContain('| `k` | required | no | yes |');
    expect(md).toContain('| `k` | type | `boolean` |  |');
  });

  it('names near matches for an object or key no version has', () => {
    const w = [version('a', [obj('WiFi', [prop('SSID_STR'), prop('AutoJoin')]), obj('VPN', [prop('AutoJoin')])]), version('b', [obj('WiFi', [prop('SSID_STR')])])];
    expect(unmatchedFilter(w, { object: 'Wifi' })).toBe('no object `Wifi` in any of the 2 versions (did you mean `WiFi`?)');
    expect(unmatchedFilter(w, { object: 'Nothing' })).toBe('no object `Nothing` in any of the 2 versions');
    expect(unmatchedFilter(w, { property: 'autojoin' })).toBe('no key `autojoin` in any of the 2 versions (did you mean `AutoJoin`?)');
    expect(unmatchedFilter(w, { object: 'VPN', property: 'SSID_STR' })).toBe('no key `SSID_STR` of `VPN` in any of the 2 versions');
    expect(unmatchedFilter(w, { object: 'WiFi', property: 'AutoJoin' })).toBeUndefined();
  });

  it('escapes a pipe in a cell once, whether it came from prose or from a code span', () => {
    const md = historyMarkdown({
      versions: ['v1', 'v2'],
      entries: [{ object: 'R', property: 'a|b', facts: [{ fact: 'deprecationNote', changes: [{ version: 'v1', value: 'use x | y' }] }] }],
    });
    // One backslash before each pipe: `\\|` would be an escaped backslash and the pipe would split the cell.
    expect(md).toContain('| `a\\|b` | deprecationNote | use x \\| y |  |');
  });

  it('renders one table per object, a column per version, values where they changed', () => {
    const md = historyMarkdown(historyOf([v1, v2, v3], { object: 'R', property: 'cam' }));
    expect(md).toContain('| key | fact | v1 | v2 | v3 |\n|---|---|---|---|---|\n');
    expect(md).toContain('| `cam` | supervised | no | in iOS |  |');
    expect(md).toContain('| `cam` | iOS | 4+ |  | 4+, deprecated 26 |');
    expect(md).toContain('| `cam` | present | yes |  |  |');
  });
});
