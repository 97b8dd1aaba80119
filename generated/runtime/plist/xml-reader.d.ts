// Copied by dmspec from generator/runtime/plist/xml-reader.ts. Do not edit: change that file and run "npm run generate".
/**
 * XML property lists to values. The scanner (`xml-scanner.ts`) hands over one token at a time;
 * this module builds the values, counting every value, string and data byte against the budget
 * as it goes, so neither a huge flat document, a deep one, nor one of unclosed tags can outgrow
 * the limits before the error. The stack of open arrays and dictionaries is explicit: no
 * recursion, so no depth of input reaches the JavaScript stack. Scalars are read by `scalars.ts`.
 */
import { type PlistBudget } from './budget.js';
import { PlistPositions } from './positions.js';
import { type PlistValue } from './values.js';
/** Reads an XML plist's text. Throws PlistError (PlistTimeoutError past the deadline). */
export declare function readXmlPlist(text: string, budget: PlistBudget, safeOnly: boolean): {
    value: PlistValue;
    positions: PlistPositions;
};
