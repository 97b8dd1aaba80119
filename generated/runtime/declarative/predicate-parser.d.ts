// Copied by dmspec from generator/runtime/declarative/predicate-parser.ts. Do not edit: change that file and run "npm run generate".
export interface Span {
    start: number;
    end: number;
}
export type PredicateNode = ({
    kind: 'constant';
    value: boolean;
} & Span) | ({
    kind: 'not';
    operand: PredicateNode;
} & Span) | ({
    kind: 'and' | 'or';
    operands: PredicateNode[];
} & Span) | ({
    kind: 'comparison';
    quantifier?: 'ANY' | 'SOME' | 'ALL' | 'NONE';
    operator: string;
    options?: string;
    left: ExpressionNode;
    right: ExpressionNode;
} & Span);
export type ExpressionNode = ({
    kind: 'literal';
    value: string | number | boolean | null;
} & Span) | ({
    kind: 'self';
} & Span) | ({
    kind: 'variable';
    name: string;
} & Span) | ({
    kind: 'key';
    name: string;
} & Span)
/** `@status(device.model.family)`: `argument` spans the name inside the parentheses. */
 | ({
    kind: 'extension';
    name: string;
    argument: string;
    argumentSpan: Span;
} & Span)
/** `@count`, `@sum`, … */
 | ({
    kind: 'operator';
    name: string;
} & Span) | ({
    kind: 'member';
    object: ExpressionNode;
    member: ExpressionNode;
} & Span) | ({
    kind: 'index';
    object: ExpressionNode;
    index: ExpressionNode | 'FIRST' | 'LAST' | 'SIZE';
} & Span) | ({
    kind: 'array';
    items: ExpressionNode[];
} & Span) | ({
    kind: 'function';
    name: string;
    args: Array<ExpressionNode | PredicateNode>;
} & Span) | ({
    kind: 'subquery';
    collection: ExpressionNode;
    variable: string;
    predicate: PredicateNode;
} & Span) | ({
    kind: 'arithmetic';
    operator: string;
    left: ExpressionNode;
    right: ExpressionNode;
} & Span) | ({
    kind: 'negate';
    operand: ExpressionNode;
} & Span);
export type PredicateResult = {
    ok: true;
    predicate: PredicateNode;
} | {
    ok: false;
    offset: number;
    message: string;
};
export interface PredicateLimits {
    /** Characters of the string (default 16,384). */
    maxLength: number;
    /** Nesting of predicates and expressions (default 64). */
    maxDepth: number;
    /** Parse steps, a bound on the time taken (default 200,000; the parse is linear in the tokens). */
    maxSteps: number;
}
export declare const DEFAULT_PREDICATE_LIMITS: PredicateLimits;
/** Parses a predicate format string; a syntax error (or a limit passed) comes back with its offset. */
export declare function parsePredicate(text: string, limits?: PredicateLimits): PredicateResult;
