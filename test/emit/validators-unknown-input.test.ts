/**
 * The generated validators take `unknown` and promise an answer, never a crash, a hang or a lie:
 * only own properties are read (a key on a prototype, or on a polluted `Object.prototype`, is
 * not the value's), a value that contains itself stops at the depth limit, and huge, sparse or
 * shared structures stop at the value limit, each with one `limit-exceeded` error. Run on the
 * checked-in package (HomeScreenLayout nests, WiFi is a small object, Restrictions a large one).
 */
import { describe, expect, it } from 'vitest';
import { DEPTH_LIMIT, isHomeScreenLayout, isRestrictions, isWiFi, validateHomeScreenLayout, validateRestrictions, validateWiFi, VALUE_LIMIT } from '../../generated/validators/index.js';
import { validateProfile } from '../../generated/validators/documents.js';
import { PlistReal } from '../../generator/runtime/plist/index.js';
import { checkDeclarationSet, readStatusReport } from '../../generated/declarative/index.js';

const common = (type: string) => ({ PayloadType: type, PayloadVersion: 1, PayloadIdentifier: 'com.example.p', PayloadUUID: '6B0DD0C1-9F6A-4C5E-8E57-6C3C8A7B1E01' });
const wifi = () => ({ ...common('com.apple.wifi.managed'), SSID_STR: 'Office' });
const brief = (r: { issues: ReadonlyArray<{ code: string; path: string }> }) => r.issues.map((i) => `${i.code} ${i.path}`);

/** Runs `f` with `key` set on Object.prototype, as a polluted process has it. */
function polluted<T>(key: string, value: unknown, f: () => T): T {
  Object.defineProperty(Object.prototype, key, { value, configurable: true, enumerable: true, writable: true });
  try {
    return f();
  } finally {
    delete (Object.prototype as Record<string, unknown>)[key];
  }
}

describe('own properties only', () => {
  it('does not take keys a value only inherits: a payload whose keys live on its prototype misses them', () => {
    const inherited = Object.create(wifi()) as object;
    expect(brief(validateWiFi(inherited, { strict: true }))).toEqual(['missing-required PayloadIdentifier', 'missing-required PayloadType', 'missing-required PayloadUUID', 'missing-required PayloadVersion']);
    expect(isWiFi(inherited)).toBe(false);
  });

  it('is not swayed by a polluted Object.prototype, in small and large objects alike', () => {
    expect(polluted('SSID_STR', 5, () => brief(validateWiFi({ ...common('com.apple.wifi.managed') })))).toEqual([]);
    expect(polluted('PayloadUUID', 'x', () => isWiFi({ SSID_STR: 'a' }))).toBe(false);
    expect(polluted('allowAirDrop', 'no', () => brief(validateRestrictions({ ...common('com.apple.applicationaccess') })))).toEqual([]);
    expect(polluted('PayloadType', 'com.apple.applicationaccess', () => isRestrictions({ PayloadVersion: 1, PayloadIdentifier: 'a', PayloadUUID: 'b' }))).toBe(false);
    expect(polluted('Frobnicate', 1, () => brief(validateWiFi(wifi(), { strict: true })))).toEqual([]);
  });

  it('reads __proto__ and constructor in the data as data', () => {
    const v = JSON.parse('{"__proto__": {"SSID_STR": 1}, "constructor": 1, "PayloadType": "com.apple.wifi.managed", "PayloadVersion": 1, "PayloadIdentifier": "a", "PayloadUUID": "b"}') as object;
    expect(brief(validateWiFi(v))).toEqual(['unknown-key __proto__', 'unknown-key constructor']);
  });

  it('never takes a PlistReal for a dictionary', () => {
    expect(brief(validateHomeScreenLayout({ ...common('com.apple.homescreenlayout'), Dock: [new PlistReal(1)] }))).toContain('wrong-type Dock[0]');
  });
});

