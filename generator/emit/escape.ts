/**
 * One escaping function per target. Spec text is untrusted: it must never close a comment, a
 * string or a table cell, or inject markup, whatever it holds. Handlebars' HTML escaping is none
 * of these, so templates print these results with triple braces.
 */

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
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
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
  return markdownText(text).replace(/\n+/g, ' ').replace(/\|/g, '\\|').trim();
}

/**
 * Markdown prose from the spec: kept as Markdown, but raw HTML is made inert so a page cannot
 * put a script or an iframe into the docs.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Inline code in Markdown that stays code whatever backticks it holds. */
export function markdownCode(text: string): string {
  const clean = text.replace(/\n/g, ' ');
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
