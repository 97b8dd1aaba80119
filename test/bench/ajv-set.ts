/**
 * The three ajv instances the validator figures compare against, over the generated JSON Schemas:
 * `ajv` (allErrors), `ajvClosed` (the same with `unevaluatedProperties: false`, so it also looks
 * for unknown keys, as the validators do) and `ajvBoolean` (first error only, for the guards).
 * Shared by `npm run bench` and `rates.ts`, so both measure the same baseline.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export type AjvInstance = InstanceType<typeof Ajv2020>;

function ajvWith(allErrors: boolean, list: ReadonlyArray<Record<string, unknown>>): AjvInstance {
  const ajv = new Ajv2020({ allErrors, strict: false });
  (addFormatsModule as unknown as (a: unknown) => void)(ajv);
  for (const schema of list) ajv.addSchema(schema);
  return ajv;
}

/** ajv over `schemas`: open, closed to unknown keys, and boolean. */
export function ajvSet(schemas: ReadonlyArray<Record<string, unknown>>): { ajv: AjvInstance; ajvClosed: AjvInstance; ajvBoolean: AjvInstance } {
  // The same work as the generated validators: every key the object does not list is reported.
  const closed = schemas.map((schema) => {
    if (schema['additionalProperties'] !== true) return schema;
    const { additionalProperties: _, ...rest } = schema;
    return { ...rest, unevaluatedProperties: false };
  });
  return { ajv: ajvWith(true, schemas), ajvClosed: ajvWith(true, closed), ajvBoolean: ajvWith(false, schemas) };
}
