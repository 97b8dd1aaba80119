/**
 * One parse of each page folder per test run. Test files run in one module graph per worker
 * (see vitest.config.ts), so the corpus folders several files read are read and parsed once per
 * worker and shared; the run's cache (`run-cache.ts`) shares each parse between the workers too,
 * by a hash of the pages read and of the parser's sources. What is shared is frozen, so no test
 * can change what another one sees.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serialize } from 'node:v8';
import { parsePages } from '../../generator/parse/index.js';
import { readSpec } from '../../generator/parse/read-spec.js';
import type { PageInput } from '../../generator/parse/flavour.js';
import type { IrDocument } from '../../generator/model/ir.js';
import { contentKey, runCached, sourcesKey } from './run-cache.js';

export interface ParsedDir {
  pages: readonly PageInput[];
  ir: IrDocument;
}

const parsed = new Map<string, ParsedDir>();

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

/**
 * The pages of `dir` and their IR, frozen: read on first use in this process, and parsed unless
 * another worker of the run has parsed the same pages already.
 */
export function parsedDir(dir: string): ParsedDir {
  let hit = parsed.get(dir);
  if (hit === undefined) {
    const pages = readSpec(dir);
    const ir = runCached('ir', contentKey(sourcesKey(), serialize(pages)), () => parsePages(pages));
    hit = deepFreeze({ pages, ir });
    parsed.set(dir, hit);
  }
  return hit;
}

/** The IR of `dir`, shared as `parsedDir` says. */
export const parsedIr = (dir: string): IrDocument => parsedDir(dir).ir;

let generated: IrDocument | undefined;

/**
 * The IR of spec/ as the checked-in package holds it (`generated/ir.json`, which
 * `generated-package.test.ts` and `generate --check` keep equal to a fresh parse of spec/): the IR
 * the package's validators were generated from. Read on first use in this process and frozen.
 */
export function specIr(): IrDocument {
  generated ??= deepFreeze(JSON.parse(readFileSync(join(resolve(import.meta.dirname, '../..'), 'generated/ir.json'), 'utf8')) as IrDocument);
  return generated;
}
