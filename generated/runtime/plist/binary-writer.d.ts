// Copied by dmspec from generator/runtime/plist/binary-writer.ts. Do not edit: change that file and run "npm run generate".
/**
 * A binary property list of `value` (see `values.ts` for what each JavaScript value becomes).
 * Throws TypeError for a value with no plist form (null, a function, a class instance, a cycle,
 * nesting past 64 levels).
 */
export declare function toBinaryPlist(value: unknown): Uint8Array;
