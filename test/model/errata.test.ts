/**
 * The errata table and placeholder keys, on Apple's own pages: each erratum corrects exactly the
 * keys it names and says where its correction comes from; a dictionary whose page documents one
 * key standing for any key (a language code, a realm) types every key by the placeholder's value.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePages } from '../../generator/parse/index.js';
import { ADDED_KEYS, ERRATA } from '../../generator/model/errata.js';
import type { IrDocument, IrProperty } from '../../generator/model/ir.js';

const pages = (...files: string[]): IrDocument => parsePages(files.map((file) => ({ file, text: readFileSync(`spec/${file}`, 'utf8') })));
const key = (ir: IrDocument, object: string, name: string): IrProperty => {
  const o = ir.objects.find((x) => x.name === object);
  const p = o?.properties.find((x) => x.name === name);
  if (!p) throw new Error(`${object}.${name} is not in the IR`);
  return p;
};

describe('errata', () => {
  it('types DeviceInformation Queries as an array of query names, saying why, and leaves the names open', () => {
    const ir = pages('deviceinformationcommand.md', 'deviceinformationcommand/command-data.dictionary.md', 'deviceinformationcommand/command-data.dictionary/queries-data.dictionary.md');
    const queries = key(ir, 'DeviceInformationCommand.Command', 'Queries');
    expect(queries.type).toEqual({ kind: 'array', items: { kind: 'string' } });
    // Apple's schema names queries the page does not list (ICCID, IMEI): a device ignores one it does not know.
    expect(queries.allowedValues).toBeUndefined();
    expect(queries.erratum).toMatchObject({ id: 'device-information-queries' });
    expect(queries.erratum!.evidence).toMatch(/apple\/device-management, mdm\/commands\/information\.device\.yaml/);
    // The key keeps its page and line: the erratum corrects the fact, not where it was stated.
    expect(queries.source).toMatchObject({ file: 'deviceinformationcommand/command-data.dictionary.md', line: 22 });
    // The page of query names stays, for the docs.
    expect(ir.objects.find((o) => o.name === 'DeviceInformationCommand.Command.Queries')!.properties.map((p) => p.name)).toContain('DeviceName');
  });

  it('requires NotOnConsole, UserLongName and EnrollmentUserID only on the user channel, as Apple\'s schema says', () => {
    const ir = pages('tokenupdaterequest.md');
    for (const name of ['NotOnConsole', 'UserLongName', 'EnrollmentUserID']) {
      const p = key(ir, 'TokenUpdateRequest', name);
      expect(p.required, name).toBe(true);
      expect(p.requiredWhen, name).toContainEqual({ kind: 'channel', channel: 'user' });
      expect(p.erratum?.id, name).toBe('user-channel-keys');
    }
    // Its own sentence's conditions stay, with the channel once.
    expect(key(ir, 'TokenUpdateRequest', 'EnrollmentUserID').requiredWhen).toEqual([{ kind: 'enrollment', enrollment: 'user', channel: 'user' }, { kind: 'platform', platforms: ['macOS'] }, { kind: 'channel', channel: 'user' }]);
    // A response page that lists the keys with no prose at all gets the same correction.
    const media = pages('installmediaresponse.md');
    for (const name of ['NotOnConsole', 'UserLongName', 'EnrollmentUserID']) expect(key(media, 'InstallMediaResponse', name).requiredWhen, name).toEqual([{ kind: 'channel', channel: 'user' }]);
    // The keys the erratum does not name are as the page states them.
    expect(key(ir, 'TokenUpdateRequest', 'UDID').erratum).toBeUndefined();
    expect(key(ir, 'TokenUpdateRequest', 'Topic')).toMatchObject({ required: true });
    expect(key(ir, 'TokenUpdateRequest', 'Topic').requiredWhen).toBeUndefined();
  });

  it('adds the UDID a Mac sends to the bootstrap-token check-ins, as AuthenticateRequest defines it, saying so', () => {
    const ir = pages('authenticaterequest.md', 'getbootstraptokenrequest.md', 'setbootstraptokenrequest.md');
    const defined = key(ir, 'AuthenticateRequest', 'UDID');
    for (const object of ['GetBootstrapTokenRequest', 'SetBootstrapTokenRequest']) {
      const udid = key(ir, object, 'UDID');
      expect(udid, object).toMatchObject({ type: { kind: 'string' }, required: false, source: defined.source, description: defined.description });
      expect(udid.erratum?.id, object).toBe('bootstrap-token-udid');
      // The page's own keys come first, as the page lists them.
      expect(ir.objects.find((o) => o.name === object)!.properties.at(-1)!.name, object).toBe('UDID');
    }
    // Without the page that defines it, nothing is added: the key is never invented.
    expect(pages('getbootstraptokenrequest.md').objects[0]!.properties.map((p) => p.name)).toEqual(['AwaitingConfiguration', 'MessageType']);
    // A page that lists the key keeps its own.
    expect(key(ir, 'AuthenticateRequest', 'UDID').erratum).toBeUndefined();
  });

  it('keeps the table short and every entry sourced', () => {
    for (const e of ADDED_KEYS) {
      expect(e.id).toMatch(/^[a-z-]+$/);
      expect(e.evidence, e.id).toMatch(/apple\/device-management/);
    }
    expect(ERRATA.length).toBeLessThanOrEqual(5);
    for (const e of ERRATA) {
      expect(e.id).toMatch(/^[a-z-]+$/);
      expect(e.correction.length, e.id).toBeGreaterThan(20);
      expect(e.evidence, e.id).toMatch(/apple\/device-management/);
    }
  });
});

describe('placeholder keys', () => {
  it('types every key of ConsentText by the text its placeholder\'s pair holds, and no key is named ConsentTextItem', () => {
    const ir = pages('toplevel.md', 'toplevel/consenttext-data.dictionary.md', 'toplevel/consenttext-data.dictionary/consenttextitem-data.dictionary.md');
    const item = key(ir, 'TopLevel.ConsentText', 'ConsentTextItem');
    expect(item.placeholderKey).toEqual({ line: 9, values: { kind: 'string' } });
  });

  it('leaves a dictionary of named keys alone', () => {
    const ir = pages('deviceinformationcommand.md', 'deviceinformationcommand/command-data.dictionary.md');
    expect(ir.objects.flatMap((o) => o.properties).filter((p) => p.placeholderKey)).toEqual([]);
  });
});
