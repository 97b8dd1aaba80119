/**
 * Keys a page lists in its Discussion ("This payload’s contents contain these profile-specific
 * keys:"), read from the real 802.1X Ethernet pages in both flavours that have them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage, type PageResult } from '../../generator/parse/index.js';
import { parseTypeSpelling } from '../../generator/parse/type-spelling.js';
import { corpusDir, describeWith, SPEC } from '../helpers/corpus.js';

const ETHERNET = ['firstactiveethernet', 'firstethernet', 'globalethernet', 'secondactiveethernet', 'secondethernet', 'thirdactiveethernet', 'thirdethernet'];

function parseFile(dir: string, file: string): PageResult {
  return parsePage({ file, text: readFileSync(join(dir, file), 'utf8') });
}

/** Name, type, required flag and line of each key, in page order. */
const keys = (r: PageResult) => r.object!.properties.map((p) => ({ name: p.name, type: p.type, required: p.required, line: p.source.line }));
const EAP = { kind: 'ref', name: 'WiFi.EAPClientConfiguration' };

describe('changelog flavour: a Discussion list of profile-specific keys (spec/)', () => {
  const r = parseFile(SPEC, '8021xfirstethernet.md');
  const o = r.object!;

  it('reads each item into a key with the type its page spells, at the item\'s line', () => {
    expect(r.flavour).toBe('changelog');
    expect(keys(r)).toEqual([
      { name: 'Interface', type: { kind: 'string' }, required: false, line: 15 },
      { name: 'EAPClientConfiguration', type: EAP, required: false, line: 16 },
      // The example gives an array, and so does the Wi-Fi page; this page says String.
      { name: 'SetupModes', type: { kind: 'string' }, required: false, line: 17 },
    ]);
    expect(o.properties.map((p) => p.typeOrigin)).toEqual(['stated', 'stated', 'stated']);
  });

  it('keeps the prose after the colon as the description', () => {
    expect(o.properties.map((p) => p.description)).toEqual([
      'This payload uses the value `FirstEthernet`.',
      'The dictionary that defines the enterprise profile for the network.',
      'The type of connection mode, which is either “System” or “Loginwindow.” “System” is the default.',
    ]);
  });

  it('marks the object as listing only some of its keys, at the sentence that says so', () => {
    expect(o.partialKeys).toEqual({ line: 13 });
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads the same three keys on each of the seven 802.1X Ethernet pages, after any Properties key', () => {
    for (const name of ETHERNET) {
      const page = parseFile(SPEC, `8021x${name}.md`);
      const own = page.object!.properties.filter((p) => p.name !== 'ANY');
      expect(own.map((p) => p.name), name).toEqual(['Interface', 'EAPClientConfiguration', 'SetupModes']);
      expect(page.object!.partialKeys, name).toBeDefined();
    }
    // 8021XGlobalEthernet also has an `ANY` key under Properties, which comes first, as on the page.
    expect(parseFile(SPEC, '8021xglobalethernet.md').object!.properties.map((p) => p.name)).toEqual(['ANY', 'Interface', 'EAPClientConfiguration', 'SetupModes']);
  });
});

describeWith(corpusDir('rendered-2025-04'), 'rendered flavour: the same list as paragraphs (rendered-2025-04)', () => {
  const r = parseFile(corpusDir('rendered-2025-04'), '8021xfirstethernet.md');
  const o = r.object!;

  it('reads each "Name (Type)" paragraph into a key at its first line', () => {
    expect(r.flavour).toBe('rendered');
    expect(keys(r)).toEqual([
      { name: 'Interface', type: { kind: 'string' }, required: false, line: 24 },
      { name: 'EAPClientConfiguration', type: EAP, required: false, line: 27 },
      { name: 'SetupModes', type: { kind: 'string' }, required: false, line: 30 },
    ]);
    expect(o.properties.map((p) => p.description)).toEqual([
      'This payload uses the value `FirstEthernet`.',
      'The dictionary that defines the enterprise profile for the network.',
      'The type of connection mode, which is either “System” or “Loginwindow.” “System” is the default.',
    ]);
  });

  it('stops at the page\'s prose after the list and marks the keys partial', () => {
    expect(o.properties).toHaveLength(3);
    expect(o.partialKeys).toEqual({ line: 22 });
  });
});

describeWith(corpusDir('changelog-2026-04-28'), 'a page that announces the list but lost it (changelog-2026-04-28)', () => {
  it('reports the missing list at the sentence and still marks the keys partial', () => {
    const r = parseFile(corpusDir('changelog-2026-04-28'), '8021xfirstethernet.md');
    expect(r.object!.properties).toEqual([]);
    expect(r.object!.partialKeys).toEqual({ line: 13 });
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'missing-key-list', line: 13 }));
  });
});

describe('entries that do not read as keys', () => {
  const page = (list: string): PageResult => parsePage({
    file: 'p.md',
    text: `# Example.Ethernet\n\nA payload.\n\n## Properties\n\n## Discussion\n\nSpecify \`com.example.ethernet\` as the payload type.\n\nThis payload’s contents contain these profile-specific keys:\n\n${list}\n`,
  });

  it('are reported with their line, never dropped in silence', () => {
    const r = page('- Interface (String): The interface.\n- Just some words without a type.');
    expect(r.object!.properties.map((p) => p.name)).toEqual(['Interface']);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'unreadable-key', line: 14 }));
  });

  it('take a link\'s text as the type, and other spellings as the type-spelling code reads them', () => {
    const r = page('- Rule ([Example.Rule](/documentation/x)): The rule.\n- Names ([string]): The names.\n- Count (int64): How many.');
    expect(keys(r)).toEqual([
      { name: 'Rule', type: { kind: 'ref', name: 'Example.Rule' }, required: false, line: 13 },
      { name: 'Names', type: { kind: 'array', items: { kind: 'string' } }, required: false, line: 14 },
      { name: 'Count', type: { kind: 'integer' }, required: false, line: 15 },
    ]);
  });
});

describe('type spellings', () => {
  it('read a capitalised primitive word as the primitive, and any other capitalised name as a ref', () => {
    expect(parseTypeSpelling('String')).toEqual({ ok: true, type: { kind: 'string' } });
    expect(parseTypeSpelling('Boolean')).toEqual({ ok: true, type: { kind: 'boolean' } });
    expect(parseTypeSpelling('STRING')).toEqual({ ok: true, type: { kind: 'ref', name: 'STRING' } });
    expect(parseTypeSpelling('DataType')).toEqual({ ok: true, type: { kind: 'ref', name: 'DataType' } });
  });
});
