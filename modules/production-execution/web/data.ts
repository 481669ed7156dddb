import {
  Dec,
  isDecimalString,
  type DispatchListEntry,
  type CreateOperatorInput,
  type IssueMode,
  type OperationStatus,
  type OperatorView,
  type ProductionOutputRow,
  type WorkOrderEventKind,
  type WorkOrderOperationView,
  type UpdateOperatorInput,
  type WorkOrderStatus,
  type WorkReportInput,
} from '@mes/shared';
import { ApiError } from '@mes/web-core';
import type { StatusOption } from '@mes/web-core/pages';

export { MODULE_KEY } from './module-key';

export const ProductionExecutionPermission = {
  READ: 'production-execution:read',
  WRITE: 'production-execution:write',
  REPORT: 'production-execution:report',
} as const;

/** Work order statuses in lifecycle order, with the label and tag colour of each. */
export const WORK_ORDER_STATUS_OPTIONS: StatusOption<WorkOrderStatus>[] = [
  { value: 'planned', labelKey: 'pe.status.planned', tagType: 'info' },
  { value: 'released', labelKey: 'pe.status.released', tagType: 'primary' },
  { value: 'in_progress', labelKey: 'pe.status.in_progress', tagType: 'warning' },
  { value: 'paused', labelKey: 'pe.status.paused', tagType: 'danger' },
  { value: 'completed', labelKey: 'pe.status.completed', tagType: 'success' },
  { value: 'closed', labelKey: 'pe.status.closed', tagType: 'info' },
  { value: 'cancelled', labelKey: 'pe.status.cancelled', tagType: 'info' },
];

export const OPERATION_STATUS_OPTIONS: StatusOption<OperationStatus>[] = [
  { value: 'pending', labelKey: 'pe.opStatus.pending', tagType: 'info' },
  { value: 'in_progress', labelKey: 'pe.opStatus.in_progress', tagType: 'warning' },
  { value: 'done', labelKey: 'pe.opStatus.done', tagType: 'success' },
];

export const ISSUE_MODE_OPTIONS: StatusOption<IssueMode>[] = [
  { value: 'backflush', labelKey: 'pe.issueMode.backflush', tagType: 'info' },
  { value: 'picking', labelKey: 'pe.issueMode.picking', tagType: 'primary' },
];

export const EVENT_KINDS: readonly WorkOrderEventKind[] = [
  'created',
  'updated',
  'released',
  'started',
  'paused',
  'resumed',
  'completed',
  'closed',
  'cancelled',
  'split',
];

export const LIMITS = { reason: 200, note: 500, code: 40, operators: 20 } as const;

// ---------------------------------------------------------------- actions

export type WorkOrderAction =
  'release' | 'start' | 'pause' | 'resume' | 'complete' | 'close' | 'cancel' | 'split' | 'report' | 'issue';

/** The actions a work order in `status` offers to a user who may write / report (the API refuses the rest). */
export function allowedActions(
  status: WorkOrderStatus,
  can: { write: boolean; report: boolean },
  issueMode: IssueMode = 'backflush',
): Set<WorkOrderAction> {
  const out = new Set<WorkOrderAction>();
  const open =
    status === 'planned' || status === 'released' || status === 'in_progress' || status === 'paused';
  if (can.write) {
    if (status === 'planned') out.add('release');
    if (status === 'in_progress') out.add('complete');
    if (status === 'completed') out.add('close');
    if (status === 'planned' || status === 'released') out.add('cancel');
    if (open) out.add('split');
    if (issueMode === 'picking' && (status === 'released' || status === 'in_progress' || status === 'paused'))
      out.add('issue');
  }
  if (can.report) {
    if (status === 'released') out.add('start');
    if (status === 'in_progress') out.add('pause');
    if (status === 'paused') out.add('resume');
    if (status === 'released' || status === 'in_progress') out.add('report');
  }
  return out;
}

// ---------------------------------------------------------------- progress

const dec = (v: string | null | undefined) => new Dec(v && isDecimalString(v) ? v : 0);

/** Percent (0–100, one decimal) of `part` in `whole`; 0 when there is no whole. */
export function percentOf(part: string | Dec, whole: string | Dec): number {
  const w = new Dec(whole);
  if (w.lte(0)) return 0;
  return Math.min(100, Math.max(0, Number(new Dec(part).div(w).times(100).toDecimalPlaces(1).toFixed())));
}

export interface OperationProgress {
  planned: string;
  good: string;
  scrap: string;
  remaining: string;
  /** Bar segments in percent of the planned quantity. */
  goodPct: number;
  scrapPct: number;
  /** (good + scrap) / planned. */
  donePct: number;
}

