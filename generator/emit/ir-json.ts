/**
 * The IR as JSON text: two-space indent, LF line ends, a final newline. Key order is the order
 * the model builds objects in, which is fixed, so equal IRs give byte-identical files.
 */
import type { IrDocument } from '../model/ir.js';

export function irJson(ir: IrDocument): string {
  return `${JSON.stringify(ir, null, 2)}\n`;
}
