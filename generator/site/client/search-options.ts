/**
 * The search's options, shared by the index built at generate time and the page that loads it:
 * both must split text into the same terms. Terms are words, and also the parts of a camel-case
 * or dotted name (`allowCamera` is found by `camera`, `com.apple.wifi.managed` by `wifi`).
 */
export const FIELDS = ['title', 'type', 'object', 'text'] as const;
export const STORE = ['title', 'object', 'type', 'url'] as const;

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/[\s,;:()[\]{}"'`<>!?/\\|]+/)) {
    if (!word) continue;
    const bare = word.replace(/^[.-]+|[.-]+$/g, '');
    if (!bare) continue;
    out.push(bare);
    const parts = bare.split(/[.\-_]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter(Boolean);
    if (parts.length > 1) out.push(...parts);
  }
  return out;
}

export const INDEX_OPTIONS = {
  fields: [...FIELDS],
  storeFields: [...STORE],
  tokenize,
  processTerm: (term: string): string => term.toLowerCase(),
};

export const SEARCH_OPTIONS = {
  boost: { title: 4, type: 3, object: 1, text: 0.5 },
  prefix: (term: string): boolean => term.length > 1,
  fuzzy: (term: string): number | false => (term.length > 4 ? 0.15 : false),
  combineWith: 'AND' as const,
};
