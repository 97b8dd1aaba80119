/**
 * Type inference for pages that state no types: first from the page's own profile example
 * (the plist tag a key's value carries), then from the prose ("An array…", "If true…").
 */
import type { IrExample, IrType } from '../model/ir.js';
import { dictGet, dictionaries, parseTaggedPlist, type PlistValue } from '../plist/tagged-plist.js';

/** Maps a key to the type its value has in the example, for the payload of the given type. */
export function typesFromExamples(examples: readonly IrExample[], payloadType: string | undefined): Map<string, IrType> {
  const out = new Map<string, IrType>();
  for (const ex of examples) {
    if (ex.format !== 'plist') continue;
    let root: PlistValue;
    try {
      root = parseTaggedPlist(ex.text);
    } catch {
      continue; // A broken example only means nothing is inferred from it.
    }
    const dicts = [...dictionaries(root)];
    // Prefer the payload dictionary itself; its nested dictionaries belong to other objects.
    const payload = dicts.find((d) => {
      const pt = dictGet(d, 'PayloadType');
      return pt?.tag === 'string' && pt.value === payloadType;
    });
    for (const d of payload ? [payload] : dicts) {
      for (const [key, value] of d.entries) if (!out.has(key)) out.set(key, typeOfValue(value));
    }
  }
  return out;
}

function typeOfValue(v: PlistValue): IrType {
  switch (v.tag) {
    case 'string': case 'integer': case 'real': case 'boolean': case 'date': case 'data':
      return { kind: v.tag };
    case 'dict':
      return { kind: 'dictionary' };
    case 'array': {
      const first = v.items[0];
      return { kind: 'array', items: first ? typeOfValue(first) : { kind: 'any' } };
    }
    default: {
      const never: never = v;
      return never;
    }
  }
}

const PROSE_RULES: Array<[RegExp, IrType]> = [
  [/^An? (?:array|list) of (?:dictionaries|dicts)\b/i, { kind: 'array', items: { kind: 'dictionary' } }],
  [/^An? (?:array|list) of (?:integers|numbers)\b/i, { kind: 'array', items: { kind: 'integer' } }],
  [/^An? (?:array|list)\b/i, { kind: 'array', items: { kind: 'string' } }],
  [/^If (?:set to )?`?(?:true|false)`?\b/i, { kind: 'boolean' }],
  [/^(?:Set to )?`?true`? (?:to|if)\b/i, { kind: 'boolean' }],
  [/^An? (?:integer|number)\b|^The number of\b/i, { kind: 'integer' }],
  [/^An? (?:dictionary)\b/i, { kind: 'dictionary' }],
  [/^An? (?:date)\b/i, { kind: 'date' }],
  [/^(?:An? |The )?(?:globally )?unique identifier\b|^An? (?:string|UUID)\b|^The (?:name|identifier|UUID|URL|bundle identifier)\b/i, { kind: 'string' }],
];

/** A type the first words of a description commit to, if any. */
export function typeFromProse(description: string): IrType | undefined {
  const s = description.replace(/`/g, '').trim();
  for (const [re, type] of PROSE_RULES) if (re.test(s)) return type;
  return undefined;
}
