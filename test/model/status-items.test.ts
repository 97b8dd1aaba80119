/**
 * The status-item model: which items the spec's pages define, the `StatusReport.StatusItems`
 * dictionary composed from them, and the generated validator judging status reports as devices
 * send them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateStatusReport, validateStatusReportStatusItems } from '@dmspec/apple/validators';
import { objectsByStatusItem } from '@dmspec/apple/registry';
import type { StatusItemName, StatusReport } from '@dmspec/apple';
import { buildIr } from '../../generator/model/build-ir.js';
import type { IrObject, IrProperty } from '../../generator/model/ir.js';
import { STATUS_ITEMS, statusItems, statusItemsObjects } from '../../generator/model/status-items.js';
import { corpusDir, describeWith } from '../helpers/corpus.js';
import { parsedIr, specIr } from '../helpers/parsed.js';

const brief = (r: { valid: boolean; issues: Array<{ severity: string; code: string; path: string }> }): [boolean, string[]] =>
  [r.valid, r.issues.map((i) => `${i.severity} ${i.code} ${i.path}`)];

function item(name: string, key: string, type: IrProperty['type'], file = `${name.toLowerCase()}.md`): IrObject {
  return {
    name, kind: 'object', summary: 'The status item that reports something.',
    properties: [{ name: key, type, typeOrigin: 'stated', required: true, description: 'The value.', source: { file, line: 9 } }],
    source: { file, line: 1, flavour: 'changelog' },
  };
}

describe('status items of spec/', () => {
  // The IR of spec/ as generated/ir.json holds it: generated-package.test.ts checks that file is
  // byte for byte what a fresh parse of spec/ gives, so a second parse of its pages is not needed.
  const ir = specIr();
  const items = statusItems(ir.objects);

  it('are every status-item page, by the name its one key has; two names are defined by two pages each', () => {
    expect(items.length).toBe(62);
    expect(items.find((i) => i.name === 'device.model.family')).toMatchObject({ object: 'StatusDeviceModelFamily', path: ['device', 'model', 'family'], property: { type: { kind: 'string' } } });
    expect(items.filter((i) => i.alsoDefinedBy.length).map((i) => [i.name, i.object, i.alsoDefinedBy])).toEqual([
      ['content-cache.status', 'StatusContentCacheService', ['StatusContentCacheStatus']],
      ['enhanced-logging.status', 'StatusEnhancedLogging', ['StatusEnhancedLoggingStatus']],
    ]);
    // Payload keys with dots (com.apple.autologout.AutoLogOutDelay) are not status items.
    expect(items.some((i) => i.object === 'GlobalPreferences' || i.object === 'MobileAccounts')).toBe(false);
  });

  it('compose StatusReport.StatusItems in place of its empty page, with no conflict and no unresolved reference left', () => {
    const root = ir.objects.find((o) => o.name === STATUS_ITEMS)!;
    expect(root).toMatchObject({ kind: 'object', source: { file: 'statusreport/statusitems-data.dictionary.md', line: 1 } });
    expect(root.properties.map((p) => p.name)).toContain('device');
    const family = ir.objects.find((o) => o.name === `${STATUS_ITEMS}.device.model`)!.properties.find((p) => p.name === 'family')!;
    expect(family).toMatchObject({ required: false, source: { file: 'statusdevicemodelfamily.md', line: 9 } });
    const about = ir.diagnostics.filter((d) => d.file.startsWith('statusreport') || d.code === 'status-item-conflict');
    expect(about).toEqual([]);
  });

  it('are the generated registry and StatusItemName', () => {
    expect([...objectsByStatusItem.keys()]).toEqual(items.map((i) => i.name));
    const name: StatusItemName = 'device.model.family';
    // @ts-expect-error no page defines this item
    const unknown: StatusItemName = 'device.model.colour';
    expect([name, unknown]).toHaveLength(2);
  });

  it('accept every status-item page example, as a report nests it', () => {
    let checked = 0;
    for (const o of ir.objects) {
      if (!objectsByStatusItem.has(o.properties[0]?.name ?? '') || !o.summary?.includes('status item')) continue;
      for (const ex of o.examples ?? []) {
        if (ex.format !== 'json') continue;
        checked++;
        expect(brief(validateStatusReportStatusItems(JSON.parse(ex.text))), `${o.source.file}:${ex.line}`).toEqual([true, []]);
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});

// A device's reasons also carry `details` (`{ "Error": "Profile Installation Failed" }`), which
// the page of the details dictionary lists no keys for; the fixture leaves them out so that it
// tests the status items, not how a dictionary without listed keys is judged.
describe('a status report as a device sends it', () => {
  const report: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/model/status-report.json'), 'utf8'));

  it('is valid and typed: StatusItems nests the values by their names', () => {
    expect(brief(validateStatusReport(report))).toEqual([true, []]);
    const typed = report as StatusReport;
    const family: string | undefined = typed.StatusItems.device?.model?.family;
    const compliant: boolean | undefined = typed.StatusItems.passcode?.['is-compliant'];
    expect([family, compliant]).toEqual(['iPhone', true]);
  });

  it('reports a value of the wrong type at its item, and an item no page defines as unknown', () => {
    const broken = structuredClone(report) as { StatusItems: Record<string, Record<string, unknown>> };
    (broken.StatusItems['device']!['model'] as Record<string, unknown>)['family'] = 7;
    broken.StatusItems['management']!['push-token'] = 'abc=';
    expect(brief(validateStatusReport(broken))).toEqual([false, [
      'error wrong-type StatusItems.device.model.family',
      'warning unknown-key StatusItems.management.push-token',
    ]]);
  });
});

describe('composing StatusItems', () => {
  const defs = (...objects: IrObject[]): Map<string, IrObject> => new Map(objects.map((o) => [o.name, o]));

  it('nests items by segment and keeps each key at its page line', () => {
    const { objects, diagnostics } = statusItemsObjects(defs(item('StatusA', 'a.b.c', { kind: 'string' }), item('StatusD', 'a.d', { kind: 'boolean' })), undefined);
    expect(diagnostics).toEqual([]);
    expect(objects.map((o) => [o.name, o.properties.map((p) => `${p.name}:${p.type.kind}${p.type.kind === 'ref' ? `=${p.type.name}` : ''}@${p.source.file}`)])).toEqual([
      ['StatusReport.StatusItems.a.b', ['c:string@statusa.md']],
      ['StatusReport.StatusItems.a', ['b:ref=StatusReport.StatusItems.a.b@statusa.md', 'd:boolean@statusd.md']],
      ['StatusReport.StatusItems', ['a:ref=StatusReport.StatusItems.a@statusa.md']],
    ]);
  });

  it('says so when two pages give one item different types, or an item is the start of another', () => {
    const { diagnostics } = statusItemsObjects(defs(
      item('StatusA', 'a.b', { kind: 'string' }), item('StatusB', 'a.b', { kind: 'integer' }), item('StatusC', 'a.b.c', { kind: 'string' }),
    ), undefined);
    expect(diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
      ['status-item-conflict', 'statusb.md', "status item a.b is defined again by StatusB with another type; StatusA's (statusa.md:9) is kept"],
      ['status-item-conflict', 'statusa.md', "status item a.b is also the start of other items' names (a.b.c); those are not composed into StatusReport.StatusItems"],
    ]);
  });

  it('only where the spec has the report: item pages alone compose nothing', () => {
    const page = (o: IrObject) => ({ file: o.source.file, flavour: 'changelog' as const, diagnostics: [], object: o });
    expect(buildIr([page(item('StatusA', 'a.b', { kind: 'string' }))]).objects.map((o) => o.name)).toEqual(['StatusA']);
  });
});

describeWith(corpusDir('rendered-2025-04'), 'status items of older pages', () => {
  it('are found where summaries say "A status report of…" rather than "The status item that…"', () => {
    const items = statusItems(parsedIr(corpusDir('rendered-2025-04')).objects);
    expect(items.length).toBe(30);
    expect(items.find((i) => i.name === 'device.model.family')?.object).toBe('StatusDeviceModelFamily');
    expect(items.every((i) => i.object.startsWith('Status'))).toBe(true);
  });
});
