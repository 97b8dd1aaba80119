/**
 * `npm run bench` (`-- --json` for one JSON object): dmspec against its baselines on the whole of
 * `spec/`, every figure a ratio (or a rate) measured in this run, medians of rounds.
 * A benchmark, not a test: it asserts nothing and never runs in `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { buildEmitModel } from '../../generator/emit/emit-model.js';
import { parsePages } from '../../generator/parse/index.js';
import { readSpec } from '../../generator/parse/read-spec.js';
import { createGenerateCache, generateFromPages } from '../../generator/pipeline.js';
import { defaultCacheDir, loadValidators, validatorsHash } from '../../generator/validate/compile-validators.js';
import { pathToFileURL } from 'node:url';
import { validateProfileBytes, validateProfileFiles } from '../../generator/validate/index.js';
import type { IrDocument } from '../../generator/model/ir.js';
import { profileFiles } from '../helpers/corpus.js';
import { compareThroughput, median, timeRounds } from './measure.js';
import { examplePayloads } from '../helpers/example-payloads.js';
import { zodSchemas } from './zod-schemas.js';
import { ajvSet } from './ajv-set.js';
import { runCli } from '../../generator/cli-main.js';
import { PAGE_LIMIT_PAGES, smallPages } from '../helpers/limit-spec.js';
import { consumerFigures } from './consumer.js';
import { plistFigures, type PlistFigures } from './plist.js';

const SHARED = resolve(import.meta.dirname, '../../../shared');
const SPEC_DIR = resolve(import.meta.dirname, '../../spec');
const PROFILES = join(SHARED, 'profiles');
const json = process.argv.includes('--json');
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const log = (line: string): void => void (json ? undefined : process.stderr.write(`${line}\n`));

if (process.argv.includes('--rss-child')) {
  // Run alone in a fresh process so the peak is the full generate's, not the benchmark's.
  generateFromPages(readSpec(SPEC_DIR));
  process.stdout.write(String(process.resourceUsage().maxRSS / 1024));
  process.exit(0);
}

if (process.argv.includes('--page-limit-child')) {
  // `dmspec generate` of a spec at the documented page limit, as a user runs it, in a folder
  // without a record of passing checks: wall time and this process's peak memory.
  const [spec, out] = process.argv.slice(-2) as [string, string];
  const start = performance.now();
  const code = await runCli(['generate', '--spec', spec, '--out', out, '--quiet'], { stdout: () => undefined, stderr: () => undefined });
  process.stdout.write(JSON.stringify({ code, seconds: (performance.now() - start) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

/** `generate` of `PAGE_LIMIT_PAGES` small pages (see `smallPages`) in a child process. */
function pageLimitFigures(): { seconds: number; peakMb: number } {
  const dir = mkdtempSync(join(tmpdir(), 'dmspec-bench-limit-'));
  try {
    mkdirSync(join(dir, 'spec'));
    for (const p of smallPages(PAGE_LIMIT_PAGES)) writeFileSync(join(dir, 'spec', p.file), p.text);
    const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), import.meta.filename, '--page-limit-child', 'spec', 'out'], { cwd: dir, encoding: 'utf8' });
    const r = JSON.parse(run.stdout) as { code: number; seconds: number; peakMb: number };
    if (r.code !== 0) throw new Error(`generate at the page limit exited ${r.code}`);
    return r;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Calls per second: `validate<Name>`, ajv (allErrors) on the schema and on the schema closed to unknown keys, zod; `is<Name>` and ajv's first-error verdict. */
interface Rates { ours: number; ajv: number; ajvClosed: number; zod: number; guard: number; ajvBoolean: number }
interface ValidatorFigures {
  valid: Rates; invalid: Rates; payloadCounts: { valid: number; invalid: number }; profilesPerSecond: number; profileCount: number;
  mixedDocumentsPerSecond: number; mixedDocumentCount: number; plist: PlistFigures;
}

/**
 * A folder of mixed documents, as a repository of device-management files holds them: the shared
 * profiles, and the pages' declaration (JSON) and command and check-in message (plist) examples.
 */
function mixedFolder(ir: IrDocument, profiles: ReadonlyArray<[string, Uint8Array]>): { dir: string; count: number } {
  const dir = mkdtempSync(join(tmpdir(), 'dmspec-bench-mixed-'));
  let count = 0;
  for (const [, bytes] of profiles) writeFileSync(join(dir, `profile-${count++}.mobileconfig`), bytes);
  for (const o of ir.objects) {
    for (const e of o.examples ?? []) {
      if (o.kind === 'declaration' && e.format === 'json') writeFileSync(join(dir, `declaration-${count++}.json`), e.text);
      else if (e.format === 'plist' && /<key>(?:Command|MessageType)<\/key>/.test(e.text) && !/<key>PayloadContent<\/key>/.test(e.text)) writeFileSync(join(dir, `message-${count++}.plist`), e.text);
    }
  }
  return { dir, count };
}

