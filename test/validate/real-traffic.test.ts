/**
 * Real-shaped MDM traffic through the checked-in validators: what devices send in a device and a
 * user enrollment passes, what they never send fails. The pages mark UDID and EnrollmentID both
 * "Required", and their prose says each is required in one kind of enrollment; NotOnConsole and
 * UserLongName are sent on the macOS user channel alone (an erratum, from Apple's schema).
 */
import { describe, expect, it } from 'vitest';
import * as checkedIn from '@dmspec/apple';
import { responseValidatorsByRequestType, validateCommand, validateCommandResponse, validateProfile, type ValidateOptions, type ValidationResult } from '@dmspec/apple';
import { validateDocumentBytes, type ValidatorModule } from '../../generator/validate/index.js';
import { bytes, dict, str } from '../helpers/profiles.js';

const validators: ValidatorModule = checkedIn;
const issues = (r: ValidationResult): string[] => r.issues.map((i) => `${i.path} ${i.severity} ${i.code}`);
const data = '<data>3q2+7w==</data>';
const TOPIC = 'com.apple.mgmt.External.5a6e7a4f-1b2c-4d3e-8f90-a1b2c3d4e5f6';
const UDID = '00008110-000A1C2E3F4D801E';
const ENROLLMENT_ID = 'D3C81B63-5A52-4C36-8F5A-6B8C0B9E2C11';

/** A check-in message as a device sends it: an XML plist, validated as `dmspec validate` does. */
async function checkIn(keys: ReadonlyArray<readonly [string, string]>, options: ValidateOptions = {}): Promise<string[]> {
  const r = await validateDocumentBytes('m.plist', bytes(`<plist version="1.0">${dict(keys)}</plist>`), validators, options);
  expect(r.kind).toBe('check-in');
  return r.issues.map((i) => `${i.path} ${i.severity} ${i.code}`);
}
const token = (...more: Array<readonly [string, string]>): Array<readonly [string, string]> => [
  ['MessageType', str('TokenUpdate')], ['PushMagic', str('9B7E0E2A-1C55-4C8B-9F1B-2D6A3E4F5A6B')], ['Token', data], ['Topic', str(TOPIC)], ...more,
];

describe('TokenUpdate and CheckOut', () => {
  it('passes an iOS device enrollment\'s TokenUpdate (UDID, no EnrollmentID) and a user enrollment\'s (EnrollmentID, no UDID)', async () => {
    const device = token(['UDID', str(UDID)], ['UnlockToken', data], ['AwaitingConfiguration', '<false/>']);
    expect(await checkIn(device)).toEqual([]);
    expect(await checkIn(device, { platform: 'iOS', enrollment: 'device' })).toEqual([]);
    expect(await checkIn(device, { platform: 'iOS', enrollment: 'automated' })).toEqual([]);
    const user = token(['EnrollmentID', str(ENROLLMENT_ID)]);
    expect(await checkIn(user)).toEqual([]);
    expect(await checkIn(user, { platform: 'iOS', enrollment: 'user' })).toEqual([]);
  });

  it('passes a Mac\'s TokenUpdate on the device channel (no NotOnConsole, no UserLongName) and on the user channel (with both)', async () => {
    expect(await checkIn(token(['UDID', str(UDID)]), { platform: 'macOS' })).toEqual([]);
    const userChannel = token(['UDID', str(UDID)], ['NotOnConsole', '<false/>'], ['UserID', str('A1B2C3D4-0000-1111-2222-333344445555')], ['UserLongName', str('Jane Appleseed')], ['UserShortName', str('jane')]);
    expect(await checkIn(userChannel, { platform: 'macOS' })).toEqual([]);
    // A Mac in a user enrollment, on its user channel.
    expect(await checkIn(token(['EnrollmentID', str(ENROLLMENT_ID)], ['EnrollmentUserID', str('F1E2D3C4-B5A6-4978-8A9B-0C1D2E3F4A5B')]), { platform: 'macOS', enrollment: 'user' })).toEqual([]);
  });

  it('requires the enrollment\'s identifier: UDID in a device enrollment, EnrollmentID in a user enrollment, one of them when the enrollment is not given', async () => {
    expect(await checkIn(token(['EnrollmentID', str(ENROLLMENT_ID)]), { platform: 'iOS', enrollment: 'device' })).toEqual(['UDID error missing-required']);
    expect(await checkIn(token(['UDID', str(UDID)]), { platform: 'iOS', enrollment: 'user' })).toEqual(['EnrollmentID error missing-required']);
    const none = await validateDocumentBytes('m.plist', bytes(`<plist>${dict(token())}</plist>`), validators);
    expect(none.issues.map((i) => [i.path, i.code, i.message])).toEqual([
      ['', 'missing-required', 'one of EnrollmentID, UDID is required (EnrollmentID in a user enrollment and on iOS, iPadOS, macOS, visionOS; UDID in a device enrollment)'],
    ]);
    // tvOS has no user enrollment: UDID alone is required there.
    expect(await checkIn(token(), { platform: 'tvOS' })).toEqual(['UDID error missing-required']);
    // The keys every TokenUpdate has stay required.
    expect(await checkIn([['MessageType', str('TokenUpdate')], ['UDID', str(UDID)]])).toEqual(['PushMagic error missing-required', 'Token error missing-required', 'Topic error missing-required']);
  });

  it('passes a CheckOut of either enrollment and requires its identifier', async () => {
    expect(await checkIn([['MessageType', str('CheckOut')], ['Topic', str(TOPIC)], ['UDID', str(UDID)]], { enrollment: 'device' })).toEqual([]);
    expect(await checkIn([['MessageType', str('CheckOut')], ['Topic', str(TOPIC)], ['EnrollmentID', str(ENROLLMENT_ID)]], { enrollment: 'user' })).toEqual([]);
    expect(await checkIn([['MessageType', str('CheckOut')], ['Topic', str(TOPIC)]])).toEqual([' error missing-required']);
    expect(await checkIn([['MessageType', str('CheckOut')], ['Topic', str(TOPIC)], ['EnrollmentID', str(ENROLLMENT_ID)]], { enrollment: 'device' })).toEqual(['UDID error missing-required']);
  });
});

