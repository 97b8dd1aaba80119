/**
 * Command responses: each command's response found as its overview page pairs them, the
 * `CommandResponseMap` and `CommandResponse` types, and the response registry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandResponse, CommandResponseMap, DeviceInformationResponse, RequestType, ResponseEnvelopeKey } from '@dmspec/apple';
import { isCommandResponse, validateCommandResponse } from '@dmspec/apple';
import { responseValidatorsByRequestType, validatorsByName, validatorsByRequestType } from '@dmspec/apple/registry';
import { SPEC } from '../helpers/corpus.js';

/** The pairs each overview page's "Commands and responses" list names. */
function overviewPairs(): Array<[command: string, response: string]> {
  const pairs: Array<[string, string]> = [];
  for (const file of readdirSync(SPEC).filter((f) => f.endsWith('.md')).sort()) {
    const text = readFileSync(join(SPEC, file), 'utf8');
    const section = /^### Commands and responses\n\n((?:- .*\n?)+)/m.exec(text)?.[1];
    if (section === undefined) continue;
    const names = [...section.matchAll(/^- \[([^\]]+)\]/gm)].map((m) => m[1]!);
    pairs.push([names.find((n) => n.endsWith('Command'))!, names.find((n) => n.endsWith('Response'))!]);
  }
  return pairs;
}

describe('command responses', () => {
  it('pair each command with the response its overview page names, for every request type', () => {
    const pairs = overviewPairs();
    expect(pairs.length).toBe(67);
    expect(responseValidatorsByRequestType.size).toBe(validatorsByRequestType.size);
    for (const [command, response] of pairs) {
      const requestType = [...validatorsByRequestType].find(([, v]) => v === validatorsByName.get(command))?.[0];
      expect(requestType, command).toBeDefined();
      expect(responseValidatorsByRequestType.get(requestType!), `${command} → ${response}`).toBe(validatorsByName.get(response));
    }
  });

  it('type a response by its status: the result only when Acknowledged', () => {
    const ok: CommandResponse<'DeviceInformation'> = {
      Status: 'Acknowledged', CommandUUID: 'c', UDID: 'u', EnrollmentID: 'e', EnrollmentUserID: 'eu', NotOnConsole: false, UserLongName: 'n',
      QueryResponses: { DeviceName: 'iPad' },
    };
    const later: CommandResponse<'DeviceInformation'> = { Status: 'NotNow', CommandUUID: 'c', UDID: 'u', EnrollmentID: 'e', EnrollmentUserID: 'eu', NotOnConsole: false, UserLongName: 'n' };
    // @ts-expect-error an acknowledged DeviceInformation response carries its QueryResponses
    const missing: CommandResponse<'DeviceInformation'> = { Status: 'Acknowledged', CommandUUID: 'c', UDID: 'u', EnrollmentID: 'e', EnrollmentUserID: 'eu', NotOnConsole: false, UserLongName: 'n' };
    const name = (r: CommandResponse<'DeviceInformation'>): string | undefined => (r.Status === 'Acknowledged' ? r.QueryResponses.DeviceName : r.QueryResponses?.DeviceName);
    expect([name(ok), name(later), missing.Status]).toEqual(['iPad', undefined, 'Acknowledged']);
    const plain: CommandResponseMap['DeviceInformation'] = ok as DeviceInformationResponse;
    const keys: ResponseEnvelopeKey[] = ['CommandUUID', 'Status', 'UDID', 'ErrorChain'];
    const types: RequestType[] = ['DeviceInformation'];
    expect([plain.Status, keys.length, types]).toEqual(['Acknowledged', 4, ['DeviceInformation']]);
  });

  // Which envelope keys a device must send is the pages' (and their conditions'); these cases look
  // only at the result's keys, which depend on the status alone.
  it('validates a response by the request type the caller names, asking for the result only when Acknowledged', () => {
    const about = (r: { issues: Array<{ path: string; code: string }> }, key: string): string[] => r.issues.filter((i) => i.path.split('.')[0] === key).map((i) => `${i.code} ${i.path}`);
    const envelope = { CommandUUID: '0F2C6C1E-94B6-4C7A-8C07-3E1B0D5A7A11', UDID: '00008030-001A2D3C0E38802E' };
    expect(about(validateCommandResponse({ ...envelope, Status: 'Acknowledged' }, 'DeviceInformation'), 'QueryResponses')).toEqual(['missing-required QueryResponses']);
    expect(about(validateCommandResponse({ ...envelope, Status: 'NotNow' }, 'DeviceInformation'), 'QueryResponses')).toEqual([]);
    expect(about(validateCommandResponse({ ...envelope, Status: 'Acknowledged', QueryResponses: { DeviceName: 7 } }, 'DeviceInformation'), 'QueryResponses')).toEqual(['wrong-type QueryResponses.DeviceName']);
    expect(validateCommandResponse({ ...envelope, Status: 'Acknowledged' }, 'Teleport').issues.map((i) => i.code)).toEqual(['unknown-type']);
    // An Error response from a device enrollment is what devices send: the guard holds.
    const value: unknown = { ...envelope, Status: 'Error' };
    expect(isCommandResponse(value, 'DeviceInformation')).toBe(true);
    if (isCommandResponse(value, 'DeviceInformation')) {
      // @ts-expect-error without Acknowledged there is no result to read unchecked
      const read = (): string => value.QueryResponses.DeviceName;
      expect(value.QueryResponses).toBeUndefined();
      expect(read).toThrow(TypeError);
    }
  });
});
