import { http, type HttpClient } from '@mes/web-core';
import { createFileTransfer, type DownloadedFile } from './file-transfer';

/**
 * What can be imported and exported as a spreadsheet. Mirrors `import-export.types.ts` of the API
 * (not in the shared contract).
 */
export const IMPORT_KINDS = ['items', 'bom-lines', 'routings', 'customers', 'suppliers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type FileFormat = 'xlsx' | 'csv';

/** One problem in the file: `row` is the spreadsheet row (the header is row 1). */
export interface ImportRowError {
  row: number;
  /** The column as headed in the file, when the error is about one cell. */
  column?: string;
  field: string;
  message: string;
}

/** The answer to an import (or a dry run): counts and the rows that are wrong. */
export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  errors: ImportRowError[];
  /** All errors found; `errors` lists at most 1000 of them. */
  errorCount?: number;
}

function isReport(value: unknown): value is ImportReport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['total'] === 'number' && Array.isArray(v['errors']);
}

/** Typed client of `/api/v1/master-data/imports` and `/exports` (导入 / 导出). */
export function createImportExportApi(client: HttpClient = http, fetchImpl?: typeof fetch) {
  const files = createFileTransfer(client, fetchImpl);
  const kindPath = (kind: ImportKind) => encodeURIComponent(kind);
  return {
    /**
     * Uploads a .xlsx / .csv file. Resolves with the report — also when rows are wrong (400
     * `IMPORT_INVALID`: nothing was written, `errors` lists them); rejects with the ApiError of any
     * other failure (no file, file too large, a conflict, …).
     */
    async importFile(kind: ImportKind, file: Blob, fileName: string, dryRun: boolean): Promise<ImportReport> {
      const form = new FormData();
      form.append('file', file, fileName);
      const { status, body } = await files.upload(`/master-data/imports/${kindPath(kind)}`, form, {
        dryRun: dryRun ? 'true' : 'false',
      });
      if (status >= 200 && status < 300 && isReport(body)) return body;
      if (status === 400 && typeof body === 'object' && body !== null) {
        const report = (body as { report?: unknown }).report;
        if (isReport(report)) return report;
      }
      throw files.errorOf(status, body);
    },
    /** Everything of `kind` in the import layout. */
    exportFile: (kind: ImportKind, format: FileFormat = 'xlsx'): Promise<DownloadedFile> =>
      files.download(`/master-data/exports/${kindPath(kind)}`, { format }, `${kind}.${format}`),
    /** An empty file in the import layout with one example row. */
    template: (kind: ImportKind, format: FileFormat = 'xlsx'): Promise<DownloadedFile> =>
      files.download(
        `/master-data/imports/${kindPath(kind)}/template`,
        { format },
        `${kind}-template.${format}`,
      ),
  };
}

export type ImportExportApi = ReturnType<typeof createImportExportApi>;
export const importExportApi: ImportExportApi = createImportExportApi();
