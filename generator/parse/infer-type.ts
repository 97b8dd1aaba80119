/**
 * Type inference for pages that state no types: first from the page's own profile example
 * (the plist tag a key's value carries), then from the prose ("An array…", "If true…").
 */
import type { IrExample, IrType } from '../model/ir.js';
import { parsePlist, plistTypeOf, type PlistDict, type PlistValue } from '../runtime/plist/index.js';

/** Every dictionary in a plist, outermost first. */
function* dictionaries(v: PlistValue): Generator<PlistDict> {
  const type = plistTypeOf(v);
  if (type === 'dict') {
    yield v as PlistDict;
    for (const child of Object.values(v as PlistDict)) yield* dictionaries(child);
  } else if (type === 'array') {
    for (const item of v as PlistValue[]) yield* dictionaries(item);
  }
}

/** Maps a key to the type its value has in the example, for the payload of the given type. */
export function typesFromExamples(examples: readonly IrExample[], payloadType: string | undefined): Map<string, IrType> {
  const out = new Map<string, IrType>();
  for (const ex of examples) {
    if (ex.format !== 'plist') continue;
    let root: PlistValue;
    try {
      root = parsePlist(ex.text).value;
    } catch {
      continue; // A broken example only means nothing is inferred from it.
    }
    const dicts = [...dictionaries(root)];
    // Prefer the payload dictionary itself; its nested dictionaries belong to other objects.
    const payload = dicts.find((d) => Object.hasOwn(d, 'PayloadType') && d['PayloadType'] === payloadType);
    for (const d of payload ? [payload] : dicts) {
      for (const [key, value] of Object.entries(d)) if (!out.has(key)) out.set(key, typeOfValue(value));
    }
  }
  return out;
}

function typeOfValue(v: PlistValue): IrType {
  const type = plistTypeOf(v)!;
  switch (type) {
    case 'string': case 'integer': case 'real': case 'boolean': case 'date': case 'data':
      return { kind: type };
    case 'dict':
      return { kind: 'dictionary' };
    case 'array': {
      const first = (v as PlistValue[])[0];
      return { kind: 'array', items: first !== undefined ? typeOfValue(first) : { kind: 'any' } };
    }
    default: {
      const never: never = type;
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
