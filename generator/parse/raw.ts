/**
 * What a flavour reads off a page, before any interpretation: texts and the lines they sit on.
 * Every flavour fills these; `build-object.ts` turns them into IR the same way for all, so the
 * same page content gives the same facts whatever the flavour.
 */
import type { Availability, IrExample, IrType, ObjectFact, ObjectKind, Platform, ProfileAvailability, ProfilePlatform, TypeOrigin } from '../model/ir.js';

/** A stated text and the line it was read from. */
export interface Stated<T = string> {
  value: T;
  line: number;
}

export interface RawProperty {
  name: string;
  line: number;
  /** The type as written, e.g. `[string]`; absent when the page states none. */
  type?: Stated;
  /** A type obtained another way (flavours without stated types). */
  inferredType?: { type: IrType; origin: Exclude<TypeOrigin, 'stated'>; line: number };
  required?: Stated<boolean>;
  default?: Stated;
  /** Each allowed value as written. */
  allowedValues?: Stated<string[]>;
  minimum?: Stated;
  maximum?: Stated;
  /** Availability stated as a line or list (prose is read later, from the description). */
  availability?: Stated<Availability>;
  /** The availability line lists every platform that has the key (the changelog flavour's `Available:`). */
  availabilityExhaustive?: boolean;
  deprecatedIn?: Stated<Availability>;
  removedIn?: Stated<Availability>;
  /** A bare "Deprecated" marker, as the rendered flavour prints. */
  deprecatedMarker?: Stated<boolean>;
  /** The key's prose as markdown, fact lines removed. */
  description: string;
  /** Line of the description's first block, for facts read from prose. */
  descriptionLine?: number;
  /** The description's blocks with their lines, where the flavour keeps them apart. */
  proseBlocks?: Stated[];
  /** A `Requires supervision: iOS | visionOS` line. */
  supervisedOn?: Stated<Platform[]>;
  /** An `Allowed for user enrollments: iOS | visionOS` line. */
  userEnrollmentOn?: Stated<Platform[]>;
}

/**
 * Adds one block of a key's prose: the description is the blocks joined, its line the first
 * block's, so flavours that keep blocks apart never hold the text twice.
 */
export function addProse(rp: RawProperty, value: string, line: number): void {
  (rp.proseBlocks ??= []).push({ value, line });
  rp.descriptionLine ??= line;
  rp.description = rp.description === '' ? value : `${rp.description}\n\n${value}`;
}

export interface RawObject {
  name: string;
  line: number;
  /** The role line as written (`Device Management Profile`, `Object`), where the flavour has one. */
  role?: string;
  /** A kind the flavour decided itself (for example a page with no properties). */
  kind?: ObjectKind;
  summary?: string;
  availability?: Availability;
  /** The platform line is the page's full list of platforms. */
  availabilityExhaustive?: boolean;
  deprecated?: boolean;
  profileAvailability?: Partial<Record<ProfilePlatform, ProfileAvailability>>;
  /** The lines of the object-level facts above. */
  factLines?: Partial<Record<ObjectFact, number>>;
  /** The Discussion's prose, where payload type, declaration type and inheritance are stated. */
  discussion?: Stated & { bodyLine?: number };
  examples: IrExample[];
  /** `undefined` when the page has no Properties section at all. */
  properties?: RawProperty[];
  /**
   * Keys the Discussion lists in prose after "contain these profile-specific keys:", which says
   * the list is not all the object takes; `line` is that sentence's.
   */
  discussionKeys?: { line: number; properties: RawProperty[] };
}
