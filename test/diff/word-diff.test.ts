/**
 * Word diffs of descriptions: hunks with elided context, short unchanged runs joined, the fact a
 * changed sentence states, markup that is not a change, and Markdown that stays inert.
 */
import { describe, expect, it } from 'vitest';
import { markdownCode, markdownHunks, markdownInline } from '../../generator/diff/markdown.js';
import { editSignature, wordHunks } from '../../generator/diff/word-diff.js';

const LONG = 'one two three four five six seven eight nine ten eleven twelve';

describe('wordHunks', () => {
  it('keeps six words of context each side and marks the elision', () => {
    expect(wordHunks(`${LONG} old ${LONG}`, `${LONG} new ${LONG}`)).toEqual([
      { before: '… seven eight nine ten eleven twelve', removed: 'old', added: 'new', after: 'one two three four five six …' },
    ]);
  });

  it('joins changes separated by at most two unchanged words into one hunk', () => {
    const [h, ...rest] = wordHunks('The value is not set by the device.', 'The value isn\'t set by the device.');
    expect(rest).toEqual([]);
    expect(h).toMatchObject({ removed: 'is not', added: 'isn\'t' });
    expect(wordHunks('A b c d e f g h i j k l m n o p q r s t.', 'X b c d e f g h i j k l m n o p q r s Y.').length).toBe(2);
  });

  it('shows unchanged text between two hunks once', () => {
    const hs = wordHunks('Alpha one two three four five beta.', 'Gamma one two three four five delta.');
    expect(hs).toHaveLength(2);
    expect(hs[0]!.after).toBe('one two three four five');
    expect(hs[1]!.before).toBe('');
  });

  it('says which fact a changed sentence states', () => {
    expect(wordHunks('Turns it off.', 'Turns it off. Deprecated: use the declaration instead.')[0]!.fact).toBe('deprecation');
    expect(wordHunks('Turns it off. Requires supervision in iOS.', 'Turns it off. Requires supervision: iOS')[0]!.fact).toBe('supervision');
    expect(wordHunks('Turns it off.', 'Turns the camera off.')[0]!.fact).toBeUndefined();
  });

  it('ignores markup: links, code ticks, backslash escapes, spacing', () => {
    expect(wordHunks('See [VPN](/documentation/vpn) for `Key` and \\*.', 'See VPN  for Key and *.')).toEqual([]);
  });

  it('shows a description rewritten beyond the edit budget as its old and new openings, at once', () => {
    const words = (seed: number) => Array.from({ length: 10000 }, (_, i) => `w${(i * seed) % 7919}`).join(' ');
    // Unbounded, this diff takes minutes; bounded, it gives up early and shows both openings.
    const hs = wordHunks(words(3), words(5));
    expect(hs).toEqual([{ before: '', removed: `${words(3).split(' ').slice(0, 40).join(' ')} …`, added: `${words(5).split(' ').slice(0, 40).join(' ')} …`, after: '' }]);
  });

  it('gives the same signature to the same edit on different text', () => {
    const a = wordHunks('Allow AirDrop. Requires supervision in iOS.', 'Allow AirDrop. Requires supervision: iOS');
    const b = wordHunks('Allow the camera. Requires supervision in iOS.', 'Allow the camera. Requires supervision: iOS');
    expect(editSignature(a)).toBe(editSignature(b));
    expect(editSignature(a)).not.toBe(editSignature(wordHunks('x in y', 'x: z')));
  });
});

describe('Markdown of a word diff', () => {
  it('strikes deleted words, bolds inserted ones, and keeps punctuation attached', () => {
    expect(markdownHunks(wordHunks('If true, AirPrint connections are secured by TLS.', 'If true, TLS secures AirPrint connections.'))).toBe(
      // "TLS" alone between two changes joins them: one phrase replaced reads better than two.
      'If true, ~~AirPrint connections are secured by TLS~~ **TLS secures AirPrint connections**.',
    );
  });

  it('makes page text inert: no links, images, HTML, emphasis, table cells or terminal controls', () => {
    const hostile = 'Click [here](javascript:alert(1)) ![x](http://t/x.png) <script>alert(1)</script> **bold** _em_ ~~s~~ a|b `code` \\';
    const md = markdownInline(hostile);
    expect(md).not.toMatch(/(?<!\\)[[\]*_~|`]/);
    expect(md).not.toMatch(/<|>/);
    expect(md).toContain('&lt;script&gt;');
    expect(markdownInline('a\u001b[2Jb\u202ec\u0007')).toBe('a\\[2Jbc');
    expect(markdownCode('Key\u001b]0;x\u0007')).toBe('`Key]0;x`');
    const line = markdownHunks(wordHunks('Safe text.', `Safe text. ${hostile}`));
    expect(line.startsWith('Safe text. **')).toBe(true);
    expect(line).not.toMatch(/<script|\]\(javascript/);
  });
});
