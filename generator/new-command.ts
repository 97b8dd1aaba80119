/**
 * `dmspec new PAYLOADTYPE… [--out FILE]` and `dmspec new REQUESTTYPE [--out FILE]`: a profile of
 * those payloads, or an MDM command, with each key its page requires (skeleton/), built and
 * validated by the package's own builders (`createProfile`, `createCommand`) and written as an
 * XML plist. What it writes passes `dmspec validate` as written; the values are placeholders of
 * the right type (the page's default where it states one) for the author to fill in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCommand, createProfile, DocumentError } from '@dmspec/apple';
import { toXmlPlist, type PlistValue } from './runtime/plist/index.js';
import type { IrDocument } from './model/ir.js';
import { didYouMean, nearNames } from './near-names.js';
import { SkeletonIndex } from './skeleton/skeleton.js';
import { UsageError, type CommandResult } from './command-result.js';
import type { CommandOptions } from './commands.js';

/** The identifier a new profile is given: the author's to change (its UUIDs follow from it). */
export const NEW_PROFILE_IDENTIFIER = 'com.example.profile';

let index: SkeletonIndex | undefined;

/** The IR the checked-in package was generated from (`@dmspec/apple/ir.json`), read once. */
function packageIndex(): SkeletonIndex {
  if (index) return index;
  const file = createRequire(import.meta.url).resolve('@dmspec/apple/ir.json');
  index = new SkeletonIndex(JSON.parse(readFileSync(file, 'utf8')) as IrDocument);
  return index;
}

/** The document `new` makes of `args`: a profile of payload types, or one command. Throws UsageError for names the spec does not define. */
export function newDocument(args: readonly string[], skeletons: SkeletonIndex = packageIndex()): { kind: 'profile' | 'command'; value: Record<string, unknown> } {
  if (args.length === 0) throw new UsageError('new takes the payload types of a profile (com.apple.wifi.managed …) or one request type (DeviceInformation)');
  const names = skeletons.names();
  for (const a of args) {
    if (skeletons.payload(a) || skeletons.command(a)) continue;
    throw new UsageError(`${JSON.stringify(a)} is no payload type or request type the spec defines${didYouMean(nearNames(a, [...names.payloadTypes, ...names.requestTypes]))}`);
  }
  const commands = args.filter((a) => skeletons.command(a));
  if (commands.length > 0) {
    if (args.length > 1) throw new UsageError('new makes one command, or one profile of payloads: not both, nor two commands');
    const page = skeletons.command(commands[0]!)!;
    const inner = skeletons.skeleton(page)['Command'];
    const fields: Record<string, unknown> = typeof inner === 'object' && inner !== null ? { ...inner } : {};
    delete fields['RequestType'];
    return { kind: 'command', value: (createCommand as (t: string, f: object) => Record<string, unknown>)(commands[0]!, fields) };
  }
  const build = createProfile as unknown as (i: object) => Record<string, unknown>;
  const profile = (content: object[]): Record<string, unknown> => build({ PayloadIdentifier: NEW_PROFILE_IDENTIFIER, PayloadDisplayName: 'New profile', PayloadContent: content });
  // Where pages share a payload type, the payload is the skeleton of the first page whose skeleton validates alone.
  const payloadOf = (t: string): object => {
    const drafts = skeletons.payloadPages(t).map((page) => ({ PayloadType: t, ...skeletons.skeleton(page, 0, false) }));
    return drafts.find((p) => {
      try {
        profile([p]);
        return true;
      } catch (e) {
        if (e instanceof DocumentError) return false;
        throw e;
      }
    }) ?? drafts[0]!;
  };
  return { kind: 'profile', value: profile(args.map(payloadOf)) };
}

export function newCommand(args: string[], o: CommandOptions): CommandResult {
  let made;
  try {
    made = newDocument(args);
  } catch (e) {
    // A page whose required keys no placeholder satisfies: say so rather than write a document that fails.
    if (e instanceof DocumentError) return { diagnostics: [], messages: [`error: the skeleton of ${args.join(' ')} ${e.message.replace(/^the (profile|\S+ command) /, '')}`], exitCode: 1 };
    throw e;
  }
  const text = toXmlPlist(made.value as PlistValue);
  const what = made.kind === 'profile' ? `a profile of ${args.join(', ')}` : `a ${args[0]} command`;
  if (o.out === undefined) return { diagnostics: [], messages: [], stdout: text, exitCode: 0 };
  // Never over a file: what is there may be the author's work.
  if (existsSync(o.out)) throw new UsageError(`${o.out} exists: new never replaces a file`);
  return { diagnostics: [], messages: [`wrote ${what} to ${o.out}`], outFile: o.out, outText: text, exitCode: 0 };
}
