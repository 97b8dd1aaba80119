/**
 * generator/runtime/ is the lowest layer: the package ships it as it is, in browsers too. Its
 * modules import only each other: nothing else from generator/, no npm package, no `node:`
 * module, and no global a browser lacks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const DIR = join(ROOT, 'generator/runtime');
const modules = readdirSync(DIR, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts')).sort();

describe('generator/runtime', () => {
  it('has modules', () => {
    expect(modules).toContain('validator/index.ts');
  });

  it.each(modules)('%s imports only modules of generator/runtime', (name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    for (const s of specifiers) {
      expect(s, `${name} imports ${s}`).toMatch(/^\.\.?\//);
      const target = normalize(join(dirname(join(DIR, name)), s));
      expect(relative(DIR, target).startsWith('..'), `${name} imports ${s}, outside generator/runtime`).toBe(false);
    }
    expect(text).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b|\bglobalThis\.(?:process|Buffer)\b/);
  });
});
