/**
 * Zod schemas built from the IR for the benchmark's comparison: the same keys, types, required
 * keys, allowed values and ranges the generated validators check, with unknown keys rejected.
 */
import { z } from 'zod';
import type { EmitModel, EmitObject } from '../../generator/emit/emit-model.js';
import { allProperties, takesUnlistedKeys } from '../../generator/emit/emit-model.js';
import type { IrProperty, IrType, JsonValue } from '../../generator/model/ir.js';

type Schema = z.ZodType;

function oneOf(schemas: Schema[]): Schema {
  return schemas.length === 1 ? schemas[0]! : z.union(schemas as [Schema, Schema, ...Schema[]]);
}

function scalar(t: IrType, p: Pick<IrProperty, 'allowedValues' | 'minimum' | 'maximum'>): Schema | undefined {
  const allowed = (p.allowedValues ?? []).filter((v): v is string | number | boolean => v !== null && typeof v !== 'object');
  switch (t.kind) {
    case 'string': {
      const strings = allowed.filter((v): v is string => typeof v === 'string');
      return strings.length ? z.enum(strings as [string, ...string[]]) : z.string();
    }
    case 'integer':
    case 'real': {
      const numbers = allowed.filter((v): v is number => typeof v === 'number').map((v) => z.literal(v));
      const ranged = p.minimum !== undefined || p.maximum !== undefined;
      let n: z.ZodNumber = t.kind === 'integer' ? z.number().int() : z.number();
      if (p.minimum !== undefined) n = n.min(p.minimum);
      if (p.maximum !== undefined) n = n.max(p.maximum);
      // As in the generated validators: listed values are exceptions to a range.
      if (!numbers.length) return n;
      return ranged ? oneOf([...numbers, n]) : oneOf(numbers);
    }
    case 'boolean': return z.boolean();
    case 'date': return z.date();
    case 'data': return z.instanceof(Uint8Array);
    case 'dictionary': return z.record(z.string(), z.unknown());
    case 'any': return z.unknown();
    default: return undefined;
  }
}

/** Builds (lazily, for recursive refs) one zod schema per object of the model. */
export function zodSchemas(model: EmitModel): Map<string, Schema> {
  const out = new Map<string, Schema>();
  const typeSchema = (t: IrType, p: IrProperty): Schema => {
    if (t.kind === 'array') return z.array(typeSchema(t.items, p));
    if (t.kind === 'ref') {
      const target = model.byName.get(t.name);
      return target ? z.lazy(() => objectSchema(target)) : z.record(z.string(), z.unknown());
    }
    return scalar(t, p) ?? z.unknown();
  };
  const objectSchema = (e: EmitObject): Schema => {
    const hit = out.get(e.ident);
    if (hit) return hit;
    const shape: Record<string, Schema> = {};
    for (const p of allProperties(e)) {
      const s = typeSchema(p.type, p);
      shape[p.name] = p.required ? s : s.optional();
    }
    // Unknown keys are rejected where the validators report them, and only there.
    const schema = takesUnlistedKeys(e) || e.wildcard ? z.looseObject(shape) : z.strictObject(shape);
    out.set(e.ident, schema);
    return schema;
  };
  for (const e of model.objects) objectSchema(e);
  return out;
}

export type { JsonValue };
