/**
 * What the generated package costs a downstream project: `tsc --strict` of a small consumer that
 * imports `Profile`, `WiFi`, `Restrictions` and one validator, against the same project importing
 * nothing from the package (both `skipLibCheck: false`); and minified esbuild bundles of one
 * validator and of everything.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { createConsumer } from '../helpers/consumer.js';
import { median } from './measure.js';

const CONSUMER = `import type { Profile, Restrictions, WiFi } from '@dmspec/apple';
import { validateWiFi } from '@dmspec/apple/validators';
const wifi: WiFi = { PayloadType: 'com.apple.wifi.managed', PayloadIdentifier: 'w', PayloadUUID: 'u', PayloadVersion: 1, SSID_STR: 'Office' };
const restrictions: Restrictions = { PayloadType: 'com.apple.applicationaccess', PayloadIdentifier: 'r', PayloadUUID: 'v', PayloadVersion: 1 };
export const profile: Profile = { PayloadType: 'Configuration', PayloadIdentifier: 'p', PayloadUUID: 'x', PayloadVersion: 1, PayloadContent: [wifi, restrictions] };
export const valid: boolean = validateWiFi(wifi).valid;
`;
const BASELINE = `const wifi: { SSID_STR: string } = { SSID_STR: 'Office' };
export const valid: boolean = wifi.SSID_STR.length > 0;
`;

export interface ConsumerFigures {
  consumerTscVsBaseline: number;
  consumerTscMs: number;
  baselineTscMs: number;
  oneValidatorBundleKb: number;
  allBundleKb: number;
}

export function consumerFigures(rounds: number): ConsumerFigures {
  const consumer = createConsumer();
  try {
    consumer.write('consumer.ts', CONSUMER);
    consumer.write('baseline.ts', BASELINE);
    const time = (file: string): number => {
      const runs: number[] = [];
      for (let r = -1; r < rounds; r++) {
        const start = performance.now();
        const out = consumer.tsc('nodenext', [file]);
        if (out) throw new Error(`tsc ${file}: ${out}`);
        if (r >= 0) runs.push(performance.now() - start);
      }
      return median(runs);
    };
    const baselineTscMs = time('baseline.ts');
    const consumerTscMs = time('consumer.ts');
    consumer.write('one.mjs', "import { validateWiFi } from '@dmspec/apple/validators';\nconsole.log(validateWiFi({}).valid);\n");
    consumer.write('all.mjs', "import * as all from '@dmspec/apple';\nimport * as validators from '@dmspec/apple/validators';\nconsole.log(all, validators);\n");
    const bundle = (entry: string): number => {
      const r = buildSync({ entryPoints: [join(consumer.dir, entry)], bundle: true, minify: true, write: false, format: 'esm', platform: 'neutral', absWorkingDir: consumer.dir });
      return r.outputFiles[0]!.contents.length / 1024;
    };
    // The bundle must run: a tree-shaken validator that lost its helpers would throw here.
    if (spawnSync(process.execPath, ['one.mjs'], { cwd: consumer.dir, encoding: 'utf8' }).status !== 0) throw new Error('one.mjs does not run');
    return { consumerTscVsBaseline: consumerTscMs / baselineTscMs, consumerTscMs, baselineTscMs, oneValidatorBundleKb: bundle('one.mjs'), allBundleKb: bundle('all.mjs') };
  } finally {
    consumer.remove();
  }
}
