// Copied by dmspec from generator/runtime/build/profile.ts. Do not edit: change that file and run "npm run generate".
/** The payload keys the builder fills when they are not given. */
export type PayloadFilled = 'PayloadIdentifier' | 'PayloadUUID' | 'PayloadVersion';
/** The top-level keys the builder fills when they are not given. */
export type ProfileFilled = 'PayloadType' | 'PayloadUUID' | 'PayloadVersion';
/** `T` with the keys `F` optional; every other key, and an index signature, kept as it is. */
export type WithOptional<T, F extends PropertyKey> = {
    [K in keyof T as K extends F ? never : K]: T[K];
} & {
    [K in keyof T as K extends F ? K : never]?: T[K];
};
/** What the caller gives for one payload of type `P` (each member of a union on its own). */
export type PayloadInput<P> = P extends unknown ? WithOptional<P, PayloadFilled> : never;
/** What the caller gives for a profile whose top level is `Top`, holding payloads `P`. */
export type ProfileInput<Top, P> = WithOptional<Omit<Top, 'PayloadContent'>, ProfileFilled> & {
    PayloadContent: ReadonlyArray<PayloadInput<P>>;
};
/** The values the spec's pages fix, which the builder writes where the caller gave none. */
export interface FixedProfileKeys {
    /** The top level's `PayloadType` and `PayloadVersion` (`Configuration`, `1`). */
    profile: {
        readonly PayloadType?: string;
        readonly PayloadVersion?: number;
    };
    /** Every payload's `PayloadVersion` (`1`). */
    payload: {
        readonly PayloadVersion?: number;
    };
}
type Dict = Record<string, unknown>;
/** The `PayloadUUID` of the profile whose `PayloadIdentifier` is `identifier` (name-based, `profile/IDENTIFIER`). */
export declare function profileUuid(identifier: string): string;
/** The `PayloadUUID` of the payload whose `PayloadIdentifier` is `identifier` (name-based, `payload/IDENTIFIER`). */
export declare function payloadUuid(identifier: string): string;
/** The profile `input` describes, its derived keys filled. Throws TypeError for an input that cannot name its UUIDs. */
export declare function buildProfile(input: unknown, fixed: FixedProfileKeys): Dict;
export {};
