/**
 * `npm test`'s type check of the toolchain, its tests and the site's browser client, as
 * `npm run typecheck` runs it. It runs here, as one test file among the others, so that on a
 * two-core machine it overlaps the rest of the suite instead of running before it alone.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** `tsc -p PROJECT --noEmit` as a child process: its exit code and everything it printed. */
function tsc(project: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [TSC, '-p', project, '--noEmit'], { cwd: ROOT, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, output: `${stdout}${stderr}` });
    });
  });
}

it.each(['tsconfig.json', 'generator/site/client/tsconfig.json'])('%s type-checks under tsc --strict', async (project) => {
  const r = await tsc(project);
  // The compiler's own report is the message a failure shows.
  expect(r.output).toBe('');
  expect(r.code).toBe(0);
});
