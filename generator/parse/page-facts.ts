/**
 * Facts every flavour states the same way in prose: the payload or declaration type, the
 * inheritance sentence, the page's role, and its profile examples.
 */
import type { IrExample, ObjectKind } from '../model/ir.js';

export interface DiscussionFacts {
  payloadType?: string;
  declarationType?: string;
  inherits: string[];
}

const IDENT = String.raw`[A-Za-z0-9][\w.\-]*[A-Za-z0-9]`;
// A payload type may start with a dot: `.GlobalPreferences` is the global preferences domain.
const PAYLOAD_TYPE = new RegExp(String.raw`Specify\s+\x60?(\.?${IDENT})\x60?\s+as\s+the\s+payload\s+type`, 'i');
const DECLARATION_TYPE = new RegExp(String.raw`Specify\s+\x60?(${IDENT})\x60?\s+as\s+the\s+declaration\s+type`, 'i');
const INHERITS = /All (?:of )?the properties (?:of|in|from) (?:the )?\[?`?([A-Z][\w.]*)`?\]?(?:\([^)]*\))?(?: payload)? (?:also )?apply to the top level/gi;

/** Reads the payload type, declaration type and inheritance from a page's Discussion. */
export function discussionFacts(discussion: string): DiscussionFacts {
  const facts: DiscussionFacts = { inherits: [] };
  const pt = PAYLOAD_TYPE.exec(discussion);
  if (pt?.[1]) facts.payloadType = pt[1];
  const dt = DECLARATION_TYPE.exec(discussion);
  if (dt?.[1]) facts.declarationType = dt[1];
  for (const m of discussion.matchAll(INHERITS)) {
    if (m[1] && !facts.inherits.includes(m[1])) facts.inherits.push(m[1]);
  }
  return facts;
}

const ROLES: Record<string, ObjectKind> = {
  'device management profile': 'profile',
  'device management command': 'command',
  'device management declaration': 'declaration',
  object: 'object',
  dictionary: 'object',
  'web service endpoint': 'endpoint',
  article: 'article',
  'sample code': 'article',
  'api collection': 'other',
};

export interface KindInput {
  name: string;
  role: string | undefined;
  payloadType: string | undefined;
  declarationType: string | undefined;
  hasProperties: boolean;
}

/**
 * One rule for every flavour, so the same object gets the same kind whatever page it came from:
 * a stated payload or declaration type decides; then the role line; then the name.
 */
export function classifyKind(k: KindInput): ObjectKind {
  if (k.payloadType) return 'profile';
  if (k.declarationType) return 'declaration';
  const role = k.role ? ROLES[k.role.trim().toLowerCase()] : undefined;
  if (role && role !== 'object') return role;
  if (!k.hasProperties) return role ?? (/\s/.test(k.name) ? 'article' : 'other');
  if (/(?:Command|Response)(?:$|\.)/.test(k.name)) return 'command';
  return 'object';
}

/** Extracts plist or JSON examples from fenced code. */
export function exampleFromCode(lang: string | null | undefined, value: string, line: number): IrExample | undefined {
  const l = (lang ?? '').toLowerCase();
  const text = value.trim();
  if (l === 'plist' || l === 'xml' || text.startsWith('<?xml') || text.startsWith('<plist')) {
    return text.includes('<plist') || text.includes('<dict') ? { format: 'plist', text, line } : undefined;
  }
  if (l === 'json' || ((text.startsWith('{') || text.startsWith('[')) && l === '')) return { format: 'json', text, line };
  return undefined;
}

/** Finds a plist example inlined in prose (the frontmatter flavour keeps its XML in a paragraph). */
export function inlinePlistExample(text: string, line: number): IrExample | undefined {
  const start = text.search(/<\?xml|<plist/);
  const end = text.lastIndexOf('</plist>');
  if (start < 0 || end < start) return undefined;
  return { format: 'plist', text: text.slice(start, end + '</plist>'.length).trim(), line };
}
