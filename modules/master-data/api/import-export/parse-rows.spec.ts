import { COLUMNS, columnForHeader, normaliseHeader } from './columns';
import { IMPORT_KINDS } from './import-export.types';
import {
  parseAlternatives,
  parseBomLineRows,
  parseConversions,
  parseItemRows,
  parsePartnerRows,
  parseRoutingRows,
} from './parse-rows';
import { columnLetters, ErrorSink, mapHeader, reportStrayCells } from './row-reader';
import type { SheetRow } from './sheet';

const sheet = (header: string[], ...rows: string[][]): { header: SheetRow; rows: SheetRow[] } => ({
  header: { row: 1, cells: header },
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('header mapping', () => {
  it('accepts Chinese and English headers and their variants', () => {
    const map = mapHeader('items', {
      row: 1,
      cells: ['物料编码*', 'Name', 'type', 'base_unit', '自制外购', '提前期（天）', 'Safety Stock', ''],
    });
    expect(map.errors).toEqual([]);
    expect([...map.columns.keys()]).toEqual([
      'code',
      'name',
      'type',
      'baseUnit',
      'makeOrBuy',
      'leadTimeDays',
      'safetyStock',
    ]);
    expect(map.columns.get('leadTimeDays')).toEqual({ index: 5, header: '提前期（天）' });
  });

  it('refuses unknown and repeated columns and reports missing required ones, all on row 1', () => {
    const map = mapHeader('bom-lines', { row: 1, cells: ['父项编码', 'parentCode', '数量x', '用量'] });
    expect(map.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'parentCode'],
      [1, '数量x'],
      [1, 'componentCode'],
    ]);
  });

  it('refuses values in columns without a header (a row shifted by an unquoted comma)', () => {
    const map = mapHeader('customers', { row: 1, cells: ['编码', '名称', '', '地址'] });
    const sink = new ErrorSink(map);
    reportStrayCells(
      map,
      [
        { row: 2, cells: ['C1', '甲', '', 'x'] },
        { row: 3, cells: ['C2', '乙', '多', 'y', '出'] },
      ],
      sink,
    );
    expect(sink.sorted().map((e) => [e.row, e.field])).toEqual([
      [3, 'column C'],
      [3, 'column E'],
    ]);
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('has no header that two columns of one kind would both claim', () => {
    for (const kind of IMPORT_KINDS) {
      const owner = new Map<string, string>();
      for (const spec of COLUMNS[kind])
        for (const alias of [spec.header, ...spec.aliases]) {
          const key = normaliseHeader(alias);
          expect({ kind, alias, field: owner.get(key) ?? spec.field }).toEqual({
            kind,
            alias,
            field: spec.field,
          });
          owner.set(key, spec.field);
          expect(columnForHeader(kind, alias)?.field).toBe(spec.field);
        }
    }
  });
});

describe('item rows', () => {
  const header = [
    'code',
    'name',
    'type',
    'baseUnit',
    'makeOrBuy',
    'safetyStock',
    'lotRule',
    'lotQty',
    'lotMin',
    'lotMultiple',
    'lotTracked',
    'conversions',
  ];
  const parse = (...rows: string[][]) => {
    const s = sheet(header, ...rows);
    const map = mapHeader('items', s.header);
    const sink = new ErrorSink(map);
    return { records: parseItemRows(map, s.rows, sink), errors: sink.sorted() };
  };

  it('reads labels, codes, decimals and lot sizing', () => {
    const { records, errors } = parse(
      ['A-1', '电机', '原材料', '个', '外购', '0.000001', 'FOQ', '50', '', '', '是', '箱=24; 盒=6'],
      ['A-2', 'Gear', 'semi', 'pcs', 'make', '', '', '', '', '', '', ''],
      ['A-3', 'Axle', '成品', '个', '自制', '1', '最小批量倍数', '', '10', '5', 'no', ''],
    );
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      row: 2,
      code: 'A-1',
      type: 'raw',
      makeOrBuy: 'buy',
      safetyStock: '0.000001',
      lotSizing: { rule: 'FOQ', qty: '50' },
      lotTracked: true,
      conversions: [
        { unit: '箱', factor: '24' },
        { unit: '盒', factor: '6' },
      ],
    });
    expect(records[1]).toMatchObject({
      type: 'semi',
      safetyStock: '0',
      lotSizing: { rule: 'LFL' },
      lotTracked: false,
      conversions: [],
    });
    expect(records[2]?.lotSizing).toEqual({ rule: 'MINMULT', min: '10', multiple: '5' });
    // columns not in the file stay undefined (kept on update)
    expect(records[0]?.barcode).toBeUndefined();
    expect(records[0]?.status).toBeUndefined();
  });

  it('reports every bad cell of every row with its row number and field', () => {
    const { errors } = parse(
      ['', '电机', '原料x', '个', '外购', '-1', 'FOQ', '', '', '', '也许', '箱'],
      ['A 2', 'x', 'raw', '个', 'buy', '0.0000001', 'LFL', '5', '', '', '', ''],
    );
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'code'],
      [2, 'type'],
      [2, 'safetyStock'],
      [2, 'lotQty'],
      [2, 'lotTracked'],
      [2, 'conversions'],
      [3, 'code'],
      [3, 'safetyStock'],
      [3, 'lotQty'],
    ]);
    expect(errors[0]).toMatchObject({ column: 'code', message: '必填 / required' });
  });
});

