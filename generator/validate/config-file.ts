/**
 * `validate`'s configuration file, found like other linters find theirs: `.dmspecrc.json` in the
 * working directory or the nearest folder above it. A configuration decides what a run ignores
 * and which signers it trusts, so it is only ever read from a file no other user can write: the
 * search stops at the repository's root (a folder holding `.git`) and at the home folder, never
 * looks into a folder another user owns or can write (`/tmp`), and a file found (or named with
 * `--config`) must be a regular file of the user's own (or root's), writable by nobody else, and
 * small. Command-line options override it. Anything it holds that is not a known option of the
 * right type is a ConfigError naming the file.
 */
import { existsSync, lstatSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readIgnoreRule, type IgnoreRule } from './filters.js';
import { isFileProblem, readRegularFile } from './read-file.js';
import { JsonReadError, readJsonBytes } from './read-json.js';
import { compileExclude, type ExcludeRule } from './collect-files.js';

export const CONFIG_FILE = '.dmspecrc.json';

/** Largest configuration file read: a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

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
  /** Patterns relative to the file's folder. */
  exclude?: ExcludeRule[];
  maxWarnings?: number;
  /** A PEM file of trust anchors, resolved against the file's folder. */
  trust?: string;
  format?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    /** The file was not read at all (another user's, writable by others, not a regular file, too large). */
    readonly refused = false,
  ) {
    super(message);
  }
}

/** Where the search for a configuration file went: the file it found, or why it stopped without one. */
export interface ConfigSearch {
  file?: string;
  /** The folders looked in, nearest first. */
  searched: string[];
  /** Why the search went no higher. */
  stopped: string;
}

function stat(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Why dmspec must not look for a configuration in `dir`: a folder another user owns, or every
 * user can write (`/tmp`). A group-writable folder is looked in: a file another member of the
 * group put there is theirs, and refused as such.
 */
function foreignFolder(dir: string): string | undefined {
  const st = stat(dir);
  if (!st) return `${dir}, which cannot be read`;
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid && st.uid !== 0) return `${dir}, a folder of another user (uid ${st.uid})`;
  if ((st.mode & 0o002) !== 0) return `${dir}, a folder every user can write`;
  return undefined;
}

/** The nearest `.dmspecrc.json` from `dir` upwards, within the repository or home folder, if any. */
export function findConfigFile(dir: string, home: string = homedir()): ConfigSearch {
  const searched: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    const foreign = foreignFolder(d);
    if (foreign) return { searched, stopped: `not looking in ${foreign}` };
    searched.push(d);
    const candidate = join(d, CONFIG_FILE);
    if (stat(candidate)) return { file: candidate, searched, stopped: 'found' };
    if (existsSync(join(d, '.git'))) return { searched, stopped: `${d} is the repository's root` };
    if (d === resolve(home)) return { searched, stopped: `${d} is the home folder` };
    if (dirname(d) === d) return { searched, stopped: 'the file system\'s root' };
  }
}

const STRINGS = ['platform', 'osVersion', 'enrollment', 'trust', 'format'] as const;
const BOOLEANS = ['strict', 'supervised'] as const;

/** Reads a configuration file: `{ "validate": { … } }`. */
export function readConfigFile(file: string): ValidateConfig {
  const fail = (why: string): never => {
    throw new ConfigError(`${file}: ${why}`);
  };
  const bytes = readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, private: true });
  if (isFileProblem(bytes)) throw new ConfigError(`${file}: ${bytes.message}`, true);
  let json: unknown;
  try {
    json = readJsonBytes(bytes).value;
  } catch (e) {
    if (e instanceof JsonReadError) throw new ConfigError(`${file}:${e.line}:${e.column}: ${e.message}`);
    throw e;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('expected a JSON object');
  const top = json as Record<string, unknown>;
  for (const k of Object.keys(top)) if (k !== 'validate') fail(`unknown section "${k}" (only "validate" is read)`);
  const v = top['validate'] ?? {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('"validate" must be an object');
  const config: ValidateConfig = { file };
  const strings = (k: string, value: unknown): string[] => {
    if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) return fail(`validate.${k} must be an array of strings`);
    return value as string[];
  };
  for (const [k, value] of Object.entries(v as Record<string, unknown>)) {
    if ((STRINGS as readonly string[]).includes(k)) {
      if (typeof value !== 'string') fail(`validate.${k} must be a string`);
      (config as unknown as Record<string, unknown>)[k] = k === 'trust' ? resolve(dirname(file), value as string) : value;
    } else if ((BOOLEANS as readonly string[]).includes(k)) {
      if (typeof value !== 'boolean') fail(`validate.${k} must be true or false`);
      (config as unknown as Record<string, unknown>)[k] = value;
    } else if (k === 'allowKeys') {
      config.allowKeys = strings(k, value);
    } else if (k === 'ignore') {
      config.ignore = strings(k, value).map((x) => {
        const rule = readIgnoreRule(x);
        return typeof rule === 'string' ? fail(`validate.ignore: ${rule}`) : rule;
      });
    } else if (k === 'exclude') {
      config.exclude = strings(k, value).map((pattern) => {
        const rule = { pattern, base: dirname(resolve(file)) };
        const compiled = compileExclude(rule);
        return typeof compiled === 'string' ? fail(`validate.exclude: ${compiled}`) : rule;
      });
    } else if (k === 'maxWarnings') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail('validate.maxWarnings must be a whole number, 0 or more');
      config.maxWarnings = value as number;
    } else {
      fail(`unknown option validate.${k}`);
    }
  }
  return config;
}
