/**
 * The checked-in Markdown docs, JSDoc and JSON Schema as a reader meets them: links resolve,
 * each allowed-value list is printed once, Discussions and examples are shown, and text that
 * travels without the docs links to Apple's pages as full URLs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allTypes } from '../helpers/generated-types.js';
import { checkLinks } from '../helpers/link-check.js';

const GENERATED = join(import.meta.dirname, '../../generated');
const read = (rel: string): string => readFileSync(join(GENERATED, rel), 'utf8');

describe('the Markdown docs of spec/', () => {
  const docs = new Map(readdirSync(join(GENERATED, 'docs')).map((f) => [f, read(`docs/${f}`)]));

  it('have no broken internal link, anchors included', () => {
    const report = checkLinks(docs);
    expect(report.pages).toBe(docs.size);
    expect(report.internal).toBeGreaterThan(5000);
    expect(report.broken).toEqual([]);
    // Apple-site paths that have no page of ours go to Apple's site.
    expect(read('docs/ACMECertificate.md')).not.toMatch(/\]\(\/documentation\//);
  });

  it('print each list of allowed values once, and no stray entity', () => {
    const status = read('docs/AccountConfigurationResponse.md');
    expect(status.match(/- `NotNow`: The device received the command/g)).toHaveLength(1);
    const acme = read('docs/ACMECertificate.md');
    expect(acme).not.toMatch(/&gt;|&amp;gt;/);
    expect(acme.match(/- `RSA`: Specifies an RSA key pair/g)).toHaveLength(1);
    // `<` stays code inside code: a plist example is not shown as `&lt;dict&gt;`.
    expect(read('docs/WiFi.md')).toContain('<key>PayloadType</key>');
  });

  it('show Discussions, examples, supervision and where the page is at Apple', () => {
    const media = read('docs/MediaManagementAllowedMedia.md');
    expect(media).toContain('## Discussion\n\nSpecify `com.apple.systemuiserver` as the payload type.\n\nThis payload is deprecated as of macOS 11.');
    // The changelog mirror's empty "Profile availability" heading is left out; the table from the supplement is a fact row.
    expect(media).not.toMatch(/^#+ Profile availability/im);
    expect(media).toContain('| Profile availability | Device Channel: macOS; User Channel: macOS;');
    expect(media).toContain("| Apple's page | <https://developer.apple.com/documentation/devicemanagement/mediamanagementallowedmedia> |");
    const restrictions = read('docs/Restrictions.md');
    expect(restrictions).toContain('| [`allowAirDrop`](#key-allowAirDrop) | boolean |  | `true` |  |  | iOS 7+<br>iPadOS 7+<br>macOS 10.13+<br>visionOS 2+ | iOS, visionOS |\n');
    expect(restrictions).not.toContain('Defined at');
  });

  it('link commands and responses, deprecations to their replacements, and list payload types in the index', () => {
    expect(read('docs/AccountConfigurationCommand.md')).toContain('| Response | [AccountConfigurationResponse](AccountConfigurationResponse.md) |');
    expect(read('docs/AccountConfigurationResponse.md')).toContain('| Command | [AccountConfigurationCommand](AccountConfigurationCommand.md) |');
    expect(read('docs/AccountConfigurationCommand.md')).toContain('| Request type | `AccountConfiguration` |');
    const restrictions = read('docs/Restrictions.md');
    expect(restrictions).toContain('use the declarative management com.apple.configuration.intelligence.settings configuration. Deprecated in iOS 26.4, iPadOS 26.4, macOS 26.4. Replacement: [IntelligenceSettings](IntelligenceSettings.md).');
    expect(read('docs/IntelligenceSettings.md')).toMatch(/\| Replaces \| \[[^\n]*\]\(Restrictions\.md#key-/);
    expect(read('docs/README.md')).toContain('- [WiFi](WiFi.md) (`com.apple.wifi.managed`) — ');
  });
});

describe('JSDoc and JSON Schema of spec/', () => {
  it('link to Apple as full URLs and end with the object page, not a spec file', () => {
    const types = allTypes(read);
    expect(types).not.toMatch(/\]\(\/documentation\//);
    expect(types).not.toMatch(/Source: \S+\.md:\d+/);
    expect(types).toMatch(/\* @since iOS 4, iPadOS 4, macOS 10\.11, tvOS 17, visionOS 2\n {3}\* @see https:\/\/developer\.apple\.com\/documentation\/devicemanagement\/restrictions\n {3}\*\/\n {2}allowCamera\?: boolean;/);
    expect(types).toContain('(https://developer.apple.com/documentation/devicemanagement/toplevel)');
    for (const f of readdirSync(join(GENERATED, 'schema'))) expect(read(`schema/${f}`), f).not.toMatch(/\]\(\/documentation\//);
  });
});
