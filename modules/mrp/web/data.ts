import type { StatusOption } from '@mes/web-core/pages';
import type {
  MrpExceptionTypeName,
  MrpExceptionView,
  MrpFirmResult,
  MrpOrderKind,
  MrpPegView,
  MrpPlannedOrderStatus,
  MrpPlannedOrderView,
  MrpRunStatus,
  MrpRunView,
} from '@mes/shared';
export { MODULE_KEY } from './module-key';

export const MrpPermission = {
  READ: 'mrp:read',
  RUN: 'mrp:run',
  FIRM: 'mrp:firm',
} as const;

export const RUN_STATUS_OPTIONS: readonly StatusOption<MrpRunStatus>[] = [
  { value: 'queued', labelKey: 'mrp.runStatus.queued', tagType: 'info' },
  { value: 'running', labelKey: 'mrp.runStatus.running', tagType: 'primary' },
  { value: 'succeeded', labelKey: 'mrp.runStatus.succeeded', tagType: 'success' },
  { value: 'failed', labelKey: 'mrp.runStatus.failed', tagType: 'danger' },
];

export const KIND_OPTIONS: readonly StatusOption<MrpOrderKind>[] = [
  { value: 'make', labelKey: 'mrp.kind.make', tagType: 'warning' },
  { value: 'buy', labelKey: 'mrp.kind.buy', tagType: 'primary' },
];

export const ORDER_STATUS_OPTIONS: readonly StatusOption<MrpPlannedOrderStatus>[] = [
  { value: 'planned', labelKey: 'mrp.orderStatus.planned', tagType: 'info' },
  { value: 'firmed', labelKey: 'mrp.orderStatus.firmed', tagType: 'success' },
];

export const EXCEPTION_TYPE_OPTIONS: readonly StatusOption<MrpExceptionTypeName>[] = [
  { value: 'PAST_DUE_RELEASE', labelKey: 'mrp.exceptionType.PAST_DUE_RELEASE', tagType: 'danger' },
  { value: 'EXPEDITE', labelKey: 'mrp.exceptionType.EXPEDITE', tagType: 'warning' },
  { value: 'CANCEL', labelKey: 'mrp.exceptionType.CANCEL', tagType: 'info' },
  { value: 'DEFER', labelKey: 'mrp.exceptionType.DEFER', tagType: 'primary' },
];

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A planned order still to release whose release day is already behind the plan's start (today). */
export function isPastDueRelease(
  order: Pick<MrpPlannedOrderView, 'release' | 'status'>,
  day: string,
): boolean {
  return order.status === 'planned' && order.release < day;
}

/** Milliseconds between start and finish of a run; null while it has not finished. */
export function runDurationMs(
  run: Pick<MrpRunView, 'startedAt' | 'finishedAt' | 'createdAt'>,
): number | null {
  if (!run.finishedAt) return null;
  const from = Date.parse(run.startedAt ?? run.createdAt);
  const to = Date.parse(run.finishedAt);
  return Number.isNaN(from) || Number.isNaN(to) ? null : Math.max(0, to - from);
}

/** "850 ms" / "4.3 s" / "2 min 5 s". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The phases of a run in the order they happen (the API's keys), then any other it reports. */
export const PHASES = ['build', 'engine', 'lock', 'store'] as const;

/** A phase of a run with its time, and the steps the API timed inside it (`store.pegs` → store / pegs). */
export interface PhaseTiming {
  phase: string;
  ms: number;
  steps: { step: string; ms: number }[];
}

export function phaseTimings(timings: Record<string, number> | null): PhaseTiming[] {
  if (!timings) return [];
  const phases = new Map<string, PhaseTiming>();
  const phaseOf = (name: string) => {
    let p = phases.get(name);
    if (!p) phases.set(name, (p = { phase: name, ms: 0, steps: [] }));
    return p;
  };
  for (const [key, ms] of Object.entries(timings)) {
    const dot = key.indexOf('.');
    if (dot < 0) phaseOf(key).ms = ms;
    else phaseOf(key.slice(0, dot)).steps.push({ step: key.slice(dot + 1), ms });
  }
  const rank = (p: string) => {
    const i = (PHASES as readonly string[]).indexOf(p);
    return i < 0 ? PHASES.length : i;
  };
  return [...phases.values()].sort((a, b) => rank(a.phase) - rank(b.phase));
}

