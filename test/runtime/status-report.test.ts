/**
 * Status reports read item by item with the package's `readStatusReport`, on a report made of
 * the status-item pages' own examples (each page shows its item as a report nests it), and the
 * subscriptions of a set checked against the same status items.
 */
import { describe, expect, it } from 'vitest';
import { objectsByStatusItem, readStatusReport } from '@dmspec/apple';
import { specIr } from '../helpers/declaration-examples.js';

type Json = Record<string, unknown>;
const isDict = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(into: Json, from: Json): void {
  for (const [k, v] of Object.entries(from)) {
    if (isDict(v) && isDict(into[k])) merge(into[k] as Json, v);
    else into[k] = v;
  }
}

/** Every status-item page's JSON example, merged into one report's `StatusItems`, and the names of the items they show. */
function pagesReport(): { report: Json; shown: string[] } {
  const pages = new Set([...objectsByStatusItem.values()].flat());
  const items: Json = {};
  const shown: string[] = [];
  for (const o of specIr().objects) {
    if (!pages.has(o.name)) continue;
    const text = o.examples?.find((e) => e.format === 'json')?.text;
    if (text === undefined) continue;
    merge(items, JSON.parse(text) as Json);
    shown.push(o.properties[0]!.name);
  }
  return { report: { StatusItems: items, Errors: [], FullReport: true }, shown: [...new Set(shown)].sort() };
}

describe('readStatusReport', () => {
  it('reads the status-item pages\' examples as one report: every item found, each with no error', () => {
    const { report, shown } = pagesReport();
    expect(shown.length).toBeGreaterThanOrEqual(40);
    const r = readStatusReport(report);
    expect(r.items.map((i) => i.name).sort()).toEqual(shown);
    expect(r.unknownItems).toEqual([]);
    expect(r.fullReport).toBe(true);
    expect(r.items.flatMap((i) => i.issues.filter((x) => x.severity === 'error').map((x) => `${i.name}: ${x.path} ${x.message}`))).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('puts a wrong value\'s finding on its item alone', () => {
    const { report } = pagesReport();
    ((report['StatusItems'] as Json)['device'] as Json)['power'] = { 'battery-health': 5 };
    const r = readStatusReport(report);
    expect(r.valid).toBe(false);
    const flagged = r.items.filter((i) => i.issues.length).map((i) => [i.name, i.issues.map((x) => [x.path, x.code])]);
    expect(flagged).toEqual([['device.power.battery-health', [['StatusItems.device.power.battery-health', 'wrong-type']]]]);
  });

  it('lists an item the spec does not define apart, as a warning, and says which errors name known items', () => {
    const r = readStatusReport({
      StatusItems: { device: { model: { family: 'iPad', colour: 'red' } }, future: { thing: 1 } },
      Errors: [{ StatusItem: 'device.model.number', Reasons: [{ Code: 'Error.Unavailable' }] }, { StatusItem: 'device.model.flavour' }],
      FullReport: false,
    });
    expect(r.items.map((i) => [i.name, i.value])).toEqual([['device.model.family', 'iPad']]);
    expect(r.unknownItems).toEqual(['StatusItems.device.model.colour', 'StatusItems.future']);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.errors.map((e) => [e.statusItem, e.known])).toEqual([['device.model.number', true], ['device.model.flavour', false]]);
  });

  it('reads what is no report without a throw, as invalid', () => {
    for (const bad of [null, 3, [], { StatusItems: [] }, { StatusItems: { device: 'x' } }]) {
      const r = readStatusReport(bad);
      expect(r.valid).toBe(false);
      expect(r.items).toEqual([]);
    }
  });
});
