/**
 * The response route (generator/runtime/validator/response.ts): a response judged by the request
 * type the caller names, its result required only when the device acknowledged the command.
 */
import { describe, expect, it } from 'vitest';
import { carriesResult, isDict, missingKeys, NO_OPTIONS, own, routeResponse, run, wrongType, type ValidationResult, type Validator } from '../../generator/runtime/validator/index.js';

/** A response page: `Status` and `UDID` (envelope) and `QueryResponses` (result) required; `QueryResponses` a dictionary. */
const deviceInformation: Validator = (value, o = NO_OPTIONS) => run((v, r, d) => {
  if (!isDict(v)) return wrongType(r, d, undefined, 'dictionary', v);
  missingKeys(r, d, v, ['QueryResponses', 'Status', 'UDID']);
  if (own(v, 'QueryResponses') && !isDict(v['QueryResponses'])) wrongType(r, d, 'QueryResponses', 'dictionary', v['QueryResponses']);
}, value, o);

const route = { routes: new Map([['DeviceInformation', deviceInformation]]), envelope: ['CommandUUID', 'Status', 'UDID'] };
const brief = (res: ValidationResult): [boolean, string[]] => [res.valid, res.issues.map((i) => `${i.severity} ${i.code} ${i.path}`)];

describe('routeResponse', () => {
  it('checks an acknowledged response for the result', () => {
    expect(brief(routeResponse({ Status: 'Acknowledged', UDID: 'u', QueryResponses: {} }, 'DeviceInformation', route))).toEqual([true, []]);
    expect(brief(routeResponse({ Status: 'Acknowledged', UDID: 'u' }, 'DeviceInformation', route))).toEqual([false, ['error missing-required QueryResponses']]);
  });

  it('does not ask a response of another status for the result, but still for the envelope and for the types of what is there', () => {
    for (const Status of ['NotNow', 'Error', 'CommandFormatError', 'Idle']) {
      expect(brief(routeResponse({ Status, UDID: 'u' }, 'DeviceInformation', route)), Status).toEqual([true, []]);
    }
    expect(brief(routeResponse({ Status: 'NotNow' }, 'DeviceInformation', route))).toEqual([false, ['error missing-required UDID']]);
    expect(brief(routeResponse({ Status: 'Error', UDID: 'u', QueryResponses: 'none' }, 'DeviceInformation', route))).toEqual([false, ['error wrong-type QueryResponses']]);
  });

  it('asks what the device sent for its own required keys on every status: an ErrorChain item lacking LocalizedDescription', () => {
    const errorItem: Validator = (value, o = NO_OPTIONS) => run((v, r, d) => {
      if (!isDict(v)) return wrongType(r, d, undefined, 'dictionary', v);
      missingKeys(r, d, v, ['Status', 'UDID']);
      const chain = own(v, 'ErrorChain') ? v['ErrorChain'] : undefined;
      if (Array.isArray(chain)) chain.forEach((item, i) => { r.p[d] = 'ErrorChain'; r.p[d + 1] = i; if (isDict(item)) missingKeys(r, d + 2, item, ['ErrorCode', 'LocalizedDescription']); });
    }, value, o);
    const withChain = { routes: new Map([['InstallProfile', errorItem]]), envelope: ['CommandUUID', 'Status', 'UDID'] };
    const item = { ErrorCode: 4, ErrorDomain: 'MCInstallationErrorDomain' };
    for (const Status of ['Error', 'NotNow', 'Acknowledged']) {
      expect(brief(routeResponse({ Status, UDID: 'u', ErrorChain: [item] }, 'InstallProfile', withChain)), Status).toEqual([false, ['error missing-required ErrorChain[0].LocalizedDescription']]);
      expect(brief(routeResponse({ Status, UDID: 'u', ErrorChain: [{ ...item, LocalizedDescription: 'x' }] }, 'InstallProfile', withChain)), Status).toEqual([true, []]);
    }
  });

  it('takes a response without a string Status as carrying its result (and the page reports the Status)', () => {
    expect(carriesResult({ UDID: 'u' })).toBe(true);
    expect(carriesResult({ Status: 7 })).toBe(true);
    expect(brief(routeResponse({ UDID: 'u' }, 'DeviceInformation', route))).toEqual([false, ['error missing-required QueryResponses', 'error missing-required Status']]);
  });

  it('is an unknown-type warning for a request type it has no page of, and a wrong-type error for a value that is no dictionary', () => {
    expect(brief(routeResponse({ Status: 'Acknowledged' }, 'Teleport', route))).toEqual([true, ['warning unknown-type ']]);
    expect(brief(routeResponse({ Status: 'Acknowledged' }, '__proto__', route))).toEqual([true, ['warning unknown-type ']]);
    expect(brief(routeResponse(['Acknowledged'], 'DeviceInformation', route))).toEqual([false, ['error wrong-type ']]);
  });
});
