/**
 * The generated `types/` folder read as one text: each module the index re-exports, in the
 * index's order (every object's, then the whole-document modules), joined. What tests look for
 * in "the types" is in one of these modules; which one does not matter to them.
 */

/** The modules `types/index.d.ts` re-exports, by path (`types/WiFi.d.ts`), in its order. */
export function typeModulePaths(index: string): string[] {
  return [...index.matchAll(/^export type \* from '\.\/(.+)\.js';$/gm)].map((m) => `types/${m[1]}.d.ts`);
}

/** Every module of `types/` joined; `read` gives a file of the output by its path. */
export function allTypes(read: (path: string) => string | undefined): string {
  const index = read('types/index.d.ts');
  if (index === undefined) throw new Error('the output has no types/index.d.ts');
  return typeModulePaths(index).map((path) => {
    const text = read(path);
    if (text === undefined) throw new Error(`types/index.d.ts names ${path}, which the output lacks`);
    return text;
  }).join('\n');
}
