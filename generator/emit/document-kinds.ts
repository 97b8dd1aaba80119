/**
 * Whole documents, as a device or a server exchanges them, and the objects that type each kind:
 * a profile's payloads by `PayloadType`, declarations by `Type`, MDM commands by
 * `Command.RequestType` and check-in messages by `MessageType`. Each kind maps its discriminator
 * to one object or, where several pages share a value, to all of them.
 */
import type { IrProperty } from '../model/ir.js';
import { byPayloadType, groupByKey, type EmitModel, type EmitObject } from './emit-model.js';

/** A discriminator value and the objects that carry it, in code-point order of the values. */
export type Routes = Array<[value: string, objects: EmitObject[]]>;

export interface DocumentKinds {
  payloads: Routes;
  declarations: Routes;
  commands: Routes;
  /**
   * The response to each command, by the command's request type: `DeviceInformationCommand` is
   * answered by `DeviceInformationResponse`, as each command's overview page pairs them
   * ("Commands and responses").
   */
  responses: Routes;
  /** The keys every response has (`CommandUUID`, `Status`, `UDID`, …): what a response without a result carries. */
  responseEnvelope: string[];
  checkIns: Routes;
  /** Apple's envelope of every declaration (`Type`, `Identifier`, `ServerToken`, `Payload`). */
  declarationBase?: EmitObject;
}

export const DECLARATION_BASE = 'DeclarationBase';

/** The one value a key allows: the discriminator a page pins its object to. */
function pinned(p: IrProperty | undefined): string | undefined {
  const v = p?.allowedValues;
  return v?.length === 1 && typeof v[0] === 'string' ? v[0] : undefined;
}

// Several views of one emit ask for the kinds of the same model: found once per model.
const found = new WeakMap<EmitModel, DocumentKinds>();

/** The document kinds of a model. */
export function documentKinds(model: EmitModel): DocumentKinds {
  let kinds = found.get(model);
  if (kinds === undefined) {
    kinds = findDocumentKinds(model);
    found.set(model, kinds);
  }
  return kinds;
}

function findDocumentKinds(model: EmitModel): DocumentKinds {
  const declarations: Array<[string, EmitObject]> = [];
  const commands: Array<[string, EmitObject]> = [];
  const checkIns: Array<[string, EmitObject]> = [];
  for (const e of model.objects) {
    if (e.ir.declarationType) declarations.push([e.ir.declarationType, e]);
    // A command page is the envelope `{Command, CommandUUID}`; its `Command` dictionary pins
    // `RequestType` to the command's name.
    const command = e.properties.find((p) => p.name === 'Command');
    if (command?.type.kind === 'ref') {
      const inner = model.byName.get(command.type.name);
      const requestType = pinned(inner?.properties.find((p) => p.name === 'RequestType'));
      if (requestType !== undefined) commands.push([requestType, e]);
    }
    const messageType = pinned(e.properties.find((p) => p.name === 'MessageType'));
    if (messageType !== undefined) checkIns.push([messageType, e]);
  }
  const commandRoutes = groupByKey(commands);
  const responses = responsesOf(commandRoutes, model);
  const kinds: DocumentKinds = {
    payloads: byPayloadType(model.objects),
    declarations: groupByKey(declarations),
    commands: commandRoutes,
    responses,
    responseEnvelope: sharedKeys(responses.flatMap(([, list]) => list)),
    checkIns: groupByKey(checkIns),
  };
  const base = model.byName.get(DECLARATION_BASE);
  if (base) kinds.declarationBase = base;
  return kinds;
}

/** `XCommand` is answered by `XResponse`: each command's response, where the spec has it. */
function responsesOf(commands: Routes, model: EmitModel): Routes {
  return commands.flatMap(([requestType, list]): Routes => {
    const found = list.flatMap((e) => {
      const response = /Command$/.test(e.ir.name) ? model.byName.get(e.ir.name.replace(/Command$/, 'Response')) : undefined;
      return response ? [response] : [];
    });
    return found.length ? [[requestType, found]] : [];
  });
}

/** The keys all of `objects` have, in code-point order. */
function sharedKeys(objects: readonly EmitObject[]): string[] {
  if (!objects.length) return [];
  const [first, ...rest] = objects.map((e) => new Set(e.properties.map((p) => p.name)));
  return [...first!].filter((k) => rest.every((s) => s.has(k))).sort();
}
