// Copied by dmspec from generator/runtime/plist/xml-scanner.ts. Do not edit: change that file and run "npm run generate".
/**
 * A strict, linear, bounded XML tokenizer for the subset property lists use. Not a general XML
 * parser, on purpose: it reads elements (attributes checked for form and ignored), character
 * data with the five predefined entities and character references, CDATA sections, comments,
 * processing instructions, the XML declaration and a DOCTYPE. A DOCTYPE that declares any entity
 * is refused (no external entities, no "billion laughs"); any other entity reference is an
 * error, never expanded. Line ends are read as XML reads them (`\r\n` and `\r` are `\n`), and a
 * character XML does not allow (NUL, most controls, an unpaired surrogate) is an error.
 *
 * Linear: every construct is found by a sticky regular expression over one character class or by
 * `indexOf`, so each character is looked at a bounded number of times and nothing backtracks.
 * Bounded: the scanner keeps no stack (the reader counts depth against its budget) and makes one
 * token at a time, overwriting the last.
 */
export declare const START = 1;
export declare const END = 2;
export declare const TEXT = 3;
/** Whitespace only, between `start` and `end`: `text` is not built unless asked for (`spaceText`). */
export declare const SPACE = 4;
export declare const EOF = 5;
/** Raised for malformed XML: the message, and the character offset it was found at. */
export type Fail = (message: string, offset: number) => never;
export declare class XmlScanner {
    /** The last token: START, END, TEXT, SPACE or EOF. */
    kind: number;
    /** An element's name (START, END). */
    name: string;
    /** Character data (TEXT), entities resolved and line ends normalised. */
    text: string;
    /** Where the token starts and ends. */
    start: number;
    end: number;
    /** `<name/>`. */
    selfClosing: boolean;
    private i;
    private readonly s;
    private readonly refuse;
    private readonly fail;
    /** `fail` is called for what cannot be read, and must throw. */
    constructor(s: string, fail: Fail);
    /** Reads what may come before the root element: a BOM, the XML declaration, a DOCTYPE, comments, processing instructions. */
    prolog(): void;
    /** Reads the next token. */
    next(): number;
    /** The text of the SPACE token, line ends normalised. */
    spaceText(): string;
    private skip;
    private startTag;
    /** One `name="value"`: checked for form and ignored (a plist's `version` says nothing to a reader). */
    private attribute;
    private endTag;
    /** Character data up to the next `<`: SPACE when it is whitespace only. */
    private characters;
    /** `&lt;`, `&#38;`, `&#x26;`: the character and where the reference ends. */
    private reference;
    private cdata;
    private skipComment;
    private skipPi;
    /**
     * `<!DOCTYPE plist PUBLIC "…" "…">`, with or without an internal subset. Entities are only ever
     * declared in the internal subset; a DOCTYPE that declares any is refused outright.
     */
    private skipDoctype;
    private checkChars;
}
