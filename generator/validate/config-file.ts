/**
 * `validate`'s configuration file, found like other linters find theirs: `.dmspecrc.json` in the
 * working directory or the nearest folder above it. Command-line options override it. Anything
 * the file holds that is not a known option of the right type is a ConfigError naming the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readIgnoreRule, type IgnoreRule } from './filters.js';
import { ioReason } from './io-reason.js';

export const CONFIG_FILE = '.dmspecrc.json';

/** What a configuration file may set for `validate`; paths in it are relative to the file. */
export interface ValidateConfig {
  /** The file it was read from. */
  file: string;
  platform?: string;
  osVersion?: string;
  strict?: boolean;
  supervised?: boolean;
  enrollment?: string;
  allowKeys?: string[];
  ignore?: IgnoreRule[];
  /** A PEM file of trust anchors, resolved against the file's folder. */
  trust?: string;
  format?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The nearest `.dmspecrc.json` from `dir` upwards, if any. */
export function findConfigFile(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

const STRINGS = ['platform', 'osVersion', 'enrollment', 'trust', 'format'] as const;
const BOOLEANS = ['strict', 'supervised'] as const;

/** Reads a configuration file: `{ "validate": { … } }`. */
export function readConfigFile(file: string): ValidateConfig {
  let json: unknown;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read it: ${ioReason(e)}`);
  }
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file}: ${(e as Error).message}`);
  }
  const fail = (why: string): never => {
    throw new ConfigError(`${file}: ${why}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('expected a JSON object');
  const top = json as Record<string, unknown>;
  for (const k of Object.keys(top)) if (k !== 'validate') fail(`unknown section "${k}" (only "validate" is read)`);
  const v = top['validate'] ?? {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('"validate" must be an object');
  const config: ValidateConfig = { file };
  for (const [k, value] of Object.entries(v as Record<string, unknown>)) {
    if ((STRINGS as readonly string[]).includes(k)) {
      if (typeof value !== 'string') fail(`validate.${k} must be a string`);
      (config as unknown as Record<string, unknown>)[k] = k === 'trust' ? resolve(dirname(file), value as string) : value;
    } else if ((BOOLEANS as readonly string[]).includes(k)) {
      if (typeof value !== 'boolean') fail(`validate.${k} must be true or false`);
      (config as unknown as Record<string, unknown>)[k] = value;
    } else if (k === 'allowKeys') {
      if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) fail('validate.allowKeys must be an array of key names');
      config.allowKeys = value as string[];
    } else if (k === 'ignore') {
      if (!Array.isArray(value)) fail('validate.ignore must be an array of "code" or "code:path" strings');
      config.ignore = (value as unknown[]).map((x) => {
        if (typeof x !== 'string') return fail(`validate.ignore: ${JSON.stringify(x)} is not "code" or "code:path"`);
        const rule = readIgnoreRule(x);
        return typeof rule === 'string' ? fail(`validate.ignore: ${rule}`) : rule;
      });
    } else {
      fail(`unknown option validate.${k}`);
    }
  }
  return config;
}
