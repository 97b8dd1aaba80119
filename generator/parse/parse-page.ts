/**
 * One page in, one object (or none) and its diagnostics out. Never throws: a page that breaks a
 * flavour's reader becomes an error diagnostic naming the file, and the run goes on.
 */
import { DiagnosticBag, type Diagnostic } from '../model/diagnostics.js';
import { isDefinition, type FlavourName, type IrObject } from '../model/ir.js';
import { buildObject } from './build-object.js';
import { detectFlavour } from './detect.js';
import { shapeProblem } from './page-shape.js';
import type { PageInput } from './flavour.js';

export interface PageResult {
  file: string;
  flavour: FlavourName;
  object?: IrObject;
  diagnostics: Diagnostic[];
}

export interface PageLimits {
  /** Largest page read, in characters. */
  maxChars: number;
}

export const DEFAULT_PAGE_LIMITS: PageLimits = { maxChars: 2_000_000 };

/** Unicode BOM and CR line ends are mirror noise; lines keep their numbers. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function parsePage(input: PageInput, limits: PageLimits = DEFAULT_PAGE_LIMITS): PageResult {
  const diags = new DiagnosticBag(input.file);
  if (input.unreadBytes !== undefined) {
    diags.error('page-too-large', `the page is ${input.unreadBytes} bytes, more than the limit of ${limits.maxChars} characters can take; it was not read`);
    return { file: input.file, flavour: 'unknown', diagnostics: diags.items };
  }
  if (input.invalidUtf8) {
    // Decoding would turn the bytes into U+FFFD and parse a page that says something else.
    diags.add('error', 'not-text', 'the page is not valid UTF-8 (its first invalid byte is here): it was not read', input.invalidUtf8.line, input.invalidUtf8.column);
    return { file: input.file, flavour: 'unknown', diagnostics: diags.items };
  }
  if (input.text.length > limits.maxChars) {
    diags.error('page-too-large', `the page has ${input.text.length} characters, more than the limit of ${limits.maxChars}; it was not read`);
    return { file: input.file, flavour: 'unknown', diagnostics: diags.items };
  }
  if (input.text.includes('\u0000')) {
    diags.error('not-text', 'the page holds NUL bytes: it is not a text page; it was not read');
    return { file: input.file, flavour: 'unknown', diagnostics: diags.items };
  }
  const page = { file: input.file, text: normaliseText(input.text) };
  const shape = shapeProblem(page.text);
  if (shape) {
    diags.error(shape.code, shape.message, shape.line);
    return { file: input.file, flavour: 'unknown', diagnostics: diags.items };
  }
  const flavour = detectFlavour(page.text);
  if (!flavour) return unknownFlavour(page, diags);
  try {
    const raw = flavour.read(page, diags);
    if (!raw) return { file: page.file, flavour: flavour.name, diagnostics: diags.items };
    const object = buildObject(raw, page.file, flavour.name, diags);
    if (!isDefinition(object)) {
      diags.info('not-an-object', `${object.name} is ${articleFor(object.kind)} page, not an object with keys`, object.source.line);
    } else if (raw.properties === undefined) {
      diags.info('no-properties', `${object.name} has no Properties section`, object.source.line);
    }
    return { file: page.file, flavour: flavour.name, object, diagnostics: diags.items };
  } catch (e) {
    diags.error('parser-failure', `the ${flavour.name} reader failed on this page: ${(e as Error).message}`);
    return { file: page.file, flavour: flavour.name, diagnostics: diags.items };
  }
}

function articleFor(kind: string): string {
  return /^[aeio]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** A page no flavour recognises is kept as an `other` object and reported, never dropped. */
function unknownFlavour(page: PageInput, diags: DiagnosticBag): PageResult {
  const lines = page.text.split('\n');
  const titleAt = lines.findIndex((l) => /^#\s+\S/.test(l));
  const hasProperties = /^#{1,4}\s+Properties\s*$/m.test(page.text);
  diags.add(
    hasProperties ? 'error' : 'warning',
    'unknown-flavour',
    hasProperties
      ? 'the page is of no known flavour and has a Properties section: its keys could not be read'
      : 'the page is of no known flavour; it was classified as "other"',
    titleAt >= 0 ? titleAt + 1 : 1,
  );
  if (titleAt < 0) return { file: page.file, flavour: 'unknown', diagnostics: diags.items };
  const name = (lines[titleAt] ?? '').replace(/^#\s+/, '').trim();
  const object: IrObject = { name, kind: 'other', properties: [], source: { file: page.file, line: titleAt + 1, flavour: 'unknown' } };
  return { file: page.file, flavour: 'unknown', object, diagnostics: diags.items };
}
