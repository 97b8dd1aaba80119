// Copied by dmspec from generator/runtime/validator/shared.ts. Do not edit: change that file and run "npm run generate".
/**
 * A discriminator value several pages define (`com.apple.extensiblesso` is ExtensibleSingleSignOn
 * and ExtensibleSingleSignOnKerberos; `com.apple.MCX` six pages): a document of it is valid when
 * it is valid against one of them, and its findings are those of the page it matches best, never
 * the union of every page's findings (a Microsoft Entra Redirect payload must not be told to
 * become a Kerberos one).
 */
import { type Validator } from './types.js';
/** One page of a shared discriminator value, as the generated registry lists it. */
export interface SharedPage {
    /** The object's name: what a report says the document was judged against. */
    name: string;
    validate: Validator;
    /** The page's own keys. */
    keys: readonly string[];
    /**
     * The allowed values of its keys where the pages' lists differ (`Type`, `ExtensionIdentifier`):
     * what picks one page over another.
     */
    values?: Readonly<Record<string, readonly string[]>>;
}
/**
 * A validator for a discriminator value that several pages define. Each page judges the document;
 * among the pages whose own keys it uses (all when it uses none), the best is the one whose
 * pinned value it carries (`ExtensionIdentifier` `com.apple.AppSSOKerberos.KerberosExtension`),
 * then the one that refuses fewest of its values that another page takes (`Type` `Redirect`), then
 * fewest errors, most keys known, and page order. Its findings are the result's, each naming the
 * page in `judgedAgainst`, and so is the result (`judgedAgainst`, with why). A key the best page
 * lacks and another page defines (pages that each document part of one dictionary, as
 * `com.apple.MCX`'s do) is not unknown: that page judges the value it holds.
 */
export declare function union(pages: readonly SharedPage[]): Validator;
