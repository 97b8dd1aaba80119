// Copied by dmspec from generator/runtime/build/sha1.ts. Do not edit: change that file and run "npm run generate".
/**
 * SHA-1 over bytes, synchronously: what a name-based UUID (version 5) is made from. WebCrypto's
 * digest is asynchronous and absent outside secure contexts, and builders are synchronous calls,
 * so the package carries this small implementation (FIPS 180-4). Not for anything secret.
 */
/** The 20-byte SHA-1 digest of `data`. */
export declare function sha1(data: Uint8Array): Uint8Array;
