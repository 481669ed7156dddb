import { describe, expect, it } from 'vitest';
import { ApiError } from '@mes/web-core';
import type { BomTreeNode, BomView } from './api/bom.api';
import type { ItemView } from './api/item.api';
import {
  rowErrorsOfFilled,
  bomFormToInput,
  bomFormToReplace,
  bomLineErrors,
  bomToForm,
  contactRowErrors,
  conversionRowErrors,
  cycleOf,
  emptyBomForm,
  emptyBomLine,
  emptyItemForm,
  flattenTree,
  formToLotSizing,
  formatCycle,
  isDecimal,
  isPositiveDecimal,
  isRate,
  itemFieldOf,
  itemFormToInput,
  itemToForm,
  locationRowErrors,
  lotSizingToForm,
  partnerFormToInput,
  rowFieldOf,
  rowsToConversions,
  serverFieldErrors,
  toTreeRows,
  emptyWarehouseForm,
  warehouseFormToInput,
  warehouseToForm,
} from './data';
import { routes } from './routes';

const item: ItemView = {
  id: 'i1',
  code: 'SCREW-X',
  name: '螺钉',
  spec: 'M4×10',
  type: 'raw',
  baseUnit: '个',
  makeOrBuy: 'buy',
  leadTimeDays: 5,
  safetyStock: '100',
  lotSizing: { rule: 'MINMULT', min: '500', multiple: '0.5' },
  lotTracked: true,
  barcode: null,
  defaultWarehouseCode: 'WH01',
  inspectionRequired: false,
  status: 'active',
  conversions: [{ unit: '盒', factor: '1000' }],
  createdAt: '2026-01-05T02:00:00Z',
  updatedAt: '2026-01-06T02:00:00Z',
};

describe('master-data web: decimals stay strings', () => {
  it('accepts plain non-negative decimals only', () => {
    expect(['0', '12', '12.5', '0.000001', ' 3 '].every(isDecimal)).toBe(true);
    expect(['', '-1', '1e3', '1,5', '.5', '1.', 'abc', '0x10'].some(isDecimal)).toBe(false);
    // numeric(18,6): 6 decimals, 12 integer digits (leading zeros do not count).
    expect(isDecimal('0.0000001')).toBe(false);
    expect(isDecimal('1234567890123')).toBe(false);
    expect(isDecimal('000123456789012.5')).toBe(true);
    expect(isPositiveDecimal('0.5')).toBe(true);
    expect(isPositiveDecimal('0')).toBe(false);
    expect(isPositiveDecimal('0.000')).toBe(false);
    expect(isRate('0.05')).toBe(true);
    expect(isRate('0')).toBe(true);
    expect(isRate('1')).toBe(false);
    expect(isRate('1.5')).toBe(false);
  });
});

describe('master-data web: lot sizing', () => {
  it('maps each rule to its form fields and back, keeping only the fields of the rule', () => {
    const cases = [
      { rule: 'LFL' },
      { rule: 'FOQ', qty: '100' },
      { rule: 'POQ', periods: 7 },
      { rule: 'MINMULT', min: '500', multiple: '0.5' },
    ] as const;
    for (const lot of cases) expect(formToLotSizing(lotSizingToForm(lot))).toEqual(lot);
    expect(lotSizingToForm({ rule: 'FOQ', qty: '24.50' })).toEqual({
      lotRule: 'FOQ',
      lotQty: '24.50',
      lotPeriods: 1,
      lotMin: '',
      lotMultiple: '',
    });
    // Switching rule drops the other rule's values from the body.
    const form = {
      ...lotSizingToForm({ rule: 'MINMULT', min: '5', multiple: '2' }),
      lotRule: 'FOQ' as const,
    };
    form.lotQty = ' 12 ';
    expect(formToLotSizing(form)).toEqual({ rule: 'FOQ', qty: '12' });
    expect(lotSizingToForm(undefined).lotRule).toBe('LFL');
  });

  it('maps API lot-sizing paths to the form fields', () => {
    expect(itemFieldOf('lotSizing.qty')).toBe('lotQty');
    expect(itemFieldOf('lotSizing.periods')).toBe('lotPeriods');
    expect(itemFieldOf('lotSizing.multiple')).toBe('lotMultiple');
    expect(itemFieldOf('lotSizing.rule')).toBe('lotRule');
    expect(itemFieldOf('lotSizing')).toBe('lotRule');
    expect(itemFieldOf('conversions[1].factor')).toBe('conversions');
    expect(itemFieldOf('code')).toBe('code');
  });
});

