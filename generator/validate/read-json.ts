/**
 * JSON documents (declarations) and dmspec's own JSON files, read by the rules plists follow:
 * a key repeated in one object is an error naming both places (readers disagree on which value
 * counts), a number no JavaScript number holds exactly (an integer past ±2^53, `1e300`, `1e999`)
 * is refused rather than rounded, and the same budget as a plist's (values, depth, string sizes,
 * time) is counted while reading. `JSON.parse` does none of these. Every value gets its position
 * (line and column, from 1, columns in UTF-16 code units as editors and SARIF count them).
 * Objects are built with `Object.fromEntries`, so `__proto__` is an own key like any other.
 */
import { DEFAULT_BUDGET_LIMITS, type PlistBudgetLimits } from '../runtime/plist/budget.js';

/** Where a value starts, and where its members are. */
export interface JsonNode {
  line: number;
  column: number;
  /** Where the value starts in the text (a string's opening quote). */
  offset: number;
  /** Where the key naming this value starts, for an object's member: findings point at the key, as editors show them. */
  keyLine?: number;
  keyColumn?: number;
  keyOffset?: number;
  /** An object's members by key. */
  keys?: Map<string, JsonNode>;
  /** An array's items. */
  items?: JsonNode[];
}

export interface JsonDocument {
  value: unknown;
  root: JsonNode;
  /** The text read (offsets index it). */
  text: string;
}

/** JSON that cannot be read: malformed, or past a budget. The message does not repeat the position. */
export class JsonReadError extends Error {
  override name = 'JsonReadError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** The top-level object's keys read before the error: enough to tell what the document meant to be. */
    readonly topKeys: readonly string[],
  ) {
    super(message);
  }
}

export interface JsonReadOptions {
  limits?: Partial<PlistBudgetLimits>;
  /** A `Date.now()` value past which reading stops. */
  deadline?: number;
  timeoutMs?: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const MAX_SAFE = '9007199254740991';

/** Reads JSON text (a UTF-8 BOM is skipped). Throws JsonReadError. */
export function readJson(text: string, options: JsonReadOptions = {}): JsonDocument {
  return new Reader(text, { ...DEFAULT_BUDGET_LIMITS, ...options.limits }, options.deadline ?? Infinity, options.timeoutMs).document();
}

/** Reads JSON bytes, which must be UTF-8. Throws JsonReadError. */
export function readJsonBytes(bytes: Uint8Array, options: JsonReadOptions = {}): JsonDocument {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new JsonReadError('the JSON is not valid UTF-8', 1, 1, []);
  }
  return readJson(text, options);
}

class Reader {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private nodes = 0;
  private bytes = 0;
  private readonly topKeys: string[] = [];

  constructor(
    private readonly s: string,
    private readonly limits: PlistBudgetLimits,
    private readonly deadline: number,
    private readonly timeoutMs: number | undefined,
  ) {
    if (s.charCodeAt(0) === 0xfeff) this.i = this.lineStart = 1;
  }

  document(): JsonDocument {
    this.space();
    const { value, root } = this.value(0);
    this.space();
    if (this.i < this.s.length) this.fail(`unexpected ${this.what()} after the JSON value`);
    return { value, root, text: this.s };
  }

  private fail(message: string, line = this.line, column = this.i - this.lineStart + 1): never {
    throw new JsonReadError(message, line, column, this.topKeys);
  }

  private what(): string {
    if (this.i >= this.s.length) return 'end of the file';
    const c = this.s[this.i]!;
    if (c === '/') return 'comment or "/" (JSON has no comments)';
    return JSON.stringify(c);
  }

