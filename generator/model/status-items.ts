/**
 * Status items: the values a device reports in a declarative-management status report and that a
 * server subscribes to (`ManagementStatusSubscriptions`). Each item has a page of its own
 * (`StatusDeviceModelFamily`) whose one key is the item's name (`device.model.family`) and whose
 * type is the item's value. A status report nests the values by the name's segments:
 * `{ "device": { "model": { "family": "iPhone" } } }`.
 *
 * Apple's page for the report's `StatusItems` dictionary has no keys of its own; the dictionary is
 * composed here from the item pages, each key keeping the source line of the page it comes from.
 */
import type { Diagnostic } from './diagnostics.js';
import { refsOf, typeToString, type IrObject, type IrProperty } from './ir.js';

/** The status report's dictionary of items, as Apple names its (empty) page. */
export const STATUS_ITEMS = 'StatusReport.StatusItems';

export interface StatusItem {
  /** The item's name, as subscriptions and reports spell it: `device.model.family`. */
  name: string;
  /** The name's segments: the keys of the nested dictionaries a report holds the value under. */
  path: string[];
  /** The name of the item's page (`StatusDeviceModelFamily`). */
  object: string;
  /** The page's one key: the value's type, description and source line. */
  property: IrProperty;
  /** Other pages that define an item of the same name, by object name. */
  alsoDefinedBy: string[];
}

const ITEM_NAME = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+$/;

/** A status-item page: an object whose summary calls it a status item ("A status report of…" in older pages) and whose one key is a dotted name. */
function isStatusItemPage(o: IrObject): boolean {
  return o.kind === 'object' && o.properties.length === 1 && ITEM_NAME.test(o.properties[0]!.name) && /\bstatus (?:item|report)\b/i.test(o.summary ?? '');
}

/** Every status item the definitions hold, sorted by name; a name two pages define is listed once (the first page by name). */
export function statusItems(definitions: Iterable<IrObject>): StatusItem[] {
  const byName = new Map<string, StatusItem>();
  const pages = [...definitions].filter(isStatusItemPage).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const o of pages) {
    const property = o.properties[0]!;
    const seen = byName.get(property.name);
    if (seen) seen.alsoDefinedBy.push(o.name);
    else byName.set(property.name, { name: property.name, path: property.name.split('.'), object: o.name, property, alsoDefinedBy: [] });
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Two item types agree when they spell the same, or refer to objects with the same keys of the same types. */
function sameShape(a: IrProperty, b: IrProperty, definitions: ReadonlyMap<string, IrObject>): boolean {
  const shape = (p: IrProperty): string => {
    const [ref] = refsOf(p.type);
    const target = ref === undefined ? undefined : definitions.get(ref);
    const inner = target ? target.properties.map((q) => `${q.name}:${typeToString(q.type)}:${q.required}`).join(',') : '';
    return `${typeToString(p.type).replace(ref ?? '\0', '*')}{${inner}}`;
  };
  return shape(a) === shape(b);
}

interface Node {
  children: Map<string, Node>;
  item?: StatusItem;
}

/**
 * The objects of `StatusReport.StatusItems`: the dictionary itself and one per inner segment
 * (`StatusReport.StatusItems.device.model`), every key optional (a report carries only the items
 * that changed). `page` is Apple's empty page of the dictionary, whose place the objects take;
 * without status items there is nothing to compose and nothing is returned.
 */
export function statusItemsObjects(definitions: ReadonlyMap<string, IrObject>, page: IrObject | undefined): { objects: IrObject[]; diagnostics: Diagnostic[] } {
  const items = statusItems(definitions.values());
  const diagnostics: Diagnostic[] = [];
  if (!items.length) return { objects: [], diagnostics };
  for (const item of items) {
    for (const other of item.alsoDefinedBy) {
      const p = definitions.get(other)!.properties[0]!;
      if (!sameShape(item.property, p, definitions)) {
        diagnostics.push({
          severity: 'warning', code: 'status-item-conflict', file: p.source.file, line: p.source.line,
          message: `status item ${item.name} is defined again by ${other} with another type; ${item.object}'s (${item.property.source.file}:${item.property.source.line}) is kept`,
        });
      }
    }
  }
  const root: Node = { children: new Map() };
  for (const item of items) {
    let node = root;
    for (const segment of item.path) {
      let next = node.children.get(segment);
      if (!next) node.children.set(segment, (next = { children: new Map() }));
      node = next;
    }
    node.item = item;
  }
  const source = page ? { file: page.source.file, line: page.source.line } : { file: items[0]!.property.source.file, line: 1 };
  const objects: IrObject[] = [];
  const compose = (name: string, node: Node, summary: string): void => {
    const properties: IrProperty[] = [];
    for (const [segment, child] of [...node.children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const childName = `${name}.${segment}`;
      const item = child.item;
      if (item && child.children.size) {
        const inner = [...child.children.keys()].map((k) => `${item.name}.${k}`).join(', ');
        diagnostics.push({
          severity: 'warning', code: 'status-item-conflict', file: item.property.source.file, line: item.property.source.line,
          message: `status item ${item.name} is also the start of other items' names (${inner}); those are not composed into ${STATUS_ITEMS}`,
        });
      }
      if (item) {
        const also = item.alsoDefinedBy.map((o) => ` Also defined by ${o} (${definitions.get(o)!.properties[0]!.source.file}).`).join('');
        properties.push({ ...item.property, name: segment, required: false, description: `${item.property.description}\n\nStatus item \`${item.name}\` (${item.object}).${also}` });
      } else {
        const prefix = childName.slice(STATUS_ITEMS.length + 1);
        properties.push({
          name: segment, type: { kind: 'ref', name: childName }, typeOrigin: 'stated', required: false,
          description: `The status items whose names start with \`${prefix}.\`.`, source,
        });
        compose(childName, child, `The status items whose names start with \`${prefix}.\`, by the rest of their names.`);
      }
    }
    const o: IrObject = { name, kind: 'object', summary, properties, source: { ...source, flavour: page?.source.flavour ?? 'unknown' } };
    objects.push(o);
  };
  compose(STATUS_ITEMS, root, 'The status items of a status report, nested by the segments of their names (`device.model.family` is `device` → `model` → `family`); composed from the status-item pages.');
  return { objects, diagnostics };
}
