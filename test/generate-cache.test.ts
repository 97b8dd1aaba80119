/**
 * Regenerating with a cache: the same bytes as a fresh generate, whatever changed; unchanged
 * pages not parsed again; only changed objects (and their relatives) type-checked again.
 * A one-page edit of Apple's whole 2026-08-18 corpus is tested in test/emit/corpus.test.ts, on
 * the cache its full generate leaves.
 */
import { describe, expect, it } from 'vitest';
import { buildEmitModel } from '../generator/emit/emit-model.js';
import { planCheck } from '../generator/emit/incremental-check.js';
import { subsetFiles } from '../generator/emit/index.js';
import { typecheckGenerated } from '../generator/emit/typecheck.js';
import { createRenderer } from '../generator/emit/render.js';
import { runtimeSources } from '../generator/emit/runtime-sources.js';
import { objectHashes } from '../generator/emit/incremental-check.js';
import { parsePages } from '../generator/parse/index.js';
import type { PageInput } from '../generator/parse/flavour.js';
import { readSpec } from '../generator/parse/read-spec.js';
import { createGenerateCache, generateFromPages } from '../generator/pipeline.js';
import { corpusDir, describeCorpus, SEED_PAGES } from './helpers/corpus.js';
import { parsedIr } from './helpers/parsed.js';
import { expectSameResult } from './helpers/same-result.js';

const edit = (pages: readonly PageInput[], file: string, from: string, to: string): PageInput[] =>
  pages.map((p) => {
    if (p.file !== file) return p;
    expect(p.text).toContain(from);
    return { ...p, text: p.text.replace(from, to) };
  });

describe('generate with a cache', () => {
  const pages = readSpec(SEED_PAGES);

  it('gives the bytes of a fresh generate after each kind of change', () => {
    const cache = createGenerateCache();
    expectSameResult(generateFromPages(pages, { cache }), generateFromPages(pages));
    const described = edit(pages, 'vpn-ikev2.md', 'The type of authentication method for the VPN.', 'The authentication method of the VPN.');
    expectSameResult(generateFromPages(described, { cache }), generateFromPages(described));
    const removed = described.filter((p) => p.file !== 'applayervpn.md');
    expectSameResult(generateFromPages(removed, { cache }), generateFromPages(removed));
    expectSameResult(generateFromPages(pages, { cache }), generateFromPages(pages));
  });

  it('returns the last result when nothing changed, and parses only changed pages', () => {
    const cache = createGenerateCache();
    const first = generateFromPages(pages, { cache });
    expect(generateFromPages(pages.map((p) => ({ ...p })), { cache })).toBe(first);
    const changed = edit(pages, 'vpn-ikev2.md', 'The type of authentication method for the VPN.', 'The authentication method of the VPN.');
    const second = generateFromPages(changed, { cache });
    const unchanged = first.ir.objects.find((o) => o.name === 'AppLayerVPN')!;
    // The unchanged page's object is the cached parse (copied shallowly by the IR builder).
    expect(second.ir.objects.find((o) => o.name === 'AppLayerVPN')!.properties).toBe(unchanged.properties);
    expect(second.ir.objects.find((o) => o.name === 'VPN.IKEv2')!.properties).not.toBe(first.ir.objects.find((o) => o.name === 'VPN.IKEv2')!.properties);
  });

  it('plans a full check first, none when nothing changed, then only the changed object', () => {
    const cache = createGenerateCache();
    const ir = parsePages(pages);
    const model = buildEmitModel(ir);
    const hashes = objectHashes(model);
    expect(planCheck(model, 'k', hashes, cache.emit).kind).toBe('full');
    cache.emit.verified = { key: 'k', hashes };
    expect(planCheck(model, 'k', hashes, cache.emit).kind).toBe('none');
    expect(planCheck(model, 'other templates', hashes, cache.emit).kind).toBe('full');
    const changed = buildEmitModel(parsePages(edit(pages, 'vpn-ikev2.md', 'The type of authentication method for the VPN.', 'How the VPN authenticates.')));
    const plan = planCheck(changed, 'k', objectHashes(changed), cache.emit);
    expect(plan.kind === 'subset' && [...plan.objects].map((e) => e.ir.name)).toEqual(['VPN.IKEv2']);
  });

  it('sees a name clash between a changed object and a stub', () => {
    const model = buildEmitModel(parsePages(pages));
    const render = createRenderer();
    const only = new Set(model.objects.filter((e) => e.ir.name === 'AppLayerVPN'));
    const clash = `declare function checkAppLayerVPN(value: unknown, path: string, issues: ValidationIssue[], o: ValidateOptions): void;\n`;
    const files = (extra: string) => subsetFiles(model, render, only, runtimeSources()).map((f) => (f.path === 'validators/index.ts' ? { ...f, text: f.text + extra } : f));
    expect(typecheckGenerated(files(''))).toEqual([]);
    expect(typecheckGenerated(files(clash)).map((d) => d.code)).toContain('generated-code-error');
  });
});

describeCorpus('incremental type checks on Apple\'s pages', () => {
  it('checks each sampled object alone next to stubs without a false error', () => {
    const model = buildEmitModel(parsedIr(corpusDir('changelog-2026-08-18')));
    const render = createRenderer();
    const sample = model.objects.filter((_, i) => i % 60 === 0);
    sample.push(...model.objects.filter((e) => e.inherits.length > 0).slice(0, 3));
    for (const e of sample) {
      const diagnostics = typecheckGenerated(subsetFiles(model, render, new Set([e, ...e.inherits]), runtimeSources()));
      expect(diagnostics, e.ir.name).toEqual([]);
    }
  }, 120_000);

});
