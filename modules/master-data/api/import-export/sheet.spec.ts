import ExcelJS from 'exceljs';
import { COLUMNS } from './columns';
import { formatOf, readCsvSheet, readSheet, readXlsxSheet, writeSheet, xlsxCellText } from './sheet';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('S');
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('second').addRow(['ignored']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading sheets', () => {
  it('reads xlsx numbers as exact decimal strings, dates as YYYY-MM-DD, skipping blank rows', async () => {
    const buffer = await xlsx([
      ['code', 'qty', 'when'],
      ['A', 0.1 + 0.2, new Date(Date.UTC(2026, 0, 31))],
      [],
      ['B', 0.000001, null],
      [{ richText: [{ text: 'C' }, { text: '-1' }] }, { formula: '1/3', result: 1 / 3 }, true],
    ]);
    const sheet = await readXlsxSheet(buffer);
    expect(sheet.rows).toEqual([
      { row: 1, cells: ['code', 'qty', 'when'] },
      { row: 2, cells: ['A', '0.3', '2026-01-31'] },
      { row: 4, cells: ['B', '0.000001'] },
      { row: 5, cells: ['C-1', '0.333333333333333', 'true'] },
    ]);
  });

  it('reports Excel error cells', async () => {
    const sheet = await readXlsxSheet(
      await xlsx([
        ['a', 'b'],
        ['x', { formula: 'NA()', result: { error: '#N/A' } }],
        [{ error: '#DIV/0!' }, 'y'],
      ]),
    );
    expect(sheet.cellErrors).toEqual([
      { row: 2, col: 1, message: expect.stringContaining('formula without a computed value') },
      { row: 3, col: 0, message: expect.stringContaining('#DIV/0!') },
    ]);
  });

  it('converts cell values', () => {
    expect(xlsxCellText({ text: 'link', hyperlink: 'http://x' })).toEqual({ text: 'link' });
    expect(xlsxCellText(null)).toEqual({ text: '' });
    expect(xlsxCellText(12.5)).toEqual({ text: '12.5' });
  });

  it('numbers CSV rows as records and trims cells', () => {
    const sheet = readCsvSheet(Buffer.from('\uFEFFa,b\r\n\r\n x ,"multi\nline"\r\n', 'utf8'));
    expect(sheet.rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 3, cells: ['x', 'multi\nline'] },
    ]);
  });

  it('accepts .xlsx and .csv only, and refuses what is not a workbook', async () => {
    expect(formatOf('物料.XLSX')).toBe('xlsx');
    expect(formatOf('a.b.csv')).toBe('csv');
    const detailsOf = (fn: () => unknown): unknown => {
      try {
        fn();
      } catch (error) {
        return (error as { details?: unknown }).details;
      }
      return undefined;
    };
    expect(detailsOf(() => formatOf('old.xls'))).toEqual([
      { field: 'file', message: expect.stringContaining('save the file as .xlsx') },
    ]);
    expect(detailsOf(() => formatOf('notes.txt'))).toEqual([
      { field: 'file', message: expect.stringContaining('must be .xlsx or .csv') },
    ]);
    await expect(
      readSheet({ originalname: 'x.xlsx', buffer: Buffer.from('hello'), size: 5 }),
    ).rejects.toMatchObject({
      details: [{ field: 'file', message: expect.any(String) }],
    });
    await expect(
      readSheet({ originalname: 'x.xlsx', buffer: Buffer.from('PK\u0003\u0004garbage'), size: 11 }),
    ).rejects.toMatchObject({ details: [{ field: 'file', message: expect.any(String) }] });
  });
});

describe('writing sheets', () => {
  it('round-trips an xlsx export: numbers exact, codes as text', async () => {
    const columns = COLUMNS['bom-lines'];
    const rows = [
      ['P-001', '1', '00123', '0.000001', '0.3', '10', '2026-01-01', ''],
      ['P-001', '1', 'C2', '123456789012.123456', '0', '', '', ''],
    ];
    const buffer = await writeSheet('xlsx', 'BOM', columns, rows);
    const sheet = await readXlsxSheet(buffer);
    expect(sheet.rows[0]?.cells).toEqual(columns.map((c) => c.header));
    expect(sheet.rows.slice(1).map((r) => r.cells.concat(Array(8).fill('')).slice(0, 8))).toEqual(rows);
    // small quantities are real number cells
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets[0]?.getCell('D2').value).toBe(0.000001);
    expect(workbook.worksheets[0]?.getCell('C2').value).toBe('00123');
    expect(workbook.worksheets[0]?.getCell('D3').value).toBe('123456789012.123456');
  });

  it('writes CSV with the Chinese headers', async () => {
    const buffer = await writeSheet('csv', 'x', COLUMNS.customers, [['C1', '甲']]);
    expect(buffer.toString('utf8')).toBe(
      '\uFEFF编码,名称,税号,地址,付款条件,联系人,电话,邮箱,状态\r\nC1,甲\r\n',
    );
  });
});
