import { VERSION_PATTERN } from '../bom/bom.dto';
import { CODE_PATTERN } from '../item/item.dto';
import type { CellResult } from './cells';
import { columnForHeader, COLUMNS } from './columns';
import type { ImportKind, ImportRowError } from './import-export.types';
import type { Sheet, SheetRow } from './sheet';

/** Where each known column is in the file, and the header row's own problems. */
export interface HeaderMap {
  headerRow: number;
  /** field → 0-based column index and the header as written in the file. */
  columns: Map<string, { index: number; header: string }>;
  /** Indexes of the columns that have a header (known or not). */
  headed: Set<number>;
  errors: ImportRowError[];
}

/**
 * Maps the first row of the sheet to the kind's columns. Unknown headers are refused (a misspelt
 * header would otherwise drop its column silently), so are repeated ones and missing required ones.
 */
export function mapHeader(kind: ImportKind, header: SheetRow): HeaderMap {
  const columns = new Map<string, { index: number; header: string }>();
  const errors: ImportRowError[] = [];
  const headed = new Set<number>();
  const row = header.row;
  header.cells.forEach((text, index) => {
    if (text === '') return;
    headed.add(index);
    const spec = columnForHeader(kind, text);
    if (!spec) {
      errors.push({
        row,
        column: text,
        field: text,
        message: `未知的列"${text}" / unknown column "${text}"`,
      });
    } else if (columns.has(spec.field)) {
      errors.push({
        row,
        column: text,
        field: spec.field,
        message: `列"${spec.header}"重复 / column ${spec.field} appears twice`,
      });
    } else {
      columns.set(spec.field, { index, header: text });
    }
  });
  for (const spec of COLUMNS[kind]) {
    if (spec.required && !columns.has(spec.field)) {
      errors.push({
        row,
        column: spec.header,
        field: spec.field,
        message: `缺少必填列"${spec.header}" / missing required column ${spec.field}`,
      });
    }
  }
  return { headerRow: row, columns, headed, errors };
}

/** Collects the errors of a whole import, each tied to a row and column of the file. */
export class ErrorSink {
  readonly errors: ImportRowError[] = [];
  private readonly badRows = new Set<number>();

  constructor(private readonly header?: HeaderMap) {}

  add(row: number, field: string, message: string): void {
    const column = this.header?.columns.get(field)?.header;
    this.errors.push({ row, ...(column ? { column } : {}), field, message });
    this.badRows.add(row);
  }

  addAll(errors: ImportRowError[]): void {
    for (const e of errors) {
      this.errors.push(e);
      this.badRows.add(e.row);
    }
  }

  isBad(row: number): boolean {
    return this.badRows.has(row);
  }

  get count(): number {
    return this.errors.length;
  }

  /** Row order, then column order within a row. */
  sorted(): ImportRowError[] {
    const order = new Map(
      [...(this.header?.columns ?? new Map<string, { index: number }>())].map(([field, c]) => [
        field,
        c.index,
      ]),
    );
    return [...this.errors].sort(
      (a, b) => a.row - b.row || (order.get(a.field) ?? 999) - (order.get(b.field) ?? 999),
    );
  }
}

/**
 * Reads typed values out of one data row. A column absent from the file gives `undefined` (on an
 * update the stored value is kept); a blank cell in a present column gives the column's default
 * (`null` from the helpers), except in a required column, where it is an error.
 */
export class RowReader {
  constructor(
    private readonly header: HeaderMap,
    private readonly sink: ErrorSink,
    readonly row: SheetRow,
  ) {}

  has(field: string): boolean {
    return this.header.columns.has(field);
  }

  /** The trimmed cell text, '' when blank, undefined when the column is absent. */
  raw(field: string): string | undefined {
    const column = this.header.columns.get(field);
    return column ? (this.row.cells[column.index] ?? '') : undefined;
  }

  error(field: string, message: string): void {
    this.sink.add(this.row.row, field, message);
  }

  /**
   * The parsed value of a cell: undefined (absent column), null (blank, not required), the value,
   * or undefined after recording an error (blank required cell, bad value).
   */
  get<T>(field: string, parse: (text: string) => CellResult<T>, required = false): T | null | undefined {
    const text = this.raw(field);
    if (text === undefined) return undefined;
    if (text === '') {
      if (required) this.error(field, '必填 / required');
      return required ? undefined : null;
    }
    const result = parse(text);
    if (!result.ok) {
      this.error(field, result.message);
      return undefined;
    }
    return result.value;
  }

  /** A required cell: its value, or undefined after recording an error. */
  required<T>(field: string, parse: (text: string) => CellResult<T>): T | undefined {
    return this.get(field, parse, true) ?? undefined;
  }
}

/** The spreadsheet letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A value in a column without a header is refused: it is usually a row shifted by an unquoted
 * comma in a CSV field, which would otherwise import every following cell into the wrong column.
 */
export function reportStrayCells(header: HeaderMap, rows: readonly SheetRow[], sink: ErrorSink): void {
  for (const row of rows) {
    row.cells.forEach((cell, index) => {
      if (cell !== '' && !header.headed.has(index))
        sink.add(
          row.row,
          `column ${columnLetters(index)}`,
          `第 ${columnLetters(index)} 列没有表头(行内是否有未加引号的逗号？) / a value in column ${columnLetters(index)}, which has no header (an unquoted comma?)`,
        );
    });
  }
}

/** The header and data rows of a sheet for `kind`; null header when the sheet has no rows at all. */
export function splitSheet(kind: ImportKind, sheet: Sheet): { header: HeaderMap | null; data: SheetRow[] } {
  const [first, ...data] = sheet.rows;
  return { header: first ? mapHeader(kind, first) : null, data };
}

// ── text cells ────────────────────────────────────────────────────────────────────────────────────

export const textCell =
  (max: number) =>
  (text: string): CellResult<string> =>
    text.length > max
      ? { ok: false, message: `不能超过 ${max} 个字符 / at most ${max} characters` }
      : { ok: true, value: text };

/** Codes as the DTOs take them: letters, digits and - _ . / (versions: no /), no spaces. */
export const codeCell =
  (max: number, version = false) =>
  (text: string): CellResult<string> => {
    if (text.length > max)
      return { ok: false, message: `不能超过 ${max} 个字符 / at most ${max} characters` };
    if (!(version ? VERSION_PATTERN : CODE_PATTERN).test(text)) {
      const allowed = version ? '- _ .' : '- _ . /';
      return {
        ok: false,
        message: `只能包含字母、数字和 ${allowed} / may hold letters, digits and ${allowed} only: ${text}`,
      };
    }
    return { ok: true, value: text };
  };
