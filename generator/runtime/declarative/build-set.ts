/**
 * Building a declaration set: declarations added one by one, each `Identifier` named by the set's
 * `seed` and the declaration's own (its `seed` option, else its type, and its count from the
 * second of a type on: `com.apple.configuration.passcode.settings.2`), so building the same set
 * again in the same order gives the same identifiers, and each `ServerToken` by its content
 * (`build-declaration.ts`). `build()` checks the set as `dmspec validate` does
 * (`set-check.ts`) and refuses one a device would refuse or fail: a dangling reference, a
 * reference of the wrong kind, a duplicate identifier or a predicate that does not parse throws a
 * `DeclarationSetError` that carries every error finding; warnings (a configuration nothing
 * activates, an unknown status item) are returned beside the declarations.
 */
import { nameUuid } from '../uuid/name-uuid.js';
import { buildDeclaration, type BuiltDeclaration, type DeclarationOptions } from './build-declaration.js';
import { checkDeclarationSet, type SetRegistry } from './set-check.js';
import type { SetFinding } from './set-codes.js';

/** The options of a set: the name its declarations' identifiers are derived from. */
export interface DeclarationSetOptions {
  seed: string;
}

/** A set that passed `build()`: its declarations in the order added, and the warnings about it. */
export interface DeclarationSetResult<D = BuiltDeclaration> {
  declarations: D[];
  warnings: SetFinding[];
}

/** A set `build()` refused: `findings` are its errors, each with the index of its declaration and the path in it. */
export class DeclarationSetError extends Error {
  readonly findings: readonly SetFinding[];
  constructor(findings: readonly SetFinding[], declarations: readonly BuiltDeclaration[]) {
    const lines = findings.map((f) => `  [${f.index}] ${declarations[f.index]?.Type ?? ''} ${f.path}: ${f.code}: ${f.message}`);
    super(`the declaration set has ${findings.length} error${findings.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'DeclarationSetError';
    this.findings = findings;
  }
}

/** The untyped set builder the generated `createDeclarationSet` types. */
export interface DeclarationSetBuilder {
  /** Adds a declaration of `type` and returns it, `Identifier` and `ServerToken` filled. */
  add(type: string, payload?: unknown, options?: DeclarationOptions): BuiltDeclaration;
  /** The declarations added so far, in order. */
  readonly declarations: readonly BuiltDeclaration[];
  /** The set checked: its declarations and warnings, or a `DeclarationSetError` for its errors. */
  build(): DeclarationSetResult;
}

/** A set builder checking with `registry`'s facts. Throws TypeError for a seed that is not a non-empty string. */
export function declarationSet(registry: SetRegistry, options: DeclarationSetOptions): DeclarationSetBuilder {
  const seed: unknown = options?.seed;
  if (typeof seed !== 'string' || seed === '') throw new TypeError('createDeclarationSet needs a seed (a non-empty string): the identifiers of its declarations are named by it');
  const declarations: BuiltDeclaration[] = [];
  const counts = new Map<string, number>();
  return {
    declarations,
    add(type: string, payload: unknown = {}, one: DeclarationOptions = {}): BuiltDeclaration {
      if (typeof one !== 'object' || one === null) throw new TypeError('a declaration\'s options must be a dictionary');
      let own = one.seed;
      if (own === undefined && one.Identifier === undefined && typeof type === 'string') {
        const n = (counts.get(type) ?? 0) + 1;
        counts.set(type, n);
        own = n === 1 ? type : `${type}.${n}`;
      }
      const Identifier = one.Identifier ?? (typeof own === 'string' && own !== '' ? nameUuid(`declaration/${JSON.stringify(seed)}/${own}`) : undefined);
      const d = buildDeclaration(type, payload, { ...one, ...(Identifier !== undefined ? { Identifier } : {}) });
      declarations.push(d);
      return d;
    },
    build(): DeclarationSetResult {
      const findings = checkDeclarationSet(declarations, registry);
      const errors = findings.filter((f) => f.severity === 'error');
      if (errors.length) throw new DeclarationSetError(errors, declarations);
      return { declarations: [...declarations], warnings: findings };
    },
  };
}