async function validatorSetup() {
  const result = generateFromPages(readSpec(SPEC_DIR), { typecheck: false });
  const model = buildEmitModel(result.ir);
  const validators = await loadValidators(result.files);
  const byIdent = new Map(model.objects.map((e) => [e.ident, validators.validatorsByName.get(e.ir.name)!]));
  const payloads = examplePayloads(result.ir, model, (ident, v) => byIdent.get(ident)!(v).valid);
  // The `is<Name>` guards, from the same compiled module.
  const index = (await import(pathToFileURL(join(defaultCacheDir(), validatorsHash(result.files), 'validators/index.js')).href)) as Record<string, (v: unknown) => boolean>;
  const guards = new Map(model.objects.map((e) => [e.ident, index[`is${e.ident}`]!]));
  const schemas = [...result.files].filter(([path]) => path.startsWith('schema/')).map(([, text]) => JSON.parse(text) as Record<string, unknown>);
  return { validators, byIdent, guards, payloads, ...ajvSet(schemas), zod: zodSchemas(model), ir: result.ir };
}

/** Generated validators against ajv and zod on the pages' example payloads, and whole profiles. */
async function validatorFigures(): Promise<ValidatorFigures> {
  const { validators, byIdent, guards, payloads, ajv, ajvClosed, ajvBoolean, zod, ir } = await validatorSetup();
  // The generate's IR and files are garbage now; collect them so they do not weigh on timing.
  (globalThis as { gc?: () => void }).gc?.();
  const rates = (set: typeof payloads.valid): Rates => {
    const ours = set.map((p) => ({ fn: byIdent.get(p.ident)!, value: p.value }));
    const via = (a: typeof ajv) => set.map((p) => ({ fn: a.getSchema(`${p.ident}.schema.json`)!, value: p.json }));
    type Call = { fn: (v: unknown) => unknown; value: unknown };
    const call = (x: Call): unknown => x.fn(x.value);
    const viaZod = set.map((p) => ({ schema: zod.get(p.ident)!, value: p.value }));
    return compareThroughput({
      ours: { items: ours, fn: call },
      ajv: { items: via(ajv), fn: call },
      ajvClosed: { items: via(ajvClosed), fn: call },
      zod: { items: viaZod, fn: (x: (typeof viaZod)[number]) => x.schema.safeParse(x.value) },
      guard: { items: set.map((p) => ({ fn: guards.get(p.ident)!, value: p.value })), fn: call },
      ajvBoolean: { items: via(ajvBoolean), fn: call },
    });
  };
  let profilesPerSecond = 0;
  const profiles: Array<[string, Uint8Array]> = existsSync(PROFILES) ? profileFiles(PROFILES).map((f) => [f, readFileSync(f)]) : [];
  if (profiles.length) {
    const perRound: number[] = [];
    for (let r = -1; r < ROUNDS; r++) {
      const start = performance.now();
      for (const [name, bytes] of profiles) await validateProfileBytes(name, bytes, validators);
      if (r >= 0) perRound.push((profiles.length / (performance.now() - start)) * 1000);
    }
    profilesPerSecond = median(perRound);
  }
  // A directory walk through validate's library entry: reading, telling kinds apart, validating.
  const mixed = mixedFolder(ir, profiles);
  let mixedDocumentsPerSecond = 0;
  try {
    const perRound: number[] = [];
    for (let r = -1; r < ROUNDS; r++) {
      const start = performance.now();
      await validateProfileFiles([mixed.dir], validators);
      if (r >= 0) perRound.push((mixed.count / (performance.now() - start)) * 1000);
    }
    mixedDocumentsPerSecond = median(perRound);
  } finally {
    rmSync(mixed.dir, { recursive: true, force: true });
  }
  const plist = plistFigures(profiles.map(([f]) => f), ROUNDS);
  return {
    plist,
    valid: rates(payloads.valid), invalid: rates(payloads.invalid),
    payloadCounts: { valid: payloads.valid.length, invalid: payloads.invalid.length },
    profilesPerSecond, profileCount: profiles.length, mixedDocumentsPerSecond, mixedDocumentCount: mixed.count,
  };
}

if (process.argv.includes('--validators-child')) {
  process.stdout.write(JSON.stringify(await validatorFigures()));
  process.exit(0);
}


const pages = readSpec(SPEC_DIR);
log(`${pages.length} pages from ${SPEC_DIR}, ${ROUNDS} rounds each`);