/** Where a peg leads: the sales order (its page when the id is known), a forecast, or a work-order request. */
export interface PegRow {
  demandRef: string;
  qty: string;
  source: 'sales_order' | 'forecast' | 'work_order_request' | 'unknown';
  /** Sales order no / forecast ref / request no. */
  label: string;
  lineNo: number | null;
  customer: string;
  due: string;
  demandQty: string;
  itemCode: string;
  /** The page to open, when there is one. */
  link: string | null;
}

export function pegRows(pegs: readonly MrpPegView[]): PegRow[] {
  return pegs.map((p) => {
    const d = p.demand;
    const base = {
      demandRef: p.demandRef,
      qty: p.qty,
      lineNo: null,
      customer: '',
      due: '',
      demandQty: '',
      itemCode: '',
    };
    if (!d) return { ...base, source: 'unknown', label: p.demandRef, link: null };
    const common = { ...base, due: d.due, demandQty: d.qty, itemCode: d.itemCode };
    if (d.source === 'sales_order')
      return {
        ...common,
        source: 'sales_order',
        label: d.orderNo ?? d.ref,
        lineNo: d.lineNo,
        customer: [d.customerCode, d.customerName].filter(Boolean).join(' '),
        link: d.orderId ? `/orders/sales-orders/${encodeURIComponent(d.orderId)}` : null,
      };
    if (d.source === 'forecast')
      return { ...common, source: 'forecast', label: d.ref, link: '/mrp/forecasts' };
    return {
      ...common,
      source: 'work_order_request',
      label: d.orderNo ?? d.ref,
      lineNo: d.lineNo,
      link: '/orders/work-order-requests',
    };
  });
}

/** What a firming created, for the message after 确认下达. */
export function firmSummary(result: MrpFirmResult): {
  purchaseOrders: string[];
  requisitions: number;
  workOrderRequests: string[];
} {
  return {
    purchaseOrders: [...new Set(result.purchaseOrders.map((p) => p.no))],
    requisitions: result.requisitions.length,
    workOrderRequests: result.workOrderRequests.map((w) => w.no),
  };
}

/** The purchase order number in a receipt ref (`PO20261121-0001/2`); null for other refs. */
export function purchaseOrderNoOf(ref: string | null): string | null {
  if (!ref || ref.startsWith('REQ:') || ref.includes('>')) return null;
  const m = /^(.+)\/\d+$/.exec(ref);
  return m?.[1] ?? null;
}

/** What the action button of an exception does. */
export type ExceptionAction =
  | { kind: 'plan'; itemCode: string }
  | { kind: 'purchase-order'; no: string; itemCode: string }
  | { kind: 'record'; itemCode: string };

export function exceptionAction(e: Pick<MrpExceptionView, 'type' | 'ref' | 'itemCode'>): ExceptionAction {
  if (e.type === 'PAST_DUE_RELEASE') return { kind: 'plan', itemCode: e.itemCode };
  const no = purchaseOrderNoOf(e.ref);
  if (no) return { kind: 'purchase-order', no, itemCode: e.itemCode };
  return { kind: 'record', itemCode: e.itemCode };
}

/** A positive decimal string with at most 6 decimals (numeric(18,6)), as the API takes it. */
export function isPositiveQty(value: string): boolean {
  const v = value.trim();
  return /^\d{1,12}(\.\d{1,6})?$/.test(v) && /[1-9]/.test(v);
}

/** Days from `from` to `to` (YYYY-MM-DD, calendar days; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The i18n key and values of an exception's text in the page language (the API's `message` is the
 * engine's English sentence): what the receipt or planned order is, its date, when it is needed.
 */
export function exceptionText(e: Pick<MrpExceptionView, 'type' | 'ref' | 'itemCode' | 'date' | 'neededOn'>): {
  key: string;
  values: Record<string, string | number>;
} {
  const values = {
    ref: e.ref ?? e.itemCode,
    item: e.itemCode,
    date: e.date ?? '',
    neededOn: e.neededOn ?? '',
    days: e.date && e.neededOn ? Math.abs(daysBetween(e.neededOn, e.date)) : 0,
  };
  return { key: `mrp.exceptionText.${e.type}`, values };
}
