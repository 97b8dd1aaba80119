/**
 * Declarations checked as the set a server deploys, with what the pages state about each type
 * (`declarationTypeFacts`: the keys that hold identifiers, status item names and predicates):
 *
 * - an `Identifier` used twice is an error: the device keys declarations by it ("the primary key
 *   used to match the set of declarations sent by the service"), so the set cannot hold both;
 * - a reference to no declaration of the set is an error (the device fails the declaration with
 *   `Error.MissingConfigurations` or `Error.MissingAssets`), and so is one to a declaration of
 *   another category or of a type the page does not allow;
 * - a predicate that is not predicate syntax is an error at its offset ("a string value that
 *   doesn't conform to the predicate syntax is an error, and the activation isn't activated");
 * - a configuration no activation names, and an asset no configuration names, are warnings: the
 *   device keeps them and does nothing with them (`Info.NotReferencedByActivation`,
 *   `Info.NotReferencedByConfiguration`) — said only of a set that has activations (configurations);
 * - a status item, extension term or management property that the spec or the set does not
 *   define is a warning: a newer device may know the item.
 *
 * Reasons are Apple's reason codes (DeclarationBase) and the declarative data model's page.
 * Where a declaration's type is unknown, or its pages are missing, what it may reference is not
 * known, and nothing is said about declarations it might have referenced. `dmspec validate` and
 * the package's set builder both check sets here.
 */
import { predicateIssues } from './predicate-check.js';
import type { SetFinding, SetFindingCode } from './set-codes.js';
import { payloadValues, type DeclarationFactsView, type ReferenceFactView } from './set-facts.js';

/** What set checks read from the generated registry; every part is optional (older validators lack them). */
export interface SetRegistry {
  readonly declarationTypeFacts?: ReadonlyMap<string, DeclarationFactsView>;
  /** The status items the spec defines (its keys); absent: status items are not checked. */
  readonly objectsByStatusItem?: ReadonlyMap<string, unknown>;
}

export interface SetCheckOptions {
  /** How a declaration is named in messages (`dir/a.json`, `set.json[3]`); `[index]` unless given. */
  where?: (index: number) => string;
}

interface Entry {
  index: number;
  type: string;
  identifier?: string;
  token?: string;
  payload: Record<string, unknown> | undefined;
  facts: DeclarationFactsView | undefined;
  /** The category its type names (`com.apple.asset.…`), else undefined. */
  category: string | undefined;
  where: string;
  referencedBy: Entry[];
  /** Another declaration of the set has its Identifier (and is the one references reach). */
  duplicate?: true;
}

/** The declaration type whose keys `@property(…)` reads. */
export const MANAGEMENT_PROPERTIES = 'com.apple.management.properties';

const MISSING_REASON: Record<string, string> = {
  configuration: 'Error.MissingConfigurations',
  asset: 'Error.MissingAssets',
};

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(v: Record<string, unknown>, k: string): string | undefined {
  const x = own(v, k) ? v[k] : undefined;
  return typeof x === 'string' ? x : undefined;
}

/** `activation`, `asset`, `configuration` or `management` for a type of Apple's, else undefined. */
export function declarationCategory(type: string): string | undefined {
  const m = /^com\.apple\.(activation|asset|configuration|management)\./.exec(type);
  return m ? m[1] : undefined;
}

function entry(value: unknown, index: number, registry: SetRegistry, where: string): Entry | undefined {
  if (!isDict(value)) return undefined;
  const type = str(value, 'Type') ?? '';
  const payload = own(value, 'Payload') && isDict(value['Payload']) ? value['Payload'] : undefined;
  const e: Entry = { index, type, payload, facts: registry.declarationTypeFacts?.get(type), category: declarationCategory(type), where, referencedBy: [] };
  const identifier = str(value, 'Identifier');
  if (identifier !== undefined) e.identifier = identifier;
  const token = str(value, 'ServerToken');
  if (token !== undefined) e.token = token;
  return e;
}

/** A declaration whose references are all known: its type has facts and no page it needs is missing. */
function referencesKnown(e: Entry): boolean {
  return e.facts !== undefined && !(e.facts.missing?.length);
}

