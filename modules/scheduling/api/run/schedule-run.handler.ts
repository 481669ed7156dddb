import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { runPlantInThread, ShopModelError, type PlantSchedule } from '@mes/scheduling-engine';
import {
  JobHandler,
  TenantDb,
  UsageMeter,
  type TenantJobContext,
  type TenantJobData,
  type TenantJobHandler,
} from '@mes/platform';
import { SchedulingErrorCode, type ObjectiveWeightsInput } from '@mes/shared';
import { SCHEDULING_QUEUE, SCHEDULING_RUN_JOB, SchedulingMeter } from '../manifest';
import { PlantProblemBuilder, type BuiltProblem } from '../problem/plant-problem.builder';
import { describeProblemFields } from '../problem/problem-errors';
import { publishedLocks } from '../version/published-locks';
import { ScheduleVersionStore } from '../version/schedule-version.store';

export interface ScheduleRunJobData extends TenantJobData {
  runId: string;
}

export interface ScheduleRunJobResult {
  runId: string;
  status: 'succeeded' | 'cancelled' | 'skipped';
  versionId?: string;
}

interface RunRow {
  name: string;
  strategy: 'forward' | 'backward';
  rule: string;
  time_limit_seconds: number;
  weights: ObjectiveWeightsInput;
  work_center_codes: string[] | null;
}

/** Horizons tried in turn when the calendars end before the work fits. */
const HORIZONS_DAYS = [90, 365, 1095];
const CANCEL_POLL_MS = 400;
/** Rounds of releasing locks that can no longer hold before the run gives up. */
const MAX_LOCK_RETRIES = 5;

type Lock = Awaited<ReturnType<typeof publishedLocks>>[number];

/** The locked (not started) operations among engine fields `jobs[j].operations[i]…`. */
function lockedOperations(built: BuiltProblem, fields: string[]): { workOrderId: string; seq: number }[] {
  const found: { workOrderId: string; seq: number }[] = [];
  for (const field of fields) {
    const m = /^jobs\[(\d+)\]\.operations\[(\d+)\]\.fixed/.exec(field);
    if (!m) continue;
    const job = built.jobs[Number(m[1])];
    const op = job?.operations[Number(m[2])];
    if (job && op && !op.started) found.push({ workOrderId: job.workOrderId, seq: op.seq });
  }
  return found;
}

/** Locked operations that start before their job predecessor ends (+ lag) or before the release. */
function lateLocks(built: BuiltProblem, schedule: PlantSchedule): { workOrderId: string; seq: number }[] {
  const found: { workOrderId: string; seq: number }[] = [];
  built.problem.jobs.forEach((job, j) => {
    job.operations.forEach((op, i) => {
      const info = built.jobs[j]?.operations[i];
      const placed = schedule.operations[j]?.[i];
      if (!op.fixed || !info || info.started || !placed) return;
      const previous = i > 0 ? schedule.operations[j]?.[i - 1] : undefined;
      const ready = previous ? previous.end + (op.lagBefore ?? 0) : (job.release ?? 0);
      if (placed.start < ready) found.push({ workOrderId: built.jobs[j]?.workOrderId ?? '', seq: info.seq });
    });
  });
  return found;
}

function release(
  locks: Lock[],
  drop: { workOrderId: string; seq: number }[],
  warnings: { field: string; message: string }[],
  why: string,
): Lock[] {
  const keys = new Set(drop.map((d) => `${d.workOrderId}:${d.seq}`));
  for (const d of drop)
    warnings.push({
      field: `workOrders.${d.workOrderId}.operations.${d.seq}`,
      message: `解除锁定 / lock released: ${why}`,
    });
  return locks.filter((l) => !keys.has(`${l.workOrderId}:${l.seq}`));
}

/**
 * The scheduling run job: builds the problem from the tenant's open work orders, runs the engine in a
 * worker thread (progress 10 → 95 %, a cancel request read every 0.4 s stops the search and keeps the
 * best schedule so far) and stores the result as a new draft version with its KPIs — all in the
 * job's transaction, the run marked last. An invalid problem (e.g. an operation longer than every
 * calendar window) fails the run for good with the engine's field-by-field details.
 */
