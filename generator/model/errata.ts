/**
 * Errata: page errors no rule can read from the pages, each corrected here with its evidence and
 * pinned by a test (`test/model/errata.test.ts`). Kept short on purpose: whatever a rule can read
 * from the pages is read by that rule, not listed here. The docs and JSDoc show each entry as a
 * correction of the page; the IR carries it as the key's `erratum`.
 */
import type { Erratum, IrObject, IrProperty } from './ir.js';

interface ErratumEntry extends Erratum {
  /** The keys it corrects. */
  applies(o: IrObject, p: IrProperty): boolean;
  correct(p: IrProperty, o: IrObject): IrProperty;
}

/** A device message (a check-in message or a command response) carries the enrollment envelope. */
const isDeviceMessage = (o: IrObject): boolean => ['UDID', 'EnrollmentID'].every((k) => o.properties.some((p) => p.name === k));

const USER_CHANNEL_KEYS = new Set(['NotOnConsole', 'UserLongName', 'EnrollmentUserID']);

export const ERRATA: readonly ErratumEntry[] = [
  {
    id: 'device-information-queries',
    correction: 'The page types Queries as an array of dictionaries (DeviceInformationCommand.Command.Queries); devices take an array of query names, such as the keys that page lists.',
    // The names are not closed to the page's list: the schema lists more (ICCID, IMEI, IsRoaming,
    // OSUpdateSettings…), servers send them, and a device ignores a query it does not know.
    evidence: 'Apple\'s schema (apple/device-management, mdm/commands/information.device.yaml) types Queries as an array of strings (QueriesItem: <string>) naming the queries, more of them than the page lists; servers send Queries = ["DeviceName", "OSVersion"].',
    applies: (o, p) => o.name === 'DeviceInformationCommand.Command' && p.name === 'Queries' && p.type.kind === 'array' && p.type.items.kind === 'ref',
    correct: (p) => ({ ...p, type: { kind: 'array', items: { kind: 'string' } } }),
  },
  {
    id: 'user-channel-keys',
    correction: 'The page marks NotOnConsole, UserLongName and EnrollmentUserID required; a device sends them only on the macOS user channel, so they are required there alone.',
    evidence: 'Apple\'s schema (apple/device-management, mdm/checkin/tokenupdate.yaml) gives the three keys `devicechannel: false` on macOS and `introduced: n/a` on iOS, visionOS and watchOS; device-channel TokenUpdate, CheckOut and command responses carry none of them.',
    applies: (o, p) => USER_CHANNEL_KEYS.has(p.name) && p.required && isDeviceMessage(o),
    correct: (p) => ({ ...p, requiredWhen: [...(p.requiredWhen ?? []).filter((c) => c.kind !== 'channel'), { kind: 'channel', channel: 'user' }] }),
  },
];

/** A key a page leaves out although devices send it, taken whole from the page of another object that defines it. */
interface AddedKeyEntry extends Erratum {
  /** The objects whose pages leave the key out. */
  objects: readonly string[];
  key: string;
  /** The object whose page defines the key; the added key keeps that page's source and facts. */
  from: string;
}

export const ADDED_KEYS: readonly AddedKeyEntry[] = [
  {
    id: 'bootstrap-token-udid',
    correction: 'The GetBootstrapToken and SetBootstrapToken request pages list no UDID; a Mac sends its UDID in these device-channel check-in messages as in every other, so the key is taken as the AuthenticateRequest page defines it (not required).',
    evidence: 'Apple\'s schema (apple/device-management, mdm/checkin/getbootstraptoken.yaml and setbootstraptoken.yaml) lists no identity keys either, while servers identify the device of these messages by their UDID and EnrollmentID keys (micromdm/nanomdm, mdm/checkin.go: GetBootstrapToken and SetBootstrapToken embed the Enrollment keys).',
    objects: ['GetBootstrapTokenRequest', 'SetBootstrapTokenRequest'],
    key: 'UDID',
    from: 'AuthenticateRequest',
  },
];

/** Applies every entry to the objects it corrects; returns how many keys each corrected or added. */
export function applyErrata(objects: readonly IrObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  addKeys(objects, counts);
  for (const o of objects) {
    // Objects no entry corrects keep their array: a generate cache knows them by identity.
    if (!o.properties.some((p) => ERRATA.some((e) => e.applies(o, p)))) continue;
    o.properties = o.properties.map((p) => {
      const entry = ERRATA.find((e) => e.applies(o, p));
      if (!entry) return p;
      counts[entry.id] = (counts[entry.id] ?? 0) + 1;
      const { id, correction, evidence } = entry;
      return { ...entry.correct(p, o), erratum: { id, correction, evidence } };
    });
  }
  return counts;
}

/** Adds each missing key where its entry says, when the defining object has it and the object lacks it. */
function addKeys(objects: readonly IrObject[], counts: Record<string, number>): void {
  const byName = new Map(objects.map((o) => [o.name, o]));
  for (const entry of ADDED_KEYS) {
    const defined = byName.get(entry.from)?.properties.find((p) => p.name === entry.key);
    if (!defined) continue;
    const { id, correction, evidence } = entry;
    for (const name of entry.objects) {
      const o = byName.get(name);
      if (!o || o.properties.some((p) => p.name === entry.key)) continue;
      // Not required: the pages do not say it is, and a message without it is no worse than the page.
      const { requiredWhen: _when, ...rest } = defined;
      o.properties = [...o.properties, { ...rest, required: false, erratum: { id, correction, evidence } }];
      counts[id] = (counts[id] ?? 0) + 1;
    }
  }
}
