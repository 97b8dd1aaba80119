/**
 * Objects every profile check needs, for specs that lack their pages (Apple's pages have them; the
 * seeds do not): the profile's top level and the keys common to all payloads. Profiles are
 * validated through generated code only, so these are emitted like any other object rather than
 * checked by hand-written code in the validator. The keys follow Apple's "TopLevel" and
 * "CommonPayloadKeys" reference pages.
 */
import type { IrObject, IrProperty, IrType } from '../model/ir.js';

/** The object names the profile validator looks up for the top level and for any payload. */
export const TOP_LEVEL = 'TopLevel';
export const COMMON_PAYLOAD_KEYS = 'CommonPayloadKeys';

/** Where the built-in object's facts come from, shown in docs and diagnostics. */
export const BUILT_IN_FILE = '<built-in>';

type Spec = [name: string, type: IrType, required: boolean, description: string, extra?: Partial<IrProperty>];

const KEYS: Spec[] = [
  ['PayloadContent', { kind: 'array', items: { kind: 'dictionary' } }, true, 'The array of payload dictionaries. Not present for encrypted payloads.'],
  ['PayloadDescription', { kind: 'string' }, false, 'The description of the profile, shown on the Detail screen for the profile.'],
  ['PayloadDisplayName', { kind: 'string' }, false, 'The human-readable name for the profile.'],
  ['PayloadExpirationDate', { kind: 'date' }, false, 'The date when the profile is no longer valid.'],
  ['PayloadIdentifier', { kind: 'string' }, true, 'The reverse-DNS style identifier of the profile.'],
  ['PayloadOrganization', { kind: 'string' }, false, 'The name of the organization that provided the profile.'],
  ['PayloadUUID', { kind: 'string' }, true, 'The globally unique identifier for the profile.'],
  ['PayloadRemovalDisallowed', { kind: 'boolean' }, false, 'If `true`, the user can’t delete the profile without its removal password.', { default: false }],
  ['PayloadType', { kind: 'string' }, true, 'The type of payload. The only supported value is `Configuration`.', { allowedValues: ['Configuration'] }],
  ['PayloadVersion', { kind: 'integer' }, true, 'The version number of the profile format, which needs to be `1`.', { allowedValues: [1] }],
  ['PayloadScope', { kind: 'string' }, false, 'Whether to install the profile for the system or the user.', { allowedValues: ['System', 'User'] }],
  ['RemovalDate', { kind: 'date' }, false, 'The date when the system automatically removes the profile.'],
  ['DurationUntilRemoval', { kind: 'real' }, false, 'The number of seconds until the profile is automatically removed.'],
  ['ConsentText', { kind: 'dictionary' }, false, 'Consent agreements by language (IETF BCP 47 identifiers, and `default`).'],
  ['EncryptedPayloadContent', { kind: 'data' }, false, 'The encrypted payload content. Only present for encrypted payloads.'],
  ['HasRemovalPasscode', { kind: 'boolean' }, false, 'Whether the profile has a removal passcode.'],
  ['IsEncrypted', { kind: 'boolean' }, false, 'Whether the profile is encrypted.'],
  ['TargetDeviceType', { kind: 'integer' }, false, 'The type of platform of the target device.', { default: 0, allowedValues: [0, 1, 2, 3, 4, 5, 6] }],
];

const COMMON: Spec[] = [
  ['PayloadType', { kind: 'string' }, true, 'The payload type.'],
  ['PayloadIdentifier', { kind: 'string' }, true, 'A reverse-DNS identifier for the payload, unique within the profile.'],
  ['PayloadUUID', { kind: 'string' }, true, 'A globally unique identifier for the payload.'],
  ['PayloadVersion', { kind: 'integer' }, true, 'The version of the payload format.'],
  ['PayloadDisplayName', { kind: 'string' }, false, 'A human-readable name for the payload.'],
  ['PayloadDescription', { kind: 'string' }, false, 'A human-readable description of the payload.'],
  ['PayloadOrganization', { kind: 'string' }, false, 'The organization that provided the payload.'],
];

function properties(specs: Spec[], source: IrProperty['source']): IrProperty[] {
  return specs.map(([name, type, required, description, extra]) => ({
    name, type, typeOrigin: 'stated', required, description, source, ...extra,
  }));
}

function builtIn(name: string, summary: string, specs: Spec[]): IrObject {
  const source = { file: BUILT_IN_FILE, line: 1 };
  return { name, kind: 'object', summary, properties: properties(specs, source), source: { ...source, flavour: 'unknown' } };
}

/** Apple's top-level profile keys as an object of the model. */
export function builtInTopLevel(): IrObject {
  return builtIn(TOP_LEVEL, 'The top-level payload properties for all profiles (built in: the spec has no TopLevel page).', KEYS);
}

/** Apple's common payload keys as an object of the model. */
export function builtInCommonPayloadKeys(): IrObject {
  return builtIn(COMMON_PAYLOAD_KEYS, 'The properties common to all payloads (built in: the spec has no CommonPayloadKeys page).', COMMON);
}

/**
 * The common payload keys as a payload object carries them: those of `common` (Apple's
 * CommonPayloadKeys page, or the built-in object when the spec lacks it) with their own text and
 * source line, and `PayloadType` pinned to the payload's own type.
 */
export function commonPayloadKeys(o: IrObject, common: IrObject): IrProperty[] {
  return common.properties.map((p) =>
    p.name === 'PayloadType' && o.payloadType !== undefined ? { ...p, allowedValues: [o.payloadType] } : p);
}
