/**
 * The search, loaded on first use: MiniSearch over the index built at generate time, which the
 * build puts before this code as `DMSPEC_INDEX`. An exact match of a title ranks first.
 */
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, SEARCH_OPTIONS } from './search-options.js';

declare const DMSPEC_INDEX: object;

interface Stored {
  title: string;
  object: string;
  type: string;
  url: string;
}

const index = MiniSearch.loadJS<Stored>(DMSPEC_INDEX as never, INDEX_OPTIONS);

(globalThis as { dmspecSearch?: unknown }).dmspecSearch = {
  search(query: string, limit = 20) {
    const exact = query.trim().toLowerCase();
    return index
      .search(query, {
        ...SEARCH_OPTIONS,
        boostDocument: (_id, _term, stored) => (String(stored?.["title"]).toLowerCase() === exact || String(stored?.["type"]).toLowerCase() === exact ? 20 : 1),
      })
      .slice(0, limit)
      .map((r) => ({ id: r.id as number, title: String(r['title']), object: String(r['object']), type: String(r['type']), url: String(r['url']), score: r.score }));
  },
};
