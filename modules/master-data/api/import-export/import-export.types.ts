/** What the import/export endpoints handle: one spreadsheet layout per kind. */
export const IMPORT_KINDS = ['items', 'bom-lines', 'routings', 'customers', 'suppliers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (value: string): value is ImportKind =>
  (IMPORT_KINDS as readonly string[]).includes(value);

export const FILE_FORMATS = ['xlsx', 'csv'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Upload cap (the multipart file part). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Data rows one file may hold; more is refused before any validation. */
export const MAX_DATA_ROWS = 200_000;
/** Errors listed in a report (all are counted in `errorCount`). */
export const MAX_REPORTED_ERRORS = 1000;

/** One problem in the file: `row` is the spreadsheet row number (the header is row 1). */
export interface ImportRowError {
  row: number;
  /** The column as headed in the file (e.g. "基本单位"), when the error is about one cell. */
  column?: string;
  /** The canonical field (e.g. "baseUnit"). */
  field: string;
  message: string;
}

/**
 * The answer to an import. `created` / `updated` count records (items, customers, suppliers) or,
 * for bom-lines and routings, the BOMs / routings created or whose lines / operations were replaced.
 * A dry run reports what would happen and writes nothing.
 */
export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  /** Data rows read (blank rows are skipped and not counted). */
  total: number;
  created: number;
  updated: number;
  errors: ImportRowError[];
  /** All errors found; `errors` lists at most MAX_REPORTED_ERRORS of them. */
  errorCount: number;
}
