/**
 * The project's settings for the generated package, read from the `dmspec` field of a
 * `package.json` (the checkout's own, when the CLI runs in it):
 * `{ "dmspec": { "package": { "name": "@dmspec/apple", "version": "1.0.0", "spec": "…" } } }`.
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** A `package.json`'s text with new settings for the generated package, everything else kept as it was. */
export function withPackageInfo(packageJson: string, info: PackageInfo): string {
  const manifest = JSON.parse(packageJson) as { dmspec?: { package?: PackageInfo } };
  manifest.dmspec = { ...manifest.dmspec, package: info };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * A `package-lock.json`'s text with the generated package's new version: npm records a
 * workspace's version under `packages[<its folder>]` (and under its `node_modules` link, where
 * one carries a version), and `npm ci` refuses a lock that disagrees with the workspace.
 * `workspace` is the output folder relative to the project, `/`-separated.
 */
export function withLockedVersion(lockJson: string, workspace: string, info: PackageInfo): string {
  const lock = JSON.parse(lockJson) as { packages?: Record<string, { name?: string; version?: string }> };
  for (const key of [workspace, `node_modules/${info.name}`]) {
    const entry = lock.packages?.[key];
    if (entry && typeof entry.version === 'string' && (entry.name === undefined || entry.name === info.name)) entry.version = info.version;
  }
  return `${JSON.stringify(lock, null, 2)}\n`;
}
