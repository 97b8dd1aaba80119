/**
 * Compiled validators are code: they are imported only from the user's private cache folder, and
 * only when their content matches the hash stored with them. A module planted by another user, or
 * a cache folder others can write, is refused before anything is imported.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpecValidators, specHash } from '../../generator/validate/compile-validators.js';
import { defaultCacheDir, pruneCache, UnsafeCacheError } from '../../generator/validate/validator-cache.js';
import { validatorsFor } from '../../generator/validate/index.js';
import { ROOT } from '../helpers/cli.js';
import { readSpec } from '../../generator/parse/read-spec.js';

const root = mkdtempSync(join(tmpdir(), 'dmspec-vcache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// The seeds: the cache's rules do not depend on the spec's size, and two pages compile in a moment.
const spec = join(ROOT, 'test/fixtures/seeds');

describe('the validator cache', () => {
  it('lives in the user cache folder, not the shared temp folder', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/home/u/.xdg' })).toBe('/home/u/.xdg/dmspec/validators');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(join(homedir(), '.cache/dmspec/validators'));
    expect(defaultCacheDir({})).toBe(join(homedir(), '.cache/dmspec/validators'));
  });

  it('creates the folder private (0700) and validates through it', async () => {
    const cacheDir = join(root, 'fresh/dmspec/validators');
    const r = await validatorsFor({ spec, cacheDir });
    expect(r.validators?.validatorsByName.has('TopLevel')).toBe(true);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    // The second run is served from the cache without emitting.
    const again = await loadSpecValidators(readSpec(spec), () => { throw new Error('emitted again'); }, cacheDir);
    expect(again?.validatorsByName.has('TopLevel')).toBe(true);
  });

  it('never imports a planted module: a changed entry is refused by its stored hash', async () => {
    const cacheDir = join(root, 'planted');
    await validatorsFor({ spec, cacheDir });
    const entry = join(cacheDir, specHash(readSpec(spec)));
    writeFileSync(join(entry, 'validators/index.js'), 'globalThis.__dmspecPlanted = true; export const validatorsByName = new Map();\n', { mode: 0o600 });
    await expect(validatorsFor({ spec, cacheDir })).rejects.toThrow(/does not match the hash stored with them/);
    expect((globalThis as { __dmspecPlanted?: boolean }).__dmspecPlanted).toBeUndefined();
  });

  it('refuses an entry whose runtime folder others can write, or whose module list leaves the entry', async () => {
    const cacheDir = join(root, 'nested');
    await validatorsFor({ spec, cacheDir });
    const entry = join(cacheDir, specHash(readSpec(spec)));
    chmodSync(join(entry, 'runtime/validator'), 0o777);
    await expect(validatorsFor({ spec, cacheDir })).rejects.toThrow(/runtime\/validator can be written by other users/);
    chmodSync(join(entry, 'runtime/validator'), 0o700);
    const list = readFileSync(join(entry, 'content.sha256'), 'utf8');
    writeFileSync(join(entry, 'content.sha256'), `${list}../../planted.js\n`, { mode: 0o600 });
    await expect(validatorsFor({ spec, cacheDir })).rejects.toThrow(/"\.\.\/\.\.\/planted\.js" is not a module path/);
  });

  it('refuses a cache folder other users can write, before compiling or importing', async () => {
    const cacheDir = join(root, 'open');
    mkdirSync(cacheDir, { recursive: true });
    chmodSync(cacheDir, 0o777);
    await expect(validatorsFor({ spec, cacheDir })).rejects.toThrow(UnsafeCacheError);
    await expect(validatorsFor({ spec, cacheDir })).rejects.toThrow(/can be written by other users \(mode 777\)/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it.runIf(process.getuid?.() === 0)('refuses an entry owned by another user', async () => {
    const cacheDir = join(root, 'foreign');
    await validatorsFor({ spec, cacheDir });
    chownSync(join(cacheDir, specHash(readSpec(spec))), 65534, 65534);
    await expect(validatorsFor({ spec, cacheDir })).rejects.toThrow(/is owned by user 65534/);
  });

  it('prunes entries unused for 30 days and beyond the 32 most recent', () => {
    const cacheDir = join(root, 'prune');
    const now = Date.now();
    for (let i = 0; i < 40; i++) {
      mkdirSync(join(cacheDir, `e${i}`), { recursive: true });
      const t = new Date(now - i * 60_000 - (i === 3 ? 31 * 24 * 3600 * 1000 : 0));
      utimesSync(join(cacheDir, `e${i}`), t, t);
    }
    pruneCache(cacheDir, 'e39', now);
    const left = readdirSync(cacheDir);
    expect(left).toContain('e39');
    expect(left).not.toContain('e3');
    expect(left).toHaveLength(32);
  });
});