/** Good, scrap and what is left of one operation against its planned quantity. */
export function operationProgress(
  op: Pick<WorkOrderOperationView, 'qty' | 'goodQty' | 'scrapQty'>,
): OperationProgress {
  const planned = dec(op.qty);
  const good = dec(op.goodQty);
  const scrap = dec(op.scrapQty);
  const remaining = Dec.max(planned.minus(good).minus(scrap), 0);
  const goodPct = percentOf(good, planned);
  const scrapPct = Math.min(percentOf(scrap, planned), Math.max(0, 100 - goodPct));
  return {
    planned: planned.toFixed(),
    good: good.toFixed(),
    scrap: scrap.toFixed(),
    remaining: remaining.toFixed(),
    goodPct,
    scrapPct,
    donePct: percentOf(good.plus(scrap), planned),
  };
}

/** 订单进度 of a work order: the last operation's good quantity (received) against the order quantity. */
export function orderProgress(wo: { receivedQty: string; qty: string }): number {
  return percentOf(dec(wo.receivedQty), dec(wo.qty));
}

// ---------------------------------------------------------------- report form

export interface ReportForm {
  operationSeq: number | null;
  goodQty: string;
  scrapQty: string;
  reworkQty: string;
  reasonCode: string;
  operatorCodes: string[];
  equipmentCode: string;
}

export function emptyReportForm(operationSeq: number | null = null): ReportForm {
  return {
    operationSeq,
    goodQty: '',
    scrapQty: '',
    reworkQty: '',
    reasonCode: '',
    operatorCodes: [],
    equipmentCode: '',
  };
}

/** The first operation that is not done (what the next report most likely is for). */
export function nextOperationSeq(ops: Pick<WorkOrderOperationView, 'seq' | 'status'>[]): number | null {
  return ops.find((o) => o.status !== 'done')?.seq ?? ops[0]?.seq ?? null;
}

const QTY = /^\d{1,12}(\.\d{1,6})?$/;

/** Client checks of a report (i18n keys by field); empty when it may be sent. */
export function reportFormErrors(form: ReportForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.operationSeq === null) errors['operationSeq'] = 'pe.report.errors.operation';
  for (const f of ['goodQty', 'scrapQty', 'reworkQty'] as const) {
    const v = form[f].trim();
    if (v && !QTY.test(v)) errors[f] = 'pe.report.errors.qty';
  }
  if (!errors['goodQty'] && !errors['scrapQty']) {
    const total = dec(form.goodQty.trim()).plus(dec(form.scrapQty.trim()));
    if (total.lte(0)) errors['goodQty'] = 'pe.report.errors.nothing';
  }
  if (!errors['scrapQty'] && dec(form.scrapQty.trim()).gt(0) && !form.reasonCode.trim())
    errors['reasonCode'] = 'pe.report.errors.reason';
  return errors;
}

/** The report as the API takes it (blank optional fields left out). */
export function reportInput(form: ReportForm): WorkReportInput {
  const input: WorkReportInput = {
    operationSeq: form.operationSeq ?? 0,
    goodQty: form.goodQty.trim() || '0',
  };
  if (form.scrapQty.trim()) input.scrapQty = form.scrapQty.trim();
  if (form.reworkQty.trim()) input.reworkQty = form.reworkQty.trim();
  if (form.reasonCode.trim()) input.reasonCode = form.reasonCode.trim();
  const ops = form.operatorCodes.map((c) => c.trim()).filter(Boolean);
  if (ops.length) input.operatorCodes = [...new Set(ops)];
  if (form.equipmentCode.trim()) input.equipmentCode = form.equipmentCode.trim();
  return input;
}

// ---------------------------------------------------------------- output against plan

