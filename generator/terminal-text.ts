/**
 * Text from profiles and pages, made safe for a terminal or a line-based report. A key, a payload
 * type, a file name or a certificate subject can hold escape sequences (which recolour, move the
 * cursor, rewrite earlier lines or set the window title), line breaks (which forge report lines)
 * or bidirectional overrides (which make text read differently from what it is). Each of those is
 * shown as a visible escape; every other character is left alone.
 */

/** C0 controls (tab included), DEL, C1 controls, line and paragraph separators, bidi marks and overrides. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, outside the C0 range: JSON.stringify escapes C0 itself. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function hex(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of terminal output: controls and bidi characters become `\e`, `\n`, `\x07`, `\u202e`… */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? hex(c));
}

/** JSON text whose strings carry no raw C1 control or bidi character (they become `\u…` escapes, still valid JSON). */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A value quoted for a line of text, with `"` and `\` escaped, so where it ends is never in doubt. */
export function quoted(text: string): string {
  return `"${escapeTerminal(text.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"`;
}