describe('BOM line, routing and partner rows', () => {
  it('reads BOM lines with defaults and checks dates, scrap and quantities', () => {
    const s = sheet(
      ['父项编码', '子项编码', '用量', '损耗率', '生效日期', '失效日期'],
      ['P', 'C', '2', '5%', '2026-01-01', ''],
      ['P', 'D', '0', '1', '2026-02-01', '2026-01-01'],
    );
    const map = mapHeader('bom-lines', s.header);
    const sink = new ErrorSink(map);
    const [good] = parseBomLineRows(map, s.rows, sink);
    expect(good).toEqual({
      row: 2,
      parentCode: 'P',
      version: null,
      componentCode: 'C',
      qtyPer: '2',
      scrapRate: '0.05',
      operationSeq: null,
      validFrom: '2026-01-01',
      validTo: null,
    });
    expect(sink.sorted().map((e) => [e.row, e.field])).toEqual([
      [3, 'qtyPer'],
      [3, 'scrapRate'],
      [3, 'validTo'],
    ]);
  });

  it('reads routing alternatives, defaulting their minutes to the operation', () => {
    expect(parseAlternatives('CNC-02:2.5；CNC-03')).toEqual({
      ok: true,
      value: [
        { workCenterCode: 'CNC-02', runMinutes: '2.5' },
        { workCenterCode: 'CNC-03', runMinutes: null },
      ],
    });
    const s = sheet(
      ['物料编码', '工序号', '工序名称', '工作中心', '单件工时', '备选工作中心'],
      ['P', '10', '车', 'CNC-01', '3', 'CNC-02; CNC-01:4'],
    );
    const map = mapHeader('routings', s.header);
    const sink = new ErrorSink(map);
    const [op] = parseRoutingRows(map, s.rows, sink);
    expect(op?.alternatives).toEqual([
      { workCenterCode: 'CNC-02', runMinutes: '3' },
      { workCenterCode: 'CNC-01', runMinutes: '4' },
    ]);
    expect(sink.sorted()).toEqual([expect.objectContaining({ row: 2, field: 'alternatives' })]);
  });

  it('reads conversions and refuses malformed ones', () => {
    expect(parseConversions('箱=24,盒：6').ok).toBe(true);
    expect(parseConversions('箱24').ok).toBe(false);
    expect(parseConversions('箱=0').ok).toBe(false);
    expect(parseConversions('箱=2;箱=3').ok).toBe(false);
  });

  it('reads the primary contact of a partner and needs a name with a phone or email', () => {
    const s = sheet(
      ['编码', '名称', '联系人', '电话', '邮箱', '状态'],
      ['C1', '甲', '王', '138', 'w@x.cn', '停用'],
      ['C2', '乙', '', '139', '', ''],
      ['C3', '丙', '李', '', 'not-mail', ''],
    );
    const map = mapHeader('customers', s.header);
    const sink = new ErrorSink(map);
    const records = parsePartnerRows(map, s.rows, sink);
    expect(records[0]).toEqual({
      row: 2,
      code: 'C1',
      name: '甲',
      contact: { name: '王', phone: '138', email: 'w@x.cn' },
      status: 'inactive',
    });
    expect(sink.sorted().map((e) => [e.row, e.field])).toEqual([
      [3, 'contactName'],
      [4, 'contactEmail'],
    ]);
  });
});
