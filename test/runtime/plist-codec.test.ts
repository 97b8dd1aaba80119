/**
 * The plist writers: `parsePlist(write(v))` equals `v` for every value kind in both formats
 * (property-based), the bytes are deterministic, what a format cannot hold is refused, and the
 * output is judged by readers other than ours: XML against Apple's DTD with xmllint (Debian's
 * libxml2-utils; skipped, saying so, where it is missing), binary with libplist.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { binaryToXml, xmlToBinary } from 'libplist';
import { describe, expect, it } from 'vitest';
import { parsePlist, PlistReal, toBinaryPlist, toXmlPlist, type PlistValue } from '../../generator/runtime/plist/index.js';
import { PROFILES, profileFiles } from '../helpers/corpus.js';
import { plistValues } from '../helpers/plist-values.js';
import { tempDir } from '../helpers/temp.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261124);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const DTD = join(import.meta.dirname, '../fixtures/plist/PropertyList-1.0.dtd');
const XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

/** A real profile's value; NUL bytes a tool left after the XML (which devices ignore) are cut first. */
function profileValue(file: string): PlistValue {
  const bytes = new Uint8Array(readFileSync(file));
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0x0a)) end--;
  return parsePlist(bytes.subarray(0, end)).value;
}

describe('round trips', () => {
  it(`parsePlist(toXmlPlist(v)) equals v (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(fc.property(plistValues('xml'), (v) => {
      expect(parsePlist(toXmlPlist(v)).value).toEqual(v);
    }), { seed: SEED, numRuns: RUNS });
  });

  it(`parsePlist(toBinaryPlist(v)) equals v (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(fc.property(plistValues('binary'), (v) => {
      expect(parsePlist(toBinaryPlist(v)).value).toEqual(v);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('keeps the kinds a plain number would lose: whole-number reals, -0, nan, big integers, 16-byte integers', () => {
    const v = { r: new PlistReal(7), z: new PlistReal(-0), n: NaN, i: -Infinity, big: 2n ** 63n, max: 2n ** 64n - 1n, min: -(2n ** 63n), safe: 9007199254740991 };
    for (const write of [toXmlPlist, toBinaryPlist]) {
      const back = parsePlist(write(v)).value as Record<string, unknown>;
      expect(back).toEqual(v);
      expect(Object.is((back['z'] as PlistReal).value, -0)).toBe(true);
    }
    expect(toXmlPlist(v)).toContain('<key>r</key>\n\t<real>7</real>');
    // 2^64 - 1 takes CoreFoundation's 16-byte form (0x14), the others 8 bytes at most.
    expect([...toBinaryPlist(2n ** 64n - 1n)].slice(8, 9)).toEqual([0x14]);
  });

  it.runIf(existsSync(PROFILES))('reads back every real profile equal, written either way', () => {
    const files = profileFiles(PROFILES);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const v = profileValue(f);
      expect(parsePlist(toXmlPlist(v)).value, f).toEqual(v);
      expect(parsePlist(toBinaryPlist(v)).value, f).toEqual(v);
    }
  });
});

describe('deterministic bytes', () => {
  it('writes the same bytes for the same value, however its dictionaries were built', () => {
    fc.assert(fc.property(plistValues('xml'), (v) => {
      const reversed = (x: unknown): unknown => (Array.isArray(x) ? x.map(reversed)
        : x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype ? Object.fromEntries(Object.entries(x).reverse().map(([k, y]) => [k, reversed(y)])) : x);
      expect(toXmlPlist(reversed(v))).toBe(toXmlPlist(v));
      expect(toBinaryPlist(reversed(v))).toEqual(toBinaryPlist(v));
    }), { seed: SEED, numRuns: 100 });
  });

  it('lays XML out as Apple does', () => {
    expect(toXmlPlist({ PayloadContent: [], B: { x: true }, D: new Uint8Array(60) })).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
      '<plist version="1.0">', '<dict>', '\t<key>B</key>', '\t<dict>', '\t\t<key>x</key>', '\t\t<true/>', '\t</dict>',
      '\t<key>D</key>', '\t<data>', `\t${'A'.repeat(68)}`, `\t${'A'.repeat(12)}`, '\t</data>', '\t<key>PayloadContent</key>', '\t<array/>', '</dict>', '</plist>', '',
    ].join('\n'));
  });
});

describe('what a format cannot hold is refused, never written as something else', () => {
  const refuses = (v: unknown, message: RegExp, write: (v: unknown) => unknown = toXmlPlist): void => {
    expect(() => write(v)).toThrow(message);
  };
  it('refuses values with no plist form, naming where they are', () => {
    refuses({ a: [1, null] }, /^a\[1\]: null has no plist form$/);
    refuses({ f: () => 1 }, /f: function has no plist form/, toBinaryPlist);
    refuses({ m: new Map() }, /m: an object that is not a plain dictionary has no plist form/);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = [cyclic];
    refuses(cyclic, /self\[0\]: the value contains itself/);
    refuses(cyclic, /self\[0\]: the value contains itself/, toBinaryPlist);
    let deep: unknown = [];
    for (let i = 0; i < 70; i++) deep = [deep];
    refuses(deep, /nesting deeper than 64 levels/, toBinaryPlist);
    refuses(2n ** 64n, /outside the range property lists hold/, toBinaryPlist);
    refuses(new Date(NaN), /an invalid Date/);
  });

  it('refuses in XML what only binary holds: controls, unpaired surrogates, milliseconds', () => {
    refuses({ s: 'a\u0000b' }, /s: the string holds U\+0000, which XML cannot hold/);
    refuses(['\uD800'], /\[0\]: the string holds U\+D800/);
    refuses(new Date(1500), /has milliseconds/);
    expect(parsePlist(toBinaryPlist(['a\u0000b', '\uD800', new Date(1500)])).value).toEqual(['a\u0000b', '\uD800', new Date(1500)]);
  });

  it('leaves out dictionary keys whose value is undefined, as JSON does', () => {
    expect(parsePlist(toXmlPlist({ a: 1, b: undefined })).value).toEqual({ a: 1 });
  });
});

describe('independent readers accept the output', () => {
  it.runIf(XMLLINT)('XML is valid against Apple\'s plist DTD (xmllint --dtdvalid)', () => {
    const dir = tempDir('plist-dtd');
    const values = [...fc.sample(plistValues('xml'), { seed: SEED, numRuns: 60 }), ...(existsSync(PROFILES) ? profileFiles(PROFILES) : []).map(profileValue)];
    const files = values.map((v, i) => {
      const file = join(dir, `v${i}.plist`);
      writeFileSync(file, toXmlPlist(v));
      return file;
    });
    // A catalog maps Apple's DOCTYPE to the DTD here, so xmllint loads nothing from the network.
    const catalog = join(dir, 'catalog.xml');
    writeFileSync(catalog, `<?xml version="1.0"?>\n<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n<public publicId="-//Apple//DTD PLIST 1.0//EN" uri="file://${DTD}"/>\n<system systemId="http://www.apple.com/DTDs/PropertyList-1.0.dtd" uri="file://${DTD}"/>\n</catalog>\n`);
    const xmllint = (paths: string[]) => spawnSync('xmllint', ['--noout', '--nonet', '--valid', '--dtdvalid', DTD, ...paths], { encoding: 'utf8', env: { ...process.env, XML_CATALOG_FILES: catalog } });
    const r = xmllint(files);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // And it does judge: a document the DTD forbids fails.
    writeFileSync(join(dir, 'bad.plist'), toXmlPlist({ a: 1 }).replace('<key>a</key>', ''));
    expect(xmllint([join(dir, 'bad.plist')]).status).not.toBe(0);
  });

  it.skipIf(XMLLINT)('XML against Apple\'s plist DTD: SKIPPED, xmllint is not installed (Debian: apt-get install libxml2-utils; .ci/run installs it)', () => {});

  /** What survives libplist's XML writer, which writes -0 as 0.0 and a carriage return raw (XML reads it as a line feed). */
  const unsigned = (v: unknown): unknown => (v instanceof PlistReal && Object.is(v.value, -0) ? new PlistReal(0) : typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : Array.isArray(v) ? v.map(unsigned)
    : v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype ? Object.fromEntries(Object.entries(v).map(([k, x]) => [unsigned(k) as string, unsigned(x)])) : v);

  it('libplist reads the binary output as the value written, and our binary reader reads libplist\'s', async () => {
    await fc.assert(fc.asyncProperty(plistValues('xml'), async (v: PlistValue) => {
      const bin = toBinaryPlist(v);
      const theirXml = await binaryToXml(Buffer.from(bin));
      expect(unsigned(parsePlist(theirXml).value)).toEqual(unsigned(v));
      const theirBin = await xmlToBinary(toXmlPlist(v));
      expect(parsePlist(new Uint8Array(theirBin)).value).toEqual(v);
    }), { seed: SEED, numRuns: 100 });
  });
});
