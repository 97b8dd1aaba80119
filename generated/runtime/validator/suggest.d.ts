// Copied by dmspec from generator/runtime/validator/suggest.ts. Do not edit: change that file and run "npm run generate".
/**
 * The name a misspelt one most likely meant: `allowAirdrop` → `allowAirDrop` (equal ignoring
 * case), `com.apple.applicationacess` → `com.apple.applicationaccess` (one edit). Only a single
 * closest candidate is named; two equally close ones name none, so a suggestion is never a guess
 * between keys.
 */
/**
 * Optimal string alignment distance (insertions, deletions, substitutions and swaps of neighbours)
 * between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`.
 */
export declare function editDistance(a: string, b: string, limit: number): number;
/** The one candidate `name` most likely meant, or undefined. */
export declare function closest(name: string, candidates: Iterable<string>): string | undefined;
