/**
 * A downstream project, made the way a consumer makes one: the generated package packed with
 * `npm pack generated`, installed offline into an empty folder with no other dependency, and
 * type-checked by `tsc --strict`. Used by the consumer test and by the benchmark.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';
import { tempDir } from './temp.js';

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

export interface Consumer {
  dir: string;
  tarball: string;
  /** Writes a file into the project. */
  write(path: string, text: string): void;
  /** `tsc -p` with a tsconfig for `resolution`; returns tsc's output (empty when it passes). */
  tsc(resolution: 'nodenext' | 'bundler', files: string[], outDir?: string): string;
  remove(): void;
}

/** Packs `generated/` and installs it into a fresh project; `extra` are more packages to link. */
export function createConsumer(extra: Record<string, string> = {}): Consumer {
  const dir = tempDir('consumer');
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir, join(ROOT, 'generated')], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  const tarball = join(dir, packed);
  const app = join(dir, 'app');
  mkdirSync(app);
  const dependencies = { '@dmspec/apple': `file:${tarball}`, ...extra };
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', '--ignore-scripts'], { cwd: app, encoding: 'utf8' });
  return {
    dir: app,
    tarball,
    write: (path, text) => writeFileSync(join(app, path), text),
    tsc(resolution, files, outDir) {
      const options = resolution === 'nodenext'
        ? { module: 'NodeNext', moduleResolution: 'NodeNext' }
        : { module: 'ESNext', moduleResolution: 'Bundler' };
      const config = `tsconfig.${resolution}.json`;
      writeFileSync(join(app, config), JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', lib: ['ES2022'], types: [], skipLibCheck: false, ...options, ...(outDir ? { outDir } : { noEmit: true }) },
        files,
      }));
      const r = spawnSync(process.execPath, [TSC, '-p', join(app, config)], { encoding: 'utf8' });
      return r.stdout + r.stderr;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
