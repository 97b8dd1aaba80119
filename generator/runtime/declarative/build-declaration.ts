/**
 * Building declarations: the caller gives the `Type` and the `Payload`; the builder fills
 * `Identifier` and `ServerToken` deterministically, as name-based (version 5) UUIDs, so building
 * the same declaration again gives the same values:
 *
 * - `Identifier` is the caller's when given, else named by the caller's `seed`, else by the
 *   declaration's type and payload (a declaration built from the same keys is the same one);
 * - `ServerToken` is the caller's when given, else named by the declaration's type, identifier
 *   and payload in canonical JSON (sorted keys): it changes exactly when the declaration does,
 *   which is what the page asks of it ("a particular revision of the declaration").
 *
 * What cannot be a declaration's JSON (a cycle, a function, a bigint, a non-finite number, nesting
 * past 64 levels) is refused with a TypeError, as is a type or payload of the wrong shape. The
 * input is not modified, and `__proto__` in the data stays a key.
 */
import { nameUuid } from '../uuid/name-uuid.js';

/** The options of one declaration: its identifier and server token, or what names them. */
export interface DeclarationOptions {
  /** The declaration's `Identifier`, as the server recorded it. */
  Identifier?: string;
  /** The declaration's `ServerToken`, as the server recorded it. */
  ServerToken?: string;
  /** A name the `Identifier` is derived from (a version-5 UUID), when `Identifier` is not given. */
  seed?: string;
}

/** A built declaration, untyped: the generated builders give it its type. */
export interface BuiltDeclaration {
  Type: string;
  Identifier: string;
  ServerToken: string;
  Payload: Record<string, unknown>;
}

/** The arguments after the type: the payload (optional when none of its keys is required), then the options. */
export type DeclarationArgs<P> = {} extends P ? [payload?: P, options?: DeclarationOptions] : [payload: P, options?: DeclarationOptions];

const MAX_DEPTH = 64;

const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `value` as canonical JSON: keys sorted by UTF-16 code units, no spaces; `undefined` members of
 * a dictionary left out, as JSON.stringify does. Throws TypeError for what JSON cannot hold.
 */
export function canonicalJson(value: unknown): string {
  const seen = new Set<object>();
  const write = (v: unknown, depth: number, at: string): string => {
    if (depth > MAX_DEPTH) throw new TypeError(`${at || 'the value'} is nested more than ${MAX_DEPTH} levels deep`);
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError(`${at || 'the value'} is ${v}, which JSON cannot hold`);
      return JSON.stringify(v);
    }
    if (typeof v !== 'object') throw new TypeError(`${at || 'the value'} is a ${typeof v}, which JSON cannot hold`);
    const proto = Object.getPrototypeOf(v) as unknown;
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) throw new TypeError(`${at || 'the value'} is a ${(v as { constructor?: { name?: string } }).constructor?.name ?? 'object'}, which a declaration's JSON cannot hold`);
    if (seen.has(v)) throw new TypeError(`${at || 'the value'} contains itself`);
    seen.add(v);
    let out: string;
    if (Array.isArray(v)) {
      out = `[${Array.from({ length: v.length }, (_, i) => write(v[i], depth + 1, `${at}[${i}]`)).join(',')}]`;
    } else {
      const keys = Object.keys(v).sort();
      const parts: string[] = [];
      for (const k of keys) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) parts.push(`${JSON.stringify(k)}:${write(x, depth + 1, at === '' ? k : `${at}.${k}`)}`);
      }
      out = `{${parts.join(',')}}`;
    }
    seen.delete(v);
    return out;
  };
  return write(value, 0, '');
}

/** Own keys of `from` into a new plain object: `__proto__` in the data stays a key, never a prototype. */
function copy(from: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(from)) Object.defineProperty(out, key, { value: from[key], enumerable: true, writable: true, configurable: true });
  return out;
}

function optionalString(options: DeclarationOptions, key: keyof DeclarationOptions): string | undefined {
  const v = options[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw new TypeError(`createDeclaration's ${key} must be a non-empty string`);
  return v;
}

/** The declaration of `type` with `payload`, its `Identifier` and `ServerToken` filled. Throws TypeError for input that cannot be one. */
export function buildDeclaration(type: string, payload: unknown = {}, options: DeclarationOptions = {}): BuiltDeclaration {
  if (typeof type !== 'string' || type === '') throw new TypeError('createDeclaration needs the declaration\'s Type (a string)');
  if (!isDict(payload)) throw new TypeError('createDeclaration takes the declaration\'s Payload as a dictionary');
  if (!isDict(options)) throw new TypeError('createDeclaration\'s options must be a dictionary');
  const Payload = copy(payload);
  const body = canonicalJson(Payload);
  const seed = optionalString(options, 'seed');
  const Identifier = optionalString(options, 'Identifier') ?? nameUuid(seed !== undefined ? `declaration/${seed}` : `declaration/${JSON.stringify(type)}/${body}`);
  const ServerToken = optionalString(options, 'ServerToken') ?? nameUuid(`server-token/${JSON.stringify(type)}/${JSON.stringify(Identifier)}/${body}`);
  return { Type: type, Identifier, ServerToken, Payload };
}
