/**
 * What the generated package costs a downstream project: `tsc --strict` of a small consumer that
 * imports `Profile`, `WiFi`, `Restrictions` and one validator from the package's entries, of one
 * that imports one object's type and validator from their own modules (`types/WiFi`,
 * `validators/WiFi`), and of one that imports `Profile` alone from `types/Profile`, each against
 * the same project importing nothing from the package (all `skipLibCheck: false`), in
 * interleaved rounds; and minified esbuild bundles of one validator, of `validateProfile` (as a
 * profile editor ships it to a browser; also gzipped) and of everything.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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
const ONE_OBJECT = `import type { WiFi } from '@dmspec/apple/types/WiFi';
import { validateWiFi } from '@dmspec/apple/validators/WiFi';
const wifi: WiFi = { PayloadType: 'com.apple.wifi.managed', PayloadIdentifier: 'w', PayloadUUID: 'u', PayloadVersion: 1, SSID_STR: 'Office' };
export const valid: boolean = validateWiFi(wifi).valid;
`;
const PROFILE = `import type { Profile } from '@dmspec/apple/types/Profile';
export const profile: Profile = { PayloadType: 'Configuration', PayloadIdentifier: 'p', PayloadUUID: 'x', PayloadVersion: 1, PayloadContent: [] };
`;
const BASELINE = `const wifi: { SSID_STR: string } = { SSID_STR: 'Office' };
export const valid: boolean = wifi.SSID_STR.length > 0;
`;

export interface ConsumerFigures {
  consumerTscVsBaseline: number;
  consumerTscOneObjectVsBaseline: number;
  consumerTscProfileVsBaseline: number;
  consumerTscMs: number;
  oneObjectTscMs: number;
  profileTscMs: number;
  baselineTscMs: number;
  oneValidatorBundleKb: number;
  profileBundleKb: number;
  profileBundleGzipKb: number;
  allBundleKb: number;
}

export function consumerFigures(rounds: number): ConsumerFigures {
  const consumer = createConsumer();
  try {
    consumer.write('consumer.ts', CONSUMER);
    consumer.write('one-object.ts', ONE_OBJECT);
    consumer.write('profile.ts', PROFILE);
    consumer.write('baseline.ts', BASELINE);
    // Rounds alternate between the projects, so each sees the same machine load.
    const files = ['baseline.ts', 'one-object.ts', 'profile.ts', 'consumer.ts'] as const;
    const runs = new Map<string, number[]>(files.map((f) => [f, []]));
    for (let r = -1; r < rounds; r++) {
      for (const file of files) {
        const start = performance.now();
        const out = consumer.tsc('nodenext', [file]);
        if (out) throw new Error(`tsc ${file}: ${out}`);
        if (r >= 0) runs.get(file)!.push(performance.now() - start);
      }
    }
    const [baselineTscMs, oneObjectTscMs, profileTscMs, consumerTscMs] = files.map((f) => median(runs.get(f)!)) as [number, number, number, number];
    consumer.write('one.mjs', "import { validateWiFi } from '@dmspec/apple/validators';\nconsole.log(validateWiFi({}).valid);\n");
    consumer.write('all.mjs', "import * as all from '@dmspec/apple';\nimport * as validators from '@dmspec/apple/validators';\nconsole.log(all, validators);\n");
    consumer.write('profile.mjs', "import { validateProfile } from '@dmspec/apple';\nconsole.log(validateProfile({}).valid);\n");
    const bundled = (entry: string): Uint8Array => buildSync({ entryPoints: [join(consumer.dir, entry)], bundle: true, minify: true, write: false, format: 'esm', platform: 'browser', absWorkingDir: consumer.dir, logLevel: 'silent' }).outputFiles[0]!.contents;
    const bundle = (entry: string): number => bundled(entry).length / 1024;
    // The bundle must run: a tree-shaken validator that lost its helpers would throw here.
    for (const entry of ['one.mjs', 'profile.mjs']) {
      if (spawnSync(process.execPath, [entry], { cwd: consumer.dir, encoding: 'utf8' }).status !== 0) throw new Error(`${entry} does not run`);
    }
    return {
      consumerTscVsBaseline: consumerTscMs / baselineTscMs, consumerTscOneObjectVsBaseline: oneObjectTscMs / baselineTscMs, consumerTscProfileVsBaseline: profileTscMs / baselineTscMs,
      consumerTscMs, oneObjectTscMs, profileTscMs, baselineTscMs, oneValidatorBundleKb: bundle('one.mjs'),
      profileBundleKb: bundle('profile.mjs'), profileBundleGzipKb: gzipSync(bundled('profile.mjs')).length / 1024, allBundleKb: bundle('all.mjs'),
    };
  } finally {
    consumer.remove();
  }
}