describe('master-data web: item form', () => {
  it('round-trips an item through the form without touching the quantity strings', () => {
    const form = itemToForm(item);
    expect(form.lotRule).toBe('MINMULT');
    expect(form.barcode).toBe('');
    const input = itemFormToInput(form);
    expect(input).toEqual({
      code: 'SCREW-X',
      name: '螺钉',
      spec: 'M4×10',
      type: 'raw',
      baseUnit: '个',
      makeOrBuy: 'buy',
      leadTimeDays: 5,
      safetyStock: '100',
      lotSizing: { rule: 'MINMULT', min: '500', multiple: '0.5' },
      lotTracked: true,
      barcode: null,
      defaultWarehouseCode: 'WH01',
      inspectionRequired: false,
      status: 'active',
      conversions: [{ unit: '盒', factor: '1000' }],
    });
    form.conversions[0]!.factor = '2';
    expect(item.conversions[0]!.factor).toBe('1000');
  });

  it('trims, sends blanks as null and a blank safety stock as "0"', () => {
    const form = {
      ...emptyItemForm(),
      code: ' DRILL-X ',
      name: ' 电钻 ',
      baseUnit: ' 个 ',
      safetyStock: ' ',
    };
    const input = itemFormToInput(form);
    expect(input).toMatchObject({
      code: 'DRILL-X',
      name: '电钻',
      baseUnit: '个',
      safetyStock: '0',
      barcode: null,
      defaultWarehouseCode: null,
      lotSizing: { rule: 'LFL' },
      conversions: [],
    });
  });
});

describe('master-data web: unit conversion rows', () => {
  it('turns rows into conversions: trimmed, blank rows dropped, factors kept as typed', () => {
    expect(
      rowsToConversions([
        { unit: ' 箱 ', factor: ' 24 ' },
        { unit: '', factor: '' },
        { unit: 'kg', factor: '0.0125' },
      ]),
    ).toEqual([
      { unit: '箱', factor: '24' },
      { unit: 'kg', factor: '0.0125' },
    ]);
  });

  it('flags a row without unit, the base unit, a repeated unit and a bad factor', () => {
    expect(
      conversionRowErrors(
        [
          { unit: '箱', factor: '24' },
          { unit: '', factor: '' },
          { unit: '', factor: '3' },
          { unit: '个', factor: '1' },
          { unit: '箱', factor: '12' },
          { unit: '盒', factor: '0' },
          { unit: '袋', factor: '-1' },
        ],
        '个',
      ),
    ).toEqual([
      null,
      null,
      'masterData.rules.conversionUnitRequired',
      'masterData.rules.conversionIsBase',
      'masterData.rules.conversionDuplicate',
      'masterData.rules.conversionFactor',
      'masterData.rules.conversionFactor',
    ]);
  });
});

