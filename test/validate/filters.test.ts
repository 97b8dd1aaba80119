/**
 * Patterns for `--ignore` and `--exclude`: the linear matchers agree with a plain (backtracking)
 * reference on every small case, keys holding dots are read against the document, `**` matches
 * zero levels, and an allowed key is matched whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameMatcher, pathMatcher, type Step } from '../../generator/validate/glob.js';
import { findingFilter, pathSteps, readIgnoreRule } from '../../generator/validate/filters.js';
import { resolvePath, type KeyTree, type Segment } from '../../generator/validate/key-path.js';
import type { ProfileIssue } from '../../generator/validate/check-profile.js';

/** The reference: a regular expression, fine for the short strings of a property test. */
function reference(pattern: string, name: string): boolean {
  const re = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${re}$`, 's').test(name);
}

/** The reference for paths: every way of letting `**` take segments, tried recursively. */
function pathReference<T>(steps: ReadonlyArray<Step<T>>, segs: readonly T[]): boolean {
  if (!steps.length) return !segs.length;
  const [step, ...rest] = steps;
  if (step === '**') return Array.from({ length: segs.length + 1 }, (_, i) => i).some((i) => pathReference(rest, segs.slice(i)));
  return segs.length > 0 && step!(segs[0]!) && pathReference(rest, segs.slice(1));
}

const tree = (keys: Record<string, KeyTree>): KeyTree => ({ keys: new Map(Object.entries(keys)) });

describe('name and path matching', () => {
  it('matches names as a regular expression would, for every small pattern and name', () => {
    const chars = fc.constantFrom('a', 'b', '.', '*', '?');
    fc.assert(fc.property(fc.string({ unit: chars, maxLength: 7 }), fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 9 }), (pattern, name) => {
      expect(nameMatcher(pattern)(name)).toBe(reference(pattern, name));
    }), { numRuns: 2000, seed: 20261203 });
  });

  it('finds a piece holding ? that spans several 32-bit words of the scan as a regular expression would', () => {
    const unit = fc.constantFrom('a', 'b', '?');
    fc.assert(fc.property(fc.string({ unit, minLength: 30, maxLength: 70 }), fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 160 }), (piece, name) => {
      const pattern = `*${piece}*`;
      expect(nameMatcher(pattern)(name)).toBe(reference(pattern, name));
      // Planted, so matches are tried too, not only misses.
      const planted = `${name.slice(0, 40)}${piece.replace(/\?/g, 'b')}${name.slice(40)}`;
      expect(nameMatcher(pattern)(planted)).toBe(true);
    }), { numRuns: 500, seed: 20261203 });
  });

  it('matches paths as trying every split would, ** taking zero or more segments', () => {
    const step = fc.constantFrom<Step<string>>('**', (s) => s === 'a', (s) => s === 'b');
    fc.assert(fc.property(fc.array(step, { maxLength: 5 }), fc.array(fc.constantFrom('a', 'b'), { maxLength: 6 }), (steps, segs) => {
      expect(pathMatcher(steps)(segs)).toBe(pathReference(steps, segs));
    }), { numRuns: 2000, seed: 20261203 });
  });

  it('matches a 1,000,000-character name against a pattern of many wildcards without backtracking', () => {
    // A regular expression takes hours on this (each * retries every split); the matcher one pass per piece.
    const name = `${'a'.repeat(1_000_000)}c`;
    expect(nameMatcher('*a*a*a*a*a*b')(name)).toBe(false);
    expect(nameMatcher('*a*?*a*c')(name)).toBe(true);
    // A piece holding ? is scanned once, not tried at each place in turn (that took 31 s here).
    expect(nameMatcher(`*${'?a'.repeat(249)}b*`)(name)).toBe(false);
    expect(nameMatcher(`*${'?a'.repeat(249)}c`)(name)).toBe(true);
  });
});

describe('key paths', () => {
  const doc = tree({
    PayloadContent: { items: [tree({ 'com.apple.driver.AppleHIDMouse': tree({ Button2: {} }), 'Evil.PayloadEnabled': {} })] },
    PayloadEnabled: {},
  });

  it('reads a key holding dots as the one key the document has', () => {
    expect(resolvePath('PayloadContent[0].com.apple.driver.AppleHIDMouse.Button2', doc).segments).toEqual(['PayloadContent', 0, 'com.apple.driver.AppleHIDMouse', 'Button2']);
    expect(resolvePath('PayloadContent[0].Evil.PayloadEnabled', doc).segments).toEqual(['PayloadContent', 0, 'Evil.PayloadEnabled']);
    // Without the document, or past what it holds, the path splits at each dot.
    expect(resolvePath('a.b[3].c').segments).toEqual(['a', 'b', 3, 'c']);
    expect(resolvePath('PayloadContent[0].Missing.Key', doc).segments).toEqual(['PayloadContent', 0, 'Missing', 'Key']);
  });

  it('parses quoted keys, indexes and ** in ignore patterns, and refuses what is no pattern', () => {
    const match = (pattern: string, segs: Segment[]): boolean => pathMatcher(pathSteps(pattern) as Array<Step<Segment>>)(segs);
    expect(match('PayloadContent[*]."com.apple.driver.AppleHIDMouse".Button2', ['PayloadContent', 0, 'com.apple.driver.AppleHIDMouse', 'Button2'])).toBe(true);
    expect(match('PayloadContent[*].com.apple.driver.AppleHIDMouse.Button2', ['PayloadContent', 0, 'com.apple.driver.AppleHIDMouse', 'Button2'])).toBe(false);
    expect(match('**.PayloadEnabled', ['PayloadEnabled'])).toBe(true);
    expect(match('**.PayloadEnabled', ['PayloadContent', 3, 'PayloadEnabled'])).toBe(true);
    expect(match('**.PayloadEnabled', ['PayloadContent', 3, 'Evil.PayloadEnabled'])).toBe(false);
    expect(match('PayloadContent[2]', ['PayloadContent', 3])).toBe(false);
    expect(match('"say \\"hi\\""', ['say "hi"'])).toBe(true);
    expect(match('allow*', ['allowAirDrop'])).toBe(true);
    expect(match('allow*', ['PayloadContent', 0])).toBe(false);
    expect(readIgnoreRule('unknown-key:a..b')).toBe('"a..b": a key is missing (at character 3); write a key holding dots or brackets in double quotes');
    expect(readIgnoreRule('unknown-key:a[x]')).toBe('"a[x]": an index is [N] or [*] (at character 2)');
    expect(readIgnoreRule('unknown-key:"open')).toBe('"\\"open": a quoted key is not closed (at character 1)');
    expect(readIgnoreRule('unknown-key:a**b')).toBe('"a**b": ** stands alone between dots (at character 1)');
  });

  it('allows a key only as a whole key, never one that merely ends like it', () => {
    const drop = findingFilter({ allowKeys: ['PayloadEnabled'] })!;
    const issue = (path: string): ProfileIssue => ({ path, payloadType: 'x', code: 'unknown-key', severity: 'warning', message: '' });
    const segs = (path: string) => () => resolvePath(path, doc).segments;
    expect(drop(issue('PayloadEnabled'), segs('PayloadEnabled'))).toBe(true);
    expect(drop(issue('PayloadContent[0].Evil.PayloadEnabled'), segs('PayloadContent[0].Evil.PayloadEnabled'))).toBe(false);
  });
});
