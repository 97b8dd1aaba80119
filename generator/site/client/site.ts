/**
 * The script of every site page: the search box (its index is loaded on first use), the search
 * page, and the "what applies to my fleet" filter of object pages, which asks the package's own
 * validator of the object what it says about each key in the chosen situation. Loads scripts,
 * never fetches: pages work from the file system as from a host.
 */
interface SearchHit {
  id: number;
  title: string;
  object: string;
  type: string;
  url: string;
  score: number;
}
interface SiteSearch {
  search(query: string, limit?: number): SearchHit[];
}
interface Issue {
  path: string;
  code: string;
  message: string;
}
interface Apple {
  validatorsByName: ReadonlyMap<string, (value: unknown, options?: object) => { issues: Issue[] }>;
}
declare global {
  interface Window {
    dmspecSearch?: SiteSearch;
    dmspecApple?: Apple;
  }
}

const root = document.body.dataset['root'] ?? '';
const loading = new Map<string, Promise<void>>();

/** Loads a script of the site once. */
function load(path: string): Promise<void> {
  let p = loading.get(path);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = root + path;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error(`could not load ${path}`));
      document.head.append(s);
    });
    loading.set(path, p);
  }
  return p;
}

async function searcher(): Promise<SiteSearch> {
  await load('assets/search.js');
  return window.dmspecSearch!;
}

/** A result as a list item; in the header's listbox, an option (without a link role inside it). */
function resultItem(hit: SearchHit, id: string, option: boolean): HTMLLIElement {
  const li = document.createElement('li');
  li.id = id;
  // An option holds no link (a listbox's options are its only controls): choosing it navigates.
  const a = document.createElement(option ? 'span' : 'a');
  if (option) {
    li.setAttribute('role', 'option');
    li.addEventListener('mousedown', (ev) => {
      ev.preventDefault();
      location.href = root + hit.url;
    });
  } else (a as HTMLAnchorElement).href = root + hit.url;
  a.className = 'hit';
  const name = document.createElement('strong');
  name.textContent = hit.title;
  a.append(name);
  const where = hit.object ? `key of ${hit.object}` : hit.type;
  if (where) {
    const small = document.createElement('span');
    small.className = 'where';
    small.textContent = ` ${where}`;
    a.append(small);
  }
  li.append(a);
  return li;
}

/** The header's search: results as you type, Enter opens the first (or the chosen) one. */
function headerSearch(): void {
  const input = document.getElementById('q') as HTMLInputElement | null;
  const list = document.getElementById('search-results') as HTMLUListElement | null;
  const status = document.getElementById('search-status');
  if (!input || !list || !status) return;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-autocomplete', 'list');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search results');
  let hits: SearchHit[] = [];
  let active = -1;
  const show = (): void => {
    list.replaceChildren(...hits.map((h, i) => {
      const li = resultItem(h, `search-hit-${i}`, true);
      if (i === active) li.setAttribute('aria-selected', 'true');
      return li;
    }));
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-hit-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('focus', () => void searcher(), { once: true });
  input.addEventListener('input', async () => {
    const query = input.value.trim();
    const s = await searcher();
    if (input.value.trim() !== query) return;
    hits = query ? s.search(query, 10) : [];
    active = -1;
    status.textContent = query ? `${hits.length} results shown` : '';
    show();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!hits.length) return;
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      show();
    } else if (ev.key === 'Enter' && hits.length) {
      ev.preventDefault();
      location.href = root + hits[Math.max(active, 0)]!.url;
    } else if (ev.key === 'Escape') {
      hits = [];
      show();
    }
  });
}

