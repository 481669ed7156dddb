import type { StatusOption } from '@mes/web-core/pages';
import type {
  ChangeoverInput,
  ItemFamilyInput,
  LateCause,
  MoveOperationResult,
  ScheduleComparison,
  ScheduleKpis,
  ScheduleRuleName,
  ScheduleRunStatus,
  ScheduleRunView,
  ScheduleStrategy,
  ScheduleVersionStatus,
} from '@mes/shared';
export { MODULE_KEYS } from './module-key';

export const SchedulingPermission = {
  READ: 'scheduling:read',
  /** Start and cancel runs, keep changeover data. */
  RUN: 'scheduling:run',
  /** Move and lock operations, rush-order what-if. */
  ADJUST: 'scheduling:adjust',
  PUBLISH: 'scheduling:publish',
} as const;

export const RUN_STATUS_OPTIONS: readonly StatusOption<ScheduleRunStatus>[] = [
  { value: 'queued', labelKey: 'scheduling.runStatus.queued', tagType: 'info' },
  { value: 'running', labelKey: 'scheduling.runStatus.running', tagType: 'primary' },
  { value: 'succeeded', labelKey: 'scheduling.runStatus.succeeded', tagType: 'success' },
  { value: 'failed', labelKey: 'scheduling.runStatus.failed', tagType: 'danger' },
  { value: 'cancelled', labelKey: 'scheduling.runStatus.cancelled', tagType: 'warning' },
];

export const VERSION_STATUS_OPTIONS: readonly StatusOption<ScheduleVersionStatus>[] = [
  { value: 'draft', labelKey: 'scheduling.versionStatus.draft', tagType: 'info' },
  { value: 'published', labelKey: 'scheduling.versionStatus.published', tagType: 'success' },
  { value: 'superseded', labelKey: 'scheduling.versionStatus.superseded', tagType: 'warning' },
];

export const LATE_CAUSE_OPTIONS: readonly StatusOption<LateCause['kind']>[] = [
  { value: 'resource', labelKey: 'scheduling.lateCause.resource', tagType: 'warning' },
  { value: 'material', labelKey: 'scheduling.lateCause.material', tagType: 'danger' },
  { value: 'capacity', labelKey: 'scheduling.lateCause.capacity', tagType: 'primary' },
];

export const STRATEGY_OPTIONS: readonly { value: ScheduleStrategy; labelKey: string }[] = [
  { value: 'forward', labelKey: 'scheduling.strategy.forward' },
  { value: 'backward', labelKey: 'scheduling.strategy.backward' },
];

export const RULE_OPTIONS: readonly { value: ScheduleRuleName; labelKey: string }[] = [
  { value: 'auto', labelKey: 'scheduling.rule.auto' },
  { value: 'EDD', labelKey: 'scheduling.rule.EDD' },
  { value: 'SPT', labelKey: 'scheduling.rule.SPT' },
  { value: 'CR', labelKey: 'scheduling.rule.CR' },
  { value: 'PRIORITY', labelKey: 'scheduling.rule.PRIORITY' },
  { value: 'FIFO', labelKey: 'scheduling.rule.FIFO' },
];

/** The objective weights a run may set (all optional). */
export const WEIGHT_KEYS = ['makespan', 'weightedTardiness', 'lateJobs', 'setup'] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];

/** The run budget the dialog allows (the API's 0…300 s), and its default. */
export const TIME_LIMIT = { min: 0, max: 300, default: 10 } as const;

/** The phases of a run's timings, in the order they happen; others follow. */
export const PHASES = ['load', 'build', 'engine', 'construct', 'search', 'store'] as const;

/** The run dialog's form as the page keeps it. */
export interface RunForm {
  strategy: ScheduleStrategy;
  rule: ScheduleRuleName;
  timeLimitSeconds: number | undefined;
  weights: Partial<Record<WeightKey, number | undefined>>;
  workCenterCodes: string[];
  name: string;
}

export function defaultRunForm(): RunForm {
  return {
    strategy: 'backward',
    rule: 'auto',
    timeLimitSeconds: TIME_LIMIT.default,
    weights: {},
    workCenterCodes: [],
    name: '',
  };
}

/** The request of the run dialog: only what the user set (the API has defaults for the rest). */
export function runInput(form: RunForm) {
  const weights: Partial<Record<WeightKey, number>> = {};
  for (const k of WEIGHT_KEYS) {
    const v = form.weights[k];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) weights[k] = v;
  }
  const limit = form.timeLimitSeconds;
  return {
    strategy: form.strategy,
    rule: form.rule,
    timeLimitSeconds:
      typeof limit === 'number' && Number.isFinite(limit)
        ? Math.max(TIME_LIMIT.min, Math.min(TIME_LIMIT.max, Math.round(limit)))
        : TIME_LIMIT.default,
    ...(Object.keys(weights).length ? { weights } : {}),
    ...(form.workCenterCodes.length ? { workCenterCodes: [...form.workCenterCodes] } : {}),
    ...(form.name.trim() ? { name: form.name.trim() } : {}),
  };
}

