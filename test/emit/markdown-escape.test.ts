/**
 * Markdown escaping keeps `<` literal inside code (where an entity would show) and escapes it
 * everywhere a renderer could read markup, also where code delimiters are ambiguous.
 */
import { describe, expect, it } from 'vitest';
import { markdownCell, markdownInline, markdownText } from '../../generator/emit/escape.js';

describe('markdown escaping around code', () => {
  it('keeps code literal: fenced blocks and code spans', () => {
    expect(markdownText('Use `<string>` here.\n\n```xml\n<plist><dict/></plist>\n```\nthen <b>')).toBe('Use `<string>` here.\n\n```xml\n<plist><dict/></plist>\n```\nthen &lt;b>');
    expect(markdownText('> a quote')).toBe('> a quote');
  });

  it('escapes what only looks like code to a looser reader', () => {
    // A backtick left open in one paragraph does not make the next paragraphs code.
    expect(markdownText('a ` b\n\n<img src=x onerror=alert(1)>\n\n` c')).not.toContain('<img');
    // An escaped backtick opens nothing.
    expect(markdownText('x \\`<img src=x>` y')).toBe('x \\`&lt;img src=x>` y');
    // A fence folded into one line (a cell, a list item) is no fence.
    expect(markdownCell('```\na ``` <img src=x> \n```')).not.toContain('<img');
    expect(markdownCell('```xml <img src=x>')).not.toContain('<img');
    // Folded, a closed fence is a code span on one line: literal to every reader.
    expect(markdownInline('```\n<script>\n```')).toBe('``` <script> ```');
    // An indented fence counts as prose: at worst an entity shows in code.
    expect(markdownText('    ```\n    <img>\n    ```')).not.toContain('<img');
  });
});
