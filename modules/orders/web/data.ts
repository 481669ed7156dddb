import {
  Dec,
  isDecimalString,
  MONEY_SCALE,
  QUANTITY_SCALE,
  SO_UNIT_PRICE_SCALE,
  type PartnerView,
  type ReturnLineInput,
  type SalesOrderInput,
  type SalesOrderStatus,
  type SalesOrderView,
  type ShipmentLineInput,
  type WorkOrderRequestStatus,
} from '@mes/shared';
import {
  emptyOrderLine,
  orderLineToForm,
  sumAmounts,
  type OrderLineForm,
  type StatusOption,
} from '@mes/web-core/pages';

export { MODULE_KEY } from './module-key';
export const WRITE_PERMISSION = 'orders:write';
export const SHIP_PERMISSION = 'orders:ship';

export { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '@mes/web-core/pages';

export const LIMITS = {
  customerPo: 64,
  consigneeName: 64,
  consigneePhone: 32,
  consigneeAddress: 200,
  note: 500,
  lineNote: 200,
  reason: 200,
  lines: 500,
} as const;

/** Order statuses in lifecycle order, with the label and tag colour of each. */
export const STATUS_OPTIONS: StatusOption<SalesOrderStatus>[] = [
  { value: 'draft', labelKey: 'orders.status.draft', tagType: 'info' },
  { value: 'confirmed', labelKey: 'orders.status.confirmed', tagType: 'primary' },
  { value: 'in_production', labelKey: 'orders.status.in_production', tagType: 'warning' },
  { value: 'partially_shipped', labelKey: 'orders.status.partially_shipped', tagType: 'warning' },
  { value: 'shipped', labelKey: 'orders.status.shipped', tagType: 'success' },
  { value: 'closed', labelKey: 'orders.status.closed', tagType: 'info' },
  { value: 'cancelled', labelKey: 'orders.status.cancelled', tagType: 'danger' },
];

export const REQUEST_STATUS_OPTIONS: StatusOption<WorkOrderRequestStatus>[] = [
  { value: 'open', labelKey: 'orders.requestStatus.open', tagType: 'warning' },
  { value: 'accepted', labelKey: 'orders.requestStatus.accepted', tagType: 'success' },
  { value: 'cancelled', labelKey: 'orders.requestStatus.cancelled', tagType: 'info' },
];

/** What an order in this status allows (the API refuses the rest with 409 INVALID_STATUS). */
export function allowedActions(status: SalesOrderStatus) {
  return {
    edit: status === 'draft',
    confirm: status === 'draft',
    reserve: status === 'confirmed' || status === 'in_production' || status === 'partially_shipped',
    convert: status === 'confirmed' || status === 'in_production' || status === 'partially_shipped',
    ship: status === 'confirmed' || status === 'in_production' || status === 'partially_shipped',
    returnGoods: status === 'partially_shipped' || status === 'shipped' || status === 'closed',
    close:
      status === 'confirmed' ||
      status === 'in_production' ||
      status === 'partially_shipped' ||
      status === 'shipped',
    cancel: status === 'draft' || status === 'confirmed' || status === 'in_production',
  };
}

// ---------------------------------------------------------------- order form

export type OrderFormLine = OrderLineForm;
export const emptyLine = emptyOrderLine;

export interface OrderForm {
  customerCode: string;
  customerName: string;
  customerPo: string;
  consigneeName: string;
  consigneePhone: string;
  consigneeAddress: string;
  orderDate: string;
  warehouseCode: string;
  note: string;
  lines: OrderFormLine[];
}

export function emptyOrderForm(): OrderForm {
  return {
    customerCode: '',
    customerName: '',
    customerPo: '',
    consigneeName: '',
    consigneePhone: '',
    consigneeAddress: '',
    orderDate: '',
    warehouseCode: '',
    note: '',
    lines: [emptyLine()],
  };
}

export function orderToForm(o: SalesOrderView): OrderForm {
  return {
    customerCode: o.customerCode,
    customerName: o.customerName,
    customerPo: o.customerPo,
    consigneeName: o.consigneeName,
    consigneePhone: o.consigneePhone,
    consigneeAddress: o.consigneeAddress,
    orderDate: o.orderDate,
    warehouseCode: o.warehouseCode ?? '',
    note: o.note,
    lines: o.lines.map(orderLineToForm),
  };
}

/** The consignee a customer implies: its first contact and its address. */
export function consigneeOf(customer: Pick<PartnerView, 'address' | 'contacts'>): {
  consigneeName: string;
  consigneePhone: string;
  consigneeAddress: string;
} {
  const contact = customer.contacts[0];
  return {
    consigneeName: contact?.name ?? '',
    consigneePhone: contact?.phone ?? '',
    consigneeAddress: customer.address,
  };
}

export const isQty = (v: string) => isDecimalString(v.trim(), QUANTITY_SCALE) && new Dec(v.trim()).gt(0);
export const isPrice = (v: string) =>
  isDecimalString(v.trim(), SO_UNIT_PRICE_SCALE) && !new Dec(v.trim()).isNegative();

/** qty × unit price rounded to cents as the API stores it; '' while either is not a valid number. */
export function lineAmount(qty: string, unitPrice: string): string {
  if (!isQty(qty) || !isPrice(unitPrice)) return '';
  return new Dec(qty.trim()).times(unitPrice.trim()).toDecimalPlaces(MONEY_SCALE).toFixed(MONEY_SCALE);
}

/** Sum of the lines' amounts (lines not yet valid count as 0). */
export function orderTotal(lines: Pick<OrderFormLine, 'qty' | 'unitPrice'>[]): string {
  return sumAmounts(lines, (l) => lineAmount(l.qty, l.unitPrice));
}

/** Rows left entirely blank are dropped; the rest go out trimmed. Optional fields only when filled. */
export function formToInput(form: OrderForm): SalesOrderInput {
  const opt = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
  return {
    customerCode: form.customerCode.trim(),
    ...opt('customerPo', form.customerPo),
    ...opt('consigneeName', form.consigneeName),
    ...opt('consigneePhone', form.consigneePhone),
    ...opt('consigneeAddress', form.consigneeAddress),
    ...opt('orderDate', form.orderDate),
    ...opt('warehouseCode', form.warehouseCode),
    ...opt('note', form.note),
    lines: form.lines
      .filter((l) => l.itemCode.trim() || l.qty.trim() || l.unitPrice.trim())
      .map((l) => ({
        itemCode: l.itemCode.trim(),
        qty: l.qty.trim(),
        unitPrice: l.unitPrice.trim(),
        ...(l.dueDate ? { dueDate: l.dueDate } : {}),
        ...(l.note.trim() ? { note: l.note.trim() } : {}),
      })),
  };
}

/** Client-side checks of the lines, keyed like the API's field paths (`lines[1].qty`). */
export function lineErrors(form: OrderForm): Record<string, 'required' | 'qty' | 'price'> {
  const out: Record<string, 'required' | 'qty' | 'price'> = {};
  const input = formToInput(form);
  if (!input.lines.length) out['lines'] = 'required';
  input.lines.forEach((l, i) => {
    if (!l.itemCode) out[`lines[${i}].itemCode`] = 'required';
    if (!isQty(l.qty)) out[`lines[${i}].qty`] = 'qty';
    if (!isPrice(l.unitPrice)) out[`lines[${i}].unitPrice`] = 'price';
  });
  return out;
}

// ---------------------------------------------------------------- ship and return dialogs

/** A row of the ship or return dialog: an order line with what is still open and what to take. */
export interface DraftLine {
  lineNo: number;
  itemCode: string;
  itemName: string;
  unit: string;
  /** What may still ship (ship dialog) or come back (return dialog). */
  open: string;
  qty: string;
  lot: string;
}

export interface ShipDraftLine extends DraftLine {
  reserved: string;
}

/** One row per line with something left to ship, proposing all of it. */
export function shipDraft(order: SalesOrderView): ShipDraftLine[] {
  return order.lines
    .filter((l) => new Dec(l.toShip).gt(0))
    .map((l) => ({
      lineNo: l.lineNo,
      itemCode: l.itemCode,
      itemName: l.itemName,
      unit: l.unit,
      open: l.toShip,
      reserved: l.reserved,
      qty: l.toShip,
      lot: '',
    }));
}

/** Lines with a quantity > 0 (blank or zero rows are skipped). */
function draftLinesToInput(lines: DraftLine[]): { lineNo: number; qty: string; lot?: string }[] {
  return lines
    .filter((l) => l.qty.trim() && isDecimalString(l.qty.trim()) && new Dec(l.qty.trim()).gt(0))
    .map((l) => ({ lineNo: l.lineNo, qty: l.qty.trim(), ...(l.lot.trim() ? { lot: l.lot.trim() } : {}) }));
}

export const shipLinesToInput: (lines: ShipDraftLine[]) => ShipmentLineInput[] = draftLinesToInput;

/** A quantity beyond `open` (what the API would refuse with OVER_SHIPMENT / OVER_RETURN). */
export const exceeds = (qty: string, open: string) =>
  isDecimalString(qty.trim()) && new Dec(qty.trim()).gt(open);

/** `open`: shipped and not yet returned. */
export type ReturnDraftLine = DraftLine;

export function returnDraft(order: SalesOrderView): ReturnDraftLine[] {
  return order.lines
    .map((l) => ({ l, open: new Dec(l.shipped).minus(l.returned) }))
    .filter(({ open }) => open.gt(0))
    .map(({ l, open }) => ({
      lineNo: l.lineNo,
      itemCode: l.itemCode,
      itemName: l.itemName,
      unit: l.unit,
      open: open.toFixed(),
      qty: '',
      lot: '',
    }));
}

export const returnLinesToInput: (lines: ReturnDraftLine[]) => ReturnLineInput[] = draftLinesToInput;

// ---------------------------------------------------------------- progress

/** The progress bar value (0–100) of an API percentage string; a display value, not a quantity. */
export function progressValue(percent: string): number {
  const n = Number.parseFloat(percent);
  if (!Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, n));
}

/** Bar colour: green once all has shipped, the primary colour on the way. */
export function progressColor(percent: string): string {
  return progressValue(percent) >= 100 ? 'var(--el-color-success)' : 'var(--el-color-primary)';
}
