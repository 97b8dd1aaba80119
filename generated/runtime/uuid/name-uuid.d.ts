// Copied by dmspec from generator/runtime/uuid/name-uuid.ts. Do not edit: change that file and run "npm run generate".
/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name): the same name gives
 * the same UUID everywhere, so builders can fill `Identifier`, `ServerToken`, `PayloadUUID` and
 * the like deterministically — an unchanged document keeps its identifiers, and a changed one
 * gets a new token. SHA-1 is written here (browsers have it only asynchronously, in WebCrypto);
 * it names things, it protects nothing.
 */
/** The namespace dmspec's builders use: the v5 UUID of "dmspec" in RFC 9562's URL namespace. */
export declare const DMSPEC_NAMESPACE = "08851473-4499-580A-9E24-EDB94592A300";
/** SHA-1 of `bytes`, as 20 bytes. */
export declare function sha1(bytes: Uint8Array): Uint8Array;
/** UTF-8 bytes of a string (a lone surrogate as U+FFFD, as TextEncoder does); written here, as the package assumes no DOM library. */
export declare function utf8(text: string): Uint8Array;
/** The version 5 UUID of `name` in `namespace`, upper-case as Apple's examples write UUIDs. */
export declare function nameUuid(name: string, namespace?: string): string;
