/**
 * The facts about a payload type as a whole that generated registries carry
 * (`payloadTypeFacts`), as the validate stage reads them. Declared here rather than imported, so
 * validators generated before the registry had them still load: every field is optional.
 */
export interface PayloadTypeFacts {
  /** Nested objects the payload refers to whose pages the spec lacks: the keys under them are not checked. */
  readonly missing?: readonly string[];
  /** Where several pages share the payload type: the pages each of them lacks, by object, so a payload judged against one is not said to miss another's. */
  readonly missingBy?: Readonly<Record<string, readonly string[]>>;
  /** The payload's page lists only some of its keys (`partialKeys` in the IR): the others are not checked. */
  readonly partialKeys?: boolean;
  /** Paths of keys that hold another payload's UUID (`IKEv2.PayloadCertificateUUID`; `[]` for each item of an array). */
  readonly references?: readonly string[];
  /** Keys whose page names a declarative replacement, and whether a value carries over to it. */
  readonly replacements?: readonly ReplacementFactView[];
  /** Platforms and versions that have the payload type. */
  readonly availability?: Readonly<Record<string, { readonly introduced?: string; readonly removed?: string; readonly availableThrough?: string; readonly available?: boolean }>>;
  /** The availability lists every platform that has the payload type. */
  readonly exhaustive?: boolean;
  /** The page's Profile Availability table, per platform (and `Shared iPad`). */
  readonly profile?: Readonly<Record<string, ProfileTableRow>>;
  /** Where the table is stated: the page and line, or a supplement's page, line and date. */
  readonly profileSource?: string;
  /** The payload type is deprecated (everywhere, or from `deprecatedIn`'s versions), with the page's sentence and replacement. */
  readonly deprecated?: PayloadDeprecation;
  /** The pages and lines the facts are from. */
  readonly source?: string;
}

/** A key whose page names a declarative replacement (`DeclarativeReplacementFact` in the registry). */
export interface ReplacementFactView {
  readonly path: string;
  readonly declarationType: string;
  readonly source: string;
  readonly declaration?: string;
  readonly key?: string;
  readonly carriesTo?: string;
  readonly reason?: string;
  readonly availability?: PayloadTypeFacts['availability'];
  readonly exhaustive?: boolean;
}

/** A whole payload type's deprecation, as its page states it. */
export interface PayloadDeprecation {
  readonly deprecatedIn?: Readonly<Record<string, string>>;
  readonly note?: string;
  readonly instead?: string;
  readonly source: string;
}

/** One platform's row of a page's Profile Availability table, as far as validation uses it. */
export interface ProfileTableRow {
  readonly requiresSupervision: boolean;
  readonly allowedInUserEnrollment: boolean;
  readonly allowMultiplePayloads: boolean;
}
