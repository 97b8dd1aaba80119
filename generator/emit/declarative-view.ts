/**
 * The view of the generated declarative-management module (`declarative/index.ts`): the
 * validator of a whole status report, when the spec has its page.
 */
import type { EmitModel } from './emit-model.js';
import { jsdocLines } from './escape.js';

/** The page whose validator judges a whole status report. */
export const STATUS_REPORT = 'StatusReport';

export interface DeclarativeView {
  /** The import of the status report's validator, or nothing. */
  statusReportImport: string;
  /** The validator's name, or `undefined`. */
  statusReportValidator: string;
  /** Where the page is, for the comment. */
  statusReportSource: string;
}

export function declarativeView(model: EmitModel): DeclarativeView {
  const report = model.byName.get(STATUS_REPORT);
  if (!report) return { statusReportImport: '', statusReportValidator: 'undefined', statusReportSource: `the spec has no ${STATUS_REPORT} page` };
  const name = `validate${report.ident}`;
  return {
    statusReportImport: `import { ${name} } from '../validators/index.js';`,
    statusReportValidator: name,
    statusReportSource: jsdocLines(`${STATUS_REPORT}, ${report.ir.source.file}:${report.ir.source.line}`).join(' '),
  };
}