describe('master-data web: BOMs', () => {
  const bom: BomView = {
    id: 'b1',
    itemCode: 'DRILL-X',
    itemName: '电钻',
    version: 'V1',
    isDefault: true,
    status: 'active',
    orderRef: null,
    createdAt: '2026-01-05T02:00:00Z',
    lines: [
      {
        id: 'l2',
        seq: 20,
        itemCode: 'SCREW-X',
        itemName: '螺钉',
        unit: '个',
        qtyPer: '0.5',
        scrapRate: '0.02',
        operationSeq: null,
        validFrom: '2026-01-01',
        validTo: null,
      },
      {
        id: 'l1',
        seq: 10,
        itemCode: 'MOTOR-X',
        itemName: '电机',
        unit: '个',
        qtyPer: '1',
        scrapRate: '0',
        operationSeq: 10,
        validFrom: null,
        validTo: null,
      },
    ],
  };

  it('edits the lines in seq order and sends them back as typed', () => {
    const form = bomToForm(bom);
    expect(form.lines.map((l) => l.itemCode)).toEqual(['MOTOR-X', 'SCREW-X']);
    expect(bomFormToReplace(form)).toEqual({
      version: 'V1',
      lines: [
        {
          itemCode: 'MOTOR-X',
          qtyPer: '1',
          scrapRate: '0',
          operationSeq: 10,
          validFrom: null,
          validTo: null,
        },
        // Effectivity dates survive an edit in the web.
        { itemCode: 'SCREW-X', qtyPer: '0.5', scrapRate: '0.02', validFrom: '2026-01-01', validTo: null },
      ],
    });
  });

  it('builds a create body; a blank version is left to the API', () => {
    const form = emptyBomForm(' DRILL-X ');
    form.lines[0] = { ...form.lines[0]!, itemCode: 'SCREW-X', qtyPer: '0.5' };
    expect(bomFormToInput(form)).toEqual({
      itemCode: 'DRILL-X',
      isDefault: true,
      lines: [{ itemCode: 'SCREW-X', qtyPer: '0.5', validFrom: null, validTo: null }],
    });
    expect(emptyBomLine().key).not.toBe(emptyBomLine().key);
  });

  it('checks the lines before sending', () => {
    const line = emptyBomLine();
    expect(
      bomLineErrors(
        [
          { ...line, itemCode: 'MOTOR-X', qtyPer: '1' },
          { ...line, itemCode: '', qtyPer: '' },
          { ...line, itemCode: 'DRILL-X', qtyPer: '0', scrapRate: '5' },
          { ...line, itemCode: 'SCREW-X', qtyPer: '1/2', scrapRate: '0.05' },
        ],
        'DRILL-X',
      ),
    ).toEqual([
      {},
      { itemCode: 'masterData.rules.componentRequired', qtyPer: 'masterData.rules.qtyPerRequired' },
      {
        itemCode: 'masterData.rules.componentIsParent',
        qtyPer: 'masterData.rules.qtyPerInvalid',
        scrapRate: 'masterData.rules.scrapRateInvalid',
      },
      { qtyPer: 'masterData.rules.qtyPerInvalid' },
    ]);
  });

  it('reads the cycle of a 409 BOM_CYCLE and shows it closed', () => {
    const error = new ApiError(409, 'BOM_CYCLE', '循环 / cycle', [
      { field: 'lines', message: 'MOTOR-X' },
      { field: 'lines', message: 'DRILL-X' },
    ]);
    expect(cycleOf(error)).toEqual(['MOTOR-X', 'DRILL-X']);
    expect(formatCycle(['MOTOR-X', 'DRILL-X'])).toBe('MOTOR-X → DRILL-X → MOTOR-X');
    expect(formatCycle(['A', 'B', 'A'])).toBe('A → B → A');
    expect(formatCycle(['A'])).toBe('A → A');
    expect(formatCycle([])).toBe('');
    expect(cycleOf(new ApiError(409, 'DUPLICATE_CODE', 'x', [{ field: 'lines', message: 'A' }]))).toBeNull();
    expect(cycleOf(new Error('x'))).toBeNull();
  });

  it('maps line errors of the API to rows', () => {
    expect(rowFieldOf('lines[2].qtyPer', 'lines')).toEqual({ index: 2, field: 'qtyPer' });
    expect(rowFieldOf('lines[0]', 'lines')).toEqual({ index: 0, field: '' });
    expect(rowFieldOf('lines', 'lines')).toBeNull();
    expect(rowFieldOf('locations[1].code', 'lines')).toBeNull();
    const error = new ApiError(400, 'VALIDATION_FAILED', 'bad', [
      { field: 'version', message: 'too long' },
      { field: 'lines[1].qtyPer', message: 'not a decimal' },
      { field: 'lines[3].itemCode', message: 'unknown' },
    ]);
    expect(serverFieldErrors(error)).toEqual({ version: 'too long', lines: 'not a decimal' });
    expect(serverFieldErrors(new Error('x'))).toEqual({});
  });

  it('turns the explosion into keyed tree rows and flattens it', () => {
    const node = (
      itemCode: string,
      level: number,
      qtyPer: string,
      totalQty: string,
      children: BomTreeNode[] = [],
    ): BomTreeNode => ({
      itemCode,
      itemName: itemCode,
      level,
      qtyPer,
      totalQty,
      unit: '个',
      bomVersion: children.length ? 'V1' : null,
      children,
    });
    const root = node('DRILL-X', 0, '1', '1', [
      node('MOTOR-X', 1, '1', '1', [node('COIL-X', 2, '2', '2.04')]),
      node('SCREW-X', 1, '0.5', '0.5'),
    ]);
    const rows = toTreeRows(root);
    expect(rows.key).toBe('0');
    expect(rows.children?.map((c) => c.key)).toEqual(['0.0', '0.1']);
    expect(rows.children?.[0]?.children?.[0]).toMatchObject({ key: '0.0.0', totalQty: '2.04' });
    expect(rows.children?.[1]).not.toHaveProperty('children');
    expect(flattenTree(root).map((n) => `${n.level}:${n.itemCode}`)).toEqual([
      '0:DRILL-X',
      '1:MOTOR-X',
      '2:COIL-X',
      '1:SCREW-X',
    ]);
  });
});

