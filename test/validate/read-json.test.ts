/**
 * dmspec's JSON reader: the values `JSON.parse` gives for every JSON text it accepts, and the
 * plist rules where they differ (a repeated key and a number no JavaScript number holds exactly
 * are errors), with a position for every value and every error, within the budget.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonReadError, readJson, readJsonBytes, type JsonNode } from '../../generator/validate/read-json.js';
import { resolvePath } from '../../generator/validate/key-path.js';

function error(text: string, limits = {}): JsonReadError {
  try {
    readJson(text, { limits });
  } catch (e) {
    if (e instanceof JsonReadError) return e;
    throw e;
  }
  throw new Error(`read ${JSON.stringify(text)} without an error`);
}

describe('reading JSON', () => {
  it('gives what JSON.parse gives for any JSON value within the exact numbers', () => {
    // Whole numbers past 2^53 are refused (below); the rest must read as JSON.parse reads them.
    const exact = (v: unknown): boolean => typeof v === 'number' ? !Number.isInteger(v) || Number.isSafeInteger(v)
      : Array.isArray(v) ? v.every(exact) : typeof v === 'object' && v !== null ? Object.values(v).every(exact) : true;
    const values = fc.jsonValue({ maxDepth: 6 }).filter(exact);
    fc.assert(fc.property(values, fc.integer({ min: 0, max: 4 }), (v, indent) => {
      const text = JSON.stringify(v, null, indent);
      expect(readJson(text).value).toStrictEqual(JSON.parse(text));
    }), { numRuns: 300, seed: 20261203 });
  });

  it('keeps __proto__ as an own key, never the prototype', () => {
    const v = readJson('{"__proto__": {"polluted": true}, "constructor": 1}').value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a repeated key, naming both places, as plists do', () => {
    const e = error('{\n  "Type": "a",\n  "Type": "b"\n}');
    expect([e.message, e.line, e.column]).toEqual(['the key "Type" appears twice in one object (first at 2:3); readers disagree on which value counts', 3, 3]);
  });

  it('refuses integers past 2^53 and numbers no double holds, instead of rounding them', () => {
    expect(error('[18446744073709551617]').message).toBe('the integer 18446744073709551617 cannot be checked exactly (beyond ±2^53); it was not rounded');
    expect(error('[9007199254740992]').message).toMatch(/cannot be checked exactly/);
    expect(error('[1e300]').message).toBe('the number 1e300 cannot be checked exactly (beyond ±2^53); it was not rounded');
    expect(error('[-1e999]').message).toBe('the number -1e999 is beyond what a JavaScript number holds; it was not rounded');
    expect(readJson('[9007199254740991, -9007199254740991, 1.5e-300, 0.1]').value).toEqual([9007199254740991, -9007199254740991, 1.5e-300, 0.1]);
  });

  it('says where malformed JSON goes wrong: comments, trailing commas, truncation, bad UTF-8', () => {
    const comment = error('{\n  // a comment\n  "a": 1\n}');
    expect([comment.message, comment.line, comment.column]).toEqual(['expected a key in double quotes, found comment or "/" (JSON has no comments)', 2, 3]);
    expect(error('[1, 2,]').message).toBe('expected a JSON value, found "]"');
    expect(error('{"a": 1').message).toBe('expected "," or "}" in the object, found end of the file');
    expect(error('"abc').message).toBe('the string is not closed before the end of the file');
    expect(error('[01]').message).toBe('malformed number');
    expect(() => readJsonBytes(new Uint8Array([0x22, 0xff, 0x22]))).toThrow('not valid UTF-8');
    // A UTF-8 byte-order mark is skipped, as readers of JSON files do.
    expect(readJsonBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x31])).value).toBe(1);
  });

  it('keeps the top-level keys read before an error, to tell what the document meant to be', () => {
    expect(error('{"Type": "com.apple.configuration.passcode.settings", "Identifier": "x", "Payload": {').topKeys).toEqual(['Type', 'Identifier', 'Payload']);
  });

  it('counts values, depth and string sizes while reading', () => {
    expect(error(`[${'0,'.repeat(200)}0]`, { maxNodes: 100 }).message).toBe('more than 100 values');
    expect(error(`${'['.repeat(70)}${']'.repeat(70)}`).message).toBe('nesting deeper than 64 levels');
    expect(error(`["${'x'.repeat(101)}"]`, { maxStringLength: 100 }).message).toBe('a string of more than 100 characters, over the limit');
    expect(error(`["${'x'.repeat(60)}", "${'y'.repeat(60)}"]`, { maxTotalBytes: 200 }).message).toBe('more than 200 bytes of strings');
  });

  it('gives each value and each key its line and column', () => {
    const { root } = readJson('{\n  "Type": "t",\n  "Payload": {\n    "MinimumLength": "six"\n  }\n}');
    const node = resolvePath('Payload.MinimumLength', root).node as JsonNode;
    expect([node.keyLine, node.keyColumn, node.line, node.column]).toEqual([4, 5, 4, 22]);
  });
});