describe('command responses', () => {
  const envelope = { UDID, CommandUUID: '6E2F8A1C-0B3D-4E5F-9A7B-1C2D3E4F5A6B' };

  it('passes typical responses: DeviceInformation, ProfileList, an InstallProfile error', () => {
    const info = { ...envelope, Status: 'Acknowledged', QueryResponses: { DeviceName: 'Jane’s iPhone', OSVersion: '18.5', SerialNumber: 'F2LXK0ABCDEF', IsSupervised: true } };
    expect(issues(validateCommandResponse(info, 'DeviceInformation', { platform: 'iOS' }))).toEqual([]);
    const list = { ...envelope, Status: 'Acknowledged', ProfileList: [] };
    expect(issues(validateCommandResponse(list, 'ProfileList'))).toEqual([]);
    const failed = { ...envelope, Status: 'Error', ErrorChain: [{ ErrorCode: 4001, ErrorDomain: 'MCProfileErrorDomain', LocalizedDescription: 'The profile is invalid.', USEnglishDescription: 'The profile is invalid.' }] };
    expect(issues(validateCommandResponse(failed, 'InstallProfile'))).toEqual([]);
    // From a user enrollment, and from a Mac's user channel.
    expect(issues(validateCommandResponse({ EnrollmentID: ENROLLMENT_ID, CommandUUID: envelope.CommandUUID, Status: 'Acknowledged', ProfileList: [] }, 'ProfileList', { enrollment: 'user' }))).toEqual([]);
    expect(issues(validateCommandResponse({ ...list, UserID: 'A1B2C3D4-0000-1111-2222-333344445555', UserLongName: 'Jane Appleseed', UserShortName: 'jane', NotOnConsole: false }, 'ProfileList', { platform: 'macOS' }))).toEqual([]);
  });

  it('passes the envelope every response validator knows, from either enrollment, and fails one with neither identifier', () => {
    expect(responseValidatorsByRequestType.size).toBeGreaterThanOrEqual(60);
    const failing: string[] = [];
    for (const [type, validate] of responseValidatorsByRequestType) {
      for (const [who, options] of [[{ UDID }, {}], [{ UDID }, { enrollment: 'device' }], [{ EnrollmentID: ENROLLMENT_ID }, { enrollment: 'user' }], [{ EnrollmentID: ENROLLMENT_ID }, {}]] as const) {
        const r = validate({ ...who, CommandUUID: envelope.CommandUUID, Status: 'NotNow' }, options);
        // A NotNow response carries no result: only the envelope's findings count.
        const envelopeIssues = r.issues.filter((i) => ['UDID', 'EnrollmentID', 'EnrollmentUserID', 'NotOnConsole', 'UserLongName', ''].includes(i.path) && i.code === 'missing-required');
        if (envelopeIssues.length) failing.push(`${type} ${JSON.stringify(options)}: ${envelopeIssues.map((i) => i.message).join('; ')}`);
      }
      const neither = validateCommandResponse({ CommandUUID: envelope.CommandUUID, Status: 'NotNow' }, type);
      expect(neither.issues.map((i) => `${i.path} ${i.code}`), type).toEqual([' missing-required']);
    }
    expect(failing).toEqual([]);
  });
});

describe('commands', () => {
  it('takes DeviceInformation Queries as query names, as servers send them (the page says dictionaries: an erratum)', () => {
    const command = (queries: unknown): ValidationResult => validateCommand({ Command: { RequestType: 'DeviceInformation', Queries: queries }, CommandUUID: 'c' });
    expect(issues(command(['DeviceName', 'OSVersion', 'SerialNumber', 'ICCID', 'IMEI']))).toEqual([]);
    expect(issues(command([{ DeviceName: true }]))).toEqual(['Command.Queries[0] error wrong-type']);
    expect(issues(command('DeviceName'))).toEqual(['Command.Queries error wrong-type']);
  });

  it('requires one of Message and PhoneNumber in EnableLostMode, as the page says of each', () => {
    const lost = (keys: object): string[] => issues(validateCommand({ Command: { RequestType: 'EnableLostMode', ...keys }, CommandUUID: 'c' }));
    expect(lost({ Message: 'Please return this iPad.' })).toEqual([]);
    expect(lost({ PhoneNumber: '+1 408 555 0100' })).toEqual([]);
    expect(lost({ Footnote: 'x' })).toEqual(['Command error missing-required']);
  });
});