  private space(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09) this.i++;
      else if (c === 0x0a || (c === 0x0d && s.charCodeAt(this.i + 1) !== 0x0a)) {
        this.i++;
        this.line++;
        this.lineStart = this.i;
      } else if (c === 0x0d) this.i++;
      else return;
    }
  }

  private count(depth: number): void {
    if (depth > this.limits.maxDepth) this.fail(`nesting deeper than ${this.limits.maxDepth} levels`);
    if (++this.nodes > this.limits.maxNodes) this.fail(`more than ${fmt(this.limits.maxNodes)} values`);
    if ((this.nodes & 1023) === 0 && Date.now() > this.deadline) this.fail(`reading stopped after ${this.timeoutMs ?? 'the'} ms time limit`);
  }

  private value(depth: number): { value: unknown; root: JsonNode } {
    this.count(depth);
    const node: JsonNode = { line: this.line, column: this.i - this.lineStart + 1, offset: this.i };
    const c = this.s[this.i];
    if (c === '{') return { value: this.object(depth, node), root: node };
    if (c === '[') return { value: this.array(depth, node), root: node };
    if (c === '"') return { value: this.string(), root: node };
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return { value: this.number(), root: node };
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return { value: v, root: node };
      }
    }
    return this.fail(`expected a JSON value, found ${this.what()}`);
  }

  private object(depth: number, node: JsonNode): Record<string, unknown> {
    this.i++;
    const keys = new Map<string, JsonNode>();
    node.keys = keys;
    const entries: Array<[string, unknown]> = [];
    this.space();
    if (this.s[this.i] === '}') {
      this.i++;
      return {};
    }
    for (;;) {
      if (this.s[this.i] !== '"') this.fail(`expected a key in double quotes, found ${this.what()}`);
      const line = this.line;
      const column = this.i - this.lineStart + 1;
      const keyOffset = this.i;
      const key = this.string();
      const first = keys.get(key);
      if (first) this.fail(`the key ${JSON.stringify(key)} appears twice in one object (first at ${first.keyLine}:${first.keyColumn}); readers disagree on which value counts`, line, column);
      this.space();
      if (this.s[this.i] !== ':') this.fail(`expected ":" after the key, found ${this.what()}`);
      this.i++;
      this.space();
      if (depth === 0) this.topKeys.push(key);
      const child = this.value(depth + 1);
      child.root.keyLine = line;
      child.root.keyColumn = column;
      child.root.keyOffset = keyOffset;
      keys.set(key, child.root);
      entries.push([key, child.value]);
      this.space();
      const next = this.s[this.i];
      this.i++;
      if (next === '}') break;
      if (next !== ',') {
        this.i--;
        this.fail(`expected "," or "}" in the object, found ${this.what()}`);
      }
      this.space();
    }
    // fromEntries defines each key, so `__proto__` is data, never the prototype.
    return Object.fromEntries(entries);
  }

  private array(depth: number, node: JsonNode): unknown[] {
    this.i++;
    const items: JsonNode[] = [];
    node.items = items;
    const values: unknown[] = [];
    this.space();
    if (this.s[this.i] === ']') {
      this.i++;
      return values;
    }
    for (;;) {
      const child = this.value(depth + 1);
      items.push(child.root);
      values.push(child.value);
      this.space();
      const next = this.s[this.i];
      this.i++;
      if (next === ']') return values;
      if (next !== ',') {
        this.i--;
        this.fail(`expected "," or "]" in the array, found ${this.what()}`);
      }
      this.space();
    }
  }

  private string(): string {
    const s = this.s;
    const start = ++this.i;
    let out = '';
    let from = start;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail('the string is not closed before the end of the file');
      if (c === 0x22) break;
      if (c < 0x20) this.fail('a control character in a string must be escaped');
      if (c === 0x5c) {
        out += s.slice(from, this.i);
        out += this.escape();
        from = this.i;
        this.budgetString(this.i - start);
        continue;
      }
      this.i++;
    }
    out += s.slice(from, this.i);
    this.i++;
    this.budgetString(out.length);
    this.bytes += out.length * 2;
    if (this.bytes > this.limits.maxTotalBytes) this.fail(`more than ${fmt(this.limits.maxTotalBytes)} bytes of strings`);
    return out;
  }

  private budgetString(length: number): void {
    if (length > this.limits.maxStringLength) this.fail(`a string of more than ${fmt(this.limits.maxStringLength)} characters, over the limit`);
  }

  private escape(): string {
    const e = this.s[this.i + 1];
    this.i += 2;
    switch (e) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u': {
        const hex = this.s.slice(this.i, this.i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.i -= 2;
          this.fail('\\u takes four hexadecimal digits');
        }
        this.i += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        this.i -= 2;
        return this.fail(`${JSON.stringify(`\\${e ?? ''}`)} is not a JSON escape`);
    }
  }

  private number(): number {
    const column = this.i - this.lineStart + 1;
    const m = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const found = m.exec(this.s);
    if (!found || found[0] === '-') return this.fail('malformed number');
    const text = found[0];
    this.i += text.length;
    const next = this.s[this.i];
    if (next !== undefined && /[0-9.eE+\-]/.test(next)) this.fail('malformed number');
    this.budgetString(text.length);
    const shown = text.length > 40 ? `${text.slice(0, 40)}… (${text.length} characters)` : text;
    if (found[1] === undefined && found[2] === undefined) {
      const digits = text.replace(/^-/, '');
      if (digits.length > MAX_SAFE.length || (digits.length === MAX_SAFE.length && digits > MAX_SAFE)) {
        this.fail(`the integer ${shown} cannot be checked exactly (beyond ±2^53); it was not rounded`, this.line, column);
      }
      return Number(text);
    }
    const n = Number(text);
    if (!Number.isFinite(n)) this.fail(`the number ${shown} is beyond what a JavaScript number holds; it was not rounded`, this.line, column);
    if (Number.isInteger(n) && Math.abs(n) > Number.MAX_SAFE_INTEGER) {
      this.fail(`the number ${shown} cannot be checked exactly (beyond ±2^53); it was not rounded`, this.line, column);
    }
    return n;
  }
}
