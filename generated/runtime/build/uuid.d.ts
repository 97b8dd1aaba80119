// Copied by dmspec from generator/runtime/build/uuid.ts. Do not edit: change that file and run "npm run generate".
/** True when `s` is a UUID in its 36-character text form (any version). */
export declare function isUuid(s: string): boolean;
/** The version-5 UUID of `name` (UTF-8) in `namespace`. */
export declare function uuidV5(name: string, namespace: string): string;
/** A random version-4 UUID, from the platform's cryptographic random source (Web Crypto's `getRandomValues`). */
export declare function randomUuid(): string;
/** The namespace of profiles' `PayloadUUID`s, named by the profile's `PayloadIdentifier`. */
export declare const PROFILE_NAMESPACE = "0749F6EF-7FB7-5D6F-90A2-8A1B15B20ED0";
/** The namespace of payloads' `PayloadUUID`s, named by the payload's `PayloadIdentifier`. */
export declare const PAYLOAD_NAMESPACE = "20DD3B36-6CAF-54A0-B891-96DCA77DBD67";
/** The namespace of `CommandUUID`s made from a caller's seed. */
export declare const COMMAND_NAMESPACE = "D01DEDD0-80CD-5298-8215-4FC72D4FEDC2";
