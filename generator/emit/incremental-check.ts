/**
 * Type-checking only what changed. A full check of the generated TypeScript proves every
 * object's code; afterwards an object whose inputs are unchanged generates the same code, so a
 * regeneration checks just the changed objects (with their ancestors and descendants, whose
 * `extends` clauses meet theirs), rendered alone by the same templates, next to stub
 * declarations for every other identifier. Stubs keep name clashes visible: a changed object that
 * took another's identifier would be declared twice.
 */
import type { CompiledModules } from './compile-output.js';
import { createHash } from 'node:crypto';
import { withAncestors, type EmitModel, type EmitObject } from './emit-model.js';

/**
 * Kept between runs by the caller: what the last successful check covered, and each object's
 * schema and doc page with the key they were rendered under.
 */
export interface EmitCache {
  verified?: { key: string; hashes: Map<string, string> };
  pages: Map<string, { key: string; schema: string; doc: string }>;
  /** Each module's last source and what it compiled to: an unchanged module is not compiled again. */
  compiled: CompiledModules;
}

export function createEmitCache(): EmitCache {
  return { pages: new Map(), compiled: new Map() };
}

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A hash of everything one object's generated code is made from: its IR and its ancestors'. */
function objectHash(e: EmitObject, own: (x: EmitObject) => string): string {
  return sha(withAncestors(e).map(own).join('\0'));
}

export function objectHashes(model: EmitModel): Map<string, string> {
  const owns = new Map<EmitObject, string>();
  const own = (x: EmitObject): string => {
    let h = owns.get(x);
    if (h === undefined) owns.set(x, (h = sha(`${x.ident}\0${JSON.stringify(x.ir)}`)));
    return h;
  };
  return new Map(model.objects.map((e) => [e.ident, objectHash(e, own)]));
}

/** Every identifier with its object name: when these change, references may change meaning. */
export function identsKey(model: EmitModel): string {
  return sha(model.objects.map((e) => `${e.ir.name}\0${e.ident}`).join('\n'));
}

export type CheckPlan =
  | { kind: 'full'; key: string; hashes: Map<string, string> }
  | { kind: 'none'; key: string; hashes: Map<string, string> }
  | { kind: 'subset'; key: string; hashes: Map<string, string>; objects: Set<EmitObject> };

/**
 * What must be checked this time, given what `cache` says was checked before. `key` names the
 * templates and identifiers; `hashes` are the objects' (see `objectHashes`).
 */
export function planCheck(model: EmitModel, key: string, hashes: Map<string, string>, cache: EmitCache | undefined): CheckPlan {
  const verified = cache?.verified;
  if (!verified || verified.key !== key) return { kind: 'full', key, hashes };
  const changed = model.objects.filter((e) => verified.hashes.get(e.ident) !== hashes.get(e.ident));
  if (!changed.length) return { kind: 'none', key, hashes };
  const objects = new Set<EmitObject>();
  const children = new Map<EmitObject, EmitObject[]>();
  for (const e of model.objects) for (const p of e.inherits) children.set(p, [...(children.get(p) ?? []), e]);
  // With a stack, not recursion: a chain of parents is as long as a spec makes it.
  const add = (e: EmitObject, next: (x: EmitObject) => readonly EmitObject[]): void => {
    const stack = [e];
    while (stack.length) for (const x of next(stack.pop()!)) if (!objects.has(x)) { objects.add(x); stack.push(x); }
  };
  for (const e of changed) {
    objects.add(e);
    add(e, (x) => x.inherits);
    add(e, (x) => children.get(x) ?? []);
  }
  return { kind: 'subset', key, hashes, objects };
}

/** The module standing in for an object's types in a subset check. */
export function typeStub(e: EmitObject): string {
  return `export interface ${e.ident} { [key: string]: unknown }\n`;
}

/** Declarations standing in for the check functions and guards of the objects not rendered in a subset check. */
export function validatorStubs(model: EmitModel, rendered: ReadonlySet<EmitObject>): string {
  return model.objects.filter((e) => !rendered.has(e)).map((e) => `declare function check${e.ident}(v: unknown, r: Run, d: number): void;\ndeclare function g${e.ident}(v: unknown, d: number): boolean;\ndeclare function is${e.ident}(v: unknown): boolean;\n`).join('');
}
