/**
 * `parsePlist` on its own: the values it returns, that no document can forge a `PlistReal`, where
 * each value is (lines and columns in XML, offsets in binary, issue paths resolved), and the
 * strict reading and budgets it shares with `dmspec validate` (whose hostile and fuzz tests run
 * through it too, in test/validate/).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET_LIMITS, isPlistReal, parsePlist, PlistError, PlistReal, PlistTimeoutError, plistTypeOf, toBinaryPlist, toXmlPlist } from '../../generator/runtime/plist/index.js';
import { bp, bplist } from '../helpers/bplist.js';

const xml = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n${body}\n</plist>\n`;
const value = (body: string): unknown => parsePlist(xml(body)).value;
const error = (input: string | Uint8Array, options = {}): string => {
  try {
    parsePlist(input, options);
  } catch (e) {
    expect(e).toBeInstanceOf(PlistError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('values', () => {
  it('gives each plist type its JavaScript value, and a whole-number real as a PlistReal', () => {
    const v = value('<dict><key>s</key><string>a &amp; b</string><key>i</key><integer>-0x10</integer><key>r</key><real>1.0</real><key>f</key><real>2.5</real><key>n</key><real>NaN</real>'
      + '<key>t</key><true/><key>d</key><date>2026-02-28T12:00:00Z</date><key>b</key><data>AQI=</data><key>a</key><array/><key>o</key><dict/></dict>');
    expect(v).toEqual({ s: 'a & b', i: -16, r: new PlistReal(1), f: 2.5, n: NaN, t: true, d: new Date(Date.UTC(2026, 1, 28, 12)), b: new Uint8Array([1, 2]), a: [], o: {} });
    expect(Object.isFrozen((v as { r: PlistReal }).r)).toBe(true);
    expect((v as { r: PlistReal }).r.valueOf() + 1).toBe(2);
  });

  it('keeps integers exact: past ±2^53 as bigints, past 64 bits refused, or all refused with safeIntegers', () => {
    expect(value('<integer>9007199254740993</integer>')).toBe(9007199254740993n);
    expect(value('<integer>18446744073709551615</integer>')).toBe(2n ** 64n - 1n);
    expect(error(xml('<integer>18446744073709551616</integer>'))).toMatch(/line 4: the integer 18446744073709551616 is outside the 64-bit range/);
    expect(error(xml('<integer>9007199254740993</integer>'), { safeIntegers: true })).toMatch(/cannot be checked exactly/);
  });

  it('reads 16-byte binary integers CoreFoundation writes past 2^63, and refuses what does not fit 64 bits', () => {
    expect(parsePlist(bplist([bp.int(2n ** 63n + 5n, 4)])).value).toBe(2n ** 63n + 5n);
    expect(() => parsePlist(bplist([bp.int(1n << 100n, 4)]))).toThrow(/outside the 64-bit range/);
  });

  it('keeps __proto__ and constructor as data, never the prototype', () => {
    const v = value('<dict><key>__proto__</key><dict><key>polluted</key><true/></dict><key>constructor</key><string>x</string></dict>') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads the same values from text, UTF-8, UTF-16 (either order) and binary', () => {
    const text = xml('<dict><key>é</key><array><string>\u{1F600}</string><real>3</real></array></dict>');
    const expected = parsePlist(text).value;
    const le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => { const u = Buffer.from(c, 'utf16le'); return [...u]; })]);
    const be = new Uint8Array(Buffer.from(le).swap16());
    for (const input of [new TextEncoder().encode(text), le, be, toBinaryPlist(expected)]) expect(parsePlist(input).value).toEqual(expected);
  });
});

describe('no document can forge a real', () => {
  it('reads <dict><key>plistReal</key>… and { value } as dictionaries', () => {
    for (const v of [value('<dict><key>plistReal</key><integer>7</integer></dict>'), value('<dict><key>value</key><real>7</real></dict>'), JSON.parse('{"plistReal":7,"value":7}')]) {
      expect(plistTypeOf(v)).toBe('dict');
      expect(isPlistReal(v)).toBe(false);
    }
  });

  it('is not fooled by a polluted Object.prototype', () => {
    const brand = Symbol.for('@dmspec/apple/plist.real');
    (Object.prototype as Record<symbol, unknown>)[brand] = true;
    (Object.prototype as Record<string, unknown>)['value'] = 7;
    let verdicts: boolean[];
    try {
      verdicts = [isPlistReal({}), isPlistReal(new PlistReal(7))];
    } finally {
      delete (Object.prototype as Record<symbol, unknown>)[brand];
      delete (Object.prototype as Record<string, unknown>)['value'];
    }
    expect(verdicts).toEqual([false, true]);
  });
});

describe('positions', () => {
  const text = xml('<dict>\r\n\t<key>PayloadContent</key>\n\t<array>\n\t\t<dict>\n\t\t\t<key>com.apple.Safari</key>\n\t\t\t<dict><key>Home</key><string>x</string></dict>\n\t\t</dict>\n\t</array>\n</dict>');
  const doc = parsePlist(text);

  it('gives every value and key a line and column, counting \\r\\n as one line end', () => {
    const root = doc.value as Record<string, unknown[]>;
    expect(doc.positions.positionOf()).toEqual({ format: 'xml', line: 4, column: 1, offset: text.indexOf('<dict>') });
    expect(doc.positions.positionOf(root, 'PayloadContent')).toMatchObject({ line: 6, column: 2 });
    expect(doc.positions.keyPositionOf(root, 'PayloadContent')).toMatchObject({ line: 5, column: 2 });
    expect(doc.positions.positionOf(root['PayloadContent']!, 0)).toMatchObject({ line: 7, column: 3 });
    expect(doc.positions.positionOf(root, 'Missing')).toBeUndefined();
  });

  it('resolves issue paths, keys with dots included, and says when a path goes past the document', () => {
    expect(doc.positions.locate('PayloadContent[0].com.apple.Safari.Home')).toEqual({
      value: { format: 'xml', line: 9, column: 25, offset: text.indexOf('<string>x') },
      key: { format: 'xml', line: 9, column: 10, offset: text.indexOf('<key>Home') },
      exact: true,
    });
    expect(doc.positions.locate(['PayloadContent', 0, 'com.apple.Safari'])).toMatchObject({ value: { line: 9, column: 4 }, exact: true });
    expect(doc.positions.locate('PayloadContent[0].com.apple.Safari.Missing')).toMatchObject({ value: { line: 9, column: 4 }, key: { line: 8, column: 4 }, exact: false });
    expect(doc.positions.locate('PayloadContent[3]')).toMatchObject({ value: { line: 6 }, exact: false });
    expect(doc.positions.locate('')).toMatchObject({ value: { line: 4, column: 1 }, exact: true });
  });

  it('tries at most 64 places a key may end at each dictionary, and none past its longest key', () => {
    const dotted = (n: number): string => `${'a.'.repeat(n)}b`;
    const d = parsePlist(xml(`<dict><key>${dotted(63)}</key><true/><key>${dotted(64)}</key><true/><key>c</key><dict><key>d</key><true/></dict></dict>`));
    // 63 dots and the end: 64 places; one dot more is past the cap, so that key is not found.
    expect(d.positions.locate(dotted(63))).toMatchObject({ exact: true });
    expect(d.positions.locate(dotted(64))).toMatchObject({ exact: false });
    expect(d.positions.locate(['c', 'd'])).toMatchObject({ exact: true });
    expect(d.positions.locate('c.d')).toMatchObject({ exact: true });
    // A path of a million dots and brackets tries no more than the longest key's length allows.
    expect(d.positions.locate(`c.${'.['.repeat(500_000)}`)).toMatchObject({ exact: false });
  });

  it('gives binary values their byte offsets', () => {
    const b = bplist([bp.dict([1], [2]), bp.ascii('Key'), bp.array([3]), bp.bool(true)]);
    const d = parsePlist(b);
    const header = 8;
    expect(d.positions.positionOf()).toEqual({ format: 'binary', offset: header });
    expect(d.positions.locate('Key[0]')).toEqual({ value: { format: 'binary', offset: b.indexOf(0x09, header) }, exact: true });
    expect(d.positions.keyPositionOf(d.value as object, 'Key')).toEqual({ format: 'binary', offset: header + bp.dict([1], [2]).length });
  });

  it('puts the position of a read error on the error', () => {
    try {
      parsePlist(xml('<dict>\n<key>a</key>\n<date>2026-02-30T00:00:00Z</date></dict>'));
      expect.fail('read');
    } catch (e) {
      expect((e as PlistError).message).toBe('line 6: <date> holds "2026-02-30T00:00:00Z", not a date as YYYY-MM-DDTHH:MM:SSZ (UTC)');
      expect((e as PlistError).position).toMatchObject({ line: 6, column: 1 });
    }
    try {
      parsePlist(xml('<dict>\n<key>a</key><true/>\n<key>a</key><true/></dict>'));
      expect.fail('read');
    } catch (e) {
      expect((e as PlistError).message).toBe('line 6: the key "a" appears twice in one dictionary (lines 5 and 6); readers disagree on which value counts');
      expect((e as PlistError).position).toMatchObject({ line: 6, column: 1 });
    }
  });
});

describe('strict, as a device reads', () => {
  it.each([
    ['an entity declaration', '<!DOCTYPE plist [<!ENTITY a "b">]><plist><string>&a;</string></plist>', /line 1: the plist declares XML entities, which are refused/],
    ['an undefined entity', '<plist><string>&a;</string></plist>', /malformed XML \(line 1\): "&a;<\/string>" is not a reference XML defines/],
    ['a NUL character', '<plist><string>a\u0000</string></plist>', /malformed XML \(line 1\): the character U\+0000/],
    ['"]]>" in text', '<plist><string>]]></string></plist>', /"]]>" in character data/],
    ['"--" in a comment', '<plist><!-- a -- b --><true/></plist>', /"--" inside a comment/],
    ['mismatched tags', '<plist><dict></array></plist>', /malformed XML \(line 1\): <\/array> where <\/dict> belongs/],
    ['an unclosed document', '<plist><dict>', /malformed XML \(line 1\): the document ends inside <dict> \(line 1\)/],
    ['an attribute without quotes', '<plist version=1.0><true/></plist>', /is not quoted/],
    ['text in a dictionary', '<plist><dict>x</dict></plist>', /text "x" where <dict> holds elements only/],
    ['two roots', '<plist><true/><true/></plist>', /holds more than one value/],
    ['a key without a value', '<plist><dict><key>a</key></dict></plist>', /the key "a" \(line 1\) has no value/],
    ['an unknown element', '<plist><set/></plist>', /unknown plist element <set>/],
    ['a lone UTF-16 surrogate', '<plist><string>\uD800</string></plist>', /the character U\+D800/],
    ['February 30', '<plist><date>2026-02-30T00:00:00Z</date></plist>', /<date> holds/],
    ['data that is not base64', '<plist><data>AA!A</data></plist>', /<data> is not valid base64/],
    ['an XML declaration after the start', '<plist><?xml version="1.0"?><true/></plist>', /the XML declaration must come first/],
  ])('refuses %s', (_name, input, message) => {
    expect(error(input)).toMatch(message);
  });

  it('reads base64 padding past complete groups as every reader does (ignored), and refuses padding that leaves a group short', () => {
    expect(value('<data>AQID==</data>')).toEqual(new Uint8Array([1, 2, 3]));
    expect(value('<data>AQ==</data>')).toEqual(new Uint8Array([1]));
    expect(error(xml('<data>AQ=</data>'))).toMatch(/<data> is not valid base64/);
    expect(error(xml('<data>AQID===</data>'))).toMatch(/<data> is not valid base64/);
  });

  it('reads dates of the first centuries as written (not 1900 + year)', () => {
    expect((value('<date>0099-01-01T00:00:00Z</date>') as Date).getUTCFullYear()).toBe(99);
  });

  it('refuses invalid UTF-8 and UTF-16, a binary plist given as text, and an empty input', () => {
    expect(error(new Uint8Array([...new TextEncoder().encode('<plist><string>'), 0xc0, 0xaf, ...new TextEncoder().encode('</string></plist>')]))).toBe('the XML is not valid UTF-8');
    expect(error(new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x00, 0xdc]))).toBe('the XML is not valid UTF-16LE');
    expect(error('bplist00')).toMatch(/must be given as bytes/);
    expect(error(new Uint8Array())).toBe('the input is empty');
  });

  it('stops at each budget, with the line it stopped at', () => {
    expect(error(xml(`<array>${'<true/>'.repeat(50)}</array>`), { limits: { maxNodes: 20 } })).toMatch(/^line 4: more than 20 values/);
    expect(error(`<plist>${'<array>'.repeat(100)}`)).toBe('line 1: nesting deeper than 64 levels');
    expect(error(xml('<string>abcdef</string>'), { limits: { maxStringLength: 5 } })).toMatch(/a string of 6 characters, over the limit of 5/);
    expect(error(xml('<array><data>AAAA</data><data>AAAA</data></array>'), { limits: { maxTotalBytes: 5 } })).toMatch(/more than 5 bytes of strings and data/);
    expect(error(xml('<true/>'), { limits: { maxBytes: 10 } })).toMatch(/^the input is \d+ characters, over the limit of 10$/);
    expect(() => parsePlist(xml(`<array>${'<true/>'.repeat(5000)}</array>`), { timeoutMs: -1 })).toThrow(PlistTimeoutError);
    expect(DEFAULT_BUDGET_LIMITS).toMatchObject({ maxNodes: 100_000, maxDepth: 64 });
  });

  it('reads what it writes, and real profiles\' shapes: CDATA, comments, processing instructions, entities and references', () => {
    expect(value('<!-- c --><?pi x?><array><string><![CDATA[<a>]]>&#x41;&#66;&lt;</string></array>')).toEqual(['<a>AB<']);
    expect(parsePlist(toXmlPlist({ 'a\rb': 'c\rd' })).value).toEqual({ 'a\rb': 'c\rd' });
    expect(value('<string>a\r\nb\rc</string>')).toBe('a\nb\nc');
  });
});
