/**
 * JSON Schema (draft 2020-12): one schema per object, `$ref`s between them by file name.
 * Built as data and serialised by JSON.stringify, so no spec text can break the output.
 */
import { assertNever, type IrProperty, type IrType, type JsonValue } from '../model/ir.js';
import { allProperties, typedAllowed, type EmitModel, type EmitObject } from './emit-model.js';
import { fileStem } from './naming.js';
import { alwaysRequired } from './required-code.js';
import { pageIndex, resolveLinks } from './page-links.js';

type Schema = { [key: string]: JsonValue };

export function schemaFileName(ident: string): string {
  return `${fileStem(ident)}.schema.json`;
}

function typeSchema(t: IrType, model: EmitModel): Schema {
  switch (t.kind) {
    case 'string': return { type: 'string' };
    case 'integer': return { type: 'integer' };
    case 'real': return { type: 'number' };
    case 'boolean': return { type: 'boolean' };
    case 'date': return { type: 'string', format: 'date-time' };
    case 'data': return { type: 'string', contentEncoding: 'base64' };
    case 'dictionary': return { type: 'object' };
    case 'any': return {};
    case 'array': return { type: 'array', items: typeSchema(t.items, model) };
    case 'ref': {
      const ident = model.identOf.get(t.name);
      return ident ? { $ref: schemaFileName(ident) } : { type: 'object', description: `${t.name} is not in the spec.` };
    }
    default: return assertNever(t);
  }
}

/** Allowed values and range on the innermost scalar of a type. */
function constrain(s: Schema, p: IrProperty): Schema {
  if (s['type'] === 'array' && typeof s['items'] === 'object' && s['items'] !== null && !Array.isArray(s['items'])) {
    return { ...s, items: constrain(s['items'] as Schema, p) };
  }
  const range: Schema = {};
  if (p.minimum !== undefined) range['minimum'] = p.minimum;
  if (p.maximum !== undefined) range['maximum'] = p.maximum;
  const hasRange = Object.keys(range).length > 0;
  const allowed = typedAllowed(p.type, p.allowedValues);
  if (allowed && hasRange) return { ...s, anyOf: [{ enum: allowed }, range] };
  if (allowed) return { ...s, enum: allowed };
  return { ...s, ...range };
}

function propertySchema(p: IrProperty, model: EmitModel): Schema {
  // Schema text travels without the docs: links go to Apple's pages as full URLs.
  const s: Schema = { ...constrain(typeSchema(p.type, model), p), description: resolveLinks(p.description, pageIndex(model)) };
  if (p.default !== undefined) s['default'] = p.default;
  if (p.deprecated) s['deprecated'] = true;
  return s;
}

export function objectSchema(e: EmitObject, model: EmitModel): Schema {
  const props = allProperties(e);
  // No prototype: a key named `__proto__` must become a property, not a prototype.
  const properties = Object.create(null) as Schema;
  for (const p of props) properties[p.name] = propertySchema(p, model);
  const wildcard = e.wildcard ?? e.inherits.find((x) => x.wildcard)?.wildcard;
  const s: Schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaFileName(e.ident),
    title: e.ir.name,
  };
  if (e.ir.summary) s['description'] = resolveLinks(e.ir.summary, pageIndex(model));
  s['type'] = 'object';
  s['properties'] = properties;
  const required = props.filter(alwaysRequired).map((p) => p.name);
  if (required.length) s['required'] = required;
  // Unknown keys are warnings in the validators, so the schema allows them too.
  s['additionalProperties'] = wildcard ? propertySchema(wildcard, model) : true;
  if (e.ir.deprecated) s['deprecated'] = true;
  return s;
}
