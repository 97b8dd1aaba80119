/**
 * One escaping function per target. Spec text is untrusted: it must never close a comment, a
 * string or a table cell, or inject markup, whatever it holds. Handlebars' HTML escaping is none
 * of these, so templates print these results with triple braces.
 */

/** Bidirectional overrides and isolates: shown as their code points, never obeyed by a viewer. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Splits text into lines for a JSDoc block, each safe inside `/** … *\/`. */
export function jsdocLines(text: string): string[] {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .split('\n')
    .map((line) =>
      line
        // `*/` would end the comment; a zero-width joiner is invisible in editors and inert.
        .replace(/\*\//g, '*\u200d/')
        // `@` at a word start would be read as a tag by TSDoc tooling.
        .replace(/(^|\s)@(?=\w)/g, '$1\uff20')
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
        // Bidirectional overrides in a comment make the code around it read differently ("Trojan Source").
        .replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .trimEnd(),
    );
}

/** Drops leading and trailing blank lines and folds runs of blank lines to one. */
export function tidyLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) if (!(l === '' && (out.length === 0 || out[out.length - 1] === ''))) out.push(l);
  while (out[out.length - 1] === '') out.pop();
  return out;
}

/** Text as a reader compares it: no code ticks, single spaces, no final stop. */
function plain(line: string): string {
  return line.replace(/`/g, '').replace(/\s+/g, ' ').replace(/[.\s]+$/, '').trim().toLowerCase();
}

/**
 * The fact lines a JSDoc block adds below its prose, less those the prose already says (a page's
 * "Not available in watchOS." sentence and the same fact read from its availability line) and
 * less repeats among themselves.
 */
export function newFacts(prose: readonly string[], facts: readonly string[]): string[] {
  const said = plain(prose.join(' '));
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = plain(f);
    if (key === '') return true;
    if (seen.has(key) || said.includes(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Text for a Markdown table cell: one line, pipes escaped, HTML made inert. */
export function markdownCell(text: string): string {
  return markdownInline(text).replace(/\|/g, '\\|').trim();
}

/**
 * Markdown prose folded to one line (a list item's text, a cell). Lines are joined first and
 * only code spans count as code: a fence folded into a line is no fence, so what it held is
 * escaped like any text.
 */
export function markdownInline(text: string): string {
  return markdownText(text.replace(/[\r\n\u2028\u2029]+/g, ' '), false);
}

/**
 * Markdown prose from the spec: kept as Markdown, but raw HTML is made inert so a page cannot
 * put a script or an iframe into the docs. Only `<` opens HTML (or an autolink), so only it is
 * escaped, and only outside code, which Markdown shows literally (an entity there would show as
 * `&lt;`); `>` stays, so a page's quote stays a quote rather than a stray `&gt;`.
 */
export function markdownText(text: string, blocks = true): string {
  const clean = text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(BIDI, visibleBidi);
  return splitCode(clean, blocks).map(([code, part]) => (code ? part : neutraliseLinks(part.replace(/</g, '&lt;')))).join('');
}

/**
 * Markdown cut into code and the rest, in order: `[isCode, text]` pairs whose texts join back to
 * the input. Code is what CommonMark surely shows literally: a fenced block opening at the start
 * of a line (with `blocks`), and a code span within one line. Where this reading and a renderer's
 * could differ (a span across lines, an indented fence), the text counts as prose and is escaped:
 * at worst an entity shows in code, never markup in prose.
 */
export function splitCode(text: string, blocks = true): Array<[boolean, string]> {
  if (!blocks) return text.split(/(?<=\n)/).flatMap(spans);
  const out: Array<[boolean, string]> = [];
  const lines = text.split(/(?<=\n)/);
  let prose = '';
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(lines[i]!);
    if (!open || (open[1]![0] === '`' && lines[i]!.slice(open[0].length).includes('`'))) {
      prose += lines[i];
      continue;
    }
    const fence = open[1]!;
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\\n?$`).test(lines[j]!)) j++;
    out.push(...spans(prose));
    prose = '';
    out.push([true, lines.slice(i, j + 1).join('')]);
    i = j;
  }
  out.push(...spans(prose));
  return out.filter(([, t]) => t !== '');
}

/** Inline code spans: a run of backticks (not escaped) up to the next run of the same length on its line. */
function spans(text: string): Array<[boolean, string]> {
  const out: Array<[boolean, string]> = [];
  let last = 0;
  for (const m of text.matchAll(/(?<![`\\])(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g)) {
    out.push([false, text.slice(last, m.index)], [true, m[0]]);
    last = m.index + m[0].length;
  }
  out.push([false, text.slice(last)]);
  return out;
}

/** Link schemes the docs may keep; any other (`javascript:`, `data:`, `vbscript:`…) is made plain text. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const INLINE_LINK = /\]\(([ \t]*(?:&lt;)?[ \t]*)([A-Za-z][A-Za-z0-9+.-]*):/g;
const REFERENCE_DEFINITION = /^([ ]{0,3})\[([^\]\n]*)\]:([ \t]*(?:&lt;)?[ \t]*)([A-Za-z][A-Za-z0-9+.-]*):/gm;

/** Breaks `[text](javascript:…)` and `[ref]: javascript:…` with a backslash, keeping http(s) and mailto links working. */
function neutraliseLinks(text: string): string {
  return text
    .replace(INLINE_LINK, (m, space: string, scheme: string) => (SAFE_SCHEMES.has(scheme.toLowerCase()) ? m : `]\\(${space}${scheme}:`))
    .replace(REFERENCE_DEFINITION, (m, indent: string, label: string, space: string, scheme: string) =>
      SAFE_SCHEMES.has(scheme.toLowerCase()) ? m : `${indent}\\[${label}\\]:${space}${scheme}:`);
}

const visibleBidi = (c: string): string => `&#x${c.charCodeAt(0).toString(16)};`;

/**
 * A name (a title, a key) as plain Markdown text: every character Markdown could read as syntax
 * is backslash-escaped, so `](javascript:…)` or `*` in a title stays text, in a link's text too.
 * One line; pipes escaped so it also fits a table cell.
 */
export function markdownPlain(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]()!#~|{}]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BIDI, visibleBidi)
    .trim();
}

/** Inline code in Markdown that stays code whatever backticks it holds. */
export function markdownCode(text: string): string {
  // Bidi overrides show as their entity, literally, inside code: visible, never obeyed.
  const clean = text.replace(/\n/g, ' ').replace(BIDI, visibleBidi);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A JSDoc tag line (`@since …`, `@deprecated …`) whose text is escaped but whose tag is not. */
export function jsdocTag(tag: string, text: string): string[] {
  const [first = '', ...rest] = jsdocLines(text);
  return [`@${tag}${first ? ` ${first}` : ''}`, ...rest];
}
