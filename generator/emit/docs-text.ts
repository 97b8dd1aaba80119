/**
 * Plain-text renderings of IR facts that several outputs share (JSDoc, docs tables, messages):
 * types as people read them, availability, ranges, allowed values.
 */
import { PLATFORMS, assertNever, type Availability, type IrProperty, type IrType, type JsonValue } from '../model/ir.js';

/** `[string]`, `VPN.IKEv2`, `integer` — the IR's own spelling. */
export function typeLabel(t: IrType): string {
  switch (t.kind) {
    case 'array':
      return `array of ${typeLabel(t.items)}`;
    case 'ref':
      return t.name;
    case 'string': case 'integer': case 'real': case 'boolean': case 'date': case 'data': case 'dictionary': case 'any':
      return t.kind;
    default:
      return assertNever(t);
  }
}

export function valueLabel(v: JsonValue): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** `iOS 14, macOS 11` for the platforms that state an introduction. */
export function sinceLabel(av: Availability | undefined): string {
  return PLATFORMS.flatMap((p) => (av?.[p]?.introduced ? [`${p} ${av[p]?.introduced}`] : [])).join(', ');
}

export function deprecatedLabel(av: Availability | undefined): string {
  return PLATFORMS.flatMap((p) => (av?.[p]?.deprecated ? [`${p} ${av[p]?.deprecated}`] : [])).join(', ');
}

export function removedLabel(av: Availability | undefined): string {
  return PLATFORMS.flatMap((p) => (av?.[p]?.removed ? [`${p} ${av[p]?.removed}`] : [])).join(', ');
}

export function unavailableLabel(av: Availability | undefined): string {
  return PLATFORMS.filter((p) => av?.[p]?.available === false).join(', ');
}

/** One line per platform for docs: `iOS 14+ (deprecated 17)`, `watchOS: not available`. */
export function availabilityCells(av: Availability | undefined): string[] {
  return PLATFORMS.flatMap((p) => {
    const a = av?.[p];
    if (!a) return [];
    if (a.available === false) return [`${p}: not available`];
    let s = a.introduced ? `${p} ${a.introduced}+` : p;
    if (a.deprecated) s += ` (deprecated ${a.deprecated})`;
    if (a.removed) s += ` (removed ${a.removed})`;
    return [s];
  });
}

export function rangeLabel(p: IrProperty): string {
  if (p.minimum !== undefined && p.maximum !== undefined) return `${p.minimum} to ${p.maximum}`;
  if (p.minimum !== undefined) return `at least ${p.minimum}`;
  if (p.maximum !== undefined) return `at most ${p.maximum}`;
  return '';
}
