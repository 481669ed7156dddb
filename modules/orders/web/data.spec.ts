import { describe, expect, it } from 'vitest';
import type { SalesOrderLineView, SalesOrderView } from '@mes/shared';
import {
  allowedActions,
  consigneeOf,
  emptyLine,
  emptyOrderForm,
  exceeds,
  formToInput,
  lineAmount,
  lineErrors,
  orderToForm,
  orderTotal,
  progressColor,
  progressValue,
  returnDraft,
  returnLinesToInput,
  shipDraft,
  shipLinesToInput,
} from './data';

function line(over: Partial<SalesOrderLineView>): SalesOrderLineView {
  return {
    id: 'l',
    lineNo: 1,
    itemCode: 'DRILL',
    itemName: '充电钻',
    unit: '台',
    makeOrBuy: 'make',
    qty: '10',
    unitPrice: '299.5',
    amount: '2995.00',
    dueDate: '2026-12-20',
    note: '',
    reserved: '0',
    inProduction: '0',
    shipped: '0',
    returned: '0',
    toShip: '10',
    ...over,
  };
}

function order(lines: SalesOrderLineView[]): SalesOrderView {
  return {
    id: 'o1',
    no: 'SO20261121-0001',
    customerCode: 'C-001',
    customerName: '华东五金',
    customerPo: 'PO-1',
    status: 'partially_shipped',
    orderDate: '2026-11-21',
    dueDate: '2026-12-20',
    total: '2995.00',
    lineCount: lines.length,
    createdAt: '2026-11-21T00:00:00.000Z',
    consigneeName: '王经理',
    consigneePhone: '13800000001',
    consigneeAddress: '上海',
    warehouseCode: 'FG',
    note: '',
    confirmedAt: null,
    closedAt: null,
    updatedAt: '2026-11-21T00:00:00.000Z',
    lines,
  };
}

describe('order form', () => {
  it('computes line amounts and the total exactly, rounded half up to cents', () => {
    expect(lineAmount('15', '12.3456')).toBe('185.18');
    expect(lineAmount('0.1', '0.2')).toBe('0.02');
    expect(lineAmount('3', '0.125')).toBe('0.38');
    expect(lineAmount('-1', '2')).toBe('');
    expect(lineAmount('1', '1.12345')).toBe('');
    expect(
      orderTotal([
        { qty: '10', unitPrice: '299.5' },
        { qty: '15', unitPrice: '12.3456' },
        { qty: 'x', unitPrice: '1' },
      ]),
    ).toBe('3180.18');
  });

  it('sends trimmed values, leaves out empty optional fields and blank rows', () => {
    const form = emptyOrderForm();
    form.customerCode = ' C-001 ';
    form.consigneeName = '王经理';
    form.lines = [
      { ...emptyLine(), itemCode: 'DRILL', qty: ' 2 ', unitPrice: '10', dueDate: '2026-12-01' },
      emptyLine(),
    ];
    expect(formToInput(form)).toEqual({
      customerCode: 'C-001',
      consigneeName: '王经理',
      lines: [{ itemCode: 'DRILL', qty: '2', unitPrice: '10', dueDate: '2026-12-01' }],
    });
  });

  it('names bad lines with the API field paths', () => {
    const form = emptyOrderForm();
    form.customerCode = 'C-001';
    expect(lineErrors(form)).toEqual({ lines: 'required' });
    form.lines = [
      { ...emptyLine(), itemCode: 'A', qty: '1', unitPrice: '1' },
      { ...emptyLine(), itemCode: '', qty: '0', unitPrice: '-1' },
    ];
    expect(lineErrors(form)).toEqual({
      'lines[1].itemCode': 'required',
      'lines[1].qty': 'qty',
      'lines[1].unitPrice': 'price',
    });
  });

  it('takes the consignee from the customer and round-trips an order into the form', () => {
    expect(consigneeOf({ address: '上海', contacts: [{ name: '王经理', phone: '138' }] })).toEqual({
      consigneeName: '王经理',
      consigneePhone: '138',
      consigneeAddress: '上海',
    });
    expect(consigneeOf({ address: '', contacts: [] }).consigneeName).toBe('');
    const form = orderToForm(order([line({})]));
    expect(formToInput(form)).toEqual({
      customerCode: 'C-001',
      customerPo: 'PO-1',
      consigneeName: '王经理',
      consigneePhone: '13800000001',
      consigneeAddress: '上海',
      orderDate: '2026-11-21',
      warehouseCode: 'FG',
      lines: [{ itemCode: 'DRILL', qty: '10', unitPrice: '299.5', dueDate: '2026-12-20' }],
    });
  });
});

describe('order actions and dialogs', () => {
  it('allows each action only in the statuses the API accepts', () => {
    expect(allowedActions('draft')).toMatchObject({ edit: true, confirm: true, ship: false, cancel: true });
    expect(allowedActions('confirmed')).toMatchObject({
      edit: false,
      reserve: true,
      convert: true,
      ship: true,
      close: true,
    });
    expect(allowedActions('shipped')).toMatchObject({
      ship: false,
      returnGoods: true,
      close: true,
      cancel: false,
    });
    expect(allowedActions('closed')).toMatchObject({ close: false, returnGoods: true, convert: false });
    expect(Object.values(allowedActions('cancelled')).some(Boolean)).toBe(false);
  });

  it('proposes what is left to ship and sends only lines with a quantity', () => {
    const o = order([
      line({ lineNo: 1, toShip: '6', shipped: '4', reserved: '2' }),
      line({ lineNo: 2, itemCode: 'BATT', toShip: '0', shipped: '15' }),
    ]);
    const draft = shipDraft(o);
    expect(draft.map((l) => [l.lineNo, l.open, l.qty, l.reserved])).toEqual([[1, '6', '6', '2']]);
    expect(exceeds('6.000001', '6')).toBe(true);
    expect(exceeds('6', '6')).toBe(false);
    draft[0]!.lot = ' L1 ';
    expect(shipLinesToInput(draft)).toEqual([{ lineNo: 1, qty: '6', lot: 'L1' }]);
    draft[0]!.qty = '0';
    expect(shipLinesToInput(draft)).toEqual([]);
  });

  it('offers returns up to shipped − returned', () => {
    const o = order([line({ lineNo: 1, shipped: '10', returned: '2' }), line({ lineNo: 2, shipped: '0' })]);
    const draft = returnDraft(o);
    expect(draft.map((l) => [l.lineNo, l.open, l.qty])).toEqual([[1, '8', '']]);
    expect(returnLinesToInput(draft)).toEqual([]);
    draft[0]!.qty = '1.5';
    expect(returnLinesToInput(draft)).toEqual([{ lineNo: 1, qty: '1.5' }]);
  });

  it('reads the shipped percentage for the progress bar', () => {
    expect(progressValue('62.5')).toBe(62.5);
    expect(progressValue('100')).toBe(100);
    expect(progressValue('abc')).toBe(0);
    expect(progressColor('100')).toBe('var(--el-color-success)');
    expect(progressColor('40')).toBe('var(--el-color-primary)');
  });
});
