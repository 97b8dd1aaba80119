/**
 * The emit stage: IR in, the files of `generated/` out, as a map with diagnostics. Nothing here
 * touches the disk; `output-tree.ts` writes or checks the result.
 */
import type { Diagnostic } from '../model/diagnostics.js';
import type { IrDocument } from '../model/ir.js';
import { irJson } from './ir-json.js';

export interface EmitResult {
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Every output, keyed by its path inside the output folder. */
export function emit(ir: IrDocument): EmitResult {
  const files = new Map<string, string>();
  files.set('ir.json', irJson(ir));
  return { files, diagnostics: [] };
}
