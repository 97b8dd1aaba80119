/**
 * The depth of references between objects: how many objects a chain of references (a key whose
 * type names another object, a placeholder key's values, an `inherits`) passes through. Every
 * generated type module imports the modules of the objects it names, and TypeScript follows
 * those imports depth first, recursively: a chain of a few thousand objects overflows its stack,
 * in our type check and in a consumer's `tsc` alike. Apple's deepest chain is 8 objects
 * (`spec/` and every corpus folder); the limit leaves room for eight times that and stays far
 * below where TypeScript or any walk of ours overflows (over 1,000).
 *
 * Objects in a cycle (A → B → A) are one step each: a chain is counted over the cycles
 * (strongly connected components), each weighing as many objects as it holds, so the count
 * bounds every path without repeats, as a depth-first walk can take one. Everything here is
 * iterative: this is the walk that must not overflow.
 */
import type { Diagnostic } from './diagnostics.js';
import { refsOf, type IrObject, type IrProperty } from './ir.js';

/** The rule id of a reference past the limit. */
export const REFERENCE_TOO_DEEP = 'reference-too-deep';

/** Most objects a chain of references may pass through, the first included. */
export const MAX_REFERENCE_DEPTH = 64;

/** One reference: from `from`'s key `property` (none for `inherits`) to `to`. */
interface Reference {
  from: IrObject;
  to: IrObject;
  property?: IrProperty;
}

/** The references of every definition, to definitions only (an unresolved name is reported apart). */
function referencesOf(definitions: ReadonlyMap<string, IrObject>): Map<IrObject, Reference[]> {
  const out = new Map<IrObject, Reference[]>();
  for (const from of definitions.values()) {
    const refs: Reference[] = [];
    for (const name of from.inherits ?? []) {
      const to = definitions.get(name);
      if (to) refs.push({ from, to });
    }
    for (const property of from.properties) {
      const names = [...refsOf(property.type), ...(property.placeholderKey ? refsOf(property.placeholderKey.values) : [])];
      for (const name of names) {
        const to = definitions.get(name);
        if (to) refs.push({ from, to, property });
      }
    }
    out.set(from, refs);
  }
  return out;
}

/**
 * Strongly connected components (Tarjan's algorithm, with an explicit stack), in the order they
 * close: each after every component it refers to.
 */
function components(nodes: readonly IrObject[], refs: ReadonlyMap<IrObject, Reference[]>): IrObject[][] {
  const index = new Map<IrObject, number>();
  const low = new Map<IrObject, number>();
  const onStack = new Set<IrObject>();
  const stack: IrObject[] = [];
  const out: IrObject[][] = [];
  let next = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: Array<{ node: IrObject; edge: number }> = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const edges = refs.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++]!.to;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: IrObject[] = [];
        let member: IrObject;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        out.push(component);
      }
    }
  }
  return out;
}

/** Per component, in an order where each comes before every component it refers to. */
interface Condensed {
  order: IrObject[][];
  componentOf: Map<IrObject, IrObject[]>;
  refs: Map<IrObject, Reference[]>;
}

function condense(definitions: ReadonlyMap<string, IrObject>): Condensed {
  const refs = referencesOf(definitions);
  // Tarjan closes each component after those it refers to: reversed, referrers come first.
  const order = components([...definitions.values()], refs).reverse();
  const componentOf = new Map<IrObject, IrObject[]>();
  for (const component of order) for (const o of component) componentOf.set(o, component);
  return { order, componentOf, refs };
}

/**
 * Per object, the longest chain of references that ends in its component, the component counted
 * whole (objects in a cycle are one step each), and the object that chain starts from.
 */
function chainsTo({ order, componentOf, refs }: Condensed): Map<IrObject[], { depth: number; start: IrObject }> {
  const above = new Map<IrObject[], { depth: number; start: IrObject }>();
  const out = new Map<IrObject[], { depth: number; start: IrObject }>();
  for (const component of order) {
    const before = above.get(component);
    const here = { depth: (before?.depth ?? 0) + component.length, start: before?.start ?? firstByName(component) };
    out.set(component, here);
    for (const o of component) {
      for (const r of refs.get(o) ?? []) {
        const next = componentOf.get(r.to)!;
        if (next === component) continue;
        const seen = above.get(next);
        if (!seen || seen.depth < here.depth) above.set(next, here);
      }
    }
  }
  return out;
}

function firstByName(objects: readonly IrObject[]): IrObject {
  return objects.reduce((a, b) => (b.name < a.name ? b : a));
}

/** The deepest chain of references in a spec: how many objects it passes through. */
export function maxReferenceDepth(definitions: ReadonlyMap<string, IrObject>): number {
  let max = 0;
  for (const { depth } of chainsTo(condense(definitions)).values()) max = Math.max(max, depth);
  return max;
}

/**
 * A `reference-too-deep` error at each reference that takes a chain of references past `limit`
 * objects (counted from an object nothing refers to): the reference from the last object within
 * the limit into the first component past it, or, for a cycle of more than `limit` objects, one
 * reference inside it. Generate refuses such a spec: its modules would overflow TypeScript's stack
 * (ours and a consumer's) as it follows their imports.
 */
export function checkReferenceDepth(definitions: ReadonlyMap<string, IrObject>, limit: number = MAX_REFERENCE_DEPTH): Diagnostic[] {
  const condensed = condense(definitions);
  const chains = chainsTo(condensed);
  const out: Diagnostic[] = [];
  for (const component of condensed.order) {
    const here = chains.get(component)!;
    if (component.length > limit) {
      const from = firstByName(component);
      const inner = condensed.refs.get(from)!.find((r) => condensed.componentOf.get(r.to) === component)!;
      out.push(tooDeep(inner, `a cycle of ${component.length} objects`, limit));
    }
    if (here.depth > limit) continue;
    for (const o of component) {
      for (const r of condensed.refs.get(o) ?? []) {
        const next = condensed.componentOf.get(r.to)!;
        if (next === component || here.depth + next.length <= limit) continue;
        const what = next.length > 1 ? `a cycle of ${next.length} objects` : `the ${ordinal(here.depth + 1)} object`;
        out.push(tooDeep(r, `${what} of a chain of references from ${here.start.name}`, limit));
      }
    }
  }
  return out;
}

function tooDeep(r: Reference, what: string, limit: number): Diagnostic {
  const { file, line } = r.property
    ? { file: r.property.source.file, line: r.property.factLines?.type ?? r.property.source.line }
    : { file: r.from.source.file, line: r.from.source.line };
  const via = r.property ? `${r.from.name}.${r.property.name} refers to` : `${r.from.name} inherits the keys of`;
  return {
    severity: 'error', code: REFERENCE_TOO_DEEP, file, line,
    message: `${via} ${r.to.name}, ${what}: a chain may pass through at most ${limit} objects (every generated module imports the modules it names, and TypeScript follows them recursively), so no code can be generated from this spec`,
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
