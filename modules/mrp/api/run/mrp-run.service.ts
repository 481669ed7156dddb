import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConflictError, JobQueues, JobSubmitter, NotFoundError, TenantDb, type Actor } from '@mes/platform';
import {
  MrpErrorCode,
  newId,
  type MrpRunCounts,
  type MrpRunStatus,
  type MrpRunSubmitted,
  type MrpRunView,
} from '@mes/shared';
import { MRP_QUEUE, MRP_RUN_JOB } from '../manifest';
import { currentRunId } from '../plan/current-run';
import { tenantToday } from '../shared/dates';
import type { MrpRunDto, MrpRunQueryDto } from './mrp-run.dto';

export const DEFAULT_HORIZON_DAYS = 180;
const RUN = 'MRP 运算 / MRP run';

interface RunRow {
  id: string;
  job_id: string;
  status: MrpRunStatus;
  start_date: string;
  horizon_days: number;
  lock_stock: boolean;
  counts: MrpRunCounts | null;
  timings: Record<string, number> | null;
  error: MrpRunView['error'];
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS = `id, job_id, status, to_char(start_date, 'YYYY-MM-DD') AS start_date, horizon_days, lock_stock,
  counts, timings, error, attempts, created_at, started_at, finished_at`;

/** Starting MRP runs (one BullMQ job each, one active per tenant) and reading them. */
@Injectable()
export class MrpRuns {
  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobSubmitter,
    private readonly queues: JobQueues,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async submit(actor: Actor & { tenantId: string }, dto: MrpRunDto): Promise<MrpRunSubmitted> {
    await this.failLostRuns();
    const [active] = await this.m.query<{ id: string }[]>(
      `SELECT id FROM mrp_runs WHERE status IN ('queued', 'running')`,
    );
    if (active) throw this.activeConflict(active.id);
    const id = newId();
    const start = dto.start ?? (await tenantToday(this.m, actor.tenantId));
    // The partial unique index decides a race between two submits: the loser gets the same 409.
    const [inserted] = await this.m.query<{ id: string }[]>(
      `INSERT INTO mrp_runs (tenant_id, id, status, start_date, horizon_days, lock_stock, job_id, created_by)
       VALUES ($1, $2, 'queued', $3, $4, $5, $2, $6)
       ON CONFLICT (tenant_id) WHERE status IN ('queued', 'running') DO NOTHING RETURNING id`,
      [
        actor.tenantId,
        id,
        start,
        dto.horizonDays ?? DEFAULT_HORIZON_DAYS,
        dto.lockStock ?? false,
        actor.userId,
      ],
    );
    if (!inserted) throw this.activeConflict(null);
    const jobId = await this.jobs.submit({
      tenantId: actor.tenantId,
      userId: actor.userId,
      queue: MRP_QUEUE,
      name: MRP_RUN_JOB,
      data: { runId: id },
      jobId: id,
    });
    return { runId: id, jobId };
  }

  async list(query: MrpRunQueryDto): Promise<{ items: MrpRunView[]; total: number }> {
    const params: unknown[] = [];
    let where = 'true';
    if (query.status) {
      params.push(query.status);
      where = `status = $1`;
    }
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM mrp_runs WHERE ${where}`,
      params,
    );
    const rows = await this.m.query<RunRow[]>(
      `SELECT ${COLUMNS} FROM mrp_runs WHERE ${where} ORDER BY created_at DESC, id DESC
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    const current = await currentRunId(this.m);
    return { items: rows.map((r) => this.view(r, current)), total: Number(count?.n ?? 0) };
  }

  async get(id: string): Promise<MrpRunView> {
    const [row] = await this.m.query<RunRow[]>(`SELECT ${COLUMNS} FROM mrp_runs WHERE id = $1`, [id]);
    if (!row) throw new NotFoundError(RUN);
    return this.view(row, await currentRunId(this.m));
  }

  /**
   * A run left queued/running whose job BullMQ no longer has or has given up on (e.g. a worker
   * killed on the last attempt) would block the tenant for ever: mark it failed.
   */
  private async failLostRuns(): Promise<void> {
    const rows = await this.m.query<{ id: string; job_id: string; created_at: Date }[]>(
      `SELECT id, job_id, created_at FROM mrp_runs WHERE status IN ('queued', 'running')`,
    );
    for (const r of rows) {
      const state = await this.queues.lostState(MRP_QUEUE, r.job_id, r.created_at);
      if (state !== null) {
        await this.m.query(
          `UPDATE mrp_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`,
          [r.id, JSON.stringify({ message: `job ${state}: the run was lost`, details: [] })],
        );
      }
    }
  }

  private activeConflict(id: string | null): ConflictError {
    return new ConflictError(
      MrpErrorCode.RUN_ACTIVE,
      'MRP 正在运算，请等待完成 / an MRP run is already queued or running',
      id ? [{ field: 'runId', message: id }] : [],
    );
  }

  private view(r: RunRow, current: string | null): MrpRunView {
    return {
      id: r.id,
      jobId: r.job_id,
      status: r.status,
      start: r.start_date,
      horizonDays: r.horizon_days,
      lockStock: r.lock_stock,
      current: r.id === current,
      counts: r.counts,
      timings: r.timings,
      error: r.error,
      attempts: r.attempts,
      createdAt: r.created_at.toISOString(),
      startedAt: r.started_at?.toISOString() ?? null,
      finishedAt: r.finished_at?.toISOString() ?? null,
    };
  }
}
