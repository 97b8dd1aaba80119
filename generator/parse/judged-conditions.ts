/**
 * Which requirements on another key's value validators judge. "Required if `FilterSockets` is
 * `true`" reads exactly, but `FilterSockets` itself counts only where its page says so elsewhere
 * ("Use when `FilterType` is `Plugin`"): Apple's own WebContentFilter example sets
 * `FilterSockets` with `FilterType` `BuiltIn` and no provider, and on iOS a plug-in filter names
 * its provider by `PluginBundleID`. So a condition is judged only where it is unambiguous:
 *
 * - the condition key's prose names no other key of the dictionary than the keys whose
 *   requirement depends on it (`PageType` may name `HomepageURL`, which it makes required);
 * - the requirement's own sentences name no key but the key itself and its condition keys;
 * - every value the condition names is a string or a boolean (compared exactly, as devices read them).
 *
 * Otherwise the condition stays stated (types, docs) and `unjudged` says why. Leaving a
 * condition unjudged only ever judges less: never a finding the page does not support.
 */
import type { IrObject, IrProperty, RequiredCondition } from '../model/ir.js';
import type { StatedRequirement } from './required-when.js';

type KeyCondition = Extract<RequiredCondition, { kind: 'key' }>;

/** The backticked names in `text` that are keys of the object. */
function mentions(text: string, keys: ReadonlyMap<string, IrProperty>): string[] {
  return [...new Set([...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!))].filter((name) => keys.has(name));
}

/** The keys whose requirement depends on `key`: the ones its prose may name without being conditioned by them. */
function dependents(key: string, o: IrObject): Set<string> {
  return new Set(o.properties.filter((q) => q.requiredWhen?.some((c) => (c.kind === 'key' || c.kind === 'absent') && c.key === key)).map((q) => q.name));
}

/** Why `c` (a condition of `p`) cannot be judged, or undefined when it can. */
function unjudgedReason(c: KeyCondition, p: IrProperty, o: IrObject, keys: ReadonlyMap<string, IrProperty>, sentences: readonly StatedRequirement[]): string | undefined {
  const condition = keys.get(c.key);
  if (!condition) return `${c.key} is not a key of this dictionary`;
  const allowed = new Set([c.key, p.name, ...dependents(c.key, o)]);
  const other = mentions(condition.description ?? '', keys).find((name) => !allowed.has(name));
  if (other !== undefined) return `the description of ${c.key} names ${other}: when ${c.key} counts may depend on it`;
  const own = new Set([p.name, ...(p.requiredWhen ?? []).flatMap((q) => (q.kind === 'key' || q.kind === 'absent' ? [q.key] : []))]);
  for (const s of sentences) {
    const third = mentions(s.text, keys).find((name) => !own.has(name));
    if (third !== undefined) return `the requirement of ${p.name} (line ${s.line}) also names ${third}`;
  }
  if (c.values?.some((v) => typeof v !== 'string' && typeof v !== 'boolean')) return `a value of ${c.key} that is not a string or a boolean`;
  return undefined;
}

/**
 * Marks each condition of `o`'s keys on another key's value that validators cannot judge with
 * `unjudged` (the reason); `requirements` are each key's requirement sentences.
 */
export function markJudgedConditions(o: IrObject, requirements: ReadonlyMap<IrProperty, readonly StatedRequirement[]>): void {
  const keys = new Map(o.properties.map((p) => [p.name, p]));
  for (const p of o.properties) {
    for (const c of p.requiredWhen ?? []) {
      if (c.kind !== 'key') continue;
      const why = unjudgedReason(c, p, o, keys, requirements.get(p) ?? []);
      if (why !== undefined) c.unjudged = why;
    }
  }
}
