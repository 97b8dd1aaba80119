/**
 * An IR JSON file as a side of a diff or a version of a history: read within a size limit and
 * checked field by field against the shape the diff and the history read, so a malformed or
 * foreign file is one clear error naming the field (`objects[3].properties[0].type.kind`),
 * never a TypeError half-way through a comparison and never a silently wrong report.
 */
import { IR_VERSION, PLATFORMS, PRIMITIVE_KINDS, type IrDocument } from '../model/ir.js';
import { isFileProblem, readRegularFile } from '../validate/read-file.js';

export class IrReadError extends Error {
  override name = 'IrReadError';
}

/** An IR file larger than this is not one dmspec wrote: the IR of Apple's whole spec is 5.5 MB. */
export const MAX_IR_BYTES = 64 * 1024 * 1024;
/** Arrays of arrays in a type, as deep as a page may spell them and more. */
const MAX_TYPE_DEPTH = 64;
/** Nesting of a default or allowed value. */
const MAX_VALUE_DEPTH = 64;

const KINDS = ['profile', 'object', 'command', 'declaration', 'endpoint', 'article', 'other'];
const FLAVOURS = ['rendered', 'changelog', 'frontmatter', 'snapshot', 'listing', 'unknown'];
const ORIGINS = ['stated', 'example', 'prose', 'unknown'];
const SEVERITIES = ['error', 'warning', 'info'];
const CONDITIONS = ['unsupervised', 'managedAppleAccount'];

type Json = unknown;

class Checker {
  constructor(private readonly file: string) {}

  fail(at: string, what: string): never {
    throw new IrReadError(`${this.file} is not an IR document of irVersion ${IR_VERSION}: ${at} ${what}`);
  }

