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

/** Applies every entry to the objects it corrects; returns how many keys each corrected. */
export function applyErrata(objects: readonly IrObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
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
