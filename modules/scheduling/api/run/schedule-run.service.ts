import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ConflictError,
  JobQueues,
  JobSubmitter,
  NotFoundError,
  TenantDb,
  ValidationFailedError,
  type Actor,
} from '@mes/platform';
import { flattenPlant, ShopModelError } from '@mes/scheduling-engine';
import {
  newId,
  SchedulingErrorCode,
  type ScheduleRunStatus,
  type ScheduleRunSubmitted,
  type ScheduleRunView,
} from '@mes/shared';
import { SCHEDULING_QUEUE, SCHEDULING_RUN_JOB } from '../manifest';
import { InvalidStatusError } from '@mes/platform';
import { PlantProblemBuilder } from '../problem/plant-problem.builder';
import { describeProblemFields } from '../problem/problem-errors';
import type { ScheduleRunDto, ScheduleRunQueryDto } from './schedule-run.dto';

/** Calendars for this many days are enough to check the data (the run extends them when needed). */
const PRECHECK_HORIZON_DAYS = 30;

const RUN = '排产运算 / scheduling run';
export const DEFAULT_TIME_LIMIT_SECONDS = 10;

interface RunRow {
  id: string;
  status: ScheduleRunStatus;
  name: string;
  strategy: 'forward' | 'backward';
  rule: ScheduleRunView['rule'];
  time_limit_seconds: number;
  version_id: string | null;
  cancel_requested: boolean;
  error: ScheduleRunView['error'];
  timings: Record<string, number> | null;
  warnings: { field: string; message: string }[];
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** Starting scheduling runs (one BullMQ job each, one active per tenant), cancelling and reading them. */
@Injectable()
export class ScheduleRuns {
  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobSubmitter,
    private readonly queues: JobQueues,
    private readonly builder: PlantProblemBuilder,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async submit(actor: Actor & { tenantId: string }, dto: ScheduleRunDto): Promise<ScheduleRunSubmitted> {
    await this.failLostRuns();
    await this.checkProblem(actor.tenantId, dto);
    const id = newId();
    const [inserted] = await this.m.query<{ id: string }[]>(
      `INSERT INTO sch_runs (tenant_id, id, status, name, strategy, rule, time_limit_seconds, weights, work_center_codes, created_by)
       VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id) WHERE status IN ('queued', 'running') DO NOTHING RETURNING id`,
      [
        actor.tenantId,
        id,
        dto.name ?? '',
        dto.strategy ?? 'backward',
        dto.rule ?? 'auto',
        dto.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
        JSON.stringify(dto.weights ?? {}),
        dto.workCenterCodes?.length ? dto.workCenterCodes : null,
        actor.userId,
      ],
    );
    if (!inserted) {
      const [active] = await this.m.query<{ id: string }[]>(
        `SELECT id FROM sch_runs WHERE status IN ('queued', 'running')`,
      );
      throw new ConflictError(
        SchedulingErrorCode.RUN_ACTIVE,
        '排产正在运算，请等待完成或取消 / a scheduling run is already queued or running',
        active ? [{ field: 'runId', message: active.id }] : [],
      );
    }
    const jobId = await this.jobs.submit({
      tenantId: actor.tenantId,
      userId: actor.userId,
      queue: SCHEDULING_QUEUE,
      name: SCHEDULING_RUN_JOB,
      data: { runId: id },
      jobId: id,
    });
    return { runId: id, jobId };
  }

  /**
   * The problem checked before anything is queued: an operation that may not span a break but is
   * longer than every working window of its work centers (and any other invalid data) is a 400
   * naming the work order and operation, not a failed run later. Nothing to schedule is a 409.
   */
  private async checkProblem(tenantId: string, dto: ScheduleRunDto): Promise<void> {
    const built = await this.builder.build(this.m, tenantId, {
      horizonDays: PRECHECK_HORIZON_DAYS,
      workCenterCodes: dto.workCenterCodes ?? null,
    });
    if (built.jobs.length === 0) {
      throw new ConflictError(
        SchedulingErrorCode.NOTHING_TO_SCHEDULE,
        '没有待排产的工单工序 / no open work-order operation to schedule',
        [{ field: 'workOrders', message: 'none open with an operation left' }],
      );
    }
    try {
      flattenPlant(built.problem);
    } catch (error) {
      if (error instanceof ShopModelError) {
        throw new ValidationFailedError(
          describeProblemFields(built, error.details),
          `排产数据不合法 / the work orders cannot be scheduled: ${error.details[0]?.message ?? ''}`,
        );
      }
      throw error;
    }
  }

  /** Asks a queued or running run to stop; the job keeps the best schedule found so far. */
  async cancel(id: string): Promise<ScheduleRunView> {
    const run = await this.get(id);
    if (run.status !== 'queued' && run.status !== 'running') {
      throw new InvalidStatusError(RUN, run.status, 'cancel');
    }
    await this.m.query(`UPDATE sch_runs SET cancel_requested = true WHERE id = $1`, [id]);
    if (run.status === 'queued') {
      const job = await this.queues.queue(SCHEDULING_QUEUE).getJob(id);
      const removed =
        job && (await job.getState()) === 'waiting'
          ? await job.remove().then(
              () => true,
              () => false,
            )
          : false;
      if (removed) {
        await this.m.query(
          `UPDATE sch_runs SET status = 'cancelled', finished_at = now() WHERE id = $1 AND status = 'queued'`,
          [id],
        );
      }
    }
    return this.get(id);
  }

  async list(query: ScheduleRunQueryDto): Promise<{ items: ScheduleRunView[]; total: number }> {
    const params: unknown[] = [];
    let where = 'true';
    if (query.status) {
      params.push(query.status);
      where = `status = $1`;
    }
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM sch_runs WHERE ${where}`,
      params,
    );
    const rows = await this.m.query<RunRow[]>(
      `SELECT * FROM sch_runs WHERE ${where} ORDER BY created_at DESC, id DESC
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: rows.map((r) => this.view(r)), total: Number(count?.n ?? 0) };
  }

  async get(id: string): Promise<ScheduleRunView> {
    const [row] = await this.m.query<RunRow[]>(`SELECT * FROM sch_runs WHERE id = $1`, [id]);
    if (!row) throw new NotFoundError(RUN);
    return this.view(row);
  }

  /** A run whose job BullMQ no longer has (or gave up on) would block the tenant: mark it failed. */
  private async failLostRuns(): Promise<void> {
    const rows = await this.m.query<{ id: string; created_at: Date }[]>(
      `SELECT id, created_at FROM sch_runs WHERE status IN ('queued', 'running')`,
    );
    for (const r of rows) {
      const state = await this.queues.lostState(SCHEDULING_QUEUE, r.id, r.created_at);
      if (state !== null) {
        await this.m.query(
          `UPDATE sch_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`,
          [r.id, JSON.stringify({ message: `job ${state}: the run was lost`, details: [] })],
        );
      }
    }
  }

  private view(r: RunRow): ScheduleRunView {
    return {
      id: r.id,
      jobId: r.id,
      status: r.status,
      strategy: r.strategy,
      rule: r.rule,
      timeLimitSeconds: r.time_limit_seconds,
      name: r.name,
      versionId: r.version_id,
      cancelRequested: r.cancel_requested,
      error: r.error,
      timings: r.timings,
      warnings: r.warnings,
      createdAt: r.created_at.toISOString(),
      startedAt: r.started_at?.toISOString() ?? null,
      finishedAt: r.finished_at?.toISOString() ?? null,
    };
  }
}
