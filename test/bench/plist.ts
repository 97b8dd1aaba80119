/**
 * The plist codec's figures: `parsePlist` against the `plist` package (xmldom underneath) on the
 * same XML profiles, as calls per second in interleaved rounds, and the minified size of a bundle
 * holding `parsePlist` and `toXmlPlist` as a consumer's bundler makes it from the package.
 * Alone (the same figures as `npm run bench`'s, without the rest): `npx tsx test/bench/plist.ts`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import * as plistJs from 'plist';
import { parsePlist } from '../../generator/runtime/plist/index.js';
import { pathToFileURL } from 'node:url';
import { profileFiles } from '../helpers/corpus.js';
import { compareThroughput } from './measure.js';

const PACKAGE = resolve(import.meta.dirname, '../../generated');

export interface PlistFigures {
  plistParseVsPlistJs: number;
  plistBundleKb: number;
  xmlProfiles: number;
}

/** The XML profiles both readers take, as text (NUL bytes some tools append cut off). */
function xmlProfiles(files: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8').replace(/\0+\n?$/, '');
    if (!text.trimStart().startsWith('<')) continue;
    try {
      parsePlist(text);
      plistJs.parse(text);
      out.push(text);
    } catch {
      // Left out: only documents both read are compared.
    }
  }
  return out;
}

export function plistFigures(profileFiles: readonly string[], rounds: number): PlistFigures {
  const texts = xmlProfiles(profileFiles);
  const rates = texts.length
    ? compareThroughput({
      ours: { items: texts, fn: (t: string) => parsePlist(t) },
      plistJs: { items: texts, fn: (t: string) => plistJs.parse(t) },
    }, rounds)
    : { ours: 0, plistJs: 1 };
  const r = buildSync({
    stdin: { contents: `export { parsePlist, toXmlPlist } from ${JSON.stringify(join(PACKAGE, 'runtime/plist/index.js'))};\n`, resolveDir: PACKAGE, loader: 'js' },
    bundle: true, minify: true, write: false, format: 'esm', platform: 'neutral',
  });
  return { plistParseVsPlistJs: rates.ours / rates.plistJs, plistBundleKb: r.outputFiles[0]!.contents.length / 1024, xmlProfiles: texts.length };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(plistFigures(profileFiles(), Number(process.env['BENCH_ROUNDS'] ?? 5))));
}
