// Copied by dmspec from generator/runtime/declarative/predicate-lexer.ts. Do not edit: change that file and run "npm run generate".
/**
 * Tokens of a predicate format string, as Apple's Predicate Programming Guide writes them
 * ("Predicate Format String Syntax"), plus declarative management's extension terms
 * (`@status(device.model.family)`, `@key(identifier)`, `@property(groups)`): the text between an
 * extension's parentheses is one token, so a status name keeps the characters a key could not
 * hold (`device.power.battery-health`). Each token keeps its offsets in the string.
 */
export type TokenKind = 'word' | 'string' | 'number' | 'variable' | 'at' | 'argument' | 'format' | 'punct' | 'end';
export interface Token {
    kind: TokenKind;
    /** The text as written (for a string, the value without quotes and escapes). */
    text: string;
    start: number;
    end: number;
    /** A `#word`: a reserved word escaped to be a key. */
    escaped?: true;
}
/** A syntax error at an offset of the string. */
export declare class PredicateSyntaxError extends Error {
    readonly offset: number;
    constructor(message: string, offset: number);
}
/** The tokens of `text`, ending with an `end` token; throws `PredicateSyntaxError` at the first bad character. */
export declare function tokenize(text: string): Token[];
