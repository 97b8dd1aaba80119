/**
 * A profile's payloads to the declarations that replace them, as far as the pages state it: each
 * key whose page names a declarative replacement and whose value carries to one of that
 * declaration's keys (the registry's `replacements`, see `emit/declarative-replacements.ts`) goes
 * into one configuration per payload and declaration type, and one activation activates them.
 * Every other key is listed with the reason it stays: its page names no replacement, the
 * replacement's page has no key the pages tie to it, the spec lacks the declaration type, or the
 * value is one a declaration's JSON cannot hold. Identifiers and server tokens are name-based
 * UUIDs: the same profile migrates to the same declarations, and a changed payload to a new token.
 */
import { isPlistReal, type PlistValue } from '../runtime/plist/index.js';
import { nameUuid } from '../runtime/uuid/name-uuid.js';
import type { ValidatorModule } from '../validate/compile-validators.js';
import type { ReplacementFactView } from '../validate/payload-facts.js';
import { asDict, stringAt, valueAt } from '../validate/document-kind.js';
import { payloadValues } from '../runtime/declarative/set-facts.js';

export interface MigratedDeclaration {
  Type: string;
  Identifier: string;
  ServerToken: string;
  Payload: Record<string, unknown>;
}

/** A key carried over: from the payload's path to the declaration's key. */
export interface CarriedKey {
  /** `PayloadContent[0].allowGenmoji`. */
  path: string;
  payloadType: string;
  declarationType: string;
  /** The declaration's `Identifier`. */
  identifier: string;
  to: string;
  /** The page and line naming the replacement. */
  source: string;
}

/** A key left in the profile, and why. */
export interface LeftKey {
  path: string;
  payloadType: string;
  reason: string;
  /** The replacement its page names, when it names one. */
  declarationType?: string;
  source?: string;
}

export interface Migration {
  /** The configurations, then the activation of them (none when nothing carries over). */
  declarations: MigratedDeclaration[];
  carried: CarriedKey[];
  left: LeftKey[];
}

export const ACTIVATION_TYPE = 'com.apple.activation.simple';

/** A value a declaration's JSON holds as it is: JSON's scalars, and arrays and dictionaries of them. */
function jsonValue(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(jsonValue);
  if (typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array) && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every(jsonValue);
  return false;
}

/** What a key holds in words, for a value that cannot go into JSON. */
function kindOf(v: unknown): string {
  return v instanceof Date ? 'a date' : v instanceof Uint8Array ? 'data' : isPlistReal(v) ? 'a real' : typeof v === 'bigint' ? 'an integer past 2^53' : 'a value';
}

const ENVELOPE = /^Payload[A-Z]/;

/**
 * The keys of `value` no replacement accounts for: each key, or, where replacements name keys
 * inside it (`Services.BluetoothAlways`), each of its own keys in turn.
 */
function uncovered(value: Record<string, unknown>, prefix: string, covered: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(value)) {
    const at = `${prefix}${key}`;
    if (covered.has(at)) continue;
    const inner = value[key];
    const deeper = [...covered].some((c) => c.startsWith(`${at}.`));
    if (deeper && typeof inner === 'object' && inner !== null && !Array.isArray(inner)) out.push(...uncovered(inner as Record<string, unknown>, `${at}.`, covered));
    else out.push(at);
  }
  return out;
}

/** Migrates one read profile's payloads, with the facts of `validators` (the checked-in package, or a spec's). */
export function migrateProfile(root: PlistValue, validators: ValidatorModule, name: string): Migration {
  const out: Migration = { declarations: [], carried: [], left: [] };
  const dict = asDict(root);
  if (dict === undefined) return out;
  const content = valueAt(dict, 'PayloadContent');
  const items = Array.isArray(content) ? content : [];
  const profileId = stringAt(dict, 'PayloadUUID') ?? stringAt(dict, 'PayloadIdentifier') ?? name;
  for (const [index, item] of items.entries()) {
    const prefix = `PayloadContent[${index}]`;
    const value = asDict(item);
    if (value === undefined) continue;
    const type = stringAt(value, 'PayloadType') ?? '';
    const facts = validators.payloadTypeFacts?.get(type);
    const replacements: readonly ReplacementFactView[] = facts?.replacements ?? [];
    const payloads = new Map<string, MigratedDeclaration>();
    /** Paths in the payload that a replacement fact accounts for. */
    const covered = new Set<string>();
    for (const r of replacements) {
      for (const [at, v] of payloadValues(value, r.path)) {
        covered.add(at);
        const path = `${prefix}.${at}`;
        const named = { declarationType: r.declarationType, source: r.source };
        if (r.carriesTo === undefined) {
          out.left.push({ path, payloadType: type, reason: r.reason ?? 'the pages do not say which key takes its value', ...named });
          continue;
        }
        if (!jsonValue(v)) {
          out.left.push({ path, payloadType: type, reason: `its value is ${kindOf(v)}, which the declaration's JSON does not hold as it is`, ...named });
          continue;
        }
        let d = payloads.get(r.declarationType);
        if (!d) {
          d = { Type: r.declarationType, Identifier: nameUuid(`${profileId}/${prefix}/${r.declarationType}`), ServerToken: '', Payload: {} };
          payloads.set(r.declarationType, d);
        }
        d.Payload[r.carriesTo] = v;
        out.carried.push({ path, payloadType: type, declarationType: r.declarationType, identifier: d.Identifier, to: r.carriesTo, source: r.source });
      }
    }
    const reasonFor = (at: string): string => (ENVELOPE.test(at) ? 'a key of the payload\'s envelope: a declaration has its own (Type, Identifier, ServerToken)'
      : facts === undefined ? 'the spec defines no payload of this type' : 'its page names no declarative replacement');
    for (const at of uncovered(value, '', covered)) out.left.push({ path: `${prefix}.${at}`, payloadType: type, reason: reasonFor(at) });
    for (const d of payloads.values()) {
      d.ServerToken = nameUuid(JSON.stringify([d.Type, d.Identifier, d.Payload]));
      out.declarations.push(d);
    }
  }
  if (out.declarations.length) {
    const Payload = { StandardConfigurations: out.declarations.map((d) => d.Identifier) };
    const Identifier = nameUuid(`${profileId}/activation`);
    out.declarations.push({ Type: ACTIVATION_TYPE, Identifier, ServerToken: nameUuid(JSON.stringify([ACTIVATION_TYPE, Identifier, Payload])), Payload });
  }
  return out;
}
