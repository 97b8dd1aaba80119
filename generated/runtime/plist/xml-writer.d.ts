// Copied by dmspec from generator/runtime/plist/xml-writer.ts. Do not edit: change that file and run "npm run generate".
/** Checks an integer is in the range plists hold. */
export declare const checkInteger: (n: number | bigint, path: string) => void;
/**
 * An XML property list of `value` (see `values.ts` for what each JavaScript value becomes).
 * Throws TypeError for a value with no plist form (null, a function, a class instance, a cycle,
 * nesting past 64 levels) or one XML cannot hold.
 */
export declare function toXmlPlist(value: unknown): string;
