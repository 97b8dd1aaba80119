/**
 * The Handlebars environment: one isolated instance, with every helper the templates may use
 * registered here and nowhere else. Templates compile with `noEscape` (HTML escaping is not code
 * escaping: views hold text already escaped for their target) and `strict` (a field a template
 * names but the view lacks is a template bug, raised at once).
 */
import Handlebars from 'handlebars';
import { markdownCell, markdownCode } from './escape.js';
import { tsString } from './naming.js';

export function createHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('tsString', (s: unknown) => tsString(String(s)));
  hb.registerHelper('mdCell', (s: unknown) => markdownCell(String(s)));
  hb.registerHelper('mdCode', (s: unknown) => markdownCode(String(s)));
  return hb;
}

export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;
