/**
 * Runs the `dmspec` command from the source tree and returns what it printed: `dmspec` as a
 * process, as a user runs it; `dmspecIn` in this test process, for tests where the process
 * boundary is not what is tested (it saves starting tsx, about two seconds a command).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** What was written to stdout as bytes (in-process runs). */
  bytes?: Buffer;
}

export function dmspec(args: string[], cwd = ROOT): CliRun {
  const r = spawnSync(TSX, [join(ROOT, 'generator/cli.ts'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `dmspec ARGS` run in-process from `cwd`. A test worker is a process of its own that runs one
 * test at a time, so changing the working directory for the call is safe; it is restored after.
 */
export async function dmspecIn(args: string[], cwd = ROOT): Promise<CliRun> {
  // Imported on first use: many tests take ROOT from here and need none of the CLI.
  const { runCli } = await import('../../generator/cli-main.js');
  let stdout = '';
  let stderr = '';
  const chunks: Uint8Array[] = [];
  const before = process.cwd();
  if (cwd !== before) process.chdir(cwd);
  try {
    const code = await runCli(args, { stdout: (t) => void (typeof t === 'string' ? (stdout += t) : chunks.push(t)), stderr: (t) => void (stderr += t) });
    // Raw bytes (a profile unsigned to stdout) come back as they were written, and as text.
    if (chunks.length) stdout += Buffer.concat(chunks).toString('utf8');
    return { code, stdout, stderr, ...(chunks.length ? { bytes: Buffer.concat(chunks) } : {}) };
  } finally {
    if (process.cwd() !== before) process.chdir(before);
  }
}
