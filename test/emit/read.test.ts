/**
 * readResponse and readCheckIn on traffic shaped as devices send it: check-in messages
 * (Authenticate, TokenUpdate, CheckOut) and command responses (DeviceInformation acknowledged,
 * NotNow, an InstallProfile error with its ErrorChain, Idle), as XML and as binary plists. Each
 * is parsed, routed by its type, validated by its page and typed.
 */
import { describe, expect, it } from 'vitest';
import { readCheckIn, readResponse, validateCheckInMessage, validateCommandResponse, type RequestType } from '@dmspec/apple';
import { PlistError, toBinaryPlist, type PlistValue } from '@dmspec/apple/plist';
import { AUTHENTICATE, CHECK_OUT, DEVICE_INFORMATION, GET_BOOTSTRAP_TOKEN, IDLE, INSTALL_ERROR, NOT_NOW, others, plist, s, SET_BOOTSTRAP_TOKEN, TOKEN_UPDATE, UDID } from '../helpers/mdm-traffic.js';

describe('readCheckIn', () => {
  it('reads Authenticate, TokenUpdate and CheckOut as devices send them, routed by MessageType', () => {
    const auth = readCheckIn(AUTHENTICATE);
    expect([auth.format, auth.messageType, others(auth.issues)]).toEqual(['xml', 'Authenticate', []]);
    expect(auth.valid).toBe(validateCheckInMessage(auth.value).valid);
    if (auth.valid && auth.messageType === 'Authenticate') expect(auth.value.SerialNumber).toBe('DMPXK0XXQ1GC');
    const token = readCheckIn(new TextEncoder().encode(TOKEN_UPDATE));
    expect([token.messageType, others(token.issues)]).toEqual(['TokenUpdate', []]);
    expect((token.value as { Token: unknown }).Token).toBeInstanceOf(Uint8Array);
    expect(token.issues).toEqual(validateCheckInMessage(token.value).issues);
    expect([readCheckIn(CHECK_OUT).messageType, others(readCheckIn(CHECK_OUT).issues)]).toEqual(['CheckOut', []]);
  });

  it('reads a Mac\'s GetBootstrapToken and SetBootstrapToken with the UDID it sends, without an unknown-key finding', () => {
    for (const [message, type] of [[GET_BOOTSTRAP_TOKEN, 'GetBootstrapToken'], [SET_BOOTSTRAP_TOKEN, 'SetBootstrapToken']] as const) {
      const read = readCheckIn(message);
      expect([read.valid, read.messageType, read.issues.map((i) => `${i.severity} ${i.code} ${i.path}`)], type).toEqual([true, type, []]);
      // The key is typed, and its type is checked.
      expect(readCheckIn(message.replace(/<string>7A1B[^<]*<\/string>/, '<integer>7</integer>')).issues.map((i) => `${i.code} ${i.path}`), type).toEqual(['wrong-type UDID']);
    }
    const token = readCheckIn(SET_BOOTSTRAP_TOKEN);
    if (token.valid && token.messageType === 'SetBootstrapToken') expect(token.value.UDID?.length).toBe(36);
    else throw new Error('not read as a valid SetBootstrapToken');
  });

  it('reads a binary plist as its XML, and places findings', () => {
    const xml = readCheckIn(TOKEN_UPDATE);
    const binary = readCheckIn(toBinaryPlist(xml.value as PlistValue));
    expect([binary.format, binary.messageType, binary.value, binary.issues]).toEqual(['binary', 'TokenUpdate', xml.value, xml.issues]);
    const broken = readCheckIn(AUTHENTICATE.replace('<string>DMPXK0XXQ1GC</string>', '<integer>7</integer>'));
    expect([broken.valid, broken.messageType, others(broken.issues)]).toEqual([false, 'Authenticate', ['error wrong-type SerialNumber']]);
    const line = AUTHENTICATE.split('\n').findIndex((l) => l.includes('DMPXK0XXQ1GC')) + 1;
    expect(broken.positions.locate('SerialNumber')?.value).toMatchObject({ format: 'xml', line });
  });

  it('a message type the spec does not define is valid, unchecked, and untyped; bytes that are no plist throw PlistError', () => {
    const r = readCheckIn(plist(s('MessageType', 'FutureMessage') + '\n' + s('UDID', UDID)));
    expect([r.valid, r.messageType, r.issues.map((i) => `${i.severity} ${i.code}`)]).toEqual([true, undefined, ['warning unknown-type']]);
    expect(() => readCheckIn('<plist><dict><key>a</key></plist>')).toThrow(PlistError);
    expect(() => readCheckIn(new Uint8Array([0x62, 0x70, 0x6c, 0x69, 0x73, 0x74, 0x30, 0x30, 1, 2]))).toThrow(PlistError);
  });
});

