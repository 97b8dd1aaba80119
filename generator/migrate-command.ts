/**
 * `dmspec migrate FILE [--out DIR] [--json]`: a profile to the declarations that replace its
 * keys as far as the pages state it (`migrate/`), the report of what carried and what stayed,
 * and the declarations printed or written. Prints nothing itself: `cli-main.ts` does.
 */
import { UsageError, underSpec, type CommandResult } from './command-result.js';
import type { CommandOptions } from './commands.js';
import { MigrateWriteError, migrateFile, migrationLines, writeDeclarations } from './migrate/index.js';
import { escapeJsonText } from './terminal-text.js';
import { validatorsFor } from './validate/index.js';
import { jsonValidationReport, plural, validationExitCode } from './validate/report.js';

export async function migrateCommand(args: string[], o: CommandOptions): Promise<CommandResult> {
  if (args.length !== 1) throw new UsageError('migrate takes one profile FILE');
  const loaded = await validatorsFor(o.spec !== undefined ? { spec: o.spec } : {});
  const diagnostics = o.spec !== undefined ? underSpec(o.spec, loaded.diagnostics).filter((d) => d.severity === 'error') : [];
  if (!loaded.validators) return { diagnostics, messages: [`cannot migrate: the spec ${o.spec ?? ''} has errors`], exitCode: 2 };
  const r = await migrateFile(args[0]!, loaded.validators);
  if (r.error !== undefined) return { diagnostics, messages: migrationLines(r), exitCode: 2 };
  // The migrated set's check decides: an error finding in it is exit 1, as validate would say.
  const exitCode = r.check ? validationExitCode([r.check]) : 0;
  if (o.json) {
    const json = { file: r.file, declarations: r.declarations, carried: r.carried, left: r.left, ...(r.check ? { check: jsonValidationReport([r.check]) } : {}) };
    return { diagnostics, messages: [], stdout: `${escapeJsonText(JSON.stringify(json, null, 2))}\n`, exitCode };
  }
  const messages = migrationLines(r);
  if (o.out === undefined) return { diagnostics, messages, stdout: `${escapeJsonText(JSON.stringify(r.declarations, null, 2))}\n`, exitCode };
  try {
    const written = writeDeclarations(o.out, r.declarations);
    messages.push(written.length ? `wrote ${plural(written.length, 'declaration')} to ${o.out}: ${written.join(', ')}` : `wrote nothing to ${o.out}: no key carried over`);
  } catch (e) {
    if (e instanceof MigrateWriteError) return { diagnostics, messages: [...messages, `error: ${e.message}`], exitCode: 2 };
    throw e;
  }
  return { diagnostics, messages, exitCode };
}
