/**
 * The record of passing type checks: a pass is recorded under the hash of exactly what was
 * checked and trusted only for those inputs; a failure is never recorded.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKey, typecheckRecorded, type CheckedFile } from '../../generator/emit/typecheck.js';
import { tempDir } from '../helpers/temp.js';

const good: CheckedFile[] = [{ path: 'a.ts', text: 'export const a: number = 1;\n', origin: 'templates/types.ts.hbs' }];
const bad: CheckedFile[] = [{ path: 'a.ts', text: 'export const a: number = "1";\n', origin: 'templates/types.ts.hbs' }];

describe('typecheckRecorded', () => {
  it('records a pass under the hash of its inputs, and a changed input is checked again', () => {
    const dir = join(tempDir('typecheck'), 'records');
    expect(typecheckRecorded(good, dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual([checkKey(good)]);
    expect(typecheckRecorded(good, dir)).toEqual([]);
    expect(checkKey(bad)).not.toBe(checkKey(good));
    expect(typecheckRecorded(bad, dir)).toEqual([expect.objectContaining({ code: 'generated-code-error', file: 'generated/a.ts', line: 1 })]);
    expect(readdirSync(dir)).toEqual([checkKey(good)]);
  });

  it('keys on every file and its path, in any order', () => {
    const two = [...good, { path: 'b.ts', text: 'export {};\n', origin: 'templates/types.ts.hbs' }];
    expect(checkKey(two)).toBe(checkKey([...two].reverse()));
    expect(checkKey(two)).not.toBe(checkKey(good));
    expect(checkKey([{ ...good[0]!, path: 'c.ts' }])).not.toBe(checkKey(good));
  });

  it('checks and records nothing without a folder', () => {
    expect(typecheckRecorded(bad, undefined)).toHaveLength(1);
    expect(existsSync(join('node_modules/.cache/dmspec/typecheck', checkKey(bad)))).toBe(false);
  });
});
