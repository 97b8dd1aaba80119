/**
 * The project's settings for the generated package, read from the `dmspec` field of a
 * `package.json` (the checkout's own, when the CLI runs in it):
 * `{ "dmspec": { "package": { "name": "@dmspec/apple", "version": "1.0.0", "spec": "…" } } }`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PACKAGE, type PackageInfo } from './emit/package-view.js';

// npm's rules for a package name, and a plain semantic version.
const NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The generated package's settings in `dir/package.json`, or the defaults when it has none. */
export function readPackageInfo(dir: string): PackageInfo {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return DEFAULT_PACKAGE;
  let manifest: { dmspec?: { package?: Partial<PackageInfo> } };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as typeof manifest;
  } catch (e) {
    throw new ConfigError(`${file}: not JSON (${(e as Error).message})`);
  }
  const info = { ...DEFAULT_PACKAGE, ...manifest.dmspec?.package };
  if (typeof info.name !== 'string' || info.name.length > 214 || !NAME.test(info.name)) throw new ConfigError(`${file}: dmspec.package.name is not an npm package name`);
  if (typeof info.version !== 'string' || !VERSION.test(info.version)) throw new ConfigError(`${file}: dmspec.package.version is not a version such as 1.2.0`);
  if (typeof info.spec !== 'string') throw new ConfigError(`${file}: dmspec.package.spec is not a string`);
  return { name: info.name, version: info.version, spec: info.spec };
}

/** Writes new settings into `dir/package.json`, keeping everything else in it as it was. */
export function writePackageInfo(dir: string, info: PackageInfo): void {
  const file = join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { dmspec?: { package?: PackageInfo } };
  manifest.dmspec = { ...manifest.dmspec, package: info };
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
