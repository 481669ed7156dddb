/**
 * What a planner reads off a schedule: per work order its start, end, lateness and — when late — the
 * cause (the resource it waited longest for, its release date, a work order feeding it, or simply too
 * much work for the time left); per resource busy/available minutes; and the version's KPIs. Pure: the job, a move and the
 * what-if all call it.
 */
import type { ScheduledOperation } from '@mes/scheduling-engine';
import type { LateCause, ScheduleKpis } from '@mes/shared';
import type { TimeAxis } from '../problem/time-axis';

export interface SummaryJob {
  dueMinutes: number | null;
  releaseMinutes: number;
  workCenterCodes: readonly string[];
  /** The work orders feeding it (their job index): it starts after the last of them ends. */
  fedBy?: readonly { job: number; workOrderNo: string; itemCode: string }[];
}

export interface SummaryResource {
  workCenterCode: string;
  windows: readonly (readonly [number, number])[] | null;
}

export interface OrderOutcome {
  start: number;
  end: number;
  latenessMinutes: number;
  lateCause: LateCause | null;
}

export interface ResourceLoad {
  busyMinutes: number;
  availableMinutes: number;
  utilisation: number;
}

export interface ScheduleSummary {
  kpis: ScheduleKpis;
  orders: OrderOutcome[];
  resources: ResourceLoad[];
}

/** Working minutes of `windows` (null = always open) inside [from, to). */
export function availableMinutes(
  windows: readonly (readonly [number, number])[] | null,
  from: number,
  to: number,
): number {
  if (to <= from) return 0;
  if (windows === null) return to - from;
  let total = 0;
  for (const [s, e] of windows) {
    if (e <= from) continue;
    if (s >= to) break;
    total += Math.min(e, to) - Math.max(s, from);
  }
  return total;
}

export function summariseSchedule(
  axis: TimeAxis,
  jobs: readonly SummaryJob[],
  resources: readonly SummaryResource[],
  operations: readonly (readonly ScheduledOperation[])[],
): ScheduleSummary {
  let makespan = 0;
  let setup = 0;
  let opCount = 0;
  const busy = new Array<number>(resources.length).fill(0);
  const orders: OrderOutcome[] = jobs.map((job, j) => {
    const ops = operations[j] ?? [];
    let start = Number.POSITIVE_INFINITY;
    let end = 0;
    let worstWait = 0;
    let worstAt = -1;
    // The feeding work order that ended last: the order could not start before it.
    let feedEnd = 0;
    let feeder: { workOrderNo: string; itemCode: string } | undefined;
    for (const f of job.fedBy ?? []) {
      const end = (operations[f.job] ?? []).reduce((e, op) => Math.max(e, op.end), 0);
      if (end > feedEnd) {
        feedEnd = end;
        feeder = f;
      }
    }
    const feedWait = Math.max(0, feedEnd - job.releaseMinutes);
    let ready = Math.max(job.releaseMinutes, feedEnd);
    ops.forEach((op, i) => {
      opCount++;
      start = Math.min(start, op.setupStart);
      end = Math.max(end, op.end);
      setup += op.setup;
      busy[op.resource] =
        (busy[op.resource] ?? 0) +
        availableMinutes(resources[op.resource]?.windows ?? null, op.setupStart, op.end);
      const wait = op.setupStart - ready;
      if (wait > worstWait) {
        worstWait = wait;
        worstAt = i;
      }
      ready = op.end;
    });
    makespan = Math.max(makespan, end);
    const lateness = job.dueMinutes === null ? 0 : Math.max(0, end - job.dueMinutes);
    let lateCause: LateCause | null = null;
    if (lateness > 0) {
      const waitedFor = worstAt >= 0 ? job.workCenterCodes[worstAt] : undefined;
      // Waiting for material (the release date) longer than for any resource.
      if (job.releaseMinutes > 0 && job.releaseMinutes >= worstWait && job.releaseMinutes >= feedWait) {
        lateCause = {
          kind: 'material',
          code: 'releaseDate',
          message: '物料到齐日晚于交期 / material arrives after the due date',
          waitMinutes: job.releaseMinutes,
        };
      } else if (feeder && feedWait > 0 && feedWait >= worstWait) {
        // Waiting for a sub-assembly made by another work order.
        lateCause = {
          kind: 'material',
          code: feeder.itemCode,
          message:
            `等待子工单 ${feeder.workOrderNo}（${feeder.itemCode}）完工 ${feedWait} 分钟 / ` +
            `waited ${feedWait} min for work order ${feeder.workOrderNo} (${feeder.itemCode})`,
          waitMinutes: feedWait,
        };
      } else if (waitedFor !== undefined && worstWait > 0) {
        lateCause = {
          kind: 'resource',
          code: waitedFor,
          message: `在 ${waitedFor} 等待 ${worstWait} 分钟 / waited ${worstWait} min for ${waitedFor}`,
          waitMinutes: worstWait,
        };
      } else {
        lateCause = {
          kind: 'capacity',
          code: '',
          message: '工作量超过交期前的可用工时 / more work than working time before the due date',
          waitMinutes: 0,
        };
      }
    }
    return { start: Number.isFinite(start) ? start : 0, end, latenessMinutes: lateness, lateCause };
  });
  const loads: ResourceLoad[] = resources.map((r, i) => {
    const available = availableMinutes(r.windows, 0, makespan);
    const b = busy[i] ?? 0;
    return {
      busyMinutes: b,
      availableMinutes: available,
      utilisation: available > 0 ? Math.min(1, b / available) : 0,
    };
  });
  const used = loads.filter((l) => l.busyMinutes > 0);
  const late = orders.filter((o) => o.latenessMinutes > 0);
  return {
    kpis: {
      makespanEnd: opCount > 0 ? axis.iso(makespan) : null,
      makespanMinutes: makespan,
      lateOrders: late.length,
      totalLatenessMinutes: late.reduce((s, o) => s + o.latenessMinutes, 0),
      maxLatenessMinutes: late.reduce((s, o) => Math.max(s, o.latenessMinutes), 0),
      setupMinutes: setup,
      meanUtilisation: used.length
        ? Number((used.reduce((s, l) => s + l.utilisation, 0) / used.length).toFixed(4))
        : 0,
      operations: opCount,
      workOrders: jobs.length,
    },
    orders,
    resources: loads,
  };
}
