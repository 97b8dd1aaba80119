import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * What `npm run test:quick` leaves out: the corpus-wide, fuzzing, end-to-end (a packed package
 * or toolchain, a git history) and whole-spec tests. `npm test` runs everything.
 * Slowest first, as measured (hooks included): they also start first (see `SlowFirst`).
 */
const SLOW = [
  'test/typecheck.test.ts',
  'test/emit/corpus.test.ts',
  'test/generate-cache.test.ts',
  'test/toolchain-package.test.ts',
  'test/parse/corpus.test.ts',
  'test/generated-package.test.ts',
  'test/validate/shared-profiles.test.ts',
  'test/site/browser.test.ts',
  'test/diff/diff.test.ts',
  'test/update-spec.test.ts',
  'test/update-spec-kill.test.ts',
  'test/diff/diff-inputs.test.ts',
  'test/cli.test.ts',
  'test/parse/fuzz.test.ts',
  'test/validate/fuzz-profiles.test.ts',
  'test/parse/cross-flavour.test.ts',
  'test/parse/corpus-prose-facts.test.ts',
  'test/emit/template-errors.test.ts',
  'test/emit/hostile.test.ts',
];

/**
 * The slow files start first, in `SLOW`'s order, then the rest as vitest orders them. Vitest
 * orders by the last run's durations, which a fresh clone (CI) does not have: it then started
 * large files first, and a slow one could start last and run alone on one core at the end.
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rest = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const i = SLOW.indexOf(relative(f.project.config.root, f.moduleId).split('\\').join('/'));
      return i === -1 ? SLOW.length : i;
    };
    // The sort is stable: within a rank, vitest's own order stays.
    return rest.sort((a, b) => rank(a) - rank(b));
  }
}

const QUICK = process.env['DMSPEC_QUICK'] !== undefined;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: QUICK ? ['**/node_modules/**', ...SLOW] : ['**/node_modules/**'],
    // Files share one module graph per worker: TypeScript and remark load once per worker, not
    // once per file (about 2 s each), and a corpus folder is parsed once (test/helpers/parsed.ts).
    isolate: false,
    setupFiles: ['test/setup.ts'],
    // The run's cache folder, shared by the workers and removed at the end (test/helpers/run-cache.ts).
    globalSetup: ['test/global-setup.ts'],
    sequence: { sequencer: SlowFirst },
    // One test file per core: vitest's default leaves one core free, which on a two-core machine
    // runs the files one at a time. The files share no folder they write.
    maxWorkers: availableParallelism(),
    // The generated package is plain JavaScript: Node loads it as it is. Left to vite (a workspace
    // link is not under node_modules), its megabytes would be transformed in every test file.
    server: { deps: { external: [/\/generated\//] } },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
