/**
 * Shapes of Markdown that make a CommonMark parser slow or deep: nesting hundreds of levels deep,
 * long runs of emphasis or bracket delimiters (their resolution is quadratic), lines of hundreds of
 * thousands of characters. Apple's pages have none of these (their longest line is under 4,000
 * characters, their deepest nesting a few levels), so a page that does is refused before parsing,
 * with a diagnostic, instead of hanging the run or exhausting the stack.
 */
export interface ShapeLimits {
  /** Longest line, in characters. */
  maxLineLength: number;
  /** Deepest nesting of block quotes, and of list indentation in columns. */
  maxQuoteDepth: number;
  maxIndent: number;
  /** Longest run of one delimiter character (`*`, `_`, `~`, backtick, brackets, `<`, `>`). */
  maxDelimiterRun: number;
  /**
   * Most lines in a page: Apple's longest page (restrictions) has 2,394; remark takes about 55 µs
   * a line of a code block, so 30,000 lines stay under two seconds.
   */
  maxLines: number;
  /**
   * Most `[` in one paragraph (a run of non-blank lines): remark resolves unmatched brackets in
   * quadratic time. Apple's pages have at most 47.
   */
  maxBracketsPerParagraph: number;
  /**
   * The same work summed over the page (Σ brackets² per paragraph): about 100 ms per million.
   * Apple's pages stay under 50,000.
   */
  maxBracketWork: number;
}

export const DEFAULT_SHAPE_LIMITS: ShapeLimits = { maxLineLength: 20_000, maxQuoteDepth: 16, maxIndent: 96, maxDelimiterRun: 64, maxLines: 30_000, maxBracketsPerParagraph: 1_000, maxBracketWork: 2_000_000 };

export interface ShapeProblem {
  code: 'line-too-long' | 'page-too-deep' | 'delimiter-run' | 'page-too-large';
  message: string;
  line: number;
}

const DELIMITER_RUN = /([*_~`[\]<>!])\1*/g;

function countOf(line: string, code: number): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === code) n++;
  return n;
}

/** The first pathological shape on the page, or undefined. */
export function shapeProblem(text: string, limits: ShapeLimits = DEFAULT_SHAPE_LIMITS): ShapeProblem | undefined {
  let lineNo = 0;
  const lines = text.split('\n');
  if (lines.length > limits.maxLines) {
    return { code: 'page-too-large', line: 1, message: `the page has ${lines.length} lines, more than the limit of ${limits.maxLines}; it was not read` };
  }
  let brackets = 0;
  let work = 0;
  for (const line of lines) {
    lineNo++;
    if (line.trim() === '') {
      work += brackets * brackets;
      brackets = 0;
    } else brackets += countOf(line, 0x5b);
    if (brackets > limits.maxBracketsPerParagraph) {
      return { code: 'delimiter-run', line: lineNo, message: `the paragraph ending on line ${lineNo} has more than ${limits.maxBracketsPerParagraph} "[" characters; the page was not read` };
    }
    if (work + brackets * brackets > limits.maxBracketWork) {
      return { code: 'delimiter-run', line: lineNo, message: `the page holds so many "[" characters per paragraph (by line ${lineNo}) that reading it would take too long; the page was not read` };
    }
    if (line.length > limits.maxLineLength) {
      return { code: 'line-too-long', line: lineNo, message: `line ${lineNo} has ${line.length} characters, more than the limit of ${limits.maxLineLength}; the page was not read` };
    }
    const lead = /^[ \t>]*/.exec(line)![0];
    const quotes = lead.split('>').length - 1;
    const indent = lead.replace(/\t/g, '    ').length - quotes;
    if (quotes > limits.maxQuoteDepth || indent > limits.maxIndent) {
      return { code: 'page-too-deep', line: lineNo, message: `line ${lineNo} is nested ${quotes > limits.maxQuoteDepth ? `${quotes} block quotes` : `${indent} columns`} deep, more than the limit; the page was not read` };
    }
    if (line.length > limits.maxDelimiterRun) {
      DELIMITER_RUN.lastIndex = 0;
      for (let m = DELIMITER_RUN.exec(line); m; m = DELIMITER_RUN.exec(line)) {
        if (m[0].length > limits.maxDelimiterRun) {
          return { code: 'delimiter-run', line: lineNo, message: `line ${lineNo} has a run of ${m[0].length} "${m[1]}" characters, more than the limit of ${limits.maxDelimiterRun}; the page was not read` };
        }
      }
    }
  }
  return undefined;
}
