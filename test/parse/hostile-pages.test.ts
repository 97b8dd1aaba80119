/**
 * Spec pages shaped to make a parser slow or deep, each within the page size limit: every one is
 * read in linear time or refused with a diagnostic by a limit (never by luck of timing), and the
 * run goes on with the next page.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePage } from '../../generator/parse/parse-page.js';
import { parsePages } from '../../generator/parse/index.js';
import { readSpec } from '../../generator/parse/read-spec.js';

const LISTING = '# Example.Listing\n\n**Framework**: Device Management  \n**Kind**: dictionary\n\nThe dictionary.\n\n## Properties\n\n';
const SNAPSHOT = '> Snapshot-pinned source for x: [documentation/example](https://example.invalid/x)\n\n# Example.Snapshot\n\n**Kind:** Device Management Profile\n\nThe dictionary.\n\n## Properties\n\n';
const CHANGELOG = '# Example.Changelog\n\nThe dictionary.\n\n## Properties\n\n### Key\n\n- **Type:** `string`\n';
const SPACES = ' '.repeat(9_000); // two runs stay under the 20,000-character line limit

const parse = (text: string) => parsePage({ file: 'p.md', text });
const codes = (text: string): string[] => parse(text).diagnostics.map((d) => d.code);

describe('pages that made the parser backtrack', () => {
  it('reads a listing key line followed by 9,000 spaces (no colon) as an unreadable key, not in hours', () => {
    expect(codes(`${LISTING}- \`Key\`${SPACES}x\n- \`Next\` (string): Fine.\n`)).toEqual(['unreadable-key']);
    const ok = parse(`${LISTING}- \`Key\` (string) *(required)*:${SPACES}prose${SPACES}Available: iOS 14+\n`).object!.properties[0]!;
    expect(ok).toMatchObject({ name: 'Key', required: true, availability: { iOS: { introduced: '14' } } });
  });

  it('reads snapshot key lines and fact lines with long runs of spaces', () => {
    expect(codes(`${SNAPSHOT}- \`Key\` — \`string\`${SPACES}x${SPACES}\n`)).toEqual(['unreadable-key']);
    const p = parse(`${SNAPSHOT}- \`Key\` — \`string\` (required): x\n  **Default:**${SPACES}\`a\`${SPACES}\n`).object!.properties[0]!;
    expect(p).toMatchObject({ name: 'Key', required: true, default: 'a' });
    expect(parse(`${CHANGELOG}- **Default:**${SPACES}\`b\`${SPACES}\n`).object!.properties[0]!.default).toBe('b');
  });

  it('finds the lines of 150,000 front-matter keys in one pass', () => {
    const lines = Array.from({ length: 1500 }, (_, l) => Array.from({ length: 100 }, (_, i) => `K${l * 100 + i}: x.`).join(' ')).join('\n');
    const r = parse(`---\ntitle: X\nrole: symbol\n---\n\n# X\n\nThe payload.\n\n## Properties\n\n${lines}\n`);
    expect(r.object!.properties).toHaveLength(150_000);
    expect(r.object!.properties[149_999]).toMatchObject({ name: 'K149999', source: { line: 12 + 1499 } });
  }, 60_000);
});

describe('pages refused before remark reads them', () => {
  it('refuses a 400,000-line code block by its line count', () => {
    const r = parse(`${CHANGELOG}\n\`\`\`xml\n${'<a>\n'.repeat(400_000)}\`\`\`\n`);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([['page-too-large', 'the page has 400013 lines, more than the limit of 30000; it was not read']]);
  });

  it('refuses an 800 KB description of unmatched brackets, in one paragraph or spread over many', () => {
    expect(codes(`${CHANGELOG}\n${`${'[a'.repeat(10_000)}\n`.repeat(40)}`)).toEqual(['delimiter-run']);
    expect(codes(`${CHANGELOG}\n${`${'[a'.repeat(999)}\n\n`.repeat(400)}`)).toEqual(['delimiter-run']);
  });

  it('types a spelling nested past 8 arrays as any, with a diagnostic, and refuses 3,000 levels in 12 KB', () => {
    const deep = parse(`${CHANGELOG.replace('`string`', `\`${'[ '.repeat(500)}string${' ]'.repeat(500)}\``)}`);
    expect(deep.diagnostics.map((d) => d.message)).toEqual(['Example.Changelog.Key: a type nested more than 8 arrays deep; typed as any']);
    expect(codes(CHANGELOG.replace('`string`', `\`${'[ '.repeat(3000)}string${' ]'.repeat(3000)}\``))).toEqual(['delimiter-run']);
  });
});

describe('reading a spec folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmspec-pages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks each page\'s size before loading it: twelve sparse 400 MB pages are not read', () => {
    for (let i = 0; i < 12; i++) {
      writeFileSync(join(dir, `big${i}.md`), '');
      truncateSync(join(dir, `big${i}.md`), 400 * 1024 * 1024);
    }
    writeFileSync(join(dir, 'z.md'), '# Z\n\nA page.\n\n## Properties\n\n### Key\n\n- **Type:** `string`\n');
    const pages = readSpec(dir);
    expect(pages.filter((p) => p.unreadBytes === 400 * 1024 * 1024)).toHaveLength(12);
    const ir = parsePages(pages);
    expect(ir.diagnostics.filter((d) => d.code === 'page-too-large')).toHaveLength(12);
    expect(ir.objects.map((o) => o.name)).toEqual(['Z']);
  });
});