/** The search page: `search.html?q=…`, every result listed. */
async function searchPage(): Promise<void> {
  const input = document.getElementById('q2') as HTMLInputElement | null;
  const list = document.getElementById('search-page-results');
  const count = document.getElementById('search-count');
  if (!input || !list || !count) return;
  const run = async (): Promise<void> => {
    const query = input.value.trim();
    const s = await searcher();
    const t0 = performance.now();
    const hits = query ? s.search(query, 200) : [];
    const ms = performance.now() - t0;
    document.body.dataset['searchMs'] = ms.toFixed(2);
    list.replaceChildren(...hits.map((h, i) => resultItem(h, `page-hit-${i}`, false)));
    count.textContent = query ? `${hits.length} results for “${query}”` : '';
    history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  };
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  input.addEventListener('input', () => void run());
  input.form?.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void run();
  });
  if (input.value) await run();
}

/** Findings that say a key does not apply in a situation; the others are about the value, and the filter has none. */
const VALUE_CODES = new Set(['wrong-type', 'missing-required', 'not-allowed', 'below-minimum', 'above-maximum', 'unknown-key']);
const STORE_KEY = 'dmspec-fleet';

/** The fleet filter: the object's validator judges every key, present with no value, in the chosen situation. */
function fleetFilter(): void {
  const form = document.querySelector<HTMLFormElement>('form.fleet');
  const article = document.querySelector<HTMLElement>('article.object');
  if (!form || !article) return;
  const status = form.querySelector('.fleet-status')!;
  const sections = [...document.querySelectorAll<HTMLElement>('section.key')];
  const saved = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as Record<string, string>;
  for (const [k, v] of Object.entries(saved)) {
    const field = form.elements.namedItem(k);
    if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = v === 'true';
    else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = v;
  }
  const apply = async (): Promise<void> => {
    const data = new FormData(form);
    const value = (k: string): string => String(data.get(k) ?? '').trim();
    const settings = { platform: value('platform'), osVersion: value('osVersion'), supervised: value('supervised'), enrollment: value('enrollment'), hide: String(data.get('hide') !== null) };
    localStorage.setItem(STORE_KEY, JSON.stringify(settings));
    const options: Record<string, unknown> = {};
    if (settings.platform) options['platform'] = settings.platform;
    if (settings.platform && /^\d+(\.\d+)*$/.test(settings.osVersion)) options['osVersion'] = settings.osVersion;
    if (settings.supervised) options['supervised'] = settings.supervised === 'true';
    if (settings.enrollment) options['enrollment'] = settings.enrollment;
    if (Object.keys(options).length === 0) {
      for (const s of sections) mark(s, [], false);
      status.textContent = '';
      return;
    }
    status.textContent = 'Checking…';
    await load('assets/validators.js');
    const validate = window.dmspecApple?.validatorsByName.get(article.dataset['validator'] ?? '');
    if (!validate) {
      status.textContent = 'This object has no validator.';
      return;
    }
    const probe = Object.fromEntries(sections.map((s) => [s.dataset['key'] ?? '', null]));
    const reasons = new Map<string, string[]>();
    for (const issue of validate(probe, options).issues) {
      if (VALUE_CODES.has(issue.code)) continue;
      const key = issue.path.split(/[.[]/)[0] ?? '';
      reasons.set(key, [...(reasons.get(key) ?? []), issue.message]);
    }
    let marked = 0;
    for (const s of sections) {
      const why = reasons.get(s.dataset['key'] ?? '') ?? [];
      if (why.length) marked++;
      mark(s, why, settings.hide === 'true');
    }
    status.textContent = `${marked} of ${sections.length} keys do not apply or are deprecated in this situation.`;
  };
  form.addEventListener('change', () => void apply());
  form.addEventListener('submit', (ev) => ev.preventDefault());
  if (Object.keys(saved).length) void apply();
}

function mark(section: HTMLElement, why: string[], hide: boolean): void {
  const p = section.querySelector<HTMLElement>('.applies')!;
  p.textContent = why.length ? `In this situation: ${why.join('; ')}.` : '';
  p.hidden = why.length === 0;
  section.classList.toggle('not-applicable', why.length > 0);
  section.hidden = hide && why.length > 0;
}

headerSearch();
void searchPage();
fleetFilter();
