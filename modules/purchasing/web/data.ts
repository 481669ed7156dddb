import {
  Dec,
  isDecimalString,
  type BuyerInput,
  type BuyerView,
  type PurchaseOrderInput,
  type PurchaseOrderLineView,
  type PurchaseOrderStatus,
  type PurchaseOrderView,
  type ReceiptInput,
  type RequisitionSource,
  type RequisitionStatus,
  type SupplierPriceInput,
  type SupplierPriceView,
} from '@mes/shared';
import {
  emptyOrderLine,
  orderLineToForm,
  sumAmounts,
  type OrderLineForm,
  type StatusOption,
} from '@mes/web-core/pages';

export { MODULE_KEY } from './module-key';

/** An option of a code picker: the code (the value), its name, and what else the caller needs. */
export interface CodeOption {
  code: string;
  name: string;
  unit?: string;
}

export { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '@mes/web-core/pages';

/** Permissions of the module (manifest): the pages hide what the user may not do. */
export const PurchasingPermission = {
  READ: 'purchasing:read',
  WRITE: 'purchasing:write',
  APPROVE: 'purchasing:approve',
  RECEIVE: 'purchasing:receive',
} as const;

export const ORDER_STATUS_OPTIONS: StatusOption<PurchaseOrderStatus>[] = [
  { value: 'draft', labelKey: 'purchasing.status.draft', tagType: 'info' },
  { value: 'approved', labelKey: 'purchasing.status.approved', tagType: 'primary' },
  { value: 'partially_received', labelKey: 'purchasing.status.partially_received', tagType: 'warning' },
  { value: 'received', labelKey: 'purchasing.status.received', tagType: 'success' },
  { value: 'closed', labelKey: 'purchasing.status.closed', tagType: 'info' },
  { value: 'cancelled', labelKey: 'purchasing.status.cancelled', tagType: 'danger' },
];

export const REQUISITION_STATUS_OPTIONS: StatusOption<RequisitionStatus>[] = [
  { value: 'open', labelKey: 'purchasing.requisitionStatus.open', tagType: 'warning' },
  { value: 'ordered', labelKey: 'purchasing.requisitionStatus.ordered', tagType: 'success' },
  { value: 'cancelled', labelKey: 'purchasing.requisitionStatus.cancelled', tagType: 'info' },
];

export const REQUISITION_SOURCE_OPTIONS: { value: RequisitionSource; labelKey: string }[] = [
  { value: 'manual', labelKey: 'purchasing.source.manual' },
  { value: 'mrp', labelKey: 'purchasing.source.mrp' },
];

/** What may be done with an order in a status (the API refuses the rest with 409 INVALID_STATUS). */
export function orderActions(status: PurchaseOrderStatus) {
  return {
    edit: status === 'draft',
    approve: status === 'draft',
    cancel: status === 'draft' || status === 'approved',
    close: status === 'approved' || status === 'partially_received' || status === 'received',
    receive: status === 'approved' || status === 'partially_received' || status === 'received',
    returnGoods: status === 'partially_received' || status === 'received' || status === 'closed',
  };
}

export const QTY_SCALE = 6;
export const PRICE_SCALE = 4;

/** A decimal string ≥ 0 (or > 0) with at most `scale` places, as the API takes it. */
export function isDecimalInput(value: string, scale: number, positive = false): boolean {
  const v = value.trim();
  if (!isDecimalString(v, scale)) return false;
  const d = new Dec(v);
  return positive ? d.gt(0) : d.gte(0);
}

/** qty × unit price rounded to the cent, '' while either is not a number yet. */
export function lineAmount(qty: string, unitPrice: string): string {
  if (!isDecimalString(qty.trim()) || !isDecimalString(unitPrice.trim(), PRICE_SCALE)) return '';
  return new Dec(qty.trim()).times(unitPrice.trim()).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

/** The sum of the lines' amounts (lines without an amount count 0). */
export function orderTotal(lines: { qty: string; unitPrice: string }[]): string {
  return sumAmounts(lines, (l) => lineAmount(l.qty, l.unitPrice));
}

// ---------------------------------------------------------------- order form

/** A line of the order form; a blank unit price → the API takes the supplier's effective price. */
export type { OrderLineForm };
export { emptyOrderLine };

export interface OrderForm {
  supplierCode: string;
  buyerCode: string;
  orderDate: string;
  expectedDate: string;
  warehouseCode: string;
  tolerancePercent: string;
  currency: string;
  note: string;
  lines: OrderLineForm[];
}

export function emptyOrderForm(): OrderForm {
  return {
    supplierCode: '',
    buyerCode: '',
    orderDate: '',
    expectedDate: '',
    warehouseCode: '',
    tolerancePercent: '0',
    currency: 'CNY',
    note: '',
    lines: [emptyOrderLine()],
  };
}

export function orderToForm(o: PurchaseOrderView): OrderForm {
  return {
    supplierCode: o.supplierCode,
    buyerCode: o.buyerCode ?? '',
    orderDate: o.orderDate,
    expectedDate: o.expectedDate ?? '',
    warehouseCode: o.warehouseCode ?? '',
    tolerancePercent: o.tolerancePercent,
    currency: o.currency,
    note: o.note,
    lines: o.lines.map(orderLineToForm),
  };
}

/** The request body: trimmed; blank optional fields left out (a blank price → the price list's). */
export function orderFormToInput(f: OrderForm): PurchaseOrderInput {
  const opt = (v: string) => v.trim() || undefined;
  const input: PurchaseOrderInput = {
    supplierCode: f.supplierCode.trim(),
    buyerCode: opt(f.buyerCode) ?? null,
    expectedDate: opt(f.expectedDate) ?? null,
    warehouseCode: opt(f.warehouseCode) ?? null,
    tolerancePercent: opt(f.tolerancePercent) ?? '0',
    currency: opt(f.currency) ?? 'CNY',
    note: f.note.trim(),
    lines: f.lines.map((l) => ({
      itemCode: l.itemCode.trim(),
      qty: l.qty.trim(),
      ...(opt(l.unitPrice) ? { unitPrice: l.unitPrice.trim() } : {}),
      dueDate: opt(l.dueDate) ?? null,
      note: l.note.trim(),
    })),
  };
  const orderDate = opt(f.orderDate);
  if (orderDate) input.orderDate = orderDate;
  return input;
}

/** Checks before sending: field path (as the API names it) → i18n key of the message. */
export function orderFormErrors(f: OrderForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!f.supplierCode.trim()) errors['supplierCode'] = 'purchasing.rules.supplierRequired';
  if (!isDecimalInput(f.tolerancePercent || '0', 2) || new Dec(f.tolerancePercent.trim() || '0').gt(100))
    errors['tolerancePercent'] = 'purchasing.rules.tolerance';
  if (f.expectedDate && f.orderDate && f.expectedDate < f.orderDate)
    errors['expectedDate'] = 'purchasing.rules.expectedBeforeOrder';
  if (!f.lines.length) errors['lines'] = 'purchasing.rules.linesRequired';
  f.lines.forEach((l, i) => {
    if (!l.itemCode.trim()) errors[`lines[${i}].itemCode`] = 'purchasing.rules.itemRequired';
    if (!isDecimalInput(l.qty, QTY_SCALE, true)) errors[`lines[${i}].qty`] = 'purchasing.rules.qty';
    if (l.unitPrice.trim() && !isDecimalInput(l.unitPrice, PRICE_SCALE))
      errors[`lines[${i}].unitPrice`] = 'purchasing.rules.price';
  });
  return errors;
}

// ---------------------------------------------------------------- receipts and returns

export type ReceiptKind = 'receipt' | 'return';

export interface ReceiptLineForm {
  lineNo: number;
  itemCode: string;
  itemName: string;
  unit: string;
  /** What the line may still take: outstanding (receipt) or received − returned (return). */
  maxQty: string;
  qty: string;
  lot: string;
  locationCode: string;
  inspectionRequired: boolean;
  lotTracked: boolean;
}

export interface ReceiptForm {
  warehouseCode: string;
  note: string;
  lines: ReceiptLineForm[];
}

const returnable = (l: PurchaseOrderLineView) => new Dec(l.receivedQty).minus(l.returnedQty);

/**
 * The receipt (or return) dialog's lines: a receipt proposes each line's outstanding quantity, a
 * return starts empty; lines with nothing left to take are left out.
 */
export function receiptFormFromOrder(order: PurchaseOrderView, kind: ReceiptKind): ReceiptForm {
  const lines = order.lines
    .map((l) => {
      const max = kind === 'receipt' ? new Dec(l.outstandingQty) : returnable(l);
      return {
        lineNo: l.lineNo,
        itemCode: l.itemCode,
        itemName: l.itemName,
        unit: l.unit,
        maxQty: max.toFixed(),
        qty: kind === 'receipt' && max.gt(0) ? max.toFixed() : '',
        lot: '',
        locationCode: '',
        inspectionRequired: l.inspectionRequired,
        lotTracked: l.lotTracked,
      };
    })
    .filter((l) => kind === 'receipt' || new Dec(l.maxQty).gt(0));
  return { warehouseCode: order.warehouseCode ?? '', note: '', lines };
}

/** The request body: only lines with a quantity; blank lot / location left out. */
export function receiptFormToInput(f: ReceiptForm): ReceiptInput {
  const input: ReceiptInput = {
    lines: f.lines
      .filter((l) => l.qty.trim() !== '')
      .map((l) => ({
        lineNo: l.lineNo,
        qty: l.qty.trim(),
        ...(l.lot.trim() ? { lot: l.lot.trim() } : {}),
        ...(l.locationCode.trim() ? { locationCode: l.locationCode.trim() } : {}),
      })),
  };
  if (f.warehouseCode.trim()) input.warehouseCode = f.warehouseCode.trim();
  if (f.note.trim()) input.note = f.note.trim();
  return input;
}

/** Checks before sending: `lines[i].qty` (index in the dialog) → i18n key; `lines` when none. */
export function receiptFormErrors(f: ReceiptForm): Record<string, string> {
  const errors: Record<string, string> = {};
  f.lines.forEach((l, i) => {
    if (l.qty.trim() && !isDecimalInput(l.qty, QTY_SCALE, true))
      errors[`lines[${i}].qty`] = 'purchasing.rules.qty';
  });
  if (!f.lines.some((l) => l.qty.trim())) errors['lines'] = 'purchasing.rules.receiptEmpty';
  return errors;
}

/**
 * API error paths of a receipt (`lines[k]…`, k = index among the lines sent) back to the dialog's
 * line indexes (lines without a quantity are not sent).
 */
export function receiptFieldToFormIndex(f: ReceiptForm, path: string): string {
  const m = /^lines\[(\d+)\](.*)$/.exec(path);
  if (!m) return path;
  const sent = f.lines.map((l, i) => ({ l, i })).filter(({ l }) => l.qty.trim() !== '');
  const target = sent[Number(m[1])];
  return target ? `lines[${target.i}]${m[2] ?? ''}` : path;
}

// ---------------------------------------------------------------- supplier prices

export interface PriceForm {
  supplierCode: string;
  itemCode: string;
  unitPrice: string;
  currency: string;
  minQty: string;
  validFrom: string;
  validTo: string;
  note: string;
}

export const emptyPriceForm = (): PriceForm => ({
  supplierCode: '',
  itemCode: '',
  unitPrice: '',
  currency: 'CNY',
  minQty: '0',
  validFrom: '',
  validTo: '',
  note: '',
});

export const priceToForm = (p: SupplierPriceView): PriceForm => ({
  supplierCode: p.supplierCode,
  itemCode: p.itemCode,
  unitPrice: p.unitPrice,
  currency: p.currency,
  minQty: p.minQty,
  validFrom: p.validFrom,
  validTo: p.validTo ?? '',
  note: p.note,
});

export const priceFormToInput = (f: PriceForm): SupplierPriceInput => ({
  supplierCode: f.supplierCode.trim(),
  itemCode: f.itemCode.trim(),
  unitPrice: f.unitPrice.trim(),
  currency: f.currency.trim() || 'CNY',
  minQty: f.minQty.trim() || '0',
  validFrom: f.validFrom,
  validTo: f.validTo || null,
  note: f.note.trim(),
});

/** Checks before sending: field → i18n key. */
export function priceFormErrors(f: PriceForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!f.supplierCode.trim()) errors['supplierCode'] = 'purchasing.rules.supplierRequired';
  if (!f.itemCode.trim()) errors['itemCode'] = 'purchasing.rules.itemRequired';
  if (!isDecimalInput(f.unitPrice, PRICE_SCALE)) errors['unitPrice'] = 'purchasing.rules.price';
  if (f.minQty.trim() && !isDecimalInput(f.minQty, QTY_SCALE)) errors['minQty'] = 'purchasing.rules.qty';
  if (!f.validFrom) errors['validFrom'] = 'purchasing.rules.validFromRequired';
  if (f.validTo && f.validFrom && f.validTo < f.validFrom)
    errors['validTo'] = 'purchasing.rules.validToBeforeFrom';
  return errors;
}

// ---------------------------------------------------------------- buyers

export interface BuyerForm {
  code: string;
  name: string;
  phone: string;
  email: string;
  active: boolean;
}

export const emptyBuyerForm = (): BuyerForm => ({ code: '', name: '', phone: '', email: '', active: true });

export const buyerToForm = (b: BuyerView): BuyerForm => ({
  code: b.code,
  name: b.name,
  phone: b.phone,
  email: b.email,
  active: b.active,
});

export const buyerFormToInput = (f: BuyerForm): BuyerInput => ({
  code: f.code.trim(),
  name: f.name.trim(),
  phone: f.phone.trim(),
  email: f.email.trim(),
  active: f.active,
});
