/**
 * The views of the generated package's own files: `package.json`, its README and its main entry.
 * The package's name and version come from the caller (the project's configuration); everything
 * else from the model.
 */
import { documentKinds } from './document-kinds.js';
import type { EmitModel } from './emit-model.js';
import { markdownText } from './escape.js';

/** What names the generated package. */
export interface PackageInfo {
  name: string;
  version: string;
  /** The spec it is generated from, for its description: `Apple's Device Management pages of 2026-08-18`. */
  spec: string;
}

export const DEFAULT_PACKAGE: PackageInfo = { name: '@dmspec/apple', version: '0.0.0', spec: "Apple's Device Management reference pages" };

export interface PackageJsonView {
  name: string;
  version: string;
  description: string;
}

export interface PackageReadmeView {
  name: string;
  spec: string;
  counts: string;
  exampleType: string;
}

const n = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** `1,183 objects: 124 payloads of 118 payload types, 58 declarations, …`. */
export function coverage(model: EmitModel): string {
  const kinds = documentKinds(model);
  const count = (routes: typeof kinds.payloads): number => routes.reduce((sum, [, list]) => sum + list.length, 0);
  return `${n(model.objects.length, 'object')}: ${n(count(kinds.payloads), 'payload')} of ${n(kinds.payloads.length, 'payload type')}, `
    + `${n(count(kinds.declarations), 'declaration')}, ${n(count(kinds.commands), 'MDM command')}, ${n(count(kinds.checkIns), 'check-in message')}`;
}

export function packageJsonView(info: PackageInfo, model: EmitModel): PackageJsonView {
  return {
    name: JSON.stringify(info.name),
    version: JSON.stringify(info.version),
    description: JSON.stringify(`Types, validators, JSON Schemas and docs for ${info.spec} (${coverage(model)}).`),
  };
}

export function packageReadmeView(info: PackageInfo, model: EmitModel): PackageReadmeView {
  const example = model.byName.get('WiFi') ?? model.objects.find((e) => e.ir.payloadType) ?? model.objects[0]!;
  // The name is checked against npm's rules where it is configured, so it can stand in code as it is.
  return { name: info.name, spec: markdownText(info.spec), counts: coverage(model), exampleType: example.ident };
}
