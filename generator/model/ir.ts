/**
 * The intermediate model (IR): the one shape every stage after parsing reads.
 *
 * The field names of `IrDocument`, `IrObject`, `IrProperty`, `IrType` and `Availability`
 * follow the public contract (`ir-contract.md`); fields beyond the contract are additions,
 * never renames. Every node keeps the source position it was read from.
 */
import type { Diagnostic } from './diagnostics.js';

export const IR_VERSION = 1 as const;

/** Platform names exactly as Apple writes them, in Apple's order. */
export const PLATFORMS = ['iOS', 'iPadOS', 'Mac Catalyst', 'macOS', 'tvOS', 'visionOS', 'watchOS'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Availability of one platform. Versions are strings as written (`"14"` and `"14.0"` are equal). */
export interface PlatformAvailability {
  introduced?: string;
  deprecated?: string;
  removed?: string;
  /** The last version that has it ("Only available in macOS 10.15 and earlier", "through macOS 14.6"). */
  availableThrough?: string;
  /** `false` where the page says the platform is not supported at all. */
  available?: boolean;
}

export type Availability = Partial<Record<Platform, PlatformAvailability>>;

export type PrimitiveKind = 'string' | 'integer' | 'real' | 'boolean' | 'date' | 'data' | 'dictionary' | 'any';
export const PRIMITIVE_KINDS: readonly PrimitiveKind[] = [
  'string', 'integer', 'real', 'boolean', 'date', 'data', 'dictionary', 'any',
];

/** The type of a property: one discriminated union on `kind`. */
export type IrType =
  | { kind: PrimitiveKind }
  | { kind: 'array'; items: IrType }
  | { kind: 'ref'; name: string };

export type ArrayType = Extract<IrType, { kind: 'array' }>;
export type RefType = Extract<IrType, { kind: 'ref' }>;
export type PrimitiveType = Exclude<IrType, ArrayType | RefType>;

/** How a property's type was obtained, so users can see what is inferred. */
export type TypeOrigin = 'stated' | 'example' | 'prose' | 'unknown';

/** A JSON value as it appears in defaults and allowed values. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The facts a page can state about a property; used to record a line for each. */
export type PropertyFact =
  | 'type' | 'required' | 'default' | 'allowedValues' | 'minimum' | 'maximum' | 'availability' | 'deprecated'
  | 'deprecatedWhen' | 'supervised' | 'payloadReference' | 'allowedInUserEnrollment' | 'declarationReference' | 'statusItemReference'
  | 'predicate' | 'declarativeReplacement' | 'requiredWhen';

export interface SourceLocation {
  /** Path relative to the spec root, with `/` separators. */
  file: string;
  /** 1-based line. */
  line: number;
}

/**
 * Where a fact was read when it is not on the object's own page: a line of a supplement's page
 * (an older snapshot, `date`), which stated what the primary page does not.
 */
export interface FactSource extends SourceLocation {
  /** The date of the page the fact is from, `YYYY-MM-DD`. */
  date: string;
}

/** The facts a page can state about an object as a whole; used to record a line for each. */
export type ObjectFact = 'deprecated' | 'profileAvailability';

export interface ValueDescription {
  value: JsonValue;
  description: string;
}

/**
 * A deprecation that holds only in some conditions: "Support for this restriction on unsupervised
 * devices and with Managed Apple Accounts is deprecated" deprecates neither the key nor its use
 * on supervised devices, so it is a condition, not `deprecated`.
 */
export type DeprecationCondition = 'unsupervised' | 'managedAppleAccount';

/** Supervision on one platform: "Requires a supervised device in iOS 13 and later" is `{since: "13"}`. */
export interface SupervisionFact {
  since?: string;
  /** The last version that requires it ("Requires a supervised device until iOS 13"). */
  until?: string;
}

/**
 * One condition of a conditional requirement; a key is required when all of its conditions hold.
 * `enrollment`: "The system requires this value if the enrollment type is a user enrollment"
 * (`channel: "user"`: "… on the user channel"); `channel`: sent on the user channel only; `platform`:
 * a required key its page lists on only some of its object's platforms; `key`: another key of the
 * dictionary is present ("This field is required if `HostName` is specified"), has one of `values`
 * ("Required when `FilterType` is `Plugin`"), or with `orAbsent` is absent or has one of them;
 * `absent`: the other key is absent ("You must provide this value if you don’t provide a value for
 * `PhoneNumber`"): one of the two is required.
 */
export type RequiredCondition =
  | { kind: 'enrollment'; enrollment: 'user' | 'device'; channel?: 'user' }
  | { kind: 'channel'; channel: 'user' }
  | { kind: 'platform'; platforms: Platform[] }
  | {
      kind: 'key'; key: string; values?: JsonValue[]; orAbsent?: true;
      /** The line of the sentence that states the condition. */
      line: number;
      /**
       * Why validators do not judge the condition (`generator/parse/judged-conditions.ts`): the
       * other key's prose conditions it in turn, or the requirement names a third key. Absent
       * when they judge it.
       */
      unjudged?: string;
    }
  | { kind: 'absent'; key: string };

/** A correction of a page no parser can see, from the errata table (`generator/model/errata.ts`). */
export interface Erratum {
  id: string;
  /** What is corrected, as the docs show it. */
  correction: string;
  /** Why: what devices and Apple's other sources show. */
  evidence: string;
}

/** Facts a page states about one allowed value rather than about its key. */
export interface ValueFacts {
  availability?: Availability;
  deprecated?: boolean;
  deprecationNote?: string;
  replacedBy?: string;
  /** The line of the sentence or bullet that states them. */
  line: number;
}

/** The kinds of declarations, the component after `com.apple.` of Apple's declaration types. */
export const DECLARATION_CATEGORIES = ['activation', 'asset', 'configuration', 'management'] as const;
export type DeclarationCategory = (typeof DECLARATION_CATEGORIES)[number];

/**
 * A key that holds the `Identifier` of other declarations of the set, as its prose says ("The
 * identifier of an asset declaration that contains the credentials…").
 */
export interface DeclarationReference {
  /** The kind of declaration it names. */
  category: DeclarationCategory;
  /** "a credential asset declaration": only credential assets (`com.apple.asset.credential.…`). */
  credential?: true;
  /** The type the page asks for, as it spells it ("Set the corresponding asset type to `CredentialUserNameAndPassword`"). */
  named?: string[];
  /** The declaration types it may name, resolved across the spec; absent: any of its category. */
  types?: string[];
}

/**
 * The declarative replacement a deprecation names: "Deprecated: use the declarative management
 * `com.apple.configuration.intelligence.settings` configuration", "use the `Privacy` key in the
 * declarative management `…` configuration".
 */
export interface DeclarativeReplacement {
  /** The declaration type, as the page writes it. */
  declarationType: string;
  /** The key of that declaration the page names, if it names one. */
  key?: string;
}

/** One platform's row of the rendered flavour's "Profile Availability" table. */
export interface ProfileAvailability {
  deviceChannel: boolean;
  userChannel: boolean;
  allowManualInstall: boolean;
  requiresSupervision: boolean;
  requiresUserApprovedMdm: boolean;
  allowedInUserEnrollment: boolean;
  allowMultiplePayloads: boolean;
}

/** The table names platforms and the Shared iPad mode. */
export type ProfilePlatform = Platform | 'Shared iPad';

export interface IrProperty {
  /** The key exactly as it appears in a profile. `ANY` stands for any key (a free-form dictionary). */
  name: string;
  type: IrType;
  typeOrigin: TypeOrigin;
  required: boolean;
  /**
   * The requirement holds only when all of these conditions do (whatever `required` says); without
   * them, `required` holds everywhere. `factLines.requiredWhen` is the first condition's line.
   */
  requiredWhen?: RequiredCondition[];
  default?: JsonValue;
  allowedValues?: JsonValue[];
  /** Per-value meanings the description gives (`None`: No keepalive.). */
  valueDescriptions?: ValueDescription[];
  minimum?: number;
  maximum?: number;
  availability?: Availability;
  /**
   * `true` when `availability` lists every platform that has the key (the changelog flavour's
   * `Available:` line): a platform it omits does not have the key. Prose is never exhaustive.
   */
  availabilityExhaustive?: boolean;
  /** The key itself is deprecated (on the platforms whose `availability` has a `deprecated` version, or everywhere). */
  deprecated?: boolean;
  /** The sentence that says why or since when the key is deprecated. */
  deprecationNote?: string;
  /** What the page says to use instead ("use `X` instead", "Replaced with X", "in favor of `X`"). */
  replacedBy?: string;
  /** The key's use is deprecated only in these conditions; the key is not `deprecated` for them. */
  deprecatedWhen?: DeprecationCondition[];
  /** The sentence that states the conditional deprecation. */
  deprecatedWhenNote?: string;
  /** The key needs a supervised device; `supervisedPlatforms` narrows where, when the page says. */
  supervised?: boolean;
  supervisedPlatforms?: Platform[];
  /** Supervision per platform, with the versions the page gives. */
  supervision?: Partial<Record<Platform, SupervisionFact>>;
  /**
   * The platforms whose User Enrollments apply the key ("Allowed for user enrollments: iOS |
   * visionOS"). On a page that gives such lines, a key without one is ignored in User Enrollment.
   */
  allowedInUserEnrollment?: Platform[];
  /** Facts about single allowed values, keyed by the value as written (`"NONE"`). */
  valueFacts?: Record<string, ValueFacts>;
  /**
   * The key holds the `PayloadUUID` of another payload of the same profile (a string, or each
   * string of an array), as its prose says; `factLines.payloadReference` is that sentence's line.
   */
  payloadReference?: boolean;
  /** The key holds the `Identifier` of other declarations (a string, or each string of an array), as its prose says. */
  declarationReference?: DeclarationReference;
  /** The key holds the name of a status item ("The name of the status item to send to subscribers"). */
  statusItemReference?: boolean;
  /** The key holds a predicate format string ("A predicate format string as Apple's Predicate Programming describes"). */
  predicate?: boolean;
  /** The deprecation names a declaration to use instead. */
  declarativeReplacement?: DeclarativeReplacement;
  /** The key's prose, as markdown. */
  description: string;
  source: SourceLocation;
  /**
   * The key is a placeholder for any key of its dictionary (language codes, realm names): every
   * key the dictionary holds takes a value of `values`. `line` is the key's line.
   */
  placeholderKey?: { line: number; values: IrType };
  /** A correction of the page from dmspec's errata table: what the page says wrongly, and why (the evidence). */
  erratum?: Erratum;
  /** The line of each stated fact. */
  factLines?: Partial<Record<PropertyFact, number>>;
  /** Facts taken from a supplement's page of the same object and key, each with its page, line and date. */
  factSources?: Partial<Record<PropertyFact, FactSource>>;
}

export type ObjectKind = 'profile' | 'object' | 'command' | 'declaration' | 'endpoint' | 'article' | 'other';
export const DEFINITION_KINDS: readonly ObjectKind[] = ['profile', 'object', 'command', 'declaration'];

export type FlavourName = 'rendered' | 'changelog' | 'frontmatter' | 'snapshot' | 'listing' | 'unknown';

/** A profile or request example found on the page. */
export interface IrExample {
  format: 'plist' | 'json' | 'text';
  text: string;
  line: number;
}

export interface IrObject {
  name: string;
  kind: ObjectKind;
  summary?: string;
  payloadType?: string;
  declarationType?: string;
  availability?: Availability;
  /** `true` when `availability` is the page's full platform list (changelog `**Platforms:**`, rendered platform line). */
  availabilityExhaustive?: boolean;
  deprecated?: boolean;
  /** The Discussion's sentence that deprecates the object ("This payload is deprecated as of macOS 11."). */
  deprecationNote?: string;
  /** What the page says to use instead ("Use the Cellular profile instead."). */
  replacedBy?: string;
  inherits?: string[];
  /**
   * The page lists only some of the keys the object takes: "This payload’s contents contain these
   * profile-specific keys:" lists the keys of this payload (the 802.1X Ethernet pages), while its
   * example also carries the Wi-Fi keys. A key the object does not list is then not unknown.
   * `line` is that sentence's line.
   */
  partialKeys?: { line: number };
  /** The rendered flavour's "Profile Availability" table, one entry per platform it names. */
  profileAvailability?: Partial<Record<ProfilePlatform, ProfileAvailability>>;
  properties: IrProperty[];
  /** The page's Discussion section as Markdown, and the line of its heading. */
  discussion?: { text: string; line: number };
  examples?: IrExample[];
  source: SourceLocation & { flavour: FlavourName };
  /** The line of each object-level fact the page states. */
  factLines?: Partial<Record<ObjectFact, number>>;
  /** Object-level facts taken from a supplement's page of the same object, with page, line and date. */
  factSources?: Partial<Record<ObjectFact, FactSource>>;
}

export interface IrDocument {
  irVersion: typeof IR_VERSION;
  objects: IrObject[];
  diagnostics: Diagnostic[];
}

export function isArrayType(t: IrType): t is ArrayType {
  return t.kind === 'array';
}

export function isRefType(t: IrType): t is RefType {
  return t.kind === 'ref';
}

export function isPrimitiveType(t: IrType): t is PrimitiveType {
  return t.kind !== 'array' && t.kind !== 'ref';
}

/** Objects that define keys (as opposed to articles, endpoints and overviews). */
export function isDefinition(o: IrObject): boolean {
  return DEFINITION_KINDS.includes(o.kind);
}

export function isPlatform(s: string): s is Platform {
  return (PLATFORMS as readonly string[]).includes(s);
}

/**
 * Pages write "any key of this dictionary" as a property named `ANY`, `Any Key` or
 * `ANY restriction name`: such a property types the values of all keys not listed.
 */
export function isWildcardKey(name: string): boolean {
  return /^any(?:\s|$)/i.test(name);
}

/** A key that stands for any key of its dictionary: a wildcard by name (`ANY`) or a placeholder its prose names (`placeholderKey`). */
export function standsForAnyKey(p: Pick<IrProperty, 'name' | 'placeholderKey'>): boolean {
  return isWildcardKey(p.name) || p.placeholderKey !== undefined;
}

/** Spells a type the way the changelog flavour does: `[VPN.VPN.OnDemandRulesElement]`. */
export function typeToString(t: IrType): string {
  switch (t.kind) {
    case 'array':
      return `[${typeToString(t.items)}]`;
    case 'ref':
      return t.name;
    case 'string': case 'integer': case 'real': case 'boolean':
    case 'date': case 'data': case 'dictionary': case 'any':
      return t.kind;
    default:
      return assertNever(t);
  }
}

/** The type inside any arrays (`[[integer]]` → `integer`): what each item holds. */
export function innermostType(t: IrType): IrType {
  return t.kind === 'array' ? innermostType(t.items) : t;
}

/** Every ref a type mentions, innermost included. */
export function refsOf(t: IrType): string[] {
  switch (t.kind) {
    case 'array':
      return refsOf(t.items);
    case 'ref':
      return [t.name];
    default:
      return [];
  }
}

/** Exhaustiveness check for `switch` statements over the IR's unions. */
export function assertNever(x: never): never {
  throw new Error(`unexpected IR node: ${JSON.stringify(x)}`);
}
