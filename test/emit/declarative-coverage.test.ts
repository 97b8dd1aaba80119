/**
 * What the spec's pages give the declarative checks, pinned: the declaration types by category,
 * the keys whose prose says they hold another declaration's identifier, the status items, and
 * the sentences naming a declarative replacement. A change of the spec or of how a page's prose
 * is read shows here first, with its numbers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declarationTypeFacts, objectsByStatusItem, payloadTypeFacts } from '@dmspec/apple/registry';
import { ROOT } from '../helpers/cli.js';

const facts = [...declarationTypeFacts.entries()];
const references = facts.flatMap(([, f]) => f.references ?? []);

/** The Markdown pages of spec/ outside the supplement. */
function primaryPages(dir = join(ROOT, 'spec')): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'supplement' ? [] : primaryPages(p);
    return n.endsWith('.md') ? [p] : [];
  });
}

describe('the declarative facts of spec/', () => {
  it('are 58 declaration types: 1 activation, 7 assets, 47 configurations, 3 management', () => {
    const by: Record<string, number> = {};
    for (const [t] of facts) { const c = /^com\.apple\.(\w+)\./.exec(t)?.[1] ?? 'other'; by[c] = (by[c] ?? 0) + 1; }
    expect(facts).toHaveLength(58);
    expect(by).toEqual({ activation: 1, asset: 7, configuration: 47, management: 3 });
    expect(facts.filter(([, f]) => f.missing?.length)).toEqual([]);
  });

  it('tie 62 key paths of 27 types (from 56 sentences) to the declarations they name, every asset type among them', () => {
    expect(references).toHaveLength(62);
    expect(facts.filter(([, f]) => f.references?.length)).toHaveLength(27);
    expect(new Set(references.map((r) => r.source)).size).toBe(56);
    expect(references.filter((r) => r.category === 'configuration').map((r) => r.path)).toEqual(['StandardConfigurations[]']);
    const assetTypes = new Set(references.flatMap((r) => r.types ?? []));
    expect([...assetTypes].sort()).toEqual(facts.map(([t]) => t).filter((t) => t.startsWith('com.apple.asset.')).sort());
    expect(references.filter((r) => r.category === 'asset' && !r.types)).toHaveLength(32);
  });

  it('know 62 status items from 64 pages, named by one subscription key and read by one predicate key', () => {
    expect(objectsByStatusItem.size).toBe(62);
    expect(new Set([...objectsByStatusItem.values()].flat()).size).toBe(64);
    expect(facts.filter(([, f]) => f.statusItems?.length).map(([t, f]) => `${t} ${f.statusItems!.join()}`)).toEqual(['com.apple.configuration.management.status-subscriptions StatusItems[].Name']);
    expect(facts.filter(([, f]) => f.predicates?.length).map(([t, f]) => `${t} ${f.predicates!.join()}`)).toEqual(['com.apple.activation.simple Predicate']);
  });

  it('keep every one of the 35 sentences of the pages that name a declarative replacement', () => {
    const sentence = /Deprecated: use (?:the `[A-Za-z]+` key in )?the declarative management `com\.apple\.[a-z.-]+`/g;
    const inPages = primaryPages().reduce((n, p) => n + (readFileSync(p, 'utf8').match(sentence)?.length ?? 0), 0);
    const kept = [...payloadTypeFacts.values()].flatMap((f) => f.replacements ?? []);
    expect(inPages).toBe(35);
    expect(kept).toHaveLength(inPages);
  });
});
