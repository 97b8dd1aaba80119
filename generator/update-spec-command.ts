/**
 * `dmspec update-spec`: the update in the project where dmspec runs (its `package.json` and lock
 * file), and, without `--from`, the end of an update a killed process left.
 */
import { counts, UsageError, underSpec, type CommandResult } from './command-result.js';
import type { CommandOptions } from './commands.js';
import { existsSync } from 'node:fs';
import { CHECK_RECORD_DIR } from './pipeline.js';
import { readPackageInfo } from './project-config.js';
import { recoverUpdate, updatePending, UpdateJournalError, type Recovery } from './update-journal.js';
import { updateSpec, UpdateSpecError } from './update-spec.js';

function recoveryLine(specDir: string, r: Recovery): string {
  return r.outcome === 'finished'
    ? `finished the update of ${specDir}/ to ${r.label} that was interrupted`
    : `undid an update of ${specDir}/${r.label ? ` to ${r.label}` : ''} that was interrupted before it changed anything`;
}

export function updateSpecCommand(args: string[], o: CommandOptions): CommandResult {
  if (args.length) throw new UsageError(`unexpected argument ${args[0]}`);
  const specDir = o.spec ?? 'spec';
  if (!o.from) {
    // Without --from, the one thing to do is an update a killed process left.
    const recovered = updatePending(specDir) ? recoverSpecUpdate(specDir) : undefined;
    if (!recovered) throw new UsageError('update-spec needs --from DIR (a folder of pages or a mirror checkout)');
    return { diagnostics: [], messages: [recoveryLine(specDir, recovered), ...recovered.notes], exitCode: 0 };
  }
  let r;
  try {
    r = updateSpec({
      from: o.from, specDir, outDir: o.out ?? 'generated', reportsDir: o.reports ?? 'reports', projectDir: '.',
      package: readPackageInfo('.'), ...(o.label !== undefined ? { label: o.label } : {}), ...(o.force ? { force: true } : {}),
      // The record generate keeps: a check of these exact inputs that passed is not run again.
      ...(existsSync('node_modules') ? { checkRecordDir: CHECK_RECORD_DIR } : {}),
    });
  } catch (e) {
    if (e instanceof UpdateSpecError) throw new UsageError(e.message);
    throw e;
  }
  const diagnostics = underSpec(o.from, r.diagnostics);
  const before = r.recovered ? [recoveryLine(specDir, r.recovered), ...r.recovered.notes] : [];
  if (!r.updated || !r.package || !r.previous || !r.report || !r.versions) {
    return { diagnostics, messages: [...before, `${specDir}/ and the output left as they were: generation raised errors (${counts(r.diagnostics)})`], exitCode: 2 };
  }
  const s = r.report.summary;
  return {
    diagnostics,
    messages: [
      ...before,
      `${specDir}/ now holds the pages of ${o.from}: ${r.versions.old} → ${r.versions.new}; ${r.package.name} ${r.previous.version} → ${r.package.version} (${r.bump} bump)`,
      `${s.breaking} breaking, ${s.additive} additive, ${s.informational} informational, ${s.descriptionOnly} description-only changes: ${r.reportFiles?.join(', ')}`,
      ...(r.notes ?? []),
    ],
    jsonReport: { bump: r.bump, package: r.package, versions: r.versions, summary: s, reports: r.reportFiles, diagnostics: r.diagnostics },
    exitCode: s.breaking > 0 ? 1 : 0,
  };
}

/** Finishes or undoes an interrupted update; its refusal (a journal not ours) is a usage error naming it. */
function recoverSpecUpdate(specDir: string): Recovery | undefined {
  try {
    return recoverUpdate(specDir);
  } catch (e) {
    if (e instanceof UpdateJournalError) throw new UsageError(e.message);
    throw e;
  }
}