  record(x: Json, at: string): Record<string, Json> {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) this.fail(at, 'is not an object');
    return x as Record<string, Json>;
  }

  array(x: Json, at: string): Json[] {
    if (!Array.isArray(x)) this.fail(at, 'is not an array');
    return x;
  }

  string(x: Json, at: string): void {
    if (typeof x !== 'string') this.fail(at, 'is not a string');
  }

  oneOf(x: Json, at: string, allowed: readonly string[]): void {
    if (typeof x !== 'string' || !allowed.includes(x)) this.fail(at, `is not one of ${allowed.join(', ')}`);
  }

  line(x: Json, at: string): void {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) this.fail(at, 'is not a line number');
  }

  optional(o: Record<string, Json>, key: string, at: string, check: (x: Json, at: string) => void): void {
    if (Object.hasOwn(o, key) && o[key] !== undefined) check(o[key], `${at}.${key}`);
  }

  boolean(x: Json, at: string): void {
    if (typeof x !== 'boolean') this.fail(at, 'is not true or false');
  }

  number(x: Json, at: string): void {
    if (typeof x !== 'number' || !Number.isFinite(x)) this.fail(at, 'is not a number');
  }

  value(x: Json, at: string, depth = 0): void {
    if (depth > MAX_VALUE_DEPTH) this.fail(at, `nests deeper than ${MAX_VALUE_DEPTH} levels`);
    if (x === null || typeof x === 'string' || typeof x === 'boolean') return;
    if (typeof x === 'number') return this.number(x, at);
    if (Array.isArray(x)) return x.forEach((v, i) => this.value(v, `${at}[${i}]`, depth + 1));
    for (const [k, v] of Object.entries(this.record(x, at))) this.value(v, `${at}.${k}`, depth + 1);
  }

  type(x: Json, at: string, depth = 0): void {
    if (depth > MAX_TYPE_DEPTH) this.fail(at, `nests deeper than ${MAX_TYPE_DEPTH} arrays`);
    const t = this.record(x, at);
    if (t['kind'] === 'array') return this.type(t['items'], `${at}.items`, depth + 1);
    if (t['kind'] === 'ref') return this.string(t['name'], `${at}.name`);
    this.oneOf(t['kind'], `${at}.kind`, [...PRIMITIVE_KINDS, 'array', 'ref']);
  }

  availability(x: Json, at: string): void {
    for (const [platform, facts] of Object.entries(this.record(x, at))) {
      if (!(PLATFORMS as readonly string[]).includes(platform)) this.fail(`${at}.${platform}`, `is not a platform (${PLATFORMS.join(', ')})`);
      const f = this.record(facts, `${at}.${platform}`);
      for (const k of ['introduced', 'deprecated', 'removed', 'availableThrough']) this.optional(f, k, `${at}.${platform}`, (v, a) => this.string(v, a));
      this.optional(f, 'available', `${at}.${platform}`, (v, a) => this.boolean(v, a));
    }
  }

  source(x: Json, at: string): Record<string, Json> {
    const s = this.record(x, at);
    this.string(s['file'], `${at}.file`);
    this.optional(s, 'line', at, (v, a) => this.line(v, a));
    return s;
  }

  platforms(x: Json, at: string): void {
    this.array(x, at).forEach((p, i) => this.oneOf(p, `${at}[${i}]`, PLATFORMS));
  }

  property(x: Json, at: string): void {
    const p = this.record(x, at);
    this.string(p['name'], `${at}.name`);
    this.type(p['type'], `${at}.type`);
    this.oneOf(p['typeOrigin'], `${at}.typeOrigin`, ORIGINS);
    this.boolean(p['required'], `${at}.required`);
    this.line(this.source(p['source'], `${at}.source`)['line'], `${at}.source.line`);
    this.optional(p, 'description', at, (v, a) => this.string(v, a));
    this.optional(p, 'default', at, (v, a) => this.value(v, a));
    this.optional(p, 'allowedValues', at, (v, a) => this.array(v, a).forEach((e, i) => this.value(e, `${a}[${i}]`)));
    for (const k of ['minimum', 'maximum']) this.optional(p, k, at, (v, a) => this.number(v, a));
    this.optional(p, 'availability', at, (v, a) => this.availability(v, a));
    for (const k of ['deprecated', 'supervised', 'availabilityExhaustive', 'payloadReference']) this.optional(p, k, at, (v, a) => this.boolean(v, a));
    for (const k of ['deprecationNote', 'replacedBy', 'deprecatedWhenNote']) this.optional(p, k, at, (v, a) => this.string(v, a));
    this.optional(p, 'supervisedPlatforms', at, (v, a) => this.platforms(v, a));
    this.optional(p, 'deprecatedWhen', at, (v, a) => this.array(v, a).forEach((c, i) => this.oneOf(c, `${a}[${i}]`, CONDITIONS)));
    this.optional(p, 'factLines', at, (v, a) => Object.entries(this.record(v, a)).forEach(([k, l]) => this.line(l, `${a}.${k}`)));
  }

  object(x: Json, at: string): void {
    const o = this.record(x, at);
    this.string(o['name'], `${at}.name`);
    this.oneOf(o['kind'], `${at}.kind`, KINDS);
    const source = this.source(o['source'], `${at}.source`);
    this.oneOf(source['flavour'], `${at}.source.flavour`, FLAVOURS);
    for (const k of ['summary', 'payloadType', 'declarationType']) this.optional(o, k, at, (v, a) => this.string(v, a));
    this.optional(o, 'availability', at, (v, a) => this.availability(v, a));
    this.optional(o, 'deprecated', at, (v, a) => this.boolean(v, a));
    this.optional(o, 'inherits', at, (v, a) => this.array(v, a).forEach((n, i) => this.string(n, `${a}[${i}]`)));
    this.array(o['properties'], `${at}.properties`).forEach((p, i) => this.property(p, `${at}.properties[${i}]`));
  }

  diagnostic(x: Json, at: string): void {
    const d = this.record(x, at);
    this.oneOf(d['severity'], `${at}.severity`, SEVERITIES);
    this.string(d['code'], `${at}.code`);
    this.string(d['message'], `${at}.message`);
    this.string(d['file'], `${at}.file`);
    this.optional(d, 'line', at, (v, a) => this.line(v, a));
    this.optional(d, 'column', at, (v, a) => this.line(v, a));
  }
}

/** Checks that `doc` (parsed JSON from `file`) has every field the diff and history read, typed. */
export function checkIrDocument(doc: unknown, file: string): IrDocument {
  const c = new Checker(file);
  const d = c.record(doc, 'the document');
  if (d['irVersion'] !== IR_VERSION) c.fail('irVersion', `is ${JSON.stringify(d['irVersion']) ?? 'missing'}`);
  c.array(d['objects'], 'objects').forEach((o, i) => c.object(o, `objects[${i}]`));
  c.array(d['diagnostics'] ?? [], 'diagnostics').forEach((x, i) => c.diagnostic(x, `diagnostics[${i}]`));
  return { ...(d as unknown as IrDocument), diagnostics: (d['diagnostics'] ?? []) as IrDocument['diagnostics'] };
}

/** Reads and checks an IR JSON file. Throws `IrReadError` for anything that is not one. */
export function readIrFile(file: string): IrDocument {
  // A regular file within the limit, checked on the open descriptor (a FIFO or /dev/zero is refused unread).
  const bytes = readRegularFile(file, { maxBytes: MAX_IR_BYTES });
  if (isFileProblem(bytes)) throw new IrReadError(`${file} is neither a spec directory nor an IR file dmspec reads: ${bytes.message}`);
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new IrReadError(`${file} is neither a spec directory nor an IR JSON file: ${(e as Error).message}`);
  }
  return checkIrDocument(doc, file);
}
