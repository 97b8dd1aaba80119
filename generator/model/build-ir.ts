/**
 * Pages to one IR document: objects sorted by name, duplicates reported, kinds made consistent
 * across flavours, and references resolved across the whole spec directory.
 */
import type { SupplementInfo } from '../parse/flavour.js';
import type { PageResult } from '../parse/parse-page.js';
import { cmp, compareDiagnostics, type Diagnostic } from './diagnostics.js';
import { applyErrata } from './errata.js';
import { fuseSupplements, type SupplementObjects } from './fuse-supplement.js';
import { markPlaceholderKeys } from './placeholder-keys.js';
import { IR_VERSION, isDefinition, refsOf, type IrDocument, type IrObject } from './ir.js';
import { resolveDeclarationTypes } from './declaration-types.js';
import { checkReferenceDepth } from './reference-depth.js';
import { STATUS_ITEMS, statusItemsObjects } from './status-items.js';

/** The parsed pages of one supplement of the spec folder. */
export interface SupplementPages {
  info: SupplementInfo;
  pages: readonly PageResult[];
}

/**
 * The IR of the primary pages, with the facts they do not state filled in from the
 * supplements' pages of the same objects (see `fuse-supplement.ts`).
 */
export function buildIr(pages: readonly PageResult[], supplements: readonly SupplementPages[] = []): IrDocument {
  const diagnostics: Diagnostic[] = [...pages, ...supplements.flatMap((s) => s.pages)].flatMap((p) => p.diagnostics);
  // Shallow copies: the kinds set below must not reach page results a cache may hand out again.
  const candidates = pages.flatMap((p) => (p.object ? [{ ...p.object }] : []));
  candidates.sort((a, b) => cmp(a.name, b.name) || cmp(a.source.file, b.source.file));

  let objects: IrObject[] = [];
  const definitions = new Map<string, IrObject>();
  for (const o of candidates) {
    if (!isDefinition(o)) {
      objects.push(o);
      continue;
    }
    const first = definitions.get(o.name);
    if (first) {
      diagnostics.push({
        severity: 'warning', code: 'duplicate-object', file: o.source.file, line: o.source.line,
        message: `${o.name} is defined again here; the definition in ${first.source.file} is kept`,
      });
      continue;
    }
    definitions.set(o.name, o);
    objects.push(o);
  }
  inheritRootKinds(definitions);
  const composed = composeStatusItems(objects, definitions);
  diagnostics.push(...resolveReferences(definitions));
  if (supplements.length) diagnostics.push(...fuseSupplements([...definitions.values()], supplements.map(supplementObjects)).diagnostics);
  // After the supplements: a key they add may hold declaration references too.
  diagnostics.push(...resolveDeclarationTypes(definitions));
  markPlaceholderKeys([...definitions.values()], definitions);
  applyErrata([...definitions.values()]);
  // Last: composing, the supplements and placeholder keys all add references.
  diagnostics.push(...checkReferenceDepth(definitions));
  objects = objects.map((o) => (isDefinition(o) ? definitions.get(o.name) ?? o : o));
  // The empty page now has keys: the note calling it "not an object" no longer holds.
  const kept = composed ? [...diagnostics.filter((d) => !(d.code === 'not-an-object' && d.file === composed.file)), ...composed.diagnostics] : diagnostics;
  kept.sort(compareDiagnostics);
  if (composed) objects.sort((a, b) => cmp(a.name, b.name) || cmp(a.source.file, b.source.file));
  return { irVersion: IR_VERSION, objects, diagnostics: kept };
}

/**
 * A status report's `StatusItems` page lists no keys: the dictionary is composed from the
 * status-item pages (`status-items.ts`) and takes the empty page's place. Returns that page's
 * file when it did, and what composing found.
 */
function composeStatusItems(objects: IrObject[], definitions: Map<string, IrObject>): { file: string; diagnostics: Diagnostic[] } | undefined {
  if (definitions.has(STATUS_ITEMS)) return undefined;
  const at = objects.findIndex((o) => o.name === STATUS_ITEMS);
  const page = at === -1 ? undefined : objects[at];
  // Only a spec that has the report composes its dictionary: a folder of item pages alone does not grow one.
  const referred = [...definitions.values()].some((o) => o.properties.some((p) => refsOf(p.type).includes(STATUS_ITEMS)));
  if (page === undefined && !referred) return undefined;
  const { objects: composed, diagnostics } = statusItemsObjects(definitions, page);
  if (!composed.length) return undefined;
  if (at !== -1) objects.splice(at, 1);
  for (const o of composed) {
    objects.push(o);
    definitions.set(o.name, o);
  }
  return { file: page?.source.file ?? '', diagnostics };
}

/** A supplement's definitions by name (the first of a name), kinds made consistent as the primary's are. */
function supplementObjects(s: SupplementPages): SupplementObjects {
  const byName = new Map<string, IrObject>();
  const candidates = s.pages.flatMap((p) => (p.object && isDefinition(p.object) ? [{ ...p.object }] : []));
  candidates.sort((a, b) => cmp(a.name, b.name) || cmp(a.source.file, b.source.file));
  for (const o of candidates) if (!byName.has(o.name)) byName.set(o.name, o);
  inheritRootKinds(byName);
  return { info: s.info, objects: byName };
}

/**
 * `VPN.IKEv2` belongs to the `VPN` profile whether or not its own page says so: a nested object
 * whose page gives no role takes its root's kind, so flavours agree.
 */
function inheritRootKinds(definitions: ReadonlyMap<string, IrObject>): void {
  for (const o of definitions.values()) {
    if (o.kind !== 'object' || !o.name.includes('.')) continue;
    const root = definitions.get(o.name.slice(0, o.name.indexOf('.')));
    if (root && (root.kind === 'profile' || root.kind === 'command' || root.kind === 'declaration')) o.kind = root.kind;
  }
}

/** Every ref and `inherits` name must name a definition; those that do not stay, with a warning. */
function resolveReferences(definitions: ReadonlyMap<string, IrObject>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const o of definitions.values()) {
    for (const p of o.properties) {
      for (const name of refsOf(p.type)) {
        if (!definitions.has(name)) {
          out.push({
            severity: 'warning', code: 'unresolved-ref', file: p.source.file, line: p.factLines?.type ?? p.source.line,
            message: `${o.name}.${p.name} refers to ${name}, which is not in the spec`,
          });
        }
      }
    }
    for (const name of o.inherits ?? []) {
      if (!definitions.has(name)) {
        out.push({
          severity: 'warning', code: 'unresolved-inherits', file: o.source.file, line: o.source.line,
          message: `${o.name} inherits the keys of ${name}, which is not in the spec`,
        });
      }
    }
  }
  return out;
}
