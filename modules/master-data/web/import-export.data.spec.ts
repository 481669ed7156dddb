import { describe, expect, it } from 'vitest';
import type { ImportReport } from './api/import-export.api';
import { labelQuery, labelRuleErrors, splitCodes } from './barcode.data';
import { importState, isImportFile, reportErrorRows, unlistedErrors } from './import-export.data';

const base: ImportReport = {
  kind: 'items',
  dryRun: true,
  total: 2,
  created: 1,
  updated: 1,
  errors: [],
  errorCount: 0,
};

describe('import report', () => {
  it('tells whether the dry run allows the import', () => {
    expect(importState(base)).toBe('ready');
    expect(importState({ ...base, total: 0, created: 0, updated: 0 })).toBe('empty');
    expect(importState({ ...base, errors: [{ row: 2, field: 'code', message: 'x' }], errorCount: 1 })).toBe(
      'invalid',
    );
    // Errors counted but none listed still block.
    expect(importState({ ...base, errors: [], errorCount: 3 })).toBe('invalid');
  });

  it('lists the errors in row order with the column as headed in the file', () => {
    const report: ImportReport = {
      ...base,
      errors: [
        { row: 7, field: 'qtyPer', column: '用量', message: '须大于 0' },
        { row: 3, field: 'baseUnit', message: '未知单位' },
        { row: 3, field: 'code', column: '物料编码', message: '重复' },
      ],
      errorCount: 1203,
    };
    expect(reportErrorRows(report).map((r) => [r.row, r.column, r.message])).toEqual([
      [3, 'baseUnit', '未知单位'],
      [3, '物料编码', '重复'],
      [7, '用量', '须大于 0'],
    ]);
    expect(unlistedErrors(report)).toBe(1200);
    expect(unlistedErrors(base)).toBe(0);
  });

  it('accepts .xlsx and .csv files only', () => {
    expect(isImportFile('物料.XLSX')).toBe(true);
    expect(isImportFile('bom.csv')).toBe(true);
    expect(isImportFile('bom.xls')).toBe(false);
    expect(isImportFile('notes.txt')).toBe(false);
  });
});

describe('labels', () => {
  it('splits typed or pasted codes, each once', () => {
    expect(splitCodes(' A-1, B-2，C-3\nA-1  WH/L-1 ')).toEqual(['A-1', 'B-2', 'C-3', 'WH/L-1']);
    expect(splitCodes(['A', 'B, C', 'A'])).toEqual(['A', 'B, C']);
    expect(labelQuery('item', ['A', 'B'])).toEqual({ target: 'item', codes: 'A,B' });
    expect(labelQuery('location', [])).toEqual({ target: 'location' });
  });

  it('checks a label rule as the API does', () => {
    expect(labelRuleErrors({ symbology: 'code128', prefix: 'L:', widthMm: '60', heightMm: '40' })).toEqual(
      {},
    );
    expect(
      labelRuleErrors({ symbology: 'qrcode', prefix: 'L 1', widthMm: '19', heightMm: '40.123' }),
    ).toEqual({
      prefix: 'masterData.rules.prefixInvalid',
      widthMm: 'masterData.rules.widthInvalid',
      heightMm: 'masterData.rules.heightInvalid',
    });
  });
});
