/**
 * `dmspec site`: the reference site from a generated package folder (its IR and JavaScript, which
 * `generate --check` keeps equal to `spec/`) and the checked-in history, written to an output
 * folder with the same ownership rules as `generate` (a manifest; the folder swapped in whole).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { HistoryReport } from '../diff/history.js';
import type { IrDocument } from '../model/ir.js';
import { assertNotOverSpec, assertReplaceable } from '../emit/output-ownership.js';
import { writeTree } from '../emit/output-tree.js';
import { buildSite, type SiteResult } from './index.js';

/** The history a site shows by default, when the checkout has it. */
export const HISTORY_FILE = 'spec/history.json';
const MAX_FILE = 64 * 1024 * 1024;

/** The generated package's IR, manifest-free JavaScript and package.json, as a file map. */
export function readGenerated(dir: string): { ir: IrDocument; files: Map<string, string> } {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'docs' && e.name !== 'schema' && e.name !== 'node_modules') walk(full);
      } else if (e.isFile() && /\.(js|json)$/.test(e.name) && e.name !== '.dmspec-output.json') {
        if (statSync(full).size > MAX_FILE) throw new Error(`${full} is over ${MAX_FILE} bytes`);
        files.set(relative(dir, full).split(sep).join('/'), readFileSync(full, 'utf8'));
      }
    }
  };
  walk(dir);
  const ir = files.get('ir.json');
  if (ir === undefined || !files.has('package.json')) throw new Error(`${dir} is not a generated package (no ir.json or package.json): run "npm run generate" first`);
  return { ir: JSON.parse(ir) as IrDocument, files };
}

/** A history report from `dmspec history --format json`, checked for its shape. */
export function readHistory(file: string): HistoryReport {
  if (statSync(file).size > MAX_FILE) throw new Error(`${file} is over ${MAX_FILE} bytes`);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<HistoryReport>;
  if (!Array.isArray(parsed.versions) || !Array.isArray(parsed.entries) || !parsed.versions.every((v) => typeof v === 'string')) {
    throw new Error(`${file} is not a history report (dmspec history --format json)`);
  }
  return parsed as HistoryReport;
}

export interface SiteCommandOptions {
  from: string;
  out: string;
  spec: string;
  specLabel: string;
  /** A history report; `undefined` reads `HISTORY_FILE` where it exists. */
  history?: string;
}

/** Builds the site and writes it; throws OutputRefusedError (before anything is touched) for a folder that is not dmspec's. */
export async function siteCommand(o: SiteCommandOptions): Promise<SiteResult & { notes: string[] }> {
  assertNotOverSpec(o.out, o.spec);
  assertNotOverSpec(o.out, o.from);
  assertReplaceable(o.out, 'not-yet-known');
  const { ir, files } = readGenerated(o.from);
  const historyFile = o.history ?? (existsSync(HISTORY_FILE) ? HISTORY_FILE : undefined);
  const result = await buildSite(ir, files, { spec: o.specLabel, ...(historyFile ? { history: readHistory(historyFile) } : {}) });
  const notes = result.diagnostics.some((d) => d.severity === 'error') ? [] : writeTree(o.out, result.files);
  return { ...result, notes };
}