describe('master-data web: warehouses and partners', () => {
  it('sends the location rows that are filled in, trimmed', () => {
    expect(
      warehouseFormToInput({
        code: ' WH01 ',
        name: '成品仓',
        address: '',
        allowNegativeStock: true,
        locations: [
          { code: ' A-01 ', name: ' 一号架 ' },
          { code: '', name: '' },
        ],
      }),
    ).toEqual({
      code: 'WH01',
      name: '成品仓',
      address: '',
      allowNegativeStock: true,
      locations: [{ code: 'A-01', name: '一号架' }],
    });
    expect(
      locationRowErrors([
        { code: 'A', name: '一号架' },
        { code: '', name: 'x' },
        { code: 'A', name: 'y' },
        { code: '', name: '' },
        { code: 'A 01', name: 'z' },
        { code: 'B', name: ' ' },
      ]),
    ).toEqual([
      null,
      'masterData.rules.locationCodeRequired',
      'masterData.rules.locationDuplicate',
      null,
      'masterData.rules.codeInvalid',
      'masterData.rules.locationNameRequired',
    ]);
  });

  it('round-trips 允许负库存 between the warehouse and the form, off for a new one', () => {
    expect(emptyWarehouseForm().allowNegativeStock).toBe(false);
    const form = warehouseToForm({
      id: 'w1',
      code: 'WH-RM',
      name: '原料仓',
      address: '',
      allowNegativeStock: true,
      locations: [{ id: 'l1', code: 'A-01', name: 'A 区' }],
      createdAt: '2026-01-01T00:00:00Z',
    });
    expect(form.allowNegativeStock).toBe(true);
    expect(warehouseFormToInput({ ...form, allowNegativeStock: false }).allowNegativeStock).toBe(false);
  });

  it('sends contacts without blank fields and checks them', () => {
    const input = partnerFormToInput({
      code: 'C001',
      name: ' 华东机电 ',
      taxId: '',
      address: '',
      paymentTerms: '月结30天',
      status: 'active',
      contacts: [
        { name: '张三', phone: '13800000000', email: '', title: '' },
        { name: '', phone: '', email: '', title: '' },
      ],
    });
    expect(input.name).toBe('华东机电');
    expect(input.contacts).toEqual([{ name: '张三', phone: '13800000000' }]);
    expect(
      contactRowErrors([
        { name: '', phone: '1', email: '', title: '' },
        { name: 'a', phone: '', email: 'not-mail', title: '' },
        { name: 'b', phone: '', email: 'b@x.cn', title: '' },
      ]),
    ).toEqual(['masterData.rules.contactNameRequired', 'masterData.rules.emailInvalid', null]);
  });
});

describe('master-data web: shell wiring', () => {
  it('declares its routes under /master-data with the module key, one per menu entry', () => {
    expect(routes.every((r) => r.path.startsWith('/master-data'))).toBe(true);
    expect(routes.every((r) => r.meta?.module === 'master-data')).toBe(true);
    const paths = routes.map((r) => r.path);
    for (const p of [
      'items',
      'boms',
      'routings',
      'work-centers',
      'calendars',
      'units',
      'warehouses',
      'customers',
      'suppliers',
      'labels',
    ])
      expect(paths).toContain(`/master-data/${p}`);
  });
});

describe('rowErrorsOfFilled', () => {
  it('maps "list[i]" of the filled rows back to the rows on screen', () => {
    const rows = [{ code: 'A' }, { code: '' }, { code: 'B' }, { code: 'C' }];
    const error = new ApiError(400, 'VALIDATION_FAILED', 'x', [
      { field: 'locations[1].code', message: 'B twice' },
      { field: 'locations[1].name', message: 'second message' },
      { field: 'locations[2]', message: 'C bad' },
      { field: 'code', message: 'not a row' },
    ]);
    expect(rowErrorsOfFilled(error, rows, (r) => !r.code, 'locations')).toEqual({ 2: 'B twice', 3: 'C bad' });
    expect(rowErrorsOfFilled(new Error('network'), rows, (r) => !r.code, 'locations')).toEqual({});
  });
});
