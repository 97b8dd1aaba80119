/**
 * Turns generated validator sources into a loaded module, for validating against any spec
 * directory through the same generated code as the checked-in validators. Sources are
 * transpiled (types erased) with the TypeScript compiler that ts-morph ships, written to a cache
 * folder named by their content hash, and imported from there.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import type { ValidateOptions, ValidationResult } from '../../generated/validators/runtime.js';

export type LoadedValidator = (value: unknown, options?: ValidateOptions) => ValidationResult;

export interface ValidatorModule {
  validatorsByName: ReadonlyMap<string, LoadedValidator>;
  validatorsByPayloadType: ReadonlyMap<string, LoadedValidator>;
}

const MODULES = ['validators/runtime.ts', 'validators/index.ts'] as const;

export function defaultCacheDir(): string {
  return join(tmpdir(), 'dmspec-validators');
}

/** The content hash that names a compiled validator set. */
export function validatorsHash(files: ReadonlyMap<string, string>): string {
  const h = createHash('sha256');
  for (const m of MODULES) h.update(m).update('\0').update(files.get(m) ?? '').update('\0');
  return h.digest('hex').slice(0, 24);
}

/** Compiles (once per content hash) and imports generated validators. */
export async function loadValidators(files: ReadonlyMap<string, string>, cacheDir: string = defaultCacheDir()): Promise<ValidatorModule> {
  const dir = join(cacheDir, validatorsHash(files));
  if (!existsSync(join(dir, 'index.mjs'))) {
    const staging = `${dir}.${process.pid}.tmp`;
    mkdirSync(staging, { recursive: true });
    for (const m of MODULES) {
      const source = files.get(m);
      if (source === undefined) throw new Error(`generated output lacks ${m}`);
      const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
      }).outputText.replace(/from '\.\/runtime\.js'/g, "from './runtime.mjs'");
      writeFileSync(join(staging, m.replace('validators/', '').replace(/\.ts$/, '.mjs')), js);
    }
    try {
      renameSync(staging, dir);
    } catch {
      // Another process compiled the same hash first: its copy is identical.
    }
  }
  return (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as ValidatorModule;
}