@Injectable()
@JobHandler(SCHEDULING_QUEUE, SCHEDULING_RUN_JOB)
export class ScheduleRunHandler implements TenantJobHandler<ScheduleRunJobData, ScheduleRunJobResult> {
  private readonly logger = new Logger('ScheduleRunHandler');

  constructor(
    private readonly db: TenantDb,
    private readonly builder: PlantProblemBuilder,
    private readonly store: ScheduleVersionStore,
    private readonly usage: UsageMeter,
  ) {}

  async handle(
    job: Job<ScheduleRunJobData, ScheduleRunJobResult>,
    ctx: TenantJobContext,
  ): Promise<ScheduleRunJobResult> {
    const { runId } = job.data;
    const run = await this.db.ownTransaction(ctx.tenantId, async (m) => {
      const [rows] = await m.query<[RunRow[], number]>(
        `UPDATE sch_runs SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now())
          WHERE id = $1 AND status IN ('queued', 'running')
          RETURNING name, strategy, rule, time_limit_seconds, weights, work_center_codes`,
        [runId],
      );
      return rows[0];
    });
    if (!run) return { runId, status: 'skipped' };
    try {
      return await this.run(job, ctx, runId, run);
    } catch (error) {
      if (error instanceof ShopModelError || error instanceof NothingToSchedule) {
        const details = error instanceof ShopModelError ? error.details : [];
        await this.fail(ctx.tenantId, runId, error.message, details, error instanceof NothingToSchedule);
        throw new UnrecoverableError(error.message);
      }
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`scheduling run ${runId} attempt ${job.attemptsMade + 1} failed: ${message}`);
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last) await this.fail(ctx.tenantId, runId, message, [], false);
      else
        await this.db.ownTransaction(ctx.tenantId, (m) =>
          m.query(`UPDATE sch_runs SET status = 'queued' WHERE id = $1`, [runId]),
        );
      throw error;
    }
  }

  private async run(
    job: Job<ScheduleRunJobData, ScheduleRunJobResult>,
    ctx: TenantJobContext,
    runId: string,
    run: RunRow,
  ): Promise<ScheduleRunJobResult> {
    const timings: Record<string, number> = {};
    let t0 = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      timings[name] = Math.round(now - t0);
      t0 = now;
    };
    await job.updateProgress(2);
    let locks = await publishedLocks(ctx.manager);
    const warnings: { field: string; message: string }[] = [];
    let horizon = 0;
    let built: BuiltProblem | undefined;
    let schedule: PlantSchedule | undefined;
    let cancelled = false;
    for (let attempt = 0; ; attempt++) {
      const horizonDays = HORIZONS_DAYS[horizon] ?? 90;
      built = await this.builder.build(ctx.manager, ctx.tenantId, {
        horizonDays,
        workCenterCodes: run.work_center_codes,
        locks,
      });
      if (built.jobs.length === 0) throw new NothingToSchedule();
      lap('build');
      await job.updateProgress(10);
      if (await this.cancelRequested(ctx.tenantId, runId)) {
        // Cancelled before the search began: nothing to keep.
        await ctx.manager.query(
          `UPDATE sch_runs SET status = 'cancelled', finished_at = clock_timestamp(), timings = $2 WHERE id = $1`,
          [runId, JSON.stringify(timings)],
        );
        return { runId, status: 'cancelled' };
      }
      let outcome: { schedule: PlantSchedule; cancelled: boolean };
      try {
        outcome = await this.search(job, ctx, runId, run, built);
      } catch (error) {
        if (!(error instanceof ShopModelError)) throw error;
        const calendarTooShort = error.details.every(
          (d) => /^resources\[\d+\]\.windows$/.test(d.field) && /ends before/.test(d.message),
        );
        if (calendarTooShort && horizon < HORIZONS_DAYS.length - 1) {
          horizon++;
          continue;
        }
        // Locks that clash among themselves now (e.g. a quantity grew): released, named in the run.
        const clashing = lockedOperations(
          built,
          error.details.map((d) => d.field),
        );
        if (clashing.length > 0 && attempt < MAX_LOCK_RETRIES) {
          locks = release(
            locks,
            clashing,
            warnings,
            '与其他锁定工序冲突 / clashes with another locked operation',
          );
          continue;
        }
        // Named by work order and operation, not by the engine's indexes.
        throw new ShopModelError(describeProblemFields(built, error.details));
      }
      // A lock its predecessors can no longer meet would make the schedule invalid: release and redo.
      const late = lateLocks(built, outcome.schedule);
      if (late.length > 0 && !outcome.cancelled && attempt < MAX_LOCK_RETRIES) {
        locks = release(
          locks,
          late,
          warnings,
          '前道工序无法在锁定时间前完工 / its predecessors cannot finish before it',
        );
        continue;
      }
      schedule = outcome.schedule;
      cancelled = outcome.cancelled;
      break;
    }
    lap('engine');
    await job.updateProgress(95);
    const version = await this.store.save(ctx.manager, {
      tenantId: ctx.tenantId,
      userId: ctx.userId,
      runId,
      name: run.name,
      strategy: run.strategy,
      built,
      schedule,
    });
    lap('store');
    await this.usage.record(ctx.tenantId, SchedulingMeter.RUNS, '1', `scheduling-run:${runId}`);
    await ctx.manager.query(
      `UPDATE sch_runs SET status = $2, version_id = $3, finished_at = clock_timestamp(), timings = $4, warnings = $5,
         error = NULL WHERE id = $1`,
      [
        runId,
        cancelled ? 'cancelled' : 'succeeded',
        version.id,
        JSON.stringify(timings),
        JSON.stringify(warnings),
      ],
    );
    await job.updateProgress(100).catch(() => undefined);
    return { runId, status: cancelled ? 'cancelled' : 'succeeded', versionId: version.id };
  }

  /** The engine in its thread; progress relayed, cancel requests polled. */
  private async search(
    job: Job<ScheduleRunJobData, ScheduleRunJobResult>,
    ctx: TenantJobContext,
    runId: string,
    run: RunRow,
    built: BuiltProblem,
  ): Promise<{ schedule: PlantSchedule; cancelled: boolean }> {
    let shown = 10;
    const thread = runPlantInThread(built.problem, {
      strategy: run.strategy,
      rule: run.rule as 'auto',
      timeLimitMs: run.time_limit_seconds * 1000,
      weights: run.weights,
      seed: 1,
      onProgress: (fraction) => {
        const pct = 10 + Math.floor(fraction * 85);
        if (pct > shown) {
          shown = pct;
          void job.updateProgress(pct).catch(() => undefined);
        }
      },
    });
    // Shared with the polling loop below (a closure: plain locals would be narrowed away).
    const state = { polling: true, cancelled: false };
    const poll = (async () => {
      while (state.polling) {
        await new Promise((r) => setTimeout(r, CANCEL_POLL_MS));
        if (await this.cancelRequested(ctx.tenantId, runId).catch(() => false)) {
          state.cancelled = true;
          thread.cancel();
          break;
        }
      }
    })();
    try {
      const schedule = await thread.result;
      return { schedule, cancelled: state.cancelled || schedule.stoppedBy === 'cancel' };
    } finally {
      state.polling = false;
      await poll;
    }
  }

  private async cancelRequested(tenantId: string, runId: string): Promise<boolean> {
    const [row] = await this.db.ownTransaction(tenantId, (m) =>
      m.query<{ cancel_requested: boolean }[]>(`SELECT cancel_requested FROM sch_runs WHERE id = $1`, [
        runId,
      ]),
    );
    return row?.cancel_requested ?? false;
  }

  private async fail(
    tenantId: string,
    runId: string,
    message: string,
    details: { field: string; message: string }[],
    nothing: boolean,
  ): Promise<void> {
    const error = nothing
      ? { message, details: [{ field: 'workOrders', message: SchedulingErrorCode.NOTHING_TO_SCHEDULE }] }
      : { message, details };
    await this.db.ownTransaction(tenantId, (m) =>
      m.query(`UPDATE sch_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [
        runId,
        JSON.stringify(error),
      ]),
    );
  }
}

class NothingToSchedule extends Error {
  constructor() {
    super('没有待排产的工单工序 / no open work-order operation to schedule');
    this.name = 'NothingToSchedule';
  }
}
