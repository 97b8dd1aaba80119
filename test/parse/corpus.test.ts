/**
 * The whole corpus (../shared/corpus): nothing throws, no page vanishes, every key a page
 * lists becomes a property or a diagnostic, and every fact a changelog page states is in the IR.
 * The expectations are read off the raw text with line scans, independently of the parser.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDefinition, typeToString, type IrDocument, type IrObject } from '../../generator/model/ir.js';
import { MAX_REFERENCE_DEPTH, maxReferenceDepth, REFERENCE_TOO_DEEP } from '../../generator/model/reference-depth.js';
import type { PageInput } from '../../generator/parse/flavour.js';
import { corpusDir, describeCorpus, hasCorpus } from '../helpers/corpus.js';
import { parsedDir } from '../helpers/parsed.js';

const DIRS = hasCorpus
  ? [...readdirSync(corpusDir('.')).filter((d) => /^(changelog|rendered)-/.test(d)), 'samples/snapshot', 'samples/listing']
  : [];

interface StatedKey {
  file: string;
  name: string;
  facts: Map<string, string>;
  available: string[];
}

/** `### Key` entries of a changelog page's Properties section with their bullet facts. */
function statedKeys(page: PageInput): StatedKey[] {
  const out: StatedKey[] = [];
  let inProps = false;
  let fence = false;
  let key: StatedKey | undefined;
  for (const line of page.text.split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    if (fence) continue;
    if (/^## /.test(line)) inProps = line.trim() === '## Properties';
    else if (inProps && /^### /.test(line)) out.push((key = { file: page.file, name: line.slice(4).trim(), facts: new Map(), available: [] }));
    else if (inProps && key) {
      const bullet = /^- \*\*([A-Za-z ]+):\*\* (.*)$/.exec(line);
      if (bullet?.[1]) key.facts.set(bullet[1], bullet[2] ?? '');
      const av = /^Available: (.*)$/.exec(line);
      if (av?.[1]) key.available.push(...av[1].split(' | '));
    }
  }
  return out;
}

/** The contract's spelling map (int32/int64 → integer, number → real, date-time → date). */
const CONTRACT_SPELLING: Record<string, string> = { int32: 'integer', int64: 'integer', number: 'real', 'date-time': 'date' };
const contractType = (s: string): string => s.replace(/x-hidden-/g, '').replace(/[a-z0-9-]+/g, (w) => CONTRACT_SPELLING[w] ?? w);

/** The deepest chain of references of each folder, as measured (spec/'s is 8: `test/model/reference-depth.test.ts`). */
const DEEPEST: Record<string, number> = {
  'rendered-2025-04': 5, 'changelog-2026-04-28': 5, 'changelog-2026-06-09': 6, 'changelog-2026-08-18': 6, 'samples/snapshot': 1, 'samples/listing': 1,
};

const codes = (s: string) => [...s.matchAll(/`([^`]*)`/g)].map((m) => m[1] ?? '');

describeCorpus('corpus', () => {
  const load = (dir: string) => parsedDir(corpusDir(dir));

  describe.each(DIRS)('%s', (dir) => {
    it('nests references far inside the limit on their depth (reference-depth.ts)', () => {
      const { ir } = load(dir);
      const definitions = new Map(ir.objects.filter(isDefinition).map((o) => [o.name, o]));
      expect(maxReferenceDepth(definitions)).toBe(DEEPEST[dir]);
      expect(maxReferenceDepth(definitions) * 8).toBeLessThanOrEqual(MAX_REFERENCE_DEPTH);
      expect(ir.diagnostics.filter((d) => d.code === REFERENCE_TOO_DEEP)).toEqual([]);
    });

    it('parses every page without a failure, and no page vanishes', () => {
      const { pages, ir } = load(dir);
      expect(ir.diagnostics.filter((d) => d.code === 'parser-failure')).toEqual([]);
      const seen = new Set([...ir.objects.map((o) => o.source.file), ...ir.diagnostics.map((d) => d.file)]);
      expect(pages.filter((p) => !seen.has(p.file)).map((p) => p.file)).toEqual([]);
      expect(ir.objects.filter((o) => o.properties.length).length).toBeGreaterThan(dir.startsWith("samples") ? 5 : 500);
    });

    it('every Properties entry becomes a property or a diagnostic', () => {
      const { pages, ir } = load(dir);
      const byFile = new Map<string, IrObject>();
      for (const o of ir.objects) byFile.set(o.source.file, o);
      const missing: string[] = [];
      for (const page of pages) {
        const o = byFile.get(page.file);
        const names = new Set(o?.properties.map((p) => p.name));
        const diagnosed = ir.diagnostics.some((d) => d.file === page.file && d.severity !== 'info');
        for (const key of keyNamesIn(page)) if (!names.has(key) && !diagnosed) missing.push(`${page.file}: ${key}`);
      }
      expect(missing).toEqual([]);
    });
  });

  describe.each(DIRS.filter((d) => d.startsWith('changelog')))('%s: stated facts', (dir) => {
    it('every Type, Required, Default, Allowed Values and Available fact is in the IR', () => {
      const { pages, ir } = load(dir);
      const byFile = new Map(ir.objects.map((o) => [o.source.file, o]));
      const wrong: string[] = [];
      let checked = 0;
      for (const page of pages) {
        for (const key of statedKeys(page)) {
          const p = byFile.get(page.file)?.properties.find((x) => x.name === key.name);
          if (!p) {
            wrong.push(`${page.file}: ${key.name} missing`);
            continue;
          }
          const type = key.facts.get('Type');
          if (type !== undefined && typeToString(p.type) !== contractType(codes(type).join(''))) wrong.push(`${page.file}: ${key.name} type ${type} → ${typeToString(p.type)}`);
          if (key.facts.get('Required') !== (p.required ? 'Yes' : 'No')) wrong.push(`${page.file}: ${key.name} required`);
          const def = key.facts.get('Default');
          if (def !== undefined && String(p.default) !== (codes(def)[0] ?? '')) wrong.push(`${page.file}: ${key.name} default ${def} → ${String(p.default)}`);
          const allowed = key.facts.get('Allowed Values');
          if (allowed !== undefined && JSON.stringify(p.allowedValues?.map(String)) !== JSON.stringify(codes(allowed))) wrong.push(`${page.file}: ${key.name} allowed ${allowed}`);
          for (const entry of key.available) {
            const m = /^(.+) (\d[\d.]*)\+$/.exec(entry);
            const platform = m?.[1] as keyof NonNullable<typeof p.availability>;
            if (m && p.availability?.[platform]?.introduced !== m[2]) wrong.push(`${page.file}: ${key.name} available ${entry}`);
          }
          checked++;
        }
      }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(3000);
    });
  });
});

/** Key names as a line scan sees them, for each flavour's way of printing a key. */
function keyNamesIn(page: PageInput): string[] {
  const lines = page.text.split('\n');
  const start = lines.findIndex((l) => /^#{2,4} Properties\s*$/.test(l));
  if (start < 0) return [];
  const out: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^## /.test(line)) break;
    const heading = /^### (.+)$/.exec(line);
    const item = /^- `([^`]+)` (?:—|\()/.exec(line);
    // rendered: a lone code span, a blank line, then a type line
    const lone = /^`([^`]+)`$/.exec(line);
    const typeLine = lines[i + 2] ?? '';
    if (heading?.[1]) out.push(heading[1].trim());
    else if (item?.[1]) out.push(item[1]);
    else if (lone?.[1] && lines[i + 1] === '' && /^(`[^`]+`|`\[`[^`]+`\]`|[A-Z][\w. -]*)$/.test(typeLine) && !/^`[^`]+`$/.test(lines[i - 2] ?? 'x')) out.push(lone[1]);
  }
  return out;
}