/** `YYYY-MM-DD` of an instant in an IANA time zone. */
export function localDay(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

export interface PlanRow {
  workCenterCode: string;
  itemCode: string;
  itemName: string;
  qty: string;
}

/** The planned quantity per item of one work center's dispatch list: operations ending on `day`. */
export function planOfDay(
  workCenterCode: string,
  entries: Pick<DispatchListEntry, 'itemCode' | 'itemName' | 'end' | 'qty'>[],
  day: string,
  timeZone: string,
): PlanRow[] {
  const byItem = new Map<string, PlanRow & { sum: Dec }>();
  for (const e of entries) {
    if (localDay(e.end, timeZone) !== day) continue;
    const row = byItem.get(e.itemCode) ?? {
      workCenterCode,
      itemCode: e.itemCode,
      itemName: e.itemName,
      qty: '0',
      sum: new Dec(0),
    };
    row.sum = row.sum.plus(dec(e.qty));
    byItem.set(e.itemCode, row);
  }
  return [...byItem.values()].map(({ sum, ...r }) => ({ ...r, qty: sum.toFixed() }));
}

export interface OutputLine {
  workCenterCode: string;
  workCenterName: string;
  itemCode: string;
  itemName: string;
  unit: string;
  goodQty: string;
  scrapQty: string;
  reportCount: number;
  /** Null without a plan (no scheduling module). */
  planQty: string | null;
  /** good / plan in percent; null without a plan or with a plan of 0. */
  pct: number | null;
}

/**
 * The output of the day joined with the plan per work center and item (either side may be missing);
 * `plan` null: the tenant has no schedule to compare with.
 */
export function outputAgainstPlan(
  output: ProductionOutputRow[],
  plan: PlanRow[] | null,
  workCenterNames: Map<string, string> = new Map(),
): OutputLine[] {
  const key = (wc: string, item: string) => `${wc}\u0000${item}`;
  const lines = new Map<string, OutputLine>();
  for (const r of output)
    lines.set(key(r.workCenterCode, r.itemCode), {
      workCenterCode: r.workCenterCode,
      workCenterName: r.workCenterName,
      itemCode: r.itemCode,
      itemName: r.itemName,
      unit: r.unit,
      goodQty: r.goodQty,
      scrapQty: r.scrapQty,
      reportCount: r.reportCount,
      planQty: plan ? '0' : null,
      pct: null,
    });
  for (const p of plan ?? []) {
    const k = key(p.workCenterCode, p.itemCode);
    const line = lines.get(k) ?? {
      workCenterCode: p.workCenterCode,
      workCenterName: workCenterNames.get(p.workCenterCode) ?? '',
      itemCode: p.itemCode,
      itemName: p.itemName,
      unit: '',
      goodQty: '0',
      scrapQty: '0',
      reportCount: 0,
      planQty: '0',
      pct: null,
    };
    line.planQty = dec(line.planQty).plus(dec(p.qty)).toFixed();
    lines.set(k, line);
  }
  for (const l of lines.values())
    l.pct = l.planQty !== null && dec(l.planQty).gt(0) ? percentOf(dec(l.goodQty), dec(l.planQty)) : null;
  return [...lines.values()].sort(
    (a, b) => a.workCenterCode.localeCompare(b.workCenterCode) || a.itemCode.localeCompare(b.itemCode),
  );
}

export interface ChartGroup {
  label: string;
  good: number;
  plan: number | null;
}

/** Output and plan summed per work center, for the grouped bar chart. */
export function chartGroups(lines: OutputLine[]): ChartGroup[] {
  const groups = new Map<string, { good: Dec; plan: Dec | null }>();
  for (const l of lines) {
    const g = groups.get(l.workCenterCode) ?? {
      good: new Dec(0),
      plan: l.planQty === null ? null : new Dec(0),
    };
    g.good = g.good.plus(dec(l.goodQty));
    if (g.plan && l.planQty !== null) g.plan = g.plan.plus(dec(l.planQty));
    groups.set(l.workCenterCode, g);
  }
  return [...groups].map(([label, g]) => ({
    label,
    good: Number(g.good.toFixed()),
    plan: g.plan === null ? null : Number(g.plan.toFixed()),
  }));
}

export interface ChartBar {
  kind: 'good' | 'plan';
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  plotTop: number;
  plotBottom: number;
  max: number;
  ticks: { y: number; value: number }[];
  groups: { label: string; x: number; center: number; bars: ChartBar[] }[];
}

/** A round axis maximum ≥ `v`: four equal steps of 1, 2, 2.5 (from 10 up) or 5 × 10ⁿ. */
export function niceMax(v: number): number {
  const raw = Math.max(v, 0) / 4;
  if (raw <= 0) return 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const steps = p >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  const m = steps.find((x) => x * p >= raw) ?? 10;
  return 4 * m * p;
}

/** Geometry of the grouped bar chart (SVG user units): per work center a plan bar and an output bar. */
export function chartLayout(groups: ChartGroup[], width = 720, height = 260): ChartLayout {
  const plotTop = 16;
  const plotBottom = height - 36;
  const left = 48;
  const plotHeight = plotBottom - plotTop;
  const withPlan = groups.some((g) => g.plan !== null);
  const max = niceMax(Math.max(0, ...groups.flatMap((g) => [g.good, g.plan ?? 0])));
  const slot = groups.length ? (width - left - 8) / groups.length : 0;
  const barCount = withPlan ? 2 : 1;
  const barWidth = Math.max(4, Math.min(40, (slot * 0.7) / barCount));
  const scale = (v: number) => (v / max) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ y: plotBottom - f * plotHeight, value: max * f }));
  return {
    width,
    height,
    plotTop,
    plotBottom,
    max,
    ticks,
    groups: groups.map((g, i) => {
      const center = left + slot * i + slot / 2;
      const x0 = center - (barWidth * barCount) / 2;
      const bars: ChartBar[] = [];
      if (withPlan) {
        const h = scale(g.plan ?? 0);
        bars.push({ kind: 'plan', x: x0, y: plotBottom - h, width: barWidth, height: h, value: g.plan ?? 0 });
      }
      const h = scale(g.good);
      bars.push({
        kind: 'good',
        x: x0 + (withPlan ? barWidth : 0),
        y: plotBottom - h,
        width: barWidth,
        height: h,
        value: g.good,
      });
      return { label: g.label, x: left + slot * i, center, bars };
    }),
  };
}

