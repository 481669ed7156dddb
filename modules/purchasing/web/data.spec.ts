import { describe, expect, it } from 'vitest';
import type { PurchaseOrderView } from '@mes/shared';
import { statusOption } from '@mes/web-core/pages';
import {
  ORDER_STATUS_OPTIONS,
  emptyOrderForm,
  lineAmount,
  orderActions,
  orderFormErrors,
  orderFormToInput,
  orderToForm,
  orderTotal,
  priceFormErrors,
  priceFormToInput,
  receiptFieldToFormIndex,
  receiptFormErrors,
  receiptFormFromOrder,
  receiptFormToInput,
} from './data';
import { routes } from './routes';

const order: PurchaseOrderView = {
  id: 'po1',
  no: 'PO20261121-0001',
  supplierCode: 'SUP1',
  supplierName: '华东五金',
  buyerCode: 'B01',
  buyerName: '王采购',
  status: 'partially_received',
  orderDate: '2026-11-21',
  expectedDate: '2026-12-01',
  warehouseCode: 'WH1',
  tolerancePercent: '5',
  currency: 'CNY',
  totalAmount: '47.50',
  note: '',
  createdAt: '2026-11-21T01:00:00Z',
  updatedAt: '2026-11-21T02:00:00Z',
  approvedAt: '2026-11-21T01:30:00Z',
  closedAt: null,
  lines: [
    {
      lineNo: 1,
      itemCode: 'SCREW',
      itemName: '螺钉',
      unit: '个',
      qty: '1000',
      unitPrice: '0.035',
      amount: '35.00',
      dueDate: null,
      receivedQty: '600',
      returnedQty: '100',
      outstandingQty: '400',
      inspectionRequired: false,
      lotTracked: false,
      note: '',
    },
    {
      lineNo: 2,
      itemCode: 'SENSOR',
      itemName: '传感器',
      unit: '个',
      qty: '1',
      unitPrice: '12.5',
      amount: '12.50',
      dueDate: '2026-11-30',
      receivedQty: '0',
      returnedQty: '0',
      outstandingQty: '1',
      inspectionRequired: true,
      lotTracked: true,
      note: 'x',
    },
  ],
};

describe('purchasing web: order helpers', () => {
  it('computes amounts exactly, rounded half up to the cent', () => {
    expect(lineAmount('1000', '0.035')).toBe('35.00');
    expect(lineAmount('3', '0.0345')).toBe('0.10');
    expect(lineAmount('0.1', '0.2')).toBe('0.02');
    expect(lineAmount('abc', '1')).toBe('');
    expect(
      orderTotal([
        { qty: '1000', unitPrice: '0.035' },
        { qty: '1', unitPrice: '12.5' },
        { qty: '', unitPrice: '1' },
      ]),
    ).toBe('47.50');
  });

  it('allows the actions of each status only', () => {
    expect(orderActions('draft')).toEqual({
      edit: true,
      approve: true,
      cancel: true,
      close: false,
      receive: false,
      returnGoods: false,
    });
    expect(orderActions('partially_received')).toMatchObject({
      receive: true,
      returnGoods: true,
      cancel: false,
    });
    expect(orderActions('closed')).toMatchObject({ receive: false, returnGoods: true, close: false });
    expect(orderActions('cancelled')).toEqual({
      edit: false,
      approve: false,
      cancel: false,
      close: false,
      receive: false,
      returnGoods: false,
    });
    expect(statusOption(ORDER_STATUS_OPTIONS, 'received').tagType).toBe('success');
    expect(statusOption(ORDER_STATUS_OPTIONS, 'weird')).toMatchObject({ labelKey: 'weird', tagType: 'info' });
  });

  it('round-trips an order through the form into a request body', () => {
    const form = orderToForm(order);
    form.lines[0]!.unitPrice = ' ';
    form.orderDate = '';
    expect(orderFormToInput(form)).toEqual({
      supplierCode: 'SUP1',
      buyerCode: 'B01',
      expectedDate: '2026-12-01',
      warehouseCode: 'WH1',
      tolerancePercent: '5',
      currency: 'CNY',
      note: '',
      lines: [
        { itemCode: 'SCREW', qty: '1000', dueDate: null, note: '' },
        { itemCode: 'SENSOR', qty: '1', unitPrice: '12.5', dueDate: '2026-11-30', note: 'x' },
      ],
    });
    expect(new Set(form.lines.map((l) => l.key)).size).toBe(2);
  });

  it('names the fields the order form gets wrong, as the API paths', () => {
    const form = emptyOrderForm();
    form.tolerancePercent = '120';
    form.lines[0]!.qty = '-1';
    form.lines[0]!.unitPrice = '0.00001';
    expect(orderFormErrors(form)).toEqual({
      supplierCode: 'purchasing.rules.supplierRequired',
      tolerancePercent: 'purchasing.rules.tolerance',
      'lines[0].itemCode': 'purchasing.rules.itemRequired',
      'lines[0].qty': 'purchasing.rules.qty',
      'lines[0].unitPrice': 'purchasing.rules.price',
    });
    const ok = orderToForm(order);
    expect(orderFormErrors(ok)).toEqual({});
    ok.expectedDate = '2026-11-01';
    expect(orderFormErrors(ok)).toEqual({ expectedDate: 'purchasing.rules.expectedBeforeOrder' });
  });
});