// Rounds alternate between the baseline and each measured step, so both see the same heap and
// the same machine load.
const parseAll = (): void => {
  const processor = unified().use(remarkParse);
  for (const p of pages) processor.parse(p.text);
};
const times = { remark: [] as number[], ir: [] as number[], full: [] as number[], noCheck: [] as number[] };
for (let r = -1; r < ROUNDS; r++) {
  const step = (name: keyof typeof times, fn: () => unknown): void => {
    const start = performance.now();
    fn();
    if (r >= 0) times[name].push(performance.now() - start);
  };
  step('remark', parseAll);
  step('ir', () => parsePages(pages));
  step('full', () => generateFromPages(pages));
  step('noCheck', () => generateFromPages(pages, { typecheck: false }));
}
const remark = median(times.remark);
const ir = median(times.ir);
const full = median(times.full);
const noCheck = median(times.noCheck);
log(`remark-parse alone: ${remark.toFixed(0)} ms`);
log(`IR ${ir.toFixed(0)} ms, full generate ${full.toFixed(0)} ms, without the type check ${noCheck.toFixed(0)} ms`);

// Regeneration, from disk as a maintainer runs it: the full run and the cached ones all read the spec.
const cache = createGenerateCache();
generateFromPages(readSpec(SPEC_DIR), { cache });
const fullFromDisk = median(timeRounds(ROUNDS, () => generateFromPages(readSpec(SPEC_DIR))));
const noop = median(timeRounds(ROUNDS, () => generateFromPages(readSpec(SPEC_DIR), { cache })));
const changedFile = 'restrictions.md';
const oneChange = median(timeRounds(ROUNDS, (round) => {
  // Each round edits the page differently from the round before, so every round is a real change.
  const spec = readSpec(SPEC_DIR).map((p) => (p.file === changedFile ? { ...p, text: p.text.replace('disables AirDrop', `disables AirDrop (edit ${round})`) } : p));
  generateFromPages(spec, { cache });
}));
log(`regenerate: full ${fullFromDisk.toFixed(0)} ms, unchanged ${noop.toFixed(0)} ms, ${changedFile} changed ${oneChange.toFixed(0)} ms`);

