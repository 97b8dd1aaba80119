/**
 * The interface every flavour module implements. A flavour reads one page into a `RawObject`;
 * it never types values or resolves references, which happen once for all flavours.
 */
import type { DiagnosticBag } from '../model/diagnostics.js';
import type { FlavourName } from '../model/ir.js';
import type { RawObject } from './raw.js';

export interface PageInput {
  /** Path relative to the spec root, `/`-separated. */
  file: string;
  text: string;
  /** Set (with an empty `text`) when the file was not read because it is this many bytes, over the page limit. */
  unreadBytes?: number;
  /** Set (with an empty `text`) when the file is not valid UTF-8: where its first invalid byte is. */
  invalidUtf8?: { line: number; column: number };
  /** Set on a page of a supplement: it only supplies facts its object's primary page does not state. */
  supplement?: SupplementInfo;
}

/** A supplement of a spec folder, as its manifest (`spec.json`) names it. */
export interface SupplementInfo {
  /** The folder holding its pages, relative to the spec root. */
  folder: string;
  flavour: FlavourName;
  /** The date of its pages, `YYYY-MM-DD`. */
  date: string;
  /** Where its pages come from, in words. */
  source: string;
}

export interface Flavour {
  readonly name: Exclude<FlavourName, 'unknown'>;
  /** A cheap test on the page's text: does this page have this flavour's markers? */
  detect(text: string): boolean;
  /** Reads the page. Problems go to `diags`; a page without a title returns `undefined`. */
  read(page: PageInput, diags: DiagnosticBag): RawObject | undefined;
}