describe('purchasing web: receipts and returns', () => {
  it('proposes the outstanding quantity of each line on a receipt', () => {
    const form = receiptFormFromOrder(order, 'receipt');
    expect(form.warehouseCode).toBe('WH1');
    expect(form.lines.map((l) => [l.lineNo, l.maxQty, l.qty, l.inspectionRequired])).toEqual([
      [1, '400', '400', false],
      [2, '1', '1', true],
    ]);
  });

  it('offers only what can be returned, empty', () => {
    const form = receiptFormFromOrder(order, 'return');
    expect(form.lines.map((l) => [l.lineNo, l.maxQty, l.qty])).toEqual([[1, '500', '']]);
    expect(receiptFormErrors(form)).toEqual({ lines: 'purchasing.rules.receiptEmpty' });
  });

  it('sends only lines with a quantity and maps API paths back to the dialog rows', () => {
    const form = receiptFormFromOrder(order, 'receipt');
    form.lines[0]!.qty = '';
    form.lines[1]!.lot = ' L1 ';
    form.note = ' 到货 ';
    expect(receiptFormToInput(form)).toEqual({
      warehouseCode: 'WH1',
      note: '到货',
      lines: [{ lineNo: 2, qty: '1', lot: 'L1' }],
    });
    expect(receiptFieldToFormIndex(form, 'lines[0].qty')).toBe('lines[1].qty');
    expect(receiptFieldToFormIndex(form, 'warehouseCode')).toBe('warehouseCode');
    form.lines[1]!.qty = '0';
    expect(receiptFormErrors(form)).toEqual({ 'lines[1].qty': 'purchasing.rules.qty' });
  });
});

describe('purchasing web: prices and routes', () => {
  it('checks and sends a price', () => {
    const form = {
      supplierCode: 'SUP1',
      itemCode: 'SCREW',
      unitPrice: '0.035',
      currency: '',
      minQty: '',
      validFrom: '2026-01-01',
      validTo: '',
      note: ' ',
    };
    expect(priceFormErrors(form)).toEqual({});
    expect(priceFormToInput(form)).toEqual({
      supplierCode: 'SUP1',
      itemCode: 'SCREW',
      unitPrice: '0.035',
      currency: 'CNY',
      minQty: '0',
      validFrom: '2026-01-01',
      validTo: null,
      note: '',
    });
    expect(priceFormErrors({ ...form, unitPrice: '-1', validTo: '2025-01-01' })).toEqual({
      unitPrice: 'purchasing.rules.price',
      validTo: 'purchasing.rules.validToBeforeFrom',
    });
  });

  it('declares a page for every menu entry, under the module key', () => {
    expect(routes.every((r) => r.path.startsWith('/purchasing') && r.meta?.module === 'purchasing')).toBe(
      true,
    );
    const paths = routes.map((r) => r.path);
    for (const menu of [
      '/purchasing/orders',
      '/purchasing/pending-receipts',
      '/purchasing/requisitions',
      '/purchasing/prices',
      '/purchasing/buyers',
    ])
      expect(paths).toContain(menu);
  });
});
