/**
 * What each declaration type's pages say about the declaration within a set, as the registry's
 * `declarationTypeFacts`: the keys of its `Payload` that hold identifiers of other declarations
 * (with the category and types they may name), that name status items, and that hold
 * predicates. Paths are relative to `Payload`: `IncomingServer.AuthenticationCredentialsAssetReference`,
 * `StandardConfigurations[]` (each item of an array), `ExtensionConfigs.*.Passwords[].AssetReference`
 * (`*`: any key of a free-form dictionary).
 */
import { declarationCategory } from '../model/declaration-types.js';
import { refsOf, type IrProperty } from '../model/ir.js';
import { allProperties, type EmitModel, type EmitObject } from './emit-model.js';

/** A key holding identifiers of declarations, as the registry carries it. */
export interface ReferenceFact {
  path: string;
  category: string;
  types?: string[];
  /** The page and line of the sentence that says what the key holds. */
  source: string;
}

export interface DeclarationFacts {
  category?: string;
  references?: ReferenceFact[];
  statusItems?: string[];
  predicates?: string[];
  /** Nested objects whose pages the spec lacks: what keys under them hold is not known. */
  missing?: string[];
  source?: string;
}

/** Nesting followed below a declaration's payload; Apple's deepest declaration is 6 levels. */
const MAX_DEPTH = 12;

interface Found {
  references: ReferenceFact[];
  statusItems: string[];
  predicates: string[];
}

function where(p: IrProperty, fact: 'declarationReference' | 'statusItemReference' | 'predicate'): string {
  return `${p.source.file}:${p.factLines?.[fact] ?? p.source.line}`;
}

function walk(e: EmitObject, model: EmitModel, prefix: string, chain: ReadonlySet<string>, found: Found): void {
  if (chain.has(e.ir.name) || chain.size > MAX_DEPTH) return;
  const inner = new Set([...chain, e.ir.name]);
  const keys = [...allProperties(e).map((p) => [p.name, p] as const), ...(e.wildcard ? [['*', e.wildcard] as const] : [])];
  for (const [name, p] of keys) {
    const path = `${prefix}${name}${p.type.kind === 'array' ? '[]' : ''}`;
    const ref = p.declarationReference;
    if (ref) found.references.push({ path, category: ref.category, ...(ref.types ? { types: ref.types } : {}), source: where(p, 'declarationReference') });
    if (p.statusItemReference) found.statusItems.push(path);
    if (p.predicate) found.predicates.push(path);
    const [target] = refsOf(p.type);
    const child = target === undefined ? undefined : model.byName.get(target);
    if (child) walk(child, model, `${path}.`, inner, found);
  }
}

/** The facts of one declaration type, from the objects that define it. */
export function declarationFacts(type: string, list: readonly EmitObject[], model: EmitModel, missing: readonly string[]): DeclarationFacts {
  const found: Found = { references: [], statusItems: [], predicates: [] };
  for (const e of list) walk(e, model, '', new Set(), found);
  const facts: DeclarationFacts = {};
  const category = declarationCategory(type);
  if (category) facts.category = category;
  const seen = new Set<string>();
  const references = found.references.filter((r) => !seen.has(r.path) && seen.add(r.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (references.length) facts.references = references;
  if (found.statusItems.length) facts.statusItems = [...new Set(found.statusItems)].sort();
  if (found.predicates.length) facts.predicates = [...new Set(found.predicates)].sort();
  if (missing.length) facts.missing = [...missing];
  if (list.length === 1) facts.source = `${list[0]!.ir.source.file}:${list[0]!.ir.source.line}`;
  return facts;
}
