/**
 * Availability, deprecation and supervision facts on the real corpus. Expectations are read off
 * the raw page text with line scans, independently of the parser; the cross-flavour figures
 * compare rendered-2025-04 with changelog-2026-04-28 and put each difference down to a cause.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlatform, type IrDocument, type IrProperty, type Platform } from '../../generator/model/ir.js';
import { corpusDir, describeCorpus } from '../helpers/corpus.js';
import { parsedIr } from '../helpers/parsed.js';
import { crossFlavourFacts } from '../helpers/fact-agreement.js';

interface KeySection {
  name: string;
  text: string;
}

/** The `### Key` sections of a changelog page's Properties, as raw text. */
function keySections(pageText: string): KeySection[] {
  const out: KeySection[] = [];
  let inProps = false;
  let current: KeySection | undefined;
  for (const line of pageText.split('\n')) {
    if (/^## /.test(line)) {
      inProps = line.trim() === '## Properties';
      current = undefined;
    } else if (inProps && /^### /.test(line)) out.push((current = { name: line.slice(4).trim(), text: '' }));
    else if (current) current.text += `${line}\n`;
  }
  return out;
}

const CONDITIONAL = /unsupervised devices|managed Apple (?:Accounts?|IDs?)/i;

/** Every key of every changelog page, with its raw section. */
function keysWithText(ir: IrDocument, dir: string): Array<{ object: string; p: IrProperty; text: string }> {
  const out: Array<{ object: string; p: IrProperty; text: string }> = [];
  const texts = new Map<string, KeySection[]>();
  for (const o of ir.objects) {
    if (o.source.flavour !== 'changelog' || !o.properties.length) continue;
    if (!texts.has(o.source.file)) texts.set(o.source.file, keySections(readFileSync(join(dir, o.source.file), 'utf8')));
    const sections = texts.get(o.source.file) ?? [];
    for (const p of o.properties) {
      const section = sections.find((s) => s.name === p.name || s.name === `\`${p.name}\``);
      if (section) out.push({ object: o.name, p, text: section.text });
    }
  }
  return out;
}

/** The platforms "Requires supervision in iOS, and visionOS." or "Requires supervision: iOS | visionOS" names. */
function statedSupervision(text: string): Platform[] | undefined {
  const m = /Requires supervision(?: in|:) ([^.\n]*)/.exec(text);
  if (!m?.[1]) return undefined;
  return m[1].split(/,? and |, | \| /).map((s) => s.replace(/^and /, '').trim()).filter(isPlatform);
}

describeCorpus('prose facts on the corpus', () => {
  describe.each(['changelog-2026-04-28', 'changelog-2026-08-18'])('%s', (name) => {
    const dir = corpusDir(name);
    const ir = parsedIr(dir);
    const keys = keysWithText(ir, dir);

    it('no key is deprecated whose only deprecation sentence is about unsupervised devices or Managed Apple Accounts', () => {
      let conditional = 0;
      for (const { object, p, text } of keys) {
        const sentences = text.split(/(?<=\.)\s+/).filter((s) => /deprecated/i.test(s));
        const onlyConditional = sentences.length > 0 && sentences.every((s) => CONDITIONAL.test(s)) && !/^Deprecated:/m.test(text);
        if (!onlyConditional) continue;
        conditional++;
        expect(p.deprecated, `${object}.${p.name}`).toBeUndefined();
        expect(p.deprecatedWhen, `${object}.${p.name}`).toContain('unsupervised');
      }
      expect(conditional).toBeGreaterThanOrEqual(18);
    });

    it('every key that says "Requires supervision …" is supervised on exactly those platforms', () => {
      let stated = 0;
      for (const { object, p, text } of keys) {
        const platforms = statedSupervision(text);
        if (!platforms) continue;
        stated++;
        expect(p.supervised, `${object}.${p.name}`).toBe(true);
        expect(p.supervisedPlatforms, `${object}.${p.name}`).toEqual(platforms);
      }
      expect(stated).toBeGreaterThan(100);
    });

    it('reports each unread sentence on the line it is on', () => {
      const unread = ir.diagnostics.filter((d) => d.code === 'unread-availability');
      expect(unread.length).toBeGreaterThan(0);
      for (const d of unread) {
        expect(d.severity).toBe('info');
        const sentence = /"(.*)" names a platform/.exec(d.message)?.[1] ?? '';
        const line = readFileSync(join(dir, d.file), 'utf8').split('\n')[(d.line ?? 0) - 1] ?? '';
        // The page's line holds the sentence's first words (markup aside).
        expect(line.replace(/[`*]/g, ''), `${d.file}:${d.line}`).toContain(sentence.replace(/`/g, '').slice(0, 24));
      }
    });
  });

  describe('rendered-2025-04 Profile Availability tables', () => {
    const dir = corpusDir('rendered-2025-04');
    const ir = parsedIr(dir);

    it('every page with the table has it as object facts, one record per platform it names', () => {
      let tables = 0;
      for (const o of ir.objects) {
        const text = readFileSync(join(dir, o.source.file), 'utf8');
        const table = /### Profile Availability\n\n(?:\|.*\n)+/.exec(text)?.[0];
        if (!table) continue;
        tables++;
        const named = new Set(table.split('\n').flatMap((l) => (l.split('|')[2] ?? '').split(',').map((c) => c.trim())).filter((c) => c && !/^[-\\]+$/.test(c)));
        expect(Object.keys(o.profileAvailability ?? {}).sort(), o.source.file).toEqual([...named].sort());
      }
      expect(tables).toBeGreaterThan(90);
      expect(ir.diagnostics.filter((d) => d.message.startsWith('Profile Availability'))).toEqual([]);
    });

    it('reads the Restrictions table row by row', () => {
      const o = ir.objects.filter((x) => x.name === 'Restrictions').sort((a, b) => b.properties.length - a.properties.length)[0];
      expect(o?.profileAvailability?.iOS).toEqual({
        deviceChannel: true, userChannel: false, allowManualInstall: true, requiresSupervision: false,
        requiresUserApprovedMdm: false, allowedInUserEnrollment: true, allowMultiplePayloads: true,
      });
      expect(o?.profileAvailability?.['Shared iPad']?.userChannel).toBe(true);
      expect(o?.profileAvailability?.tvOS).toMatchObject({ userChannel: false, allowedInUserEnrollment: false, deviceChannel: true });
    });
  });

  describe('rendered-2025-04 against changelog-2026-04-28', () => {
    const facts = crossFlavourFacts(parsedIr(corpusDir('rendered-2025-04')), parsedIr(corpusDir('changelog-2026-04-28')));
    const rate = (f: { compared: number; agreeing: number }) => f.agreeing / f.compared;

    it('agree on the introduction version of ≥ 97% of the platforms both state', () => {
      expect(facts.availability.compared).toBeGreaterThan(800);
      expect(rate(facts.availability), JSON.stringify(facts.availability.causes)).toBeGreaterThanOrEqual(0.97);
    });

    it('differ on deprecation and supervision only for known causes', () => {
      for (const f of [facts.deprecation, facts.supervision]) {
        expect(f.compared).toBeGreaterThan(100);
        expect(f.causes['unexplained'] ?? 0, f.examples.join('\n')).toBe(0);
      }
      // Apart from the rendered flavour's Deprecated marker and Apple's later deprecations, they agree.
      const d = facts.deprecation;
      const explainedByFlavourOrTime = (d.causes['rendered Deprecated marker, not printed by the changelog flavour'] ?? 0)
        + (d.causes['deprecated in Apple’s 2025 release or later, after the rendered pages were taken'] ?? 0);
      expect(d.agreeing / (d.compared - explainedByFlavourOrTime)).toBeGreaterThanOrEqual(0.9);
      // Supervision: apart from keys the rendered pages do not mark, platform lists agree or grow.
      const s = facts.supervision;
      expect((s.agreeing + Object.entries(s.causes).filter(([c]) => c.startsWith('the changelog adds')).reduce((n, [, v]) => n + v, 0)) / s.compared).toBeGreaterThanOrEqual(0.75);
    });
  });
});