// ---------------------------------------------------------------- operators

/** What the API takes (see the operator DTOs): code 1–40 letters, digits and - _ . ; PIN 4–8 digits. */
export const OPERATOR_LIMITS = { code: 40, name: 100, badge: 100 } as const;
const OPERATOR_CODE = /^[\p{L}\p{N}][\p{L}\p{N}\-_.]*$/u;
const OPERATOR_PIN = /^\d{4,8}$/;

export interface OperatorForm {
  code: string;
  name: string;
  badge: string;
  /** Empty: none on create, unchanged on edit. */
  pin: string;
  active: boolean;
}

/** The form of a new operator, or of `op` to edit (its PIN is never known: empty). */
export function operatorForm(op?: Pick<OperatorView, 'code' | 'name' | 'badge' | 'active'>): OperatorForm {
  return {
    code: op?.code ?? '',
    name: op?.name ?? '',
    badge: op?.badge ?? '',
    pin: '',
    active: op?.active ?? true,
  };
}

/** Client checks of an operator (i18n keys by field); the code only on create (it cannot change). */
export function operatorFormErrors(form: OperatorForm, editing: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const code = form.code.trim();
  if (!editing && (!code || code.length > OPERATOR_LIMITS.code || !OPERATOR_CODE.test(code)))
    errors['code'] = 'pe.operators.errors.code';
  if (!form.name.trim()) errors['name'] = 'pe.operators.errors.name';
  if (form.pin && !OPERATOR_PIN.test(form.pin)) errors['pin'] = 'pe.operators.errors.pin';
  return errors;
}

/** A new operator as the API takes it: no badge or PIN when left empty. */
export function createOperatorInput(form: OperatorForm): CreateOperatorInput {
  const input: CreateOperatorInput = { code: form.code.trim(), name: form.name.trim() };
  if (form.badge.trim()) input.badge = form.badge.trim();
  if (form.pin) input.pin = form.pin;
  return input;
}

/** A change as the API takes it: an empty badge clears it, an empty PIN keeps the one set. */
export function updateOperatorInput(form: OperatorForm): UpdateOperatorInput {
  const input: UpdateOperatorInput = {
    name: form.name.trim(),
    badge: form.badge.trim() || null,
    active: form.active,
  };
  if (form.pin) input.pin = form.pin;
  return input;
}

/** Operators whose code, name or badge contains `q` (any case); all for an empty `q`. */
export function filterOperators<T extends Pick<OperatorView, 'code' | 'name' | 'badge'>>(
  operators: T[],
  q: string,
): T[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return operators;
  return operators.filter((o) =>
    [o.code, o.name, o.badge ?? ''].some((v) => v.toLowerCase().includes(needle)),
  );
}

// ---------------------------------------------------------------- errors

export interface ConflictDetail {
  field: string;
  message: string;
  [k: string]: unknown;
}

/** A detail's value as text (strings and numbers only). */
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The allowed quantity of a 409 OVER_REPORT (details `allowed`, `operationSeq`), if any. */
export function overReportAllowed(
  details: ConflictDetail[],
): { operationSeq: number; allowed: string } | null {
  const d = details.find((x) => typeof x['allowed'] === 'string');
  if (!d) return null;
  return { operationSeq: Number(text(d['operationSeq']) || 0), allowed: text(d['allowed']) };
}

export interface ShortageLine {
  itemCode: string;
  required: string;
  available: string;
  shortage: string;
}

/** The short components of a 409 KIT_SHORTAGE. */
export function shortageLines(details: ConflictDetail[]): ShortageLine[] {
  return details
    .filter((d) => typeof d['itemCode'] === 'string')
    .map((d) => ({
      itemCode: String(d['itemCode']),
      required: text(d['required']),
      available: text(d['available']),
      shortage: text(d['shortage']),
    }));
}

/** A failure whose outcome is unknown (no answer, or a 5xx): the retry keeps its Idempotency-Key. */
export function isUnanswered(e: unknown): boolean {
  return !(e instanceof ApiError && e.status > 0 && e.status < 500);
}
