/**
 * The validator page: a dropped, chosen or pasted document is read and checked in the page by the
 * package's own reader and validators (`dmspecApple`, loaded before this script). Nothing is sent
 * anywhere. Signed profiles are opened to their content; their signature is not verified here.
 */
import { EnvelopeError, looksSigned, openEnvelope } from './cms.js';

interface Issue {
  path: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
}
type Validate = (value: unknown, options?: object) => { valid: boolean; issues: Issue[] };
interface Apple {
  validateProfile: Validate;
  validateDeclaration: Validate;
  validateCommand: Validate;
  validateCheckInMessage: Validate;
  plist?: { parsePlist?: (bytes: Uint8Array) => unknown };
}

const apple = (globalThis as { dmspecApple?: Apple }).dmspecApple;
const MAX_BYTES = 16 * 1024 * 1024;

interface Read {
  value: unknown;
  /** Where each key path sits, where the reader says. */
  lineOf: (path: string) => number | undefined;
  notes: string[];
}

interface Located {
  value?: { line?: number };
  key?: { line?: number };
  exact?: boolean;
}

/**
 * A reader's result: the package's `parsePlist` gives `{ value, format, positions }`, whose
 * `positions.locate(path)` places a validator's issue path (the entry's key line in XML; a binary
 * plist has byte offsets, no lines). A path past the document (a missing key) is not given a line.
 */
function fromReader(result: unknown): Omit<Read, 'notes'> {
  const r = result as { value?: unknown; positions?: { locate?: (path: string) => Located | undefined } };
  const value = r && typeof r === 'object' && 'value' in r ? r.value : result;
  const positions = r && typeof r === 'object' ? r.positions : undefined;
  const lineOf = (path: string): number | undefined => {
    if (!path || typeof positions?.locate !== 'function') return undefined;
    const at = positions.locate(path);
    if (!at || at.exact === false) return undefined;
    const line = at.key?.line ?? at.value?.line;
    return typeof line === 'number' ? line : undefined;
  };
  return { value, lineOf };
}

function read(bytes: Uint8Array): Read {
  const notes: string[] = [];
  let body = bytes;
  if (looksSigned(bytes)) {
    body = openEnvelope(bytes);
    notes.push('Signed profile: opened to its content. The signature is not verified in the browser (dmspec validate verifies it).');
  }
  const head = new TextDecoder().decode(body.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return { value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)), lineOf: () => undefined, notes };
  const parse = apple?.plist?.parsePlist;
  if (!parse) throw new Error('this build of the package has no plist reader, so only JSON declarations can be checked here');
  return { ...fromReader(parse(body)), notes };
}

function validatorFor(value: unknown): [string, Validate] | undefined {
  if (!apple || !value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if ('PayloadContent' in v || 'PayloadType' in v) return ['configuration profile', apple.validateProfile];
  if (v['Command'] && typeof v['Command'] === 'object' && 'RequestType' in (v['Command'] as object)) return ['MDM command', apple.validateCommand];
  if ('MessageType' in v) return ['check-in message', apple.validateCheckInMessage];
  if ('Type' in v && ('Identifier' in v || 'ServerToken' in v || 'Payload' in v)) return ['declaration', apple.validateDeclaration];
  return undefined;
}

const form = document.getElementById('validate-form') as HTMLFormElement;
const fileInput = document.getElementById('file') as HTMLInputElement;
const drop = document.getElementById('drop')!;
const paste = document.getElementById('paste') as HTMLTextAreaElement;
const summary = document.getElementById('summary')!;
const table = document.getElementById('findings') as HTMLTableElement;
let current: { name: string; bytes: Uint8Array } | undefined;

function options(): Record<string, unknown> {
  const data = new FormData(form);
  const get = (k: string): string => String(data.get(k) ?? '').trim();
  const o: Record<string, unknown> = {};
  if (get('platform')) o['platform'] = get('platform');
  if (get('platform') && /^\d+(\.\d+)*$/.test(get('osVersion'))) o['osVersion'] = get('osVersion');
  if (get('supervised')) o['supervised'] = get('supervised') === 'true';
  if (get('enrollment')) o['enrollment'] = get('enrollment');
  return o;
}

function row(cells: string[], cls: string): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.className = cls;
  for (const c of cells) {
    const td = document.createElement('td');
    td.textContent = c;
    tr.append(td);
  }
  return tr;
}

function check(): void {
  const body = table.tBodies[0]!;
  body.replaceChildren();
  table.hidden = true;
  if (!current) return;
  const t0 = performance.now();
  try {
    if (current.bytes.length > MAX_BYTES) throw new Error(`the file is ${current.bytes.length} bytes, over the 16 MiB limit`);
    const doc = read(current.bytes);
    const found = validatorFor(doc.value);
    if (!found) throw new Error('not a configuration profile, declaration, MDM command or check-in message');
    const [kind, validate] = found;
    const result = validate(doc.value, options());
    for (const i of result.issues) body.append(row([i.severity, i.path || '(top level)', String(doc.lineOf(i.path) ?? ''), i.code, i.message], i.severity));
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    const warnings = result.issues.length - errors;
    table.hidden = result.issues.length === 0;
    const ms = performance.now() - t0;
    summary.textContent = `${current.name}: ${kind}, ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} (checked in ${ms.toFixed(0)} ms, in this page).${doc.notes.length ? ` ${doc.notes.join(' ')}` : ''}`;
  } catch (e) {
    const why = e instanceof EnvelopeError || e instanceof SyntaxError || e instanceof Error ? e.message : String(e);
    summary.textContent = `${current.name}: error: the document could not be read: ${why}`;
  }
}

async function take(file: File): Promise<void> {
  current = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  check();
}

fileInput.addEventListener('change', () => {
  const f = fileInput.files?.[0];
  if (f) void take(f);
});
drop.addEventListener('dragover', (ev) => {
  ev.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (ev) => {
  ev.preventDefault();
  drop.classList.remove('over');
  const f = ev.dataTransfer?.files[0];
  if (f) void take(f);
});
drop.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter' || ev.key === ' ') {
    ev.preventDefault();
    fileInput.click();
  }
});
form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  if (paste.value.trim()) current = { name: 'pasted text', bytes: new TextEncoder().encode(paste.value) };
  check();
});
form.addEventListener('change', (ev) => {
  if (ev.target !== fileInput) check();
});
if (!apple) summary.textContent = 'The validators did not load.';
