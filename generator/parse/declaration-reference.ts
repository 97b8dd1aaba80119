/**
 * What a declaration key's prose says it holds, for checking declarations as a set:
 *
 * - the `Identifier` of other declarations: "The identifier of an asset declaration that contains
 *   the credentials…", "The identifier of a credential asset declaration…", "An array of
 *   identifiers of asset declarations…", "An array of strings that specify the identifiers of
 *   configurations to install." — with the types the page allows: "Set the corresponding asset
 *   type to `CredentialUserNameAndPassword`", "The corresponding asset must be of type
 *   `UserIdentity`", "Set the type of the corresponding assets to `com.apple.asset.credential.certificate`",
 *   "Ensure that the corresponding asset: - Is of type `com.apple.asset.data`";
 * - the name of a status item: "The name of the status item to send to subscribers.";
 * - a predicate: "A predicate format string as Apple's Predicate Programming describes."
 *
 * Only string keys (or arrays of strings) hold such values; a key's name is never read for it.
 */
import type { DeclarationCategory, DeclarationReference, IrType } from '../model/ir.js';

/** "identifier(s) of a (credential) asset declaration(s)", "identifiers of configurations". */
const REFERENCE = /\bidentifiers? of (?:(?:an?|the|each) )?(credential )?(asset|configuration|activation|management) declarations?\b|\bidentifiers? of (?:(?:the|each) )?(asset|configuration|activation)s\b/i;
/** "corresponding asset type to `X`", "corresponding asset must be of type `X`", "corresponding asset: - Is of type `X`". */
const TYPE_AFTER = /\bcorresponding assets?\b[^.]{0,80}?\btype\b[^`.]{0,20}`([^`]{1,120})`/i;
/** "Set the type of the corresponding assets to `X`". */
const TYPE_BEFORE = /\btype of the corresponding assets? (?:to|is) `([^`]{1,120})`/i;
const STATUS_ITEM = /\bname of the status item\b/i;
const PREDICATE = /\bpredicate format string\b/i;

/** What a key holds, with the line of the sentence that says so. */
export interface HeldValue {
  declarationReference?: { value: DeclarationReference; line: number };
  statusItemReference?: { line: number };
  predicate?: { line: number };
}

function isStringOrStrings(t: IrType): boolean {
  return t.kind === 'string' || (t.kind === 'array' && t.items.kind === 'string');
}

/** The category a reference sentence names, singular. */
function category(m: RegExpExecArray): DeclarationCategory {
  return (m[2] ?? m[3] ?? '').toLowerCase() as DeclarationCategory;
}

/** Reads a key's description (its first line at `firstLine`). */
export function heldValue(description: string, type: IrType, firstLine: number): HeldValue {
  const out: HeldValue = {};
  if (!isStringOrStrings(type)) return out;
  const lines = description.split('\n');
  for (const [i, text] of lines.entries()) {
    const line = firstLine + i;
    const ref = out.declarationReference === undefined ? REFERENCE.exec(text) : null;
    if (ref) {
      const value: DeclarationReference = { category: category(ref) };
      if (ref[1]) value.credential = true;
      out.declarationReference = { value, line };
    }
    if (out.statusItemReference === undefined && STATUS_ITEM.test(text)) out.statusItemReference = { line };
    if (out.predicate === undefined && PREDICATE.test(text)) out.predicate = { line };
  }
  const reference = out.declarationReference?.value;
  if (reference?.category === 'asset') {
    // The type sentence may follow on a later line (a list after "Ensure that the corresponding asset:").
    const named = TYPE_AFTER.exec(description)?.[1] ?? TYPE_BEFORE.exec(description)?.[1];
    if (named !== undefined) reference.named = [named.trim()];
  }
  return out;
}
