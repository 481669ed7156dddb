import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ValidationFailedError } from '@mes/platform';
import { xlsxNumberToDecimal } from './cells';
import type { ColumnSpec } from './columns';
import { decodeCsv, parseCsv, unguardCell, writeCsv } from './csv';
import { fileError } from './import-export.errors';
import { MAX_DATA_ROWS, type FileFormat } from './import-export.types';

/** A spreadsheet row: its number in the sheet (from 1) and its cells as trimmed text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** A cell that could not be read at all (an Excel error such as #N/A). */
export interface CellError {
  row: number;
  /** 0-based column index. */
  col: number;
  message: string;
}

/** The first worksheet of an upload; blank rows are left out (their numbers are skipped). */
export interface Sheet {
  rows: SheetRow[];
  cellErrors: CellError[];
}

export interface UploadedSheetFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** The format of an upload, by its extension (.xlsx or .csv); 400 on field "file" otherwise. */
export function formatOf(filename: string): FileFormat {
  const ext = /\.([^.]+)$/.exec(filename.trim())?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'csv') return ext;
  if (ext === 'xls' || ext === 'et' || ext === 'numbers')
    throw fileError('请另存为 .xlsx 或 .csv 后上传 / save the file as .xlsx or .csv first');
  throw fileError('只能上传 .xlsx 或 .csv 文件 / the file must be .xlsx or .csv');
}

/** Reads an upload; 400 on field "file" when it is not a readable .xlsx / .csv or has too many rows. */
export async function readSheet(file: UploadedSheetFile): Promise<Sheet> {
  const format = formatOf(file.originalname);
  const sheet = format === 'csv' ? readCsvSheet(file.buffer) : await readXlsxSheet(file.buffer);
  if (sheet.rows.length > MAX_DATA_ROWS + 1)
    throw fileError(`行数超过 ${MAX_DATA_ROWS} / more than ${MAX_DATA_ROWS} data rows; split the file`);
  return sheet;
}

const isBlank = (cells: string[]) => cells.every((c) => c === '');

export function readCsvSheet(buffer: Buffer): Sheet {
  const rows: SheetRow[] = [];
  parseCsv(decodeCsv(buffer)).forEach((record, index) => {
    const cells = record.map((c) => unguardCell(c.trim()));
    if (!isBlank(cells)) rows.push({ row: index + 1, cells });
  });
  return { rows, cellErrors: [] };
}

interface XlsxCellText {
  text: string;
  error?: string;
}

/** The text of an xlsx cell value: numbers as exact decimal strings, dates as YYYY-MM-DD. */
export function xlsxCellText(value: unknown): XlsxCellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? { text: xlsxNumberToDecimal(value) }
      : { text: '', error: '单元格错误(公式结果无效) / cell error (the formula has no valid result)' };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? { text: '' } : { text: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text?: string }[];
      text?: unknown;
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      error?: string;
    };
    if (Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text ?? '').join('') };
    if (v.error !== undefined) return { text: '', error: `单元格错误 ${v.error} / cell error ${v.error}` };
    if (v.formula !== undefined || v.sharedFormula !== undefined)
      return v.result === undefined || v.result === null
        ? {
            text: '',
            error:
              '公式没有计算结果，请在 Excel 中保存后再导入或粘贴为数值 / a formula without a computed value: save it in Excel or paste values',
          }
        : xlsxCellText(v.result);
    if (v.text !== undefined) return xlsxCellText(v.text);
  }
  return { text: '' };
}

export async function readXlsxSheet(buffer: Buffer): Promise<Sheet> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50)
    throw fileError('不是有效的 .xlsx 文件 / not a valid .xlsx file');
  const rows: SheetRow[] = [];
  const cellErrors: CellError[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    let sheetIndex = 0;
    for await (const worksheet of reader) {
      const first = sheetIndex++ === 0;
      let last = 0;
      for await (const row of worksheet) {
        // Only the first sheet is read; the others are drained (the reader needs that).
        if (!first || rows.length > MAX_DATA_ROWS + 1) continue;
        const number = Number.isInteger(row.number) && row.number > last ? row.number : last + 1;
        last = number;
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) {
          const { text, error } = xlsxCellText(values[c]);
          if (error) cellErrors.push({ row: number, col: c - 1, message: error });
          cells.push(text.trim());
        }
        if (!isBlank(cells) || cellErrors.at(-1)?.row === number) rows.push({ row: number, cells });
      }
    }
  } catch (error) {
    if (error instanceof ValidationFailedError) throw error;
    throw fileError('无法读取 .xlsx 文件 / the .xlsx file cannot be read');
  }
  return { rows, cellErrors };
}

// ── writing ──────────────────────────────────────────────────────────────────────────────────────

/** A CSV or xlsx file holding `rows` under the columns' Chinese headers. */
export async function writeSheet(
  format: FileFormat,
  sheetName: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly string[])[],
): Promise<Buffer> {
  if (format === 'csv') return writeCsv([columns.map((c) => c.header), ...rows]);
  return writeXlsx(sheetName, columns, rows);
}

/** True when the number cell Excel would hold reads back as exactly `text`. */
const exactAsNumber = (text: string): boolean =>
  /^-?\d+(\.\d+)?$/.test(text) && xlsxNumberToDecimal(Number(text)) === text;

async function writeXlsx(
  sheetName: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly string[])[],
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    key: c.field,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    style: c.numeric ? {} : { numFmt: '@' },
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for (const row of rows) {
    sheet
      .addRow(
        columns.map((c, i) => (c.numeric && exactAsNumber(row[i] ?? '') ? Number(row[i]) : (row[i] ?? ''))),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
