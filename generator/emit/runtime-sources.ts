/**
 * The hand-written code the package ships: every TypeScript module of `generator/runtime/`,
 * read as it is and placed at the same path under `runtime/` in the output (checked with the
 * generated code, then compiled like it). The folder is found from the source tree
 * (generator/emit) or the packed toolchain (dist/generator/emit), which ships the sources.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One runtime module: its path in the output (`runtime/validator/run.ts`) and in the repository. */
export interface RuntimeSource {
  path: string;
  origin: string;
  text: string;
}

/** `generator/runtime/`, from the source tree or the built one. */
export function runtimeDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = [resolve(here, '../runtime'), resolve(here, '../../../generator/runtime')].find((d) => existsSync(join(d, 'validator/index.ts')));
  if (!found) throw new Error(`generator/runtime/ (the package's runtime sources) not found near ${here}`);
  return found;
}

/** Every runtime module, sorted by path (read on each call: a long-lived caller sees edits). */
export function runtimeSources(dir: string = runtimeDir()): RuntimeSource[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((n) => n.split('\\').join('/'))
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts') && !n.endsWith('.test.ts'))
    .sort()
    .map((n) => ({ path: `runtime/${n}`, origin: `generator/runtime/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
}

/** A hash of runtime modules' paths and texts: what the shipped runtime depends on. */
export function runtimeHash(sources: readonly RuntimeSource[] = runtimeSources()): string {
  const hash = createHash('sha1');
  for (const s of sources) hash.update(s.path).update('\0').update(s.text).update('\0');
  return hash.digest('hex');
}

/** The banner of a shipped runtime module: where its source is. */
export function runtimeBanner(origin: string): string {
  return `// Copied by dmspec from ${origin}. Do not edit: change that file and run "npm run generate".`;
}