describe('limits', () => {
  it('stops a value that contains itself at the depth limit, with one error', () => {
    const folder: Record<string, unknown> = { Type: 'Folder', DisplayName: 'f' };
    folder['Pages'] = [[folder]];
    const layout = { ...common('com.apple.homescreenlayout'), Dock: [folder], Pages: [] };
    const r = validateHomeScreenLayout(layout);
    expect(r.valid).toBe(false);
    expect(r.issues.filter((i) => i.code === 'limit-exceeded')).toHaveLength(1);
    expect(r.issues[r.issues.length - 1]!.message).toBe(`nested deeper than ${DEPTH_LIMIT} levels (a value that contains itself?): not checked`);
    expect(isHomeScreenLayout(layout)).toBe(false);
    expect(validateProfile({ PayloadType: 'Configuration', PayloadVersion: 1, PayloadIdentifier: 'p', PayloadUUID: 'u', PayloadContent: [layout] }).valid).toBe(false);
  });

  it('stops a sparse array of length 2^32 - 1 at the value limit, at once', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    const r = validateHomeScreenLayout({ ...common('com.apple.homescreenlayout'), Dock: sparse, Pages: [] });
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['limit-exceeded', 'Dock', 'error']]);
    expect(isHomeScreenLayout({ ...common('com.apple.homescreenlayout'), Dock: sparse, Pages: [] })).toBe(false);
    const profile = { PayloadType: 'Configuration', PayloadVersion: 1, PayloadIdentifier: 'p', PayloadUUID: 'u', PayloadContent: sparse };
    expect(brief(validateProfile(profile))).toEqual(['limit-exceeded PayloadContent']);
  });

  it('bounds a structure that shares itself exponentially ([a, a] of [b, b] … 30 levels)', () => {
    let item: Record<string, unknown> = { Type: 'Application', BundleID: 'com.example' };
    for (let i = 0; i < 30; i++) item = { Type: 'Folder', DisplayName: 'f', Pages: [[item, item]] };
    const r = validateHomeScreenLayout({ ...common('com.apple.homescreenlayout'), Dock: [item], Pages: [] });
    expect(brief(r).filter((x) => x.startsWith('limit-exceeded'))).toHaveLength(1);
    expect(r.issues.find((i) => i.code === 'limit-exceeded')!.message).toMatch(`more than ${VALUE_LIMIT.toLocaleString('en-US')} values to check`);
  });

  it('bounds one huge dictionary shared by many payloads, and reports the rest of the payloads once', () => {
    const big: Record<string, unknown> = { ...wifi() };
    // Keys whose value is undefined are no finding, but each is looked through: the cost is counted.
    for (let i = 0; i < 200_000; i++) big[`k${i}`] = undefined;
    const r = validateProfile({ PayloadType: 'Configuration', PayloadVersion: 1, PayloadIdentifier: 'p', PayloadUUID: 'u', PayloadContent: Array.from({ length: 1000 }, () => big) });
    const limits = r.issues.filter((i) => i.code === 'limit-exceeded');
    expect(limits.length).toBeLessThanOrEqual(2);
    expect(limits.at(-1)!.message).toMatch(/^the value limit was reached: payloads \d+ to 999 are not checked$/);
    expect(r.issues.length).toBeLessThan(VALUE_LIMIT + 10);
  });

  it('leaves real-sized values alone: a 10,000-item array checks in full', () => {
    const pages = [Array.from({ length: 10_000 }, (_, i) => ({ Type: 'Application', BundleID: `com.example.${i}` }))];
    expect(validateHomeScreenLayout({ ...common('com.apple.homescreenlayout'), Dock: [], Pages: pages }).valid).toBe(true);
  });
});

describe('the declarative readers on unknown input', () => {
  const sparse = (): unknown[] => {
    const a: unknown[] = [];
    a.length = 2 ** 32 - 1;
    return a;
  };

  it('checks a set whose activation names its configurations in a sparse array of length 2^32 - 1, at once', () => {
    const configurations = sparse();
    configurations[7] = 'missing';
    const findings = checkDeclarationSet([{ Type: 'com.apple.activation.simple', Identifier: 'a', ServerToken: '1', Payload: { StandardConfigurations: configurations } }]);
    expect(findings.map((f) => [f.code, f.path])).toEqual([['dangling-declaration-reference', 'Payload.StandardConfigurations[7]']]);
  }, 10_000);

  it('reads a status report whose Errors is a sparse array of length 2^32 - 1, at once, and says it is not valid', () => {
    const errors = sparse();
    errors[3] = { StatusItem: 'device.model.family', Reasons: [] };
    const reading = readStatusReport({ StatusItems: {}, Errors: errors, FullReport: false });
    expect(reading.valid).toBe(false);
    expect(reading.issues.map((i) => i.code)).toContain('limit-exceeded');
    expect(reading.errors).toEqual([{ statusItem: 'device.model.family', reasons: [], known: true }]);
  }, 10_000);
});
