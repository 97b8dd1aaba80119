/**
 * Declarations from the pages' own examples (the generated IR of spec/), for building real sets.
 * Apple's examples share a few identifiers (most are `EB13EE2B-…`), so a set made of several
 * gives each its own identifier and points references where the test says.
 */
import { specIr } from './parsed.js';

export { specIr };

export type Json = Record<string, unknown>;
export interface ExampleDeclaration extends Json {
  Type: string;
  Identifier: string;
  ServerToken: string;
  Payload: Json;
}

/** A fresh copy of the first JSON example of the declaration page `name`, with `Identifier` set to `id`. */
export function example(name: string, id: string): ExampleDeclaration {
  const page = specIr().objects.find((o) => o.name === name);
  const text = page?.examples?.find((e) => e.format === 'json')?.text;
  if (text === undefined) throw new Error(`${name} has no JSON example`);
  return { ...(JSON.parse(text) as ExampleDeclaration), Identifier: id };
}

/** An activation of `configurations`, with a predicate when given. */
export function activation(id: string, configurations: string[], predicate?: string): ExampleDeclaration {
  return { Type: 'com.apple.activation.simple', Identifier: id, ServerToken: `${id}-1`, Payload: { StandardConfigurations: configurations, ...(predicate !== undefined ? { Predicate: predicate } : {}) } };
}
