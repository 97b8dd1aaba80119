/**
 * Results several test files compute from the same input, kept for the length of one test run
 * in the folder `test/global-setup.ts` makes (and removes when the run ends), so a second worker
 * reads what the first one computed instead of computing it again. An entry is named by a hash of
 * its whole input, so a changed input is never served an old result. Values are stored with
 * `node:v8`'s serializer, which keeps what JSON would lose (`undefined`, bigints, maps).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { inject } from 'vitest';

/** How long a worker waits for another one that is computing the same entry before computing it itself. */
const WAIT_MS = 120_000;

/** The run's cache folder, or undefined outside a `vitest run` with the global setup. */
export function runCacheDir(): string | undefined {
  try {
    return inject('dmspecRunCache') || undefined;
  } catch {
    return undefined; // not inside a vitest worker (a script importing the helpers)
  }
}

/** A hex SHA-256 of `parts`, each delimited so that no two different lists hash alike. */
export function contentKey(...parts: ReadonlyArray<string | Uint8Array>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${p.length}:`).update(p).update('\0');
  return h.digest('hex');
}

/**
 * A hash of the toolchain's sources (every file under generator/): part of every key, so a result
 * computed by other code (a watch-mode rerun after an edit) is not served.
 */
export function sourcesKey(): string {
  const root = join(import.meta.dirname, '../../generator');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(root, f)).isFile()).sort();
  return contentKey(...files.flatMap((f) => [f, readFileSync(join(root, f))]));
}

const sleep = (ms: number): void => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms) as unknown as void;

function read<T>(file: string): T | undefined {
  try {
    return deserialize(readFileSync(file)) as T;
  } catch {
    return undefined; // absent
  }
}

/**
 * The value `compute()` gives for the input `key` names: read from the run's cache when a worker
 * has already stored it, else computed and stored (written beside, then renamed: an entry is whole
 * or absent). While another worker computes the same entry, this one waits for it rather than
 * doing the same work on the other core. Without a run cache it is just `compute()`.
 */
export function runCached<T>(kind: string, key: string, compute: () => T): T {
  const dir = runCacheDir();
  if (dir === undefined) return compute();
  const file = join(dir, `${kind}-${key}.v8`);
  const lock = `${file}.lock`;
  let hit = read<T>(file);
  if (hit !== undefined) return hit;
  let mine = false;
  try {
    closeSync(openSync(lock, 'wx'));
    mine = true;
  } catch {
    // Another worker is computing it.
    for (const end = Date.now() + WAIT_MS; existsSync(lock) && Date.now() < end;) sleep(100);
    hit = read<T>(file);
    if (hit !== undefined) return hit;
  }
  try {
    const value = compute();
    let bytes: Buffer;
    try {
      bytes = serialize(value);
    } catch {
      return value; // holds what cannot be stored (a function): served to this worker only
    }
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    return value;
  } finally {
    if (mine) rmSync(lock, { force: true });
  }
}
