import { Dec, MONEY_SCALE } from '@mes/shared';

/** A line of an order form (sales or purchase order): the item, quantity, unit price, due date, note. */
export interface OrderLineForm {
  /** Stable key of the table row while lines are added and removed (not sent). */
  key: number;
  itemCode: string;
  itemName: string;
  unit: string;
  qty: string;
  unitPrice: string;
  dueDate: string;
  note: string;
}

let lineKey = 0;

export function emptyOrderLine(): OrderLineForm {
  lineKey += 1;
  return {
    key: lineKey,
    itemCode: '',
    itemName: '',
    unit: '',
    qty: '',
    unitPrice: '',
    dueDate: '',
    note: '',
  };
}

/** The form line of a saved order line. */
export function orderLineToForm(line: Omit<OrderLineForm, 'key' | 'dueDate'> & { dueDate: string | null }) {
  return {
    ...emptyOrderLine(),
    itemCode: line.itemCode,
    itemName: line.itemName,
    unit: line.unit,
    qty: line.qty,
    unitPrice: line.unitPrice,
    dueDate: line.dueDate ?? '',
    note: line.note,
  };
}

/** The sum of the lines' amounts to the cent; a line without an amount yet ('') counts 0. */
export function sumAmounts<L>(lines: readonly L[], amountOf: (line: L) => string): string {
  return lines.reduce((sum, l) => sum.plus(amountOf(l) || '0'), new Dec(0)).toFixed(MONEY_SCALE);
}
