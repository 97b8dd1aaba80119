// Copied by dmspec from generator/runtime/plist/xml-scanner.ts. Do not edit: change that file and run "npm run generate".
/** Raised for what cannot be read: the message, and the character offset it was found at. Must throw. */
export type Fail = (message: string, offset: number, malformed?: boolean) => never;
/** What the scanner hands on, in document order. */
export interface XmlTokens {
    /** A start tag: its name, where its `<` is, and whether it is `<name/>`. */
    open(name: string, at: number, selfClosing: boolean): void;
    /** An end tag. */
    close(name: string, at: number): void;
    /**
     * Character data from `at` to `end`, entities resolved and line ends normalised; `undefined`
     * when it is whitespace only (not built, since most of it is indentation: `lineEnds` of the
     * text between `at` and `end` is its value).
     */
    text(text: string | undefined, at: number, end: number): void;
}
/** Text with XML's line ends (`\r\n` and `\r` read as `\n`). */
export declare const lineEnds: (t: string) => string;
/**
 * Reads `s` from its prolog (a BOM, the XML declaration, a DOCTYPE, comments, processing
 * instructions) to its end, handing each element and each run of text to `to`. Calls `fail`,
 * which throws, for the first thing that is not well-formed XML (with `malformed` set) or that is
 * refused by rule.
 */
export declare function scanXml(s: string, fail: Fail, to: XmlTokens): void;
