/**
 * Skeletons of documents from the IR: a payload, an MDM command or a check-in message with each
 * key its page marks required (a device enrollment's where a key is required by enrollment),
 * holding a value of the key's type (the page's default where it states one, else its first
 * allowed value, else the range's minimum, else an empty value of the type), and each key
 * required on the value another key holds there (`ServerURL` when `DNSProtocol` is `HTTPS`). `dmspec new`
 * builds profiles and commands from them with the package's builders, which validate the result.
 */
import { standsForAnyKey, type IrDocument, type IrObject, type IrProperty, type IrType, type JsonValue, type RequiredCondition } from '../model/ir.js';
import { plistReal } from '../runtime/plist/index.js';

/** Nesting deeper than this is left as an empty dictionary (the spec's refs can be cyclic). */
const MAX_DEPTH = 8;

/** The keys the profile builder fills or the skeleton sets itself: never written from a page. */
const ENVELOPE = new Set(['PayloadIdentifier', 'PayloadUUID', 'PayloadVersion', 'PayloadType']);

type Value = unknown;

/** Finds the objects of the IR by name, payload type and request type. */
export class SkeletonIndex {
  private readonly byName = new Map<string, IrObject>();
  private readonly byPayloadType = new Map<string, IrObject[]>();
  private readonly byRequestType = new Map<string, IrObject>();

  constructor(ir: IrDocument) {
    for (const o of ir.objects) this.byName.set(o.name, o);
    for (const o of ir.objects) {
      if (o.payloadType !== undefined) this.byPayloadType.set(o.payloadType, [...(this.byPayloadType.get(o.payloadType) ?? []), o]);
      // A command page: `Command` refers to the dictionary whose `RequestType` allows one value.
      const command = o.kind === 'command' ? o.properties.find((p) => p.name === 'Command' && p.type.kind === 'ref') : undefined;
      const inner = command?.type.kind === 'ref' ? this.byName.get(command.type.name) : undefined;
      const rt = inner?.properties.find((p) => p.name === 'RequestType')?.allowedValues;
      if (o.properties.some((p) => p.name === 'CommandUUID') && rt?.length === 1 && typeof rt[0] === 'string' && !this.byRequestType.has(rt[0])) this.byRequestType.set(rt[0], o);
    }
  }

  /** The page of a payload type (the first by name where pages share it). */
  payload(payloadType: string): IrObject | undefined {
    return this.byPayloadType.get(payloadType)?.[0];
  }

  /** Every page of a payload type (several share `com.apple.MCX`, `com.apple.extensiblesso`). */
  payloadPages(payloadType: string): readonly IrObject[] {
    return this.byPayloadType.get(payloadType) ?? [];
  }

  /** The page of an MDM command, by its `RequestType`. */
  command(requestType: string): IrObject | undefined {
    return this.byRequestType.get(requestType);
  }

  /** Every payload type and request type, sorted: for messages naming what exists. */
  names(): { payloadTypes: string[]; requestTypes: string[] } {
    return { payloadTypes: [...this.byPayloadType.keys()].sort(), requestTypes: [...this.byRequestType.keys()].sort() };
  }

