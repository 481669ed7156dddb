import { describe, expect, it } from 'vitest';
import { emptyOrderLine, orderLineToForm, sumAmounts } from './order-lines';

describe('order form lines', () => {
  it('start blank, each with a key of its own', () => {
    const a = emptyOrderLine();
    const b = emptyOrderLine();
    expect(a).toMatchObject({ itemCode: '', qty: '', unitPrice: '', dueDate: '', note: '' });
    expect(b.key).not.toBe(a.key);
  });

  it('take a saved line, a missing due date as blank', () => {
    const saved = {
      itemCode: 'DRILL',
      itemName: '充电钻',
      unit: '台',
      qty: '2',
      unitPrice: '10.5',
      note: 'n',
    };
    expect(orderLineToForm({ ...saved, dueDate: null })).toMatchObject({ ...saved, dueDate: '' });
    expect(orderLineToForm({ ...saved, dueDate: '2026-12-01' }).dueDate).toBe('2026-12-01');
  });

  it('sum the amounts to the cent, lines without one counting 0', () => {
    expect(sumAmounts(['12.50', '', '0.25'], (a) => a)).toBe('12.75');
    expect(sumAmounts([], (a: string) => a)).toBe('0.00');
  });
});
