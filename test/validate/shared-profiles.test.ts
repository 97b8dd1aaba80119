/**
 * Every real profile in ../shared/profiles, validated with the checked-in validators and with
 * validators generated from Apple's latest pages. The findings are golden files reviewed by hand:
 * each line is a real mistake in a profile (see the README's list), never a false alarm.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { validateProfileBytes, validatorsFor, type FileReport, type ValidatorModule } from '../../generator/validate/index.js';
import { textReport, summarise } from '../../generator/validate/report.js';
import { corpusDir, describeWith, PROFILES, profileFiles } from '../helpers/corpus.js';
import { expectGolden } from '../helpers/golden.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/validate/shared-profiles');

async function validateAll(validators: ValidatorModule): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const f of profileFiles()) reports.push(await validateProfileBytes(relative(PROFILES, f), readFileSync(f), validators));
  return reports;
}

describeWith(PROFILES, 'the shared real-world profiles', () => {
  test('with the checked-in package (spec/): every file reads, every payload type Apple documents is checked', async () => {
    const { validators } = await validatorsFor();
    const reports = await validateAll(validators!);
    expect(reports.filter((r) => r.error)).toEqual([]);
    expect(reports.length).toBe(49);
    const unchecked = reports.flatMap((r) => r.payloads.filter((p) => !p.checked).map((p) => p.payloadType));
    // Neither is an Apple payload type: a screensaver ByHost preference domain and a third-party app's.
    expect(unchecked.sort()).toEqual(['com.apple.screensaver.ByHost', 'com.grahamgilbert.crypt']);
    expect(summarise(reports)).toMatchObject({ files: 49, unreadable: 0, errors: 0 });
    expectGolden(join(FIXTURES, 'checked-in.txt'), textReport(reports));
  });

  describeWith(corpusDir('changelog-2026-08-18'), 'against Apple\'s 2026-08-18 pages', () => {
    let reports: FileReport[];
    beforeAll(async () => {
      const { validators, diagnostics } = await validatorsFor({ spec: corpusDir('changelog-2026-08-18'), cacheDir: tempDir('cache') });
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      reports = await validateAll(validators!);
    }, 120_000);

    test('each standard payload is checked by the object of its payload type', () => {
      const checked = reports.flatMap((r) => r.payloads.filter((p) => p.checked).map((p) => `${p.payloadType} → ${p.object}`));
      expect(new Set(checked)).toEqual(new Set([
        'com.apple.ManagedClient.preferences → ManagedPreferences',
        'com.apple.applicationaccess → Restrictions',
        'com.apple.desktop → Desktop',
        'com.apple.finder → Finder',
        'com.apple.loginitems.managed → LoginItemsManagedItems',
        'com.apple.loginwindow → LoginWindow',
        'com.apple.MCX → TimeServer',
        'com.apple.SetupAssistant.managed → SetupAssistant',
        'com.apple.systempreferences → SystemPreferences',
      ]));
    });

    test('payload types the spec does not know are reported as not checked, not as errors', () => {
      const unchecked = reports.flatMap((r) => r.payloads.filter((p) => !p.checked).map((p) => p.payloadType));
      // Apple's pages have no com.apple.screensaver.ByHost (only .user) and no com.apple.systemuiserver.
      expect(unchecked.sort()).toEqual([
        'com.apple.applicationaccess.new', 'com.apple.screensaver.ByHost', 'com.apple.systemuiserver',
        'com.apple.systemuiserver', 'com.apple.systemuiserver', 'com.grahamgilbert.crypt',
      ]);
    });

    test('the exact findings, file by file', () => {
      expect(summarise(reports)).toMatchObject({ files: 49, unreadable: 0, errors: 0 });
      expectGolden(join(FIXTURES, 'changelog-2026-08-18.txt'), textReport(reports));
    });
  });
});