// Validators and profiles run in a fresh process of their own: this one's heap, grown by the
// generates above, would slow every allocation and blur the comparison.
const measured = JSON.parse(spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--validators-child'], { encoding: 'utf8', maxBuffer: 1 << 24 }).stdout) as ValidatorFigures;
const { valid, invalid, payloadCounts, profilesPerSecond, profileCount, mixedDocumentsPerSecond, mixedDocumentCount, plist } = measured;
for (const [name, r] of [['valid', valid], ['invalid', invalid]] as const) {
  log(`validators, ${payloadCounts[name]} ${name} payloads, per second: ours ${r.ours.toFixed(0)} (ajv ${r.ajv.toFixed(0)}, ajv closed to unknown keys ${r.ajvClosed.toFixed(0)}, zod ${r.zod.toFixed(0)}); guard ${r.guard.toFixed(0)} (ajv's verdict ${r.ajvBoolean.toFixed(0)})`);
}
log(`profiles: ${profileCount} validated ${profilesPerSecond.toFixed(0)} per second`);
log(`mixed documents: a folder of ${mixedDocumentCount} validated ${mixedDocumentsPerSecond.toFixed(0)} per second`);
log(`plist: parsePlist ${plist.plistParseVsPlistJs.toFixed(2)}× the plist package's speed on ${plist.xmlProfiles} XML profiles; parsePlist + toXmlPlist bundle ${plist.plistBundleKb.toFixed(1)} KB`);

const consumer = consumerFigures(Math.min(ROUNDS, 3));
log(`consumer: tsc ${consumer.consumerTscMs.toFixed(0)} ms importing the package's entries, ${consumer.oneObjectTscMs.toFixed(0)} ms one object's modules, ${consumer.profileTscMs.toFixed(0)} ms types/Profile, ${consumer.baselineTscMs.toFixed(0)} ms without; bundles: one validator ${consumer.oneValidatorBundleKb.toFixed(1)} KB, validateProfile ${consumer.profileBundleKb.toFixed(0)} KB (${consumer.profileBundleGzipKb.toFixed(0)} KB gzipped), everything ${consumer.allBundleKb.toFixed(0)} KB`);

const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--rss-child'], { encoding: 'utf8' });
const peakRssMb = Number(child.stdout);
const pageLimit = pageLimitFigures();
log(`generate of ${PAGE_LIMIT_PAGES} small pages: ${pageLimit.seconds.toFixed(1)} s, peak ${pageLimit.peakMb.toFixed(0)} MB`);

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
const report = {
  pipelineVsRemark: round(full / remark),
  irVsRemark: round(ir / remark),
  noopRegenerateVsFull: round(noop / fullFromDisk),
  oneChangeRegenerateVsFull: round(oneChange / fullFromDisk),
  validatorVsAjv: { valid: round(valid.ours / valid.ajv), invalid: round(invalid.ours / invalid.ajv) },
  validatorVsAjvClosed: { valid: round(valid.ours / valid.ajvClosed), invalid: round(invalid.ours / invalid.ajvClosed) },
  guardVsAjvBoolean: { valid: round(valid.guard / valid.ajvBoolean), invalid: round(invalid.guard / invalid.ajvBoolean) },
  validatorVsZod: { valid: round(valid.ours / valid.zod), invalid: round(invalid.ours / invalid.zod) },
  profilesPerSecond: Math.round(profilesPerSecond),
  mixedDocumentsPerSecond: Math.round(mixedDocumentsPerSecond),
  typecheckShare: round(1 - noCheck / full),
  peakRssMb: Math.round(peakRssMb),
  generateAtPageLimitSeconds: round(pageLimit.seconds, 1),
  generateAtPageLimitPeakMb: Math.round(pageLimit.peakMb),
  consumerTscVsBaseline: round(consumer.consumerTscVsBaseline),
  consumerTscOneObjectVsBaseline: round(consumer.consumerTscOneObjectVsBaseline),
  consumerTscProfileVsBaseline: round(consumer.consumerTscProfileVsBaseline),
  oneValidatorBundleKb: round(consumer.oneValidatorBundleKb, 1),
  profileBundleKb: round(consumer.profileBundleKb, 1),
  profileBundleGzipKb: round(consumer.profileBundleGzipKb, 1),
  allBundleKb: Math.round(consumer.allBundleKb),
  plistParseVsPlistJs: round(plist.plistParseVsPlistJs),
  plistBundleKb: round(plist.plistBundleKb, 1),
  context: { pages: pages.length, rounds: ROUNDS, payloads: payloadCounts, profiles: profileCount, xmlProfiles: plist.xmlProfiles, mixedDocuments: mixedDocumentCount, node: process.version },
};

if (json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const rows: Array<[string, string, string]> = [
    ['pipelineVsRemark', String(report.pipelineVsRemark), '≤ 2.0'],
    ['irVsRemark', String(report.irVsRemark), '≤ 1.15'],
    ['noopRegenerateVsFull', String(report.noopRegenerateVsFull), '≤ 0.05'],
    ['oneChangeRegenerateVsFull', String(report.oneChangeRegenerateVsFull), '≤ 0.15'],
    ['validatorVsAjv (valid / invalid)', `${report.validatorVsAjv.valid} / ${report.validatorVsAjv.invalid}`, '≥ 1.5'],
    ['validatorVsAjvClosed (valid / invalid)', `${report.validatorVsAjvClosed.valid} / ${report.validatorVsAjvClosed.invalid}`, '≥ 1.5'],
    ['guardVsAjvBoolean (valid / invalid)', `${report.guardVsAjvBoolean.valid} / ${report.guardVsAjvBoolean.invalid}`, ''],
    ['validatorVsZod (valid / invalid)', `${report.validatorVsZod.valid} / ${report.validatorVsZod.invalid}`, ''],
    ['profilesPerSecond', String(report.profilesPerSecond), ''],
    ['mixedDocumentsPerSecond', String(report.mixedDocumentsPerSecond), ''],
    ['typecheckShare', String(report.typecheckShare), ''],
    ['peakRssMb', String(report.peakRssMb), ''],
    ['generateAtPageLimitSeconds / PeakMb', `${report.generateAtPageLimitSeconds} / ${report.generateAtPageLimitPeakMb}`, '≤ 10 / ≤ 1024'],
    ['consumerTscVsBaseline', String(report.consumerTscVsBaseline), '≤ 1.3'],
    ['consumerTscOneObjectVsBaseline', String(report.consumerTscOneObjectVsBaseline), '≤ 1.1'],
    ['consumerTscProfileVsBaseline', String(report.consumerTscProfileVsBaseline), ''],
    ['oneValidatorBundleKb / allBundleKb', `${report.oneValidatorBundleKb} / ${report.allBundleKb}`, '≤ 50 for one'],
    ['profileBundleKb (gzipped)', `${report.profileBundleKb} (${report.profileBundleGzipKb})`, '≤ 250'],
    ['plistParseVsPlistJs', String(report.plistParseVsPlistJs), '≥ 2'],
    ['plistBundleKb', String(report.plistBundleKb), '≤ 15'],
  ];
  process.stdout.write(`| field | value | target |\n|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
}