describe('readResponse', () => {
  const sent = new Map<string, RequestType>([['0F2C6C1E-94B6-4C7A-8C07-3E1B0D5A7A11', 'DeviceInformation'], ['7C1B2A3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D', 'DeviceLock'], ['A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D', 'InstallProfile']]);
  const lookup = ({ CommandUUID }: { CommandUUID?: string }): RequestType | undefined => (CommandUUID === undefined ? undefined : sent.get(CommandUUID));

  it('reads an acknowledged DeviceInformation response, typed and validated by its page', () => {
    const r = readResponse(DEVICE_INFORMATION, 'DeviceInformation');
    expect([r.requestType, r.status, others(r.issues)]).toEqual(['DeviceInformation', 'Acknowledged', []]);
    expect(r.issues).toEqual(validateCommandResponse(r.value, 'DeviceInformation').issues);
    // A whole-number <real> stays a real: DeviceCapacity 64 is not an integer.
    expect(String((r.value as { QueryResponses: { DeviceCapacity: unknown } }).QueryResponses.DeviceCapacity)).toBe('64');
    if (r.valid && r.value.Status === 'Acknowledged') expect(r.value.QueryResponses.OSVersion).toBe('17.4.1');
  });

  it('finds the request type from the CommandUUID, and judges a response without a result by its envelope', () => {
    const notNow = readResponse(NOT_NOW, lookup);
    expect([notNow.requestType, notNow.status, others(notNow.issues)]).toEqual(['DeviceLock', 'NotNow', []]);
    const error = readResponse(toBinaryPlist(readResponse(INSTALL_ERROR, lookup).value as PlistValue), lookup);
    expect([error.format, error.requestType, error.status, others(error.issues)]).toEqual(['binary', 'InstallProfile', 'Error', []]);
    expect(readResponse(DEVICE_INFORMATION, lookup).requestType).toBe('DeviceInformation');
  });

  it('judges an ErrorChain item whole on an Error status, as its type promises', () => {
    const stripped = INSTALL_ERROR.replace(/\t\t\t<key>LocalizedDescription<\/key>.*\n/, '');
    const error = readResponse(stripped, lookup);
    expect([error.valid, others(error.issues)]).toEqual([false, ['error missing-required ErrorChain[0].LocalizedDescription']]);
    expect(validateCommandResponse(error.value, 'InstallProfile').valid).toBe(false);
  });

  it('a response no sent command matches (Idle, or an unknown CommandUUID) is not checked and not typed', () => {
    const idle = readResponse(IDLE, lookup);
    expect([idle.valid, idle.requestType, idle.status, idle.issues.map((i) => `${i.severity} ${i.code} ${i.path}`)]).toEqual([false, undefined, 'Idle', ['error unknown-type CommandUUID']]);
    const stray = readResponse(NOT_NOW.replace('7C1B2A3D', '00000000'), lookup);
    expect(stray.issues[0]?.message).toBe('no command is known by CommandUUID "00000000-4E5F-4A6B-8C7D-9E0F1A2B3C4D": the response is not checked');
  });

  it('an Acknowledged response missing its result is invalid, and the plist reader\'s limits hold', () => {
    const bare = readResponse(NOT_NOW.replace('NotNow', 'Acknowledged'), 'DeviceInformation');
    expect([bare.valid, others(bare.issues)]).toEqual([false, ['error missing-required QueryResponses']]);
    expect(() => readResponse(DEVICE_INFORMATION, 'DeviceInformation', { plist: { limits: { maxNodes: 5 } } })).toThrow(PlistError);
  });
});
