/**
 * Placeholder keys: a dictionary whose page documents one key that stands for any key. The
 * Kerberos extension's `DomainRealmMapping` lists `Realm`, "The key should be the name of the
 * realm, and the value is an array of DNS suffixes"; `TopLevel.ConsentText` lists
 * `ConsentTextItem`, "The dictionary containing a key that consists of the IETF BCP 47
 * identifier for a language … and a value that consists of the agreement", whose own page (a
 * "pairing of language code and consent text") has only an `ANY` string: the pair itself, so
 * each language's value is that string. Every key of such a dictionary is checked against the
 * placeholder's value type; the placeholder's name is not a key a profile holds.
 */
import { isWildcardKey, type IrObject, type IrProperty, type IrType } from './ir.js';

// The key's prose speaks of the key's name, not of what it holds.
const NAMES_THE_KEY = /^The key (?:should be|is) the (?:name|identifier)\b|\b(?:containing|contains|with) a key that (?:consists of|is|contains)\b/i;
const AND_A_VALUE = /\band (?:a|the) value (?:that )?(?:consists of|is|contains)\b/i;

/** Marks the placeholder key of each dictionary that has one (`placeholderKey`). */
export function markPlaceholderKeys(objects: readonly IrObject[], byName: ReadonlyMap<string, IrObject>): void {
  for (const o of objects) {
    if (o.properties.length !== 1) continue;
    const p = o.properties[0]!;
    if (isWildcardKey(p.name) || !NAMES_THE_KEY.test(p.description)) continue;
    o.properties = [{ ...p, placeholderKey: { line: p.source.line, values: valueType(p, byName) } }];
  }
}

/**
 * What each key's value is: the placeholder's type, or where that is a page describing the pair
 * (a dictionary of only an `ANY` key) and the prose says "a key … and a value …", that key's type.
 */
function valueType(p: IrProperty, byName: ReadonlyMap<string, IrObject>): IrType {
  if (p.type.kind !== 'ref' || !AND_A_VALUE.test(p.description)) return p.type;
  const pair = byName.get(p.type.name);
  const only = pair?.properties.length === 1 ? pair.properties[0] : undefined;
  return only && isWildcardKey(only.name) ? only.type : p.type;
}
