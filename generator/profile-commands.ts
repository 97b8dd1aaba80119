/**
 * `dmspec sign` and `dmspec unsign`: a profile's bytes into a signed envelope and back. Like the
 * other commands they read files and return what to write and print; `cli-main.ts` does that.
 */
import { SignError, signProfile, unsignProfile } from './validate/sign-profile.js';
import { DEFAULT_PROFILE_LIMITS, ProfileReadError, readProfile } from './validate/read-profile.js';
import { isFileProblem, readRegularFile } from './validate/read-file.js';
import { UsageError, type CommandResult } from './command-result.js';
import type { CommandOptions } from './commands.js';

/** A PEM file given by an option, the user's own and writable by nobody else: a usage error when it cannot be read. */
function pemOption(option: string, file: string | undefined): string {
  if (file === undefined) throw new UsageError(`sign needs --${option} FILE`);
  // PEM files of a few certificates are kilobytes: a file past a megabyte is not one.
  const bytes = readRegularFile(file, { maxBytes: 1024 * 1024, private: true });
  if (isFileProblem(bytes)) throw new UsageError(`--${option} ${file}: ${bytes.message}`);
  return new TextDecoder().decode(bytes);
}

/**
 * The one FILE a command takes, read within the profile size limit. A file dmspec cannot read is
 * its own I/O problem (exit 2); one over the limit is an error of that file (exit 1).
 */
function inputFile(command: string, args: readonly string[]): { file: string; bytes: Uint8Array } | CommandResult {
  if (args.length !== 1) throw new UsageError(`${command} takes one profile FILE`);
  const file = args[0]!;
  const bytes = readRegularFile(file, { maxBytes: DEFAULT_PROFILE_LIMITS.maxBytes });
  if (!isFileProblem(bytes)) return { file, bytes };
  return { ...failed(file, bytes.message), exitCode: bytes.kind === 'io' ? 2 : 1 };
}

/** A file that cannot be used: one error line naming it, exit 1. */
function failed(file: string, why: string): CommandResult {
  return { diagnostics: [], messages: [`${file}: error ${why}`], exitCode: 1 };
}

/** The bytes to write: to `--out`, else to stdout (never a terminal: they are the profile's own). */
function output(bytes: Uint8Array, o: CommandOptions, messages: string[]): CommandResult {
  return o.out !== undefined
    ? { diagnostics: [], messages, outFile: o.out, outText: bytes, exitCode: 0 }
    : { diagnostics: [], messages, stdout: bytes, rawStdout: true, exitCode: 0 };
}

export async function signCommand(args: string[], o: CommandOptions): Promise<CommandResult> {
  const certificatesPem = pemOption('cert', o.cert);
  const keyPem = pemOption('key', o.key);
  const input = inputFile('sign', args);
  if (!('bytes' in input)) return input;
  const { file, bytes } = input;
  try {
    // Only a profile that can be read is signed: a device would refuse the envelope's content anyway.
    const read = await readProfile(bytes);
    if (read.signed) return failed(file, 'the profile is signed already: unsign it first (dmspec unsign)');
  } catch (e) {
    if (e instanceof ProfileReadError) return failed(file, e.message);
    throw e;
  }
  let signed: Uint8Array;
  try {
    signed = await signProfile({ content: bytes, certificatesPem, certificatesSource: o.cert!, keyPem, keySource: o.key! });
  } catch (e) {
    if (e instanceof SignError) throw new UsageError(e.message);
    throw e;
  }
  return output(signed, o, [`${file}: signed${o.out !== undefined ? `, written to ${o.out}` : ''} (${signed.length} bytes)`]);
}

export async function unsignCommand(args: string[], o: CommandOptions): Promise<CommandResult> {
  const input = inputFile('unsign', args);
  if (!('bytes' in input)) return input;
  const { file, bytes } = input;
  let opened;
  try {
    opened = await unsignProfile(bytes);
  } catch (e) {
    if (e instanceof SignError) return failed(file, e.message);
    throw e;
  }
  const { subject, signatureValid } = opened.signer;
  const by = subject ? `signed by ${JSON.stringify(subject)}` : 'the envelope names no signer certificate';
  const messages = [`${file}: info ${by} (signature ${signatureValid ? 'valid' : 'does not match the content'}); the profile's ${opened.content.length} bytes${o.out !== undefined ? ` written to ${o.out}` : ''}`];
  return output(opened.content, o, messages);
}