describe('profiles', () => {
  const profile = (top: object, content: object[] = []) => validateProfile({
    PayloadType: 'Configuration', PayloadVersion: 1, PayloadIdentifier: 'com.example.p', PayloadUUID: 'F1E2D3C4-B5A6-4978-8A9B-0C1D2E3F4A5B', PayloadDisplayName: 'P', ...top, PayloadContent: content,
  });

  it('takes ConsentText as language codes to text, and checks each text', () => {
    expect(issues(profile({ ConsentText: { default: 'By installing you agree.', en: 'By installing you agree.', 'zh-Hans': '安装即表示同意。' } }))).toEqual([]);
    expect(issues(profile({ ConsentText: { en: 3 } }))).toEqual(['ConsentText.en error wrong-type']);
    expect(issues(profile({ ConsentText: 'By installing you agree.' }))).toEqual(['ConsentText error wrong-type']);
  });

  it('judges a requirement on another key\'s value the page names exactly (conditional-requirements.test.ts has the rest)', () => {
    const airplay = (keys: object): string[] => issues(profile({}, [{ PayloadType: 'com.apple.airplay.security', PayloadVersion: 1, PayloadIdentifier: 'com.example.a', PayloadUUID: 'A1B2C3D4-0000-1111-2222-333344445555', AccessType: 'ANY', ...keys }]));
    expect(airplay({ SecurityType: 'PASSCODE_ONCE' })).toEqual([]);
    expect(airplay({ SecurityType: 'PASSWORD', Password: 'secret' })).toEqual([]);
    expect(airplay({ SecurityType: 'PASSWORD' })).toEqual(['PayloadContent[0].Password error missing-required']);
  });
});

describe('status reports', () => {
  const report = (items: unknown, extra: Record<string, unknown> = {}): Uint8Array => new TextEncoder().encode(JSON.stringify({ StatusItems: items, Errors: [], FullReport: true, ...extra }, null, 2));
  const device = {
    device: {
      identifier: { 'serial-number': 'C02XK0XXJG5J', udid: UDID },
      model: { family: 'Mac', identifier: 'Mac14,2', 'marketing-name': 'MacBook Air (M2, 2022)' },
      'operating-system': { 'build-version': '24A335', family: 'macOS', version: '15.0' },
    },
    passcode: { 'is-compliant': true, 'is-present': true },
    management: {
      'client-capabilities': {
        'supported-features': {},
        'supported-payloads': { declarations: { activations: ['com.apple.activation.simple'], assets: ['com.apple.asset.data'], configurations: ['com.apple.configuration.passcode.settings'], management: ['com.apple.management.properties'] }, 'status-items': ['device.identifier.udid'] },
        'supported-versions': ['1.0.0'],
      },
    },
  };

  it('checks a status report a device sends, as its page and the status-item pages define it', async () => {
    const r = await validateDocumentBytes('status.json', report(device), validators);
    expect([r.kind, r.issues.map((i) => `${i.path} ${i.severity} ${i.code}`)]).toEqual(['status-report', []]);
    const partial = await validateDocumentBytes('status.json', report({ device: { 'operating-system': { version: '15.0' } } }, { FullReport: false, Errors: [{ StatusItem: 'device.identifier.udid', Reasons: [{ Code: 'Error.Unavailable' }] }] }), validators);
    expect(partial.issues.map((i) => `${i.path} ${i.severity} ${i.code}`)).toEqual([]);
  });

  it('finds a wrong value on its item, and an item the spec does not define is a warning', async () => {
    const wrong = await validateDocumentBytes('status.json', report({ ...device, passcode: { 'is-compliant': 'yes' }, future: { item: 1 } }), validators);
    expect(wrong.issues.map((i) => `${i.path} ${i.severity} ${i.code}`)).toEqual(['StatusItems.passcode.is-compliant error wrong-type', 'StatusItems.future warning unknown-key']);
  });

  it('does not take a declaration, or JSON with a StatusItems array, for a report', async () => {
    const subscriptions = new TextEncoder().encode(JSON.stringify({ Type: 'com.apple.configuration.management.status-subscriptions', Identifier: 'a', ServerToken: '1', Payload: { StatusItems: [{ Name: 'device.identifier.udid' }] } }));
    expect((await validateDocumentBytes('s.json', subscriptions, validators)).kind).toBe('declaration');
    expect((await validateDocumentBytes('s.json', new TextEncoder().encode('{"StatusItems": []}'), validators)).kind).toBe('unknown');
  });
});
