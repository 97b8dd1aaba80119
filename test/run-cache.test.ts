/**
 * The run's cache (test/helpers/run-cache.ts): a stored value comes back exactly as it was
 * computed, an entry is computed once per input, a changed input is computed again, and an IR
 * read back from it is the IR a fresh parse gives, prototypes and `undefined` included.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { expect, it } from 'vitest';
import { parsePages } from '../generator/parse/index.js';
import { readSpec } from '../generator/parse/read-spec.js';
import { corpusDir, describeCorpus, SEED_PAGES } from './helpers/corpus.js';
import { contentKey, runCacheDir, runCached } from './helpers/run-cache.js';

it('is there in a vitest run, and keeps a value exactly, computing it once per input', () => {
  const dir = runCacheDir();
  expect(dir).toBeDefined();
  const key = contentKey(`run-cache.test ${process.pid} ${Date.now()}`);
  const value = { n: 1n << 64n, missing: undefined, map: new Map([['a', [1, 2]]]), date: new Date(0), bytes: new Uint8Array([1, 2]) };
  let computed = 0;
  const compute = () => (computed++, value);
  expect(runCached('test', key, compute)).toBe(value);
  expect(readdirSync(dir!).filter((f) => f.includes(key))).toEqual([`test-${key}.v8`]);
  const again = runCached('test', key, compute);
  expect(computed).toBe(1);
  expect(again).not.toBe(value);
  expect(again).toStrictEqual(value);
  // Another input is another entry, computed from that input.
  expect(runCached('test', contentKey(key, 'changed'), () => ({ other: true }))).toEqual({ other: true });
  expect(computed).toBe(1);
});

it('keys differ when any part differs, and parts cannot run into each other', () => {
  expect(contentKey('ab', 'c')).not.toBe(contentKey('a', 'bc'));
  expect(contentKey('a')).toBe(contentKey('a'));
  expect(contentKey(serialize([{ file: 'a.md', text: 'x' }]))).not.toBe(contentKey(serialize([{ file: 'a.md', text: 'y' }])));
});

it('stores a value it cannot serialize nowhere, and still returns it', () => {
  const key = contentKey(`unstorable ${process.pid} ${Date.now()}`);
  const value = { f: () => 1 };
  expect(runCached('test', key, () => value)).toBe(value);
  expect(existsSync(join(runCacheDir()!, `test-${key}.v8`))).toBe(false);
});

it('gives back the seeds\' IR exactly as parsed', () => {
  const ir = parsePages(readSpec(SEED_PAGES));
  expect(deserialize(serialize(ir))).toStrictEqual(ir);
});

describeCorpus('a corpus folder\'s IR', () => {
  it('comes back from the cache exactly as parsed', () => {
    const ir = parsePages(readSpec(corpusDir('samples/snapshot')));
    expect(deserialize(serialize(ir))).toStrictEqual(ir);
  });
});
