/**
 * The site's scripts, bundled by esbuild for the browser: the page script, the search (MiniSearch
 * and the index), and the generated package itself (validators, registry, the plist reader where
 * the package has one) read from the files emit just produced, never from an installed copy, so
 * the site checks documents exactly as the package it is built with. Output is minified and has
 * no timestamps or absolute paths: the same inputs give the same bytes.
 */
import { build, type Plugin } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the client sources (`generator/site/client`), from the source or the built tree. */
export function clientDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = [resolve(here, 'client'), resolve(here, '../../../generator/site/client')].find((d) => existsSync(join(d, 'site.ts')));
  if (!found) throw new Error(`generator/site/client not found near ${here}`);
  return found;
}

const PACKAGE = '@dmspec/apple';

/** The package's `exports` map: subpath → file, from its generated package.json. */
function exportsOf(files: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const json = files.get('package.json');
  if (!json) return out;
  const exports = (JSON.parse(json) as { exports?: Record<string, string | { default?: string }> }).exports ?? {};
  for (const [k, v] of Object.entries(exports)) {
    const target = typeof v === 'string' ? v : v.default;
    if (target && !k.includes('*')) out.set(k === '.' ? PACKAGE : `${PACKAGE}/${k.replace(/^\.\//, '')}`, target.replace(/^\.\//, ''));
  }
  return out;
}

/** Resolves `@dmspec/apple` (and its subpaths) and the modules they import to the generated files. */
function packagePlugin(files: ReadonlyMap<string, string>): Plugin {
  const exports = exportsOf(files);
  return {
    name: 'dmspec-generated',
    setup(build) {
      build.onResolve({ filter: /^@dmspec\/apple(\/|$)/ }, (args) => {
        const file = exports.get(args.path);
        return file ? { path: file, namespace: 'generated' } : { errors: [{ text: `${args.path} is not exported by the generated package` }] };
      });
      build.onResolve({ filter: /^\.\.?\//, namespace: 'generated' }, (args) => {
        const parts = [...args.importer.split('/').slice(0, -1), ...args.path.split('/')];
        const out: string[] = [];
        for (const p of parts) if (p === '..') out.pop(); else if (p !== '.') out.push(p);
        return { path: out.join('/'), namespace: 'generated' };
      });
      build.onLoad({ filter: /.*/, namespace: 'generated' }, (args) => {
        const contents = files.get(args.path);
        return contents === undefined ? { errors: [{ text: `${args.path} is not in the generated package` }] } : { contents, loader: 'js' };
      });
    },
  };
}

/** Whether the generated package exports a subpath (`plist`): the validator page uses what it has. */
export function hasExport(files: ReadonlyMap<string, string>, subpath: string): boolean {
  return exportsOf(files).has(`${PACKAGE}/${subpath}`);
}

async function bundle(entry: { path?: string; contents?: string }, plugins: Plugin[], define: Record<string, string> = {}): Promise<string> {
  const dir = clientDir();
  const result = await build({
    ...(entry.path ? { entryPoints: [join(dir, entry.path)] } : { stdin: { contents: entry.contents ?? '', resolveDir: dir, loader: 'ts', sourcefile: 'entry.ts' } }),
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    absWorkingDir: dir,
    define,
    plugins,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The page script of every site page. */
export function siteScript(): Promise<string> {
  return bundle({ path: 'site.ts' }, []);
}

/** The search: MiniSearch and the client, with the serialised index before them. */
export async function searchScript(indexJson: string): Promise<string> {
  return `var DMSPEC_INDEX=${indexJson};\n${await bundle({ path: 'search.ts' }, [])}`;
}

/** The generated package for the browser, as `window.dmspecApple`. */
export function packageScript(files: ReadonlyMap<string, string>): Promise<string> {
  const plist = hasExport(files, 'plist');
  const contents = [
    `import * as apple from '${PACKAGE}';`,
    `import { validatorsByName } from '${PACKAGE}/registry';`,
    plist ? `import * as plist from '${PACKAGE}/plist';` : 'const plist = undefined;',
    '(globalThis as { dmspecApple?: unknown }).dmspecApple = { ...apple, validatorsByName, plist };',
  ].join('\n');
  return bundle({ contents }, [packagePlugin(files)]);
}

/** The validator page's script (it expects `dmspecApple` loaded before it). */
export function validateScript(): Promise<string> {
  return bundle({ path: 'validate.ts' }, []);
}

/** The stylesheet, minified. */
export function styleSheet(): Promise<string> {
  return bundle({ path: 'site.css' }, []);
}
