/**
 * The public types of the validators: their options, their issues and results, and the facts the
 * generated code keeps per key for the checks that depend on options.
 */

export type Platform = 'iOS' | 'iPadOS' | 'Mac Catalyst' | 'macOS' | 'tvOS' | 'visionOS' | 'watchOS';

export interface ValidateOptions {
  /** Report keys the platform does not support (needs the page to state availability). */
  platform?: Platform;
  /** With `platform`: report keys introduced after, or removed by, this version. */
  osVersion?: string;
  /** Unknown keys are errors instead of warnings. */
  strict?: boolean;
  /** Whether the device is supervised: keys that need supervision, and deprecations for unsupervised devices, are reported only when this is known. */
  supervised?: boolean;
  /** How the device is enrolled; `user` (User Enrollment, a Managed Apple Account) implies an unsupervised device. */
  enrollment?: Enrollment;
}

export type Enrollment = 'device' | 'user' | 'automated';

export type IssueCode =
  | 'missing-required'
  | 'wrong-type'
  | 'not-allowed'
  | 'below-minimum'
  | 'above-maximum'
  | 'unknown-key'
  | 'unavailable-on-platform'
  | 'deprecated'
  | 'requires-supervision'
  | 'not-in-user-enrollment'
  | 'unknown-type'
  | 'limit-exceeded';

export interface ValidationIssue {
  /** Where the problem is: `IKEv2.MTU`, `OnDemandRules[2].Action`; empty for the value itself. */
  path: string;
  code: IssueCode;
  severity: 'error' | 'warning';
  message: string;
  expected?: unknown;
  actual?: unknown;
  /** Where several pages share the document's type (`com.apple.extensiblesso`): the object whose page the finding is judged against. */
  judgedAgainst?: string;
}

/** The page a document of a type several pages share was judged against, and why that one. */
export interface JudgedAgainst {
  /** The object's name: `ExtensibleSingleSignOnKerberos`. */
  object: string;
  /** `its ExtensionIdentifier "com.apple.AppSSOKerberos.KerberosExtension" is allowed by this page only`. */
  reason: string;
  /** Other pages of the type that judged keys `object` lacks (`Accounts` for a TimeServer payload's `DisableGuestAccount`). */
  also?: string[];
}

export interface ValidationResult {
  /** No issue of severity `error`. */
  valid: boolean;
  /** The findings, in the order of the value's keys; required keys that are missing come last. */
  issues: ValidationIssue[];
  /** Set by the validator of a type several pages share: the page it judged the document against. */
  judgedAgainst?: JudgedAgainst;
}

export type Validator = (value: unknown, options?: ValidateOptions) => ValidationResult;

/** The options a validator uses when given none: shared, so a call allocates no options object. */
export const NO_OPTIONS: ValidateOptions = Object.freeze({});

export type Dict = Record<string, unknown>;

/** What a page says about one key on one platform. */
export interface PlatformAvailability {
  introduced?: string;
  deprecated?: string;
  removed?: string;
  /** The last version that has the key. */
  availableThrough?: string;
  available?: boolean;
}

/** What a page says about supervision and conditional deprecation of one key. */
export interface SupervisionFacts {
  /** The key needs a supervised device (on `platforms` when given, else everywhere). */
  supervised?: boolean;
  platforms?: readonly Platform[];
  /** Versions bounding the requirement per platform. */
  since?: Partial<Record<Platform, string>>;
  until?: Partial<Record<Platform, string>>;
  /** The key's use is deprecated in these situations. */
  when?: readonly ('unsupervised' | 'managedAppleAccount')[];
  note?: string;
}

/**
 * What a key's option-dependent checks need: its availability per platform, the version each
 * platform deprecates it in, its supervision facts. Generated code keeps one constant per key and
 * calls `gated` only when `Run.gated` is set: a validation without those options never looks at
 * them.
 */
export interface KeyFacts {
  availability?: Partial<Record<Platform, PlatformAvailability>>;
  /** The page's list of platforms is complete: a platform it omits does not have the key. */
  exhaustive?: boolean;
  /** The version each platform deprecates the key in, where the page says. */
  deprecatedIn?: Partial<Record<Platform, string>>;
  /** What to use instead, from the page's sentence or the replacement's name. */
  instead?: string;
  situation?: SupervisionFacts;
}
