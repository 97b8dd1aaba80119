// Copied by dmspec from generator/runtime/plist/binary-reader.ts. Do not edit: change that file and run "npm run generate".
/**
 * A strict reader of binary property lists (`bplist00`), written to the layout CoreFoundation
 * documents in CFBinaryPList.c: a header, objects, an offset table and a 32-byte trailer.
 *
 * Why not a library: libplist (WebAssembly) expands shared references without a limit (a 606-byte
 * file hangs it), returns `<array/>` for arrays nested thousands deep, and reads 16-byte integers
 * as 0; the JavaScript readers on npm (bplist-parser and its forks) lose the integer/real
 * distinction and have no budgets either. This reader counts every value each time it is reached
 * (see budget.ts), refuses cycles, keeps integers exact, keeps no state between documents and
 * recurses at most `maxDepth` levels. Each value's position is its object's byte offset.
 */
import { type PlistBudget } from './budget.js';
import { PlistPositions } from './positions.js';
import { type PlistValue } from './values.js';
/** True when the bytes start with the binary plist header. */
export declare const isBinaryPlist: (bytes: Uint8Array) => boolean;
/** Reads the bytes of a binary plist (`isBinaryPlist`) within `budget`. Throws PlistError. */
export declare const readBinaryPlist: (bytes: Uint8Array, budget: PlistBudget, safeOnly: boolean) => {
    value: PlistValue;
    format: "xml" | "binary";
    positions: PlistPositions;
};