/** A run that may still change (progress bar, cancel button). */
export const isActiveRun = (r: Pick<ScheduleRunView, 'status'>) =>
  r.status === 'queued' || r.status === 'running';

/** Milliseconds between start and finish of a run; null while it has not finished. */
export function runDurationMs(
  run: Pick<ScheduleRunView, 'startedAt' | 'finishedAt' | 'createdAt'>,
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

/** The timings of a run as "phase ms" pairs, known phases first. */
export function timingList(timings: Record<string, number> | null): { phase: string; ms: number }[] {
  if (!timings) return [];
  const rank = (p: string) => {
    const top = p.split('.')[0] ?? p;
    const i = (PHASES as readonly string[]).indexOf(top);
    return i < 0 ? PHASES.length : i;
  };
  return Object.entries(timings)
    .map(([phase, ms]) => ({ phase, ms }))
    .sort((a, b) => rank(a.phase) - rank(b.phase));
}

/** Minutes as hours with one decimal ("12.5"). */
export const hours = (minutes: number) => (Math.round((minutes / 60) * 10) / 10).toFixed(1);

/** 0…1 as a whole percentage. */
export const percent = (ratio: number) => Math.round((Number.isFinite(ratio) ? ratio : 0) * 100);

/** Minutes as "2 d 3 h 5 min" / "3 h 5 min" / "45 min" (0 → "0 min"); negative as "-…". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  let m = Math.round(Math.abs(minutes));
  const d = Math.floor(m / 1440);
  m -= d * 1440;
  const h = Math.floor(m / 60);
  m -= h * 60;
  const parts = [d ? `${d} d` : '', h ? `${h} h` : '', m || (!d && !h) ? `${m} min` : ''].filter(Boolean);
  return sign + parts.join(' ');
}

/** One KPI of two schedules and whether the change is good (lower is better for all of them). */
export interface KpiChange {
  key: 'makespanEnd' | 'lateOrders' | 'totalLatenessMinutes' | 'setupMinutes' | 'meanUtilisation';
  before: number | string | null;
  after: number | string | null;
  /** after − before in the KPI's unit (minutes for the makespan end); 0 when unchanged. */
  delta: number;
  /** better / worse / same for the plant (higher utilisation is better). */
  trend: 'better' | 'worse' | 'same';
}

export function kpiChanges(before: ScheduleKpis, after: ScheduleKpis): KpiChange[] {
  const trend = (delta: number, higherIsBetter = false): KpiChange['trend'] =>
    Math.abs(delta) < 1e-9 ? 'same' : delta > 0 === higherIsBetter ? 'better' : 'worse';
  const endDelta =
    before.makespanEnd && after.makespanEnd
      ? Math.round((Date.parse(after.makespanEnd) - Date.parse(before.makespanEnd)) / 60_000)
      : after.makespanMinutes - before.makespanMinutes;
  const util = Math.round((after.meanUtilisation - before.meanUtilisation) * 1000) / 1000;
  return [
    {
      key: 'makespanEnd',
      before: before.makespanEnd,
      after: after.makespanEnd,
      delta: endDelta,
      trend: trend(endDelta),
    },
    {
      key: 'lateOrders',
      before: before.lateOrders,
      after: after.lateOrders,
      delta: after.lateOrders - before.lateOrders,
      trend: trend(after.lateOrders - before.lateOrders),
    },
    {
      key: 'totalLatenessMinutes',
      before: before.totalLatenessMinutes,
      after: after.totalLatenessMinutes,
      delta: after.totalLatenessMinutes - before.totalLatenessMinutes,
      trend: trend(after.totalLatenessMinutes - before.totalLatenessMinutes),
    },
    {
      key: 'setupMinutes',
      before: before.setupMinutes,
      after: after.setupMinutes,
      delta: after.setupMinutes - before.setupMinutes,
      trend: trend(after.setupMinutes - before.setupMinutes),
    },
    {
      key: 'meanUtilisation',
      before: before.meanUtilisation,
      after: after.meanUtilisation,
      delta: util,
      trend: trend(util, true),
    },
  ];
}

/** What a move did, for the message after it: operations moved (the one dragged and those pushed). */
export function moveSummary(result: MoveOperationResult, operationId: string) {
  const pushed = result.moved.filter((m) => m.id !== operationId);
  return {
    moved: result.moved.length,
    pushed: pushed.length,
    orders: [...new Set(pushed.map((m) => m.workOrderNo))],
  };
}

/** A cell of the comparison: the value, and how it compares with the first (baseline) version. */
export interface CompareCell {
  end: string | null;
  lateness: number | null;
  /** Minutes later (+) or earlier (−) than the baseline; null without both ends. */
  endDelta: number | null;
  trend: 'better' | 'worse' | 'same' | 'none';
}

export interface CompareRow {
  workOrderId: string;
  workOrderNo: string;
  dueDate: string | null;
  cells: CompareCell[];
  /** Some version differs from the baseline for this order. */
  differs: boolean;
}

/** Per order, each version's end and lateness against the first version's. */
export function comparisonRows(cmp: ScheduleComparison): CompareRow[] {
  return cmp.orders.map((o) => {
    const baseEnd = o.ends[0] ?? null;
    const baseLate = o.latenessMinutes[0] ?? null;
    const cells = cmp.versions.map((_, i): CompareCell => {
      const end = o.ends[i] ?? null;
      const lateness = o.latenessMinutes[i] ?? null;
      const endDelta = end && baseEnd ? Math.round((Date.parse(end) - Date.parse(baseEnd)) / 60_000) : null;
      let trend: CompareCell['trend'] = 'none';
      if (i > 0 && end !== null && baseEnd !== null) {
        const lateDelta = (lateness ?? 0) - (baseLate ?? 0);
        const d = lateDelta !== 0 ? lateDelta : (endDelta ?? 0);
        trend = d === 0 ? 'same' : d < 0 ? 'better' : 'worse';
      }
      return { end, lateness, endDelta, trend };
    });
    const differs = cells.some(
      (c, i) =>
        i > 0 && (c.trend === 'better' || c.trend === 'worse' || (c.end === null) !== (baseEnd === null)),
    );
    return { workOrderId: o.workOrderId, workOrderNo: o.workOrderNo, dueDate: o.dueDate, cells, differs };
  });
}

/** The versions a comparison may take (the API's 2–5). */
export const COMPARE_LIMITS = { min: 2, max: 5 } as const;

/** The editable rows of 换型设置. */
export interface FamilyRow {
  itemCode: string;
  itemName: string;
  family: string;
}
export interface ChangeoverRow {
  /** '' = every work center. */
  workCenterCode: string;
  fromFamily: string;
  toFamily: string;
  minutes: number | undefined;
}

/** The PUT body of the two tables (blank rows dropped, text trimmed, work center '' → omitted). */
export function changeoverInput(families: readonly FamilyRow[], changeovers: readonly ChangeoverRow[]) {
  const fam: ItemFamilyInput[] = [];
  const famIndex: number[] = [];
  families.forEach((f, i) => {
    if (!f.itemCode.trim() && !f.family.trim()) return;
    fam.push({ itemCode: f.itemCode.trim(), family: f.family.trim() });
    famIndex.push(i);
  });
  const co: ChangeoverInput[] = [];
  const coIndex: number[] = [];
  changeovers.forEach((c, i) => {
    if (!c.workCenterCode.trim() && !c.fromFamily.trim() && !c.toFamily.trim() && c.minutes === undefined)
      return;
    co.push({
      ...(c.workCenterCode.trim() ? { workCenterCode: c.workCenterCode.trim() } : {}),
      fromFamily: c.fromFamily.trim(),
      toFamily: c.toFamily.trim(),
      minutes: typeof c.minutes === 'number' ? c.minutes : Number.NaN,
    });
    coIndex.push(i);
  });
  return { body: { families: fam, changeovers: co }, famIndex, coIndex };
}

/** Field errors per table row: `rows[i][field]` ('' for the row as a whole). */
export type RowErrors = Record<number, Record<string, string>>;

/**
 * The API's 400 details (`families[3].itemCode`, `changeovers[1]`) as errors of the rows shown, mapped
 * back through the indexes of the rows that were sent (blank rows are not sent).
 */
export function rowErrors(
  details: readonly { field: string; message: string }[],
  famIndex: readonly number[],
  coIndex: readonly number[],
): { families: RowErrors; changeovers: RowErrors; other: string[] } {
  const families: RowErrors = {};
  const changeovers: RowErrors = {};
  const other: string[] = [];
  for (const d of details) {
    const m = /^(families|changeovers)[[.](\d+)\]?(?:\.(\w+))?$/.exec(d.field);
    const table = m?.[1] === 'families' ? families : changeovers;
    const sent = Number(m?.[2]);
    const shown = m ? (m[1] === 'families' ? famIndex : coIndex)[sent] : undefined;
    if (!m || shown === undefined) {
      other.push(d.field ? `${d.field}: ${d.message}` : d.message);
      continue;
    }
    const field = m[3] ?? '';
    const row = (table[shown] ??= {});
    row[field] = row[field] ? `${row[field]}; ${d.message}` : d.message;
  }
  return { families, changeovers, other };
}

/** A positive decimal string with at most 6 decimals (numeric(18,6)), as the API takes it. */
export function isPositiveQty(value: string): boolean {
  const v = value.trim();
  return /^\d{1,12}(\.\d{1,6})?$/.test(v) && /[1-9]/.test(v);
}
