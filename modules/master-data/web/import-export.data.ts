// What the import dialog shows of a report, and which kinds the list pages import and export.
import type { ImportKind, ImportReport } from './api/import-export.api';

/** i18n key naming what a kind holds ("物料", "BOM 明细", …). */
export const IMPORT_KIND_LABEL: Record<ImportKind, string> = {
  items: 'masterData.importKind.items',
  'bom-lines': 'masterData.importKind.bom-lines',
  routings: 'masterData.importKind.routings',
  customers: 'masterData.importKind.customers',
  suppliers: 'masterData.importKind.suppliers',
};

/** After a dry run: `ready` to import, `invalid` (rows to fix first) or `empty` (no data rows). */
export type ImportState = 'ready' | 'invalid' | 'empty';

export function importState(report: ImportReport): ImportState {
  if (report.errors.length > 0 || (report.errorCount ?? 0) > 0) return 'invalid';
  if (report.total === 0) return 'empty';
  return 'ready';
}

export interface ReportErrorRow {
  /** Stable key for the table. */
  key: string;
  row: number;
  /** The column as headed in the file, else the field's name. */
  column: string;
  message: string;
}

/** The errors of a report in row order, each with the column it names (messages through `say`). */
export function reportErrorRows(
  report: ImportReport,
  say: (message: string) => string = (m) => m,
): ReportErrorRow[] {
  return [...report.errors]
    .map((e, i) => ({ key: `${i}`, row: e.row, column: e.column ?? e.field, message: say(e.message) }))
    .sort((a, b) => a.row - b.row || Number(a.key) - Number(b.key));
}

/** Errors found but not listed (the API lists at most 1000). */
export function unlistedErrors(report: ImportReport): number {
  return Math.max(0, (report.errorCount ?? report.errors.length) - report.errors.length);
}

/** The file types the import accepts. */
export const IMPORT_ACCEPT = '.xlsx,.csv';

/** Whether a file name is one the import reads (.xlsx or .csv). */
export const isImportFile = (name: string) => /\.(xlsx|csv)$/i.test(name.trim());
