/**
 * The validator part of the benchmark alone, on a generated package folder (default `generated/`):
 * `node --expose-gc --import tsx test/bench/rates.ts [folder] [--per-object] [--only guard,ajvBoolean]`.
 * The same payloads and harness as `npm run bench`'s validator figures, without a generate, so
 * two builds (main's and a branch's) can be compared in one session.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildEmitModel } from '../../generator/emit/emit-model.js';
import type { IrDocument } from '../../generator/model/ir.js';
import { examplePayloads } from '../helpers/example-payloads.js';
import { ajvSet } from './ajv-set.js';
import { compareThroughput } from './measure.js';

const args = process.argv.slice(2);
const folder = resolve(args.find((a, i) => !a.startsWith('--') && !['--only', '--idents'].includes(args[i - 1] ?? '')) ?? 'generated');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1]!.split(',') : undefined;
const ir = JSON.parse(readFileSync(join(folder, 'ir.json'), 'utf8')) as IrDocument;
const model = buildEmitModel(ir);
const index = (await import(pathToFileURL(join(folder, 'validators/index.js')).href)) as Record<string, (v: unknown) => unknown>;
const validate = (ident: string) => index[`validate${ident}`] as (v: unknown) => { valid: boolean };
const payloads = examplePayloads(ir, model, (ident, v) => validate(ident)(v).valid);
const schemas = readdirSync(join(folder, 'schema')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(folder, 'schema', f), 'utf8')) as Record<string, unknown>);
const { ajv, ajvClosed, ajvBoolean } = ajvSet(schemas);
(globalThis as { gc?: () => void }).gc?.();
type Call = { fn: (v: unknown) => unknown; value: unknown };
const call = (x: Call): unknown => x.fn(x.value);
function rates(given: typeof payloads.valid, quick = false): Record<string, number> {
  // A pass of a few payloads repeated, so the harness's clock reads weigh nothing.
  const set = quick ? Array.from({ length: Math.ceil(400 / given.length) }, () => given).flat() : given;
  const via = (a: typeof ajv) => set.map((p) => ({ fn: a.getSchema(`${p.ident}.schema.json`)!, value: p.json }));
  const all = {
    ours: { items: set.map((p) => ({ fn: validate(p.ident), value: p.value })), fn: call },
    ajv: { items: via(ajv), fn: call },
    ajvClosed: { items: via(ajvClosed), fn: call },
    guard: { items: set.map((p) => ({ fn: index[`is${p.ident}`]!, value: p.value })), fn: call },
    ajvBoolean: { items: via(ajvBoolean), fn: call },
  };
  const picked = only ? Object.fromEntries(Object.entries(all).filter(([k]) => only.includes(k))) : all;
  return quick ? compareThroughput(picked as typeof all, 3, 30, 200) : compareThroughput(picked as typeof all);
}
const out: Record<string, unknown> = { folder, payloads: { valid: payloads.valid.length, invalid: payloads.invalid.length } };
for (const [name, set] of [['valid', payloads.valid], ['invalid', payloads.invalid]] as const) {
  const r = rates(set);
  out[name] = {
    ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)])),
    ...(r['guard'] && r['ajvBoolean'] ? { guardVsAjvBoolean: +(r['guard'] / r['ajvBoolean']).toFixed(3) } : {}),
    ...(r['ours'] && r['ajv'] ? { validatorVsAjv: +(r['ours'] / r['ajv']).toFixed(3) } : {}),
    ...(r['ours'] && r['ajvClosed'] ? { validatorVsAjvClosed: +(r['ours'] / r['ajvClosed']).toFixed(3) } : {}),
  };
}
if (args.includes('--per-object')) {
  const identsAt = args.indexOf('--idents');
  const idents = identsAt >= 0 ? args[identsAt + 1]!.split(',') : [...new Set(payloads.valid.map((p) => p.ident))];
  const per: Record<string, unknown> = {};
  for (const ident of idents) {
    for (const [name, set] of [['valid', payloads.valid], ['invalid', payloads.invalid]] as const) {
      const s = set.filter((p) => p.ident === ident);
      if (!s.length) continue;
      const r = rates(s, true);
      per[`${ident} ${name} (${s.length})`] = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)]));
    }
  }
  out['perObject'] = per;
}
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