  /** An object's properties with those it inherits (its own first), but for keys that stand for any key (`ANY`, a placeholder such as ConsentText's `ConsentTextItem`): no document spells those. */
  properties(o: IrObject): IrProperty[] {
    const out: IrProperty[] = [];
    const names = new Set<string>();
    const seen = new Set<string>();
    // Parents depth first in the page's order, with a stack: a chain of parents is as long as a spec makes it.
    const stack = [o];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x.name)) continue;
      seen.add(x.name);
      const own = x.properties.filter((p) => !standsForAnyKey(p));
      if (x === o) {
        for (const p of own) names.add(p.name);
        out.push(...own);
      } else {
        for (const p of own) if (!names.has(p.name)) { names.add(p.name); out.push(p); }
      }
      const parents = (x.inherits ?? []).flatMap((n) => this.byName.get(n) ?? []);
      for (let i = parents.length - 1; i >= 0; i--) stack.push(parents[i]!);
    }
    return out;
  }

  /** A dictionary of `o`'s required keys (envelope keys left out when `envelope` is false). */
  skeleton(o: IrObject, depth = 0, envelope = true): Record<string, Value> {
    const out: Record<string, Value> = {};
    if (depth > MAX_DEPTH) return out;
    for (const p of this.properties(o)) {
      // "Required if you don't provide X": one of the pair is written (the first the page lists).
      const eitherOr = p.requiredWhen?.some((c) => c.kind === 'absent' && !Object.hasOwn(out, c.key)) === true;
      // "Required in a device enrollment" (`UDID`; a user enrollment's key, `EnrollmentID`, is the alternative): a skeleton is a device enrollment's.
      const device = p.requiredWhen?.some((c) => c.kind === 'enrollment' && c.enrollment === 'device' && c.channel === undefined) === true;
      if (!(p.required || eitherOr || device) || (!envelope && ENVELOPE.has(p.name))) continue;
      Object.defineProperty(out, p.name, { value: this.valueOf(p, depth), enumerable: true, writable: true, configurable: true });
    }
    this.complete(o, out, depth);
    return out;
  }

  /**
   * Adds to `out` (a dictionary of `o`) each key validators require on the values it holds
   * ("Required when `DNSProtocol` is `HTTPS`", judged), until none is missing.
   */
  complete(o: IrObject, out: Record<string, Value>, depth = 0): void {
    for (let added = true; added; ) {
      added = false;
      for (const p of this.properties(o)) {
        if (Object.hasOwn(out, p.name) || !p.requiredWhen?.length || !p.requiredWhen.every((c) => c.kind === 'key' && c.unjudged === undefined && keyHolds(c, out))) continue;
        Object.defineProperty(out, p.name, { value: this.valueOf(p, depth), enumerable: true, writable: true, configurable: true });
        added = true;
      }
    }
  }

  /** The value a skeleton gives key `p`: its default, else its first allowed value, else the least value of its type and range. */
  valueOf(p: IrProperty, depth = 0): Value {
    const stated: JsonValue | undefined = p.default ?? p.allowedValues?.[0];
    if (stated !== undefined && stated !== null && typeof stated !== 'object') return typed(p.type, stated) ?? this.empty(p.type, p, depth);
    return this.empty(p.type, p, depth);
  }

  /** The least value of type `t` (within `p`'s range): a skeleton's placeholder for a key the page gives no value. */
  empty(t: IrType, p?: IrProperty, depth = 0): Value {
    switch (t.kind) {
      case 'string':
        return '';
      case 'integer':
        return Math.max(p?.minimum ?? 0, 0) <= (p?.maximum ?? Infinity) ? Math.ceil(Math.max(p?.minimum ?? 0, 0)) : Math.ceil(p!.minimum!);
      case 'real':
        return plistReal(Math.max(p?.minimum ?? 0, 0));
      case 'boolean':
        return false;
      case 'date':
        return new Date(0);
      case 'data':
        return new Uint8Array(0);
      case 'array':
        return [];
      case 'dictionary':
      case 'any':
        return {};
      case 'ref': {
        const target = this.byName.get(t.name);
        return target ? this.skeleton(target, depth + 1) : {};
      }
    }
  }
}

/** Whether condition `c` on another key's value holds in `out` (values compared exactly, as validators compare them). */
function keyHolds(c: Extract<RequiredCondition, { kind: 'key' }>, out: Record<string, Value>): boolean {
  const v = Object.hasOwn(out, c.key) ? out[c.key] : undefined;
  if (v === undefined) return c.orAbsent === true;
  return !c.values?.length || c.values.includes(v as JsonValue);
}

/** A stated value as the key's type holds it (a whole-number real stays a real), or undefined when it is not of that type. */
function typed(t: IrType, v: string | number | boolean): Value {
  switch (t.kind) {
    case 'string':
      return typeof v === 'string' ? v : undefined;
    case 'integer':
      return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
    case 'real':
      return typeof v === 'number' ? plistReal(v) : undefined;
    case 'boolean':
      return typeof v === 'boolean' ? v : undefined;
    default:
      return undefined;
  }
}
