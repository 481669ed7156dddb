import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ConflictError,
  InvalidStatusError,
  NotFoundError,
  TenantDb,
  ValidationFailedError,
} from '@mes/platform';
import {
  adjustSchedule,
  ScheduleAdjustError,
  type PlantProblem,
  type ScheduledOperation,
} from '@mes/scheduling-engine';
import { SchedulingErrorCode, type GanttOperation, type MoveOperationResult } from '@mes/shared';
import { TimeAxis } from '../problem/time-axis';
import { MaterialCauses } from '../version/material-causes.service';
import { summariseSchedule } from '../version/schedule-summary';
import { VERSION, ScheduleVersionReader } from '../version/schedule-version.reader';
import type { OperationRow } from '../version/schedule-version.rows';
import { ScheduleVersionStore, type StoredProblem } from '../version/schedule-version.store';
import type { MoveOperationDto } from './schedule-adjust.dto';

const OPERATION = '排程工序 / scheduled operation';

/**
 * The planner's hand on the schedule: move an operation in time or to another eligible resource (the
 * engine re-validates and pushes what depends on it, never moving a locked or started operation), and
 * lock/unlock operations so new runs keep them. A moved operation is locked where it was put.
 */
@Injectable()
export class ScheduleAdjuster {
  constructor(
    private readonly db: TenantDb,
    private readonly reader: ScheduleVersionReader,
    private readonly store: ScheduleVersionStore,
    private readonly materials: MaterialCauses,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async move(
    tenantId: string,
    versionId: string,
    operationId: string,
    dto: MoveOperationDto,
  ): Promise<MoveOperationResult> {
    const version = await this.reader.row(versionId, this.m, true);
    if (version.status === 'superseded') throw new InvalidStatusError(VERSION, version.status, 'adjust');
    const axis = new TimeAxis(version.horizon_start);
    // One connection per request: one query at a time.
    const stored = await this.reader.stored(versionId);
    const rows = await this.reader.operations(versionId);
    const target = rows.find((r) => r.id === operationId);
    if (!target) throw new NotFoundError(OPERATION);
    let resource: number | undefined;
    if (dto.resourceCode !== undefined) {
      resource = stored.resources.findIndex((r) => r.code === dto.resourceCode);
      if (resource < 0)
        throw new ValidationFailedError([
          { field: 'resourceCode', message: `unknown resource ${dto.resourceCode}` },
        ]);
    }
    const start = axis.minutes(new Date(dto.start));
    if (start < 0) {
      throw new ValidationFailedError([
        { field: 'start', message: `must not be before the schedule's start ${axis.start.toISOString()}` },
      ]);
    }
    const current = toSchedule(axis, rows);
    const locked = rows
      .filter((r) => (r.locked || r.started) && r.id !== operationId)
      .map((r) => ({ job: r.job, index: r.op_index }));
    if (target.started) throw this.lockedError([target], rows);
    let result: ReturnType<typeof adjustSchedule>;
    try {
      result = adjustSchedule(
        unpinned(stored.problem, rows),
        current,
        {
          job: target.job,
          index: target.op_index,
          start,
          ...(resource === undefined ? {} : { resource }),
        },
        { locked },
      );
    } catch (error) {
      if (!(error instanceof ScheduleAdjustError)) throw error;
      if (error.kind === 'ineligible') {
        throw new ValidationFailedError([
          { field: 'resourceCode', message: `${dto.resourceCode ?? ''} cannot do this operation` },
        ]);
      }
      if (error.kind === 'unknown-operation') throw new NotFoundError(OPERATION);
      if (error.kind === 'locked') {
        const keys = new Set(error.operations.map((o) => `${o.job}:${o.index}`));
        throw this.lockedError(
          rows.filter((r) => keys.has(`${r.job}:${r.op_index}`)),
          rows,
        );
      }
      throw new ConflictError(
        SchedulingErrorCode.OPERATION_LOCKED,
        `无法移动 / cannot move: ${error.message}`,
        [],
      );
    }

    const byKey = new Map(rows.map((r) => [`${r.job}:${r.op_index}`, r]));
    const changed: { row: OperationRow; op: ScheduledOperation }[] = [];
    result.operations.forEach((ops, j) => {
      ops.forEach((op, i) => {
        const row = byKey.get(`${j}:${i}`);
        const before = current[j]?.[i];
        if (!row || !before) return;
        if (
          before.resource !== op.resource ||
          before.start !== op.start ||
          before.setupStart !== op.setupStart ||
          before.end !== op.end
        ) {
          changed.push({ row, op });
        }
      });
    });
    for (const { row, op } of changed) {
      const r = stored.resources[op.resource];
      await this.m.query(
        `UPDATE sch_version_operations SET resource = $2, resource_code = $3, work_center_code = $4, setup_start = $5,
           start_at = $6, end_at = $7, setup_minutes = $8 WHERE id = $1`,
        [
          row.id,
          op.resource,
          r?.code,
          r?.workCenterCode,
          axis.instant(op.setupStart),
          axis.instant(op.start),
          axis.instant(op.end),
          op.setup,
        ],
      );
    }
    await this.m.query(`UPDATE sch_version_operations SET locked = true WHERE id = $1`, [operationId]);
    const kpis = await this.refreshOrders(tenantId, versionId, axis, stored, result.operations);
    const orderNo = await this.orderNumbers(versionId);
    return {
      moved: result.moved.map((mv) => {
        const row = byKey.get(`${mv.job}:${mv.index}`);
        return {
          id: row?.id ?? '',
          workOrderNo: orderNo.get(mv.job) ?? '',
          seq: row?.seq ?? 0,
          from: axis.iso(mv.from),
          to: axis.iso(mv.to),
        };
      }),
      kpis,
    };
  }

  async lock(
    versionId: string,
    operationId: string,
    locked: boolean,
  ): Promise<Pick<GanttOperation, 'id' | 'locked'>> {
    const version = await this.reader.row(versionId, this.m, true);
    if (version.status === 'superseded') throw new InvalidStatusError(VERSION, version.status, 'adjust');
    const [row] = await this.m.query<{ id: string; started: boolean }[]>(
      `SELECT id, started FROM sch_version_operations WHERE version_id = $1 AND id = $2`,
      [versionId, operationId],
    );
    if (!row) throw new NotFoundError(OPERATION);
    if (row.started && !locked) {
      throw new ConflictError(
        SchedulingErrorCode.OPERATION_LOCKED,
        '工序已开工，不能解锁 / the operation has started: it stays fixed',
        [{ field: 'locked', message: 'started on the shop floor' }],
      );
    }
    await this.m.query(`UPDATE sch_version_operations SET locked = $2 WHERE id = $1`, [operationId, locked]);
    return { id: operationId, locked };
  }

  private async refreshOrders(
    tenantId: string,
    versionId: string,
    axis: TimeAxis,
    stored: StoredProblem,
    operations: ScheduledOperation[][],
  ) {
    const codes = await this.m.query<{ job: number; codes: string[] }[]>(
      `SELECT job, array_agg(work_center_code ORDER BY op_index) AS codes FROM sch_version_operations
        WHERE version_id = $1 GROUP BY job`,
      [versionId],
    );
    const codesOf = new Map(codes.map((c) => [c.job, c.codes]));
    const jobs = stored.jobs.map((j, i) => ({
      dueMinutes: j.dueMinutes,
      releaseMinutes: j.releaseMinutes,
      workCenterCodes: codesOf.get(i) ?? [],
      fedBy: j.fedBy,
    }));
    const summary = summariseSchedule(axis, jobs, stored.resources, operations);
    await this.materials.apply(
      stored.jobs.map((j) => j.workOrderId),
      summary,
      stored.jobs.map((j) => j.fedBy?.map((f) => f.itemCode)),
    );
    await this.m.query(`DELETE FROM sch_version_orders WHERE version_id = $1`, [versionId]);
    await this.store.writeOrders(
      this.m,
      tenantId,
      versionId,
      { axis, jobs: stored.jobs.map((j) => ({ ...j, operations: [] })) },
      summary,
    );
    await this.m.query(`UPDATE sch_versions SET kpis = $2, adjustments = adjustments + 1 WHERE id = $1`, [
      versionId,
      JSON.stringify(summary.kpis),
    ]);
    return summary.kpis;
  }

  private async orderNumbers(versionId: string): Promise<Map<number, string>> {
    const rows = await this.m.query<{ job: number; work_order_no: string }[]>(
      `SELECT job, work_order_no FROM sch_version_orders WHERE version_id = $1`,
      [versionId],
    );
    return new Map(rows.map((r) => [r.job, r.work_order_no]));
  }

  private lockedError(blocking: OperationRow[], _rows: OperationRow[]): ConflictError {
    return new ConflictError(
      SchedulingErrorCode.OPERATION_LOCKED,
      '工序已锁定或已开工，不能移动 / a locked or started operation would have to move',
      blocking.map((r) => ({
        field: `operations.${r.id}`,
        message: `seq ${r.seq} on ${r.resource_code} is ${r.started ? 'started' : 'locked'}`,
      })),
    );
  }
}

/** The stored schedule as the engine's operations. */
export function toSchedule(axis: TimeAxis, rows: readonly OperationRow[]): ScheduledOperation[][] {
  const jobs: ScheduledOperation[][] = [];
  for (const r of rows) {
    const ops = (jobs[r.job] ??= []);
    ops[r.op_index] = {
      job: r.job,
      index: r.op_index,
      resource: r.resource,
      setupStart: axis.minutes(r.setup_start),
      start: axis.minutes(r.start_at),
      end: axis.minutes(r.end_at),
      setup: r.setup_minutes,
    };
  }
  return jobs;
}

/** Locks live on the rows (the planner may lift them); only started operations stay pinned in the problem. */
function unpinned(problem: PlantProblem, rows: readonly OperationRow[]): PlantProblem {
  const started = new Set(rows.filter((r) => r.started).map((r) => `${r.job}:${r.op_index}`));
  return {
    ...problem,
    jobs: problem.jobs.map((job, j) => ({
      ...job,
      operations: job.operations.map((op, i) => {
        if (started.has(`${j}:${i}`) || op.fixed === undefined) return op;
        const { fixed: _fixed, ...rest } = op;
        return rest;
      }),
    })),
  };
}
