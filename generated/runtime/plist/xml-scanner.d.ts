// Copied by dmspec from generator/runtime/plist/xml-scanner.ts. Do not edit: change that file and run "npm run generate".
export declare const START = 1;
export declare const END = 2;
export declare const TEXT = 3;
/** Whitespace only, between `start` and `end`: `text` is not built unless asked for (`spaceText`). */
export declare const SPACE = 4;
export declare const EOF = 5;
/** Raised for malformed XML: the message, and the character offset it was found at. */
export type Fail = (message: string, offset: number) => never;
export declare class XmlScanner {
    #private;
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
    /** `fail` is called for what cannot be read, and must throw. */
    constructor(s: string, fail: Fail);
    /** Reads what may come before the root element: a BOM, the XML declaration, a DOCTYPE, comments, processing instructions. */
    prolog(): void;
    /** Reads the next token. */
    next(): number;
    /** The text of the SPACE token, line ends normalised. */
    spaceText(): string;
}
