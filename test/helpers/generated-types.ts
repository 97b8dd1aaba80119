/**
 * The generated types as one text: `types/index.d.ts`, which declares every type of the package
 * itself (the per-object modules beside it declare the same; test/emit/type-modules.test.ts
 * checks that each module's declarations are the index's). What tests look for in "the types"
 * is there.
 */

/** The types of an output; `read` gives a file of the output by its path. */
export function allTypes(read: (path: string) => string | undefined): string {
  const index = read('types/index.d.ts');
  if (index === undefined) throw new Error('the output has no types/index.d.ts');
  return index;
}