/** The findings of a set of declarations (any values: what is no dictionary is skipped), in the order found. */
export function checkDeclarationSet(declarations: readonly unknown[], registry: SetRegistry, options: SetCheckOptions = {}): SetFinding[] {
  const out: SetFinding[] = [];
  const add = (e: Entry, path: string, code: SetFindingCode, severity: SetFinding['severity'], message: string, extra: Partial<SetFinding> = {}): void => {
    out.push({ index: e.index, path, code, severity, message, ...extra });
  };
  const where = options.where ?? ((i: number) => `[${i}]`);
  const entries = declarations.flatMap((d, i) => entry(d, i, registry, where(i)) ?? []);
  const byId = new Map<string, Entry>();
  for (const e of entries) {
    if (e.identifier === undefined) continue;
    const first = byId.get(e.identifier);
    if (first === undefined) {
      byId.set(e.identifier, e);
      continue;
    }
    e.duplicate = true;
    const tokens = first.token !== undefined && e.token !== undefined ? ` (ServerToken ${JSON.stringify(first.token)} there, ${JSON.stringify(e.token)} here)` : '';
    add(e, 'Identifier', 'duplicate-declaration', 'error', `Identifier ${JSON.stringify(e.identifier)} is also the identifier of ${first.where}${tokens}: the device keys declarations by Identifier, so the set cannot hold both`, { actual: e.identifier });
  }
  const reference = (e: Entry, ref: ReferenceFactView, path: string, id: string): void => {
    const target = byId.get(id);
    if (target === undefined) {
      const reason = MISSING_REASON[ref.category];
      add(e, path, 'dangling-declaration-reference', 'error', `names the ${ref.category} ${JSON.stringify(id)}, which no declaration of the set has${reason ? ` (the device reports ${reason})` : ''}`, { actual: id });
      return;
    }
    target.referencedBy.push(e);
    if (target.category !== undefined && target.category !== ref.category) {
      add(e, path, 'reference-wrong-kind', 'error', `names ${JSON.stringify(id)}, a ${target.category} (${target.type} in ${target.where}), where its page (${ref.source}) asks for a ${ref.category}`, { expected: ref.category, actual: target.type });
    } else if (ref.types && target.category !== undefined && !ref.types.includes(target.type)) {
      add(e, path, 'reference-wrong-kind', 'error', `names ${JSON.stringify(id)}, a ${target.type} (in ${target.where}), where its page (${ref.source}) asks for ${ref.types.join(' or ')}`, { expected: ref.types, actual: target.type });
    }
  };
  const statusItems = registry.objectsByStatusItem ? new Set(registry.objectsByStatusItem.keys()) : undefined;
  const properties = managementProperties(entries);
  for (const e of entries) {
    if (!e.facts || !e.payload) continue;
    for (const ref of e.facts.references ?? []) {
      for (const [path, value] of payloadValues(e.payload, ref.path)) if (typeof value === 'string') reference(e, ref, `Payload.${path}`, value);
    }
    for (const at of e.facts.predicates ?? []) {
      for (const [path, value] of payloadValues(e.payload, at)) {
        if (typeof value === 'string') for (const f of predicateIssues(value, statusItems, properties)) add(e, `Payload.${path}`, f.code, f.severity, f.message, { offset: f.offset, actual: value });
      }
    }
    if (statusItems) {
      for (const at of e.facts.statusItems ?? []) {
        for (const [path, value] of payloadValues(e.payload, at)) {
          if (typeof value === 'string' && !statusItems.has(value)) add(e, `Payload.${path}`, 'unknown-status-item', 'warning', `${JSON.stringify(value)} is no status item the spec defines: the device reports nothing for it unless it knows the item`, { actual: value });
        }
      }
    }
  }
  unreferenced(entries, add);
  return out;
}

type Add = (e: Entry, path: string, code: SetFindingCode, severity: SetFinding['severity'], message: string) => void;

/** Configurations no activation names, assets no configuration names: said only when every possible referrer is known. */
function unreferenced(entries: readonly Entry[], add: Add): void {
  // A declaration of a type outside com.apple. is none the device activates or reads assets for.
  // A folder without any activation (or configuration) is a folder of loose declarations, not a
  // set meant to be whole: nothing is said of what it does not activate.
  const known = (category: string): boolean => entries.some((e) => e.category === category) && entries.every((e) => e.category !== category || referencesKnown(e));
  const activationsKnown = known('activation');
  const configurationsKnown = known('configuration');
  for (const e of entries) {
    if (e.identifier === undefined || e.duplicate) continue;
    if (e.category === 'configuration' && activationsKnown && !e.referencedBy.some((r) => r.category === 'activation')) {
      add(e, 'Identifier', 'not-activated', 'warning', 'no activation of the set names this configuration: the device keeps it but does not apply it (Info.NotReferencedByActivation)');
    } else if (e.category === 'asset' && configurationsKnown && !e.referencedBy.some((r) => r.category === 'configuration')) {
      add(e, 'Identifier', 'not-activated', 'warning', 'no configuration of the set references this asset: the device keeps it but does not use it (Info.NotReferencedByConfiguration)');
    }
  }
}

/** The keys the set's management properties declarations define, which `@property(…)` reads. */
function managementProperties(entries: readonly Entry[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.type === MANAGEMENT_PROPERTIES && e.payload ? Object.keys(e.payload) : [])));
}
