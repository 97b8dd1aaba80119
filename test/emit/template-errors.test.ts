/**
 * A template bug fails generate with a diagnostic naming the template, and nothing is written.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templatesDir } from '../../generator/emit/render.js';
import { generate, writeGenerated } from '../../generator/pipeline.js';
import { SEED_PAGES } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

function brokenTemplates(file: string, edit: (text: string) => string): string {
  const dir = tempDir('templates');
  cpSync(templatesDir(), dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('template bugs', () => {
  it('code that does not type-check names the template and the file', () => {
    const dir = brokenTemplates('types.ts.hbs', (t) => t.replace('{{key}}{{#if optional}}?{{/if}}: {{tsType}};', '{{key}}: {{tsType}} = 1;'));
    const r = generate(SEED_PAGES, { templatesDir: dir });
    expect(r.diagnostics.filter((d) => d.severity === 'error')[0]).toMatchObject({
      code: 'generated-code-error', file: 'generated/types/AppLayerVPN.ts', message: expect.stringContaining('[from templates/types.ts.hbs]'),
    });
  });

  it('a field the view lacks is an error naming the template', () => {
    const dir = brokenTemplates('doc-page.md.hbs', (t) => `${t}\n{{noSuchField}}\n`);
    const r = generate(SEED_PAGES, { templatesDir: dir });
    expect(r.files.size).toBe(0);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'template-error', file: 'templates/doc-page.md.hbs', message: expect.stringContaining('noSuchField') }),
    ]);
  });

  it('a failed generate writes nothing', () => {
    const out = tempDir('out');
    writeFileSync(join(out, 'keep.txt'), 'previous output\n');
    const dir = brokenTemplates('validators.ts.hbs', (t) => t.replace('return finish(r);', 'return verdict(r);'));
    expect(writeGenerated(out, generate(SEED_PAGES, { templatesDir: dir }))).toBe(false);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('previous output\n');
  });
});
