// Copied by dmspec from generator/runtime/plist/xml-reader.ts. Do not edit: change that file and run "npm run generate".
/**
 * XML property lists to values: a strict, linear, bounded tokenizer for the subset property lists
 * use, building the values as it reads. Not a general XML parser, on purpose: it reads elements
 * (attributes checked for form and ignored), character data with the five predefined entities and
 * character references, CDATA sections, comments, processing instructions, the XML declaration
 * and a DOCTYPE. A DOCTYPE that declares any entity is refused (no external entities, no "billion
 * laughs"); any other entity reference is an error, never expanded. Line ends are read as XML
 * reads them (`\r\n` and `\r` are `\n`), and a character XML does not allow (NUL, most controls,
 * an unpaired surrogate) is an error.
 *
 * Linear: every construct is found by `indexOf`, a sticky regular expression over one character
 * class, or (the text of character data and of an attribute's value) one left-to-right regular
 * expression whose alternatives start with different characters, so each character is looked at
 * a bounded number of times and nothing backtracks.
 * Bounded: every value, string and data byte is counted against the budget as it is read, so
 * neither a huge flat document, a deep one, nor one of unclosed tags can outgrow the limits
 * before the error. The stack of open arrays and dictionaries is explicit: no recursion, so no
 * depth of input reaches the JavaScript stack. Scalars are read by `scalars.ts`. Written as
 * closures over the text and the offset, not as a class: the state is local variables, which a
 * minifier shortens and property accesses it cannot.
 */
import { type PlistBudget } from './budget.js';
import { PlistPositions } from './positions.js';
import { type PlistValue } from './values.js';
/**
 * Reads an XML plist's text from its prolog (a BOM, the XML declaration, a DOCTYPE, comments,
 * processing instructions) to its end. Throws PlistError (PlistTimeoutError past the deadline)
 * for the first thing that is not well-formed XML (`malformed XML (line N): …`), is refused by
 * rule or is past a limit (`line N: …`).
 */
export declare const readXmlPlist: (s: string, budget: PlistBudget, safeOnly: boolean) => {
    value: PlistValue;
    format: "xml" | "binary";
    positions: PlistPositions;
};
