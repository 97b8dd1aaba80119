/**
 * The keys of a payload whose page names a declarative replacement ("Deprecated: use the
 * declarative management `com.apple.configuration.intelligence.settings` configuration"), each
 * with whether a value carries over to that declaration, and to which key. It carries only what
 * the pages state: the key the sentence names, or else a key of the named declaration with the
 * same name (its first letter's case aside, as declarations capitalise keys), of the same scalar
 * type, allowing the same values, whose description states the same condition ("If `false`, …").
 * Anything else is listed with the reason it does not carry; nothing is matched by meaning.
 */
import { typeToString, type IrProperty, type IrType } from '../model/ir.js';
import { allProperties, type EmitModel, type EmitObject } from './emit-model.js';
import { documentKinds } from './document-kinds.js';
import { refsOf } from '../model/ir.js';
import { runtimeAvailability } from './validator-code.js';

/** One key with a declarative replacement, as the registry carries it. */
export interface ReplacementFact {
  /** The key's path in the payload: `allowGenmoji`, `Services.BluetoothAlways`. */
  path: string;
  declarationType: string;
  /** The page and line of the sentence naming the replacement. */
  source: string;
  /** The object of the declaration type; absent when the spec does not define the type. */
  declaration?: string;
  /** The key of the declaration the sentence names (`Privacy`), when it names one. */
  key?: string;
  /** The key of the declaration's `Payload` a value carries to. */
  carriesTo?: string;
  /** Why a value does not carry over, when it does not. */
  reason?: string;
  /** Where the declaration is available, as its page says (`exhaustive`: a platform it omits lacks it). */
  availability?: Record<string, { introduced?: string; removed?: string; availableThrough?: string; available?: boolean }>;
  exhaustive?: boolean;
}

const MAX_DEPTH = 8;

function isScalar(t: IrType): boolean {
  if (t.kind === 'array') return isScalar(t.items);
  return t.kind === 'string' || t.kind === 'integer' || t.kind === 'real' || t.kind === 'boolean';
}

/** "If `false`, …" / "If `true`, …": the condition a boolean key's description opens with. */
function condition(p: IrProperty): string | undefined {
  const m = /^If `(true|false)`/.exec(p.description.trim());
  return m ? m[1] : undefined;
}

function sameValues(a: IrProperty, b: IrProperty): boolean {
  if (!b.allowedValues) return true;
  const allowed = new Set(b.allowedValues.map((v) => JSON.stringify(v)));
  return a.allowedValues !== undefined && a.allowedValues.every((v) => allowed.has(JSON.stringify(v)));
}

/** Whether `p` carries to `target`'s key, and to which, or why not. */
function correspondence(p: IrProperty, named: string | undefined, target: EmitObject): Pick<ReplacementFact, 'carriesTo' | 'reason'> {
  const keys = allProperties(target);
  const name = named ?? p.name;
  const candidate = keys.find((k) => k.name === name) ?? (named === undefined ? keys.find((k) => k.name === name[0]!.toUpperCase() + name.slice(1)) : undefined);
  const what = target.ir.declarationType ?? target.ir.name;
  if (!candidate) {
    return { reason: named !== undefined ? `its page names the key ${named} of ${what}, which ${target.ir.name} does not have` : `${what} has no key of this name, and no page says which of its keys replaces this one` };
  }
  if (typeToString(candidate.type) !== typeToString(p.type) || !isScalar(p.type)) {
    return { reason: `${what}'s ${candidate.name} is ${typeToString(candidate.type)}, this key ${typeToString(p.type)}: no page says how one becomes the other` };
  }
  if (!sameValues(p, candidate)) return { reason: `${what}'s ${candidate.name} allows other values than this key` };
  const [mine, theirs] = [condition(p), condition(candidate)];
  if (mine !== undefined && theirs !== undefined && mine !== theirs) {
    return { reason: `${what}'s ${candidate.name} is described for \`${theirs}\` where this key is described for \`${mine}\`: the pages do not say they mean the same` };
  }
  return { carriesTo: candidate.name };
}

function walk(e: EmitObject, model: EmitModel, prefix: string, chain: ReadonlySet<string>, out: ReplacementFact[]): void {
  if (chain.has(e.ir.name) || chain.size > MAX_DEPTH) return;
  const inner = new Set([...chain, e.ir.name]);
  const declarations = new Map(documentKinds(model).declarations);
  for (const p of allProperties(e)) {
    const path = `${prefix}${p.name}`;
    const r = p.declarativeReplacement;
    if (r) {
      const fact: ReplacementFact = { path, declarationType: r.declarationType, source: `${p.source.file}:${p.factLines?.declarativeReplacement ?? p.source.line}` };
      if (r.key !== undefined) fact.key = r.key;
      const target = declarations.get(r.declarationType)?.[0];
      if (target) {
        fact.declaration = target.ir.name;
        Object.assign(fact, correspondence(p, r.key, target));
        if (target.ir.availability) {
          fact.availability = runtimeAvailability(target.ir.availability);
          if (target.ir.availabilityExhaustive) fact.exhaustive = true;
        }
      } else fact.reason = `the spec defines no declaration of type ${r.declarationType}`;
      out.push(fact);
    }
    // A replacement inside an array's items would need the item's place in the declaration: not followed.
    const [ref] = p.type.kind === 'ref' ? refsOf(p.type) : [];
    const child = ref === undefined ? undefined : model.byName.get(ref);
    if (child) walk(child, model, `${path}.`, inner, out);
  }
}

/** The keys with a declarative replacement under the objects of one payload type, by path. */
export function replacementFacts(list: readonly EmitObject[], model: EmitModel): ReplacementFact[] {
  const out: ReplacementFact[] = [];
  for (const e of list) walk(e, model, '', new Set(), out);
  const seen = new Set<string>();
  return out.filter((f) => !seen.has(f.path) && seen.add(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
