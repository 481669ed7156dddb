import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { MrpModelError, planMrp } from '@mes/mrp-engine';
import {
  JobHandler,
  TenantDb,
  UsageMeter,
  type TenantJobContext,
  type TenantJobData,
  type TenantJobHandler,
} from '@mes/platform';
import type { MrpRunCounts } from '@mes/shared';
import { MRP_QUEUE, MRP_RUN_JOB, MrpMeter } from '../manifest';
import { MrpModelBuilder } from '../model/mrp-model-builder.service';
import { MrpPlanStore } from '../plan/mrp-plan-store.service';
import { MrpStockLocker } from '../plan/mrp-stock-locker.service';
import { currentRunId } from '../plan/current-run';

export interface MrpRunJobData extends TenantJobData {
  runId: string;
}

export interface MrpRunJobResult {
  runId: string;
  status: 'succeeded' | 'skipped';
  counts?: MrpRunCounts;
  timings?: Record<string, number>;
}

interface RunRow {
  start_date: string;
  horizon_days: number;
  lock_stock: boolean;
}

/** Test hook: pause between writing the plan and committing it, so a test can kill the worker there. */
function testPauseMs(): number {
  if (process.env.NODE_ENV !== 'test') return 0;
  const ms = Number(process.env.MRP_TEST_PAUSE_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/**
 * The MRP run job. The worker host wraps it in one tenant transaction: the model is read, the stock
 * locked and the plan replaced in it, and the run marked succeeded as its last statement — all or
 * nothing. Status changes that must survive a failure ('running', 'failed') are written in short
 * transactions of their own. An invalid model (MrpModelError) fails the run for good with the
 * engine's details; any other error is retried by BullMQ with backoff; a worker killed mid-run
 * leaves the previous plan (the open transaction dies with its connection) and the job is picked
 * up again as a stalled job.
 */
@Injectable()
@JobHandler(MRP_QUEUE, MRP_RUN_JOB)
export class MrpRunHandler implements TenantJobHandler<MrpRunJobData, MrpRunJobResult> {
  private readonly logger = new Logger('MrpRunHandler');

  constructor(
    private readonly db: TenantDb,
    private readonly builder: MrpModelBuilder,
    private readonly store: MrpPlanStore,
    private readonly locker: MrpStockLocker,
    private readonly usage: UsageMeter,
  ) {}

  async handle(job: Job<MrpRunJobData, MrpRunJobResult>, ctx: TenantJobContext): Promise<MrpRunJobResult> {
    const { runId } = job.data;
    const run = await this.db.ownTransaction(ctx.tenantId, async (m) => {
      // An UPDATE … RETURNING answers [rows, count].
      const [rows] = await m.query<[RunRow[], number]>(
        `UPDATE mrp_runs SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now())
          WHERE id = $1 AND status IN ('queued', 'running')
          RETURNING to_char(start_date, 'YYYY-MM-DD') AS start_date, horizon_days, lock_stock`,
        [runId],
      );
      return rows[0];
    });
    // Already finished (a job replayed after its commit): nothing to do.
    if (!run) return { runId, status: 'skipped' };
    try {
      return await this.run(job, ctx, runId, run);
    } catch (error) {
      if (error instanceof MrpModelError) {
        await this.fail(ctx.tenantId, runId, error.message, error.details);
        throw new UnrecoverableError(error.message);
      }
      const message = error instanceof Error ? error.message : String(error);
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.warn(`MRP run ${runId} attempt ${job.attemptsMade + 1} failed: ${message}`);
      if (last) await this.fail(ctx.tenantId, runId, message, []);
      else
        await this.db.ownTransaction(ctx.tenantId, (m) =>
          m.query(`UPDATE mrp_runs SET status = 'queued', error = $2 WHERE id = $1`, [
            runId,
            JSON.stringify({ message, details: [] }),
          ]),
        );
      throw error;
    }
  }

  private async run(
    job: Job<MrpRunJobData, MrpRunJobResult>,
    ctx: TenantJobContext,
    runId: string,
    run: RunRow,
  ): Promise<MrpRunJobResult> {
    const timings: Record<string, number> = {};
    let t0 = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      timings[name] = Math.round(now - t0);
      t0 = now;
    };
    await job.updateProgress(1);
    const built = await this.builder.build({ start: run.start_date, horizonDays: run.horizon_days });
    lap('build');
    await job.updateProgress(10);

    // The engine is synchronous: progress updates are queued and reach Redis when it returns.
    let shown = 10;
    const updates: Promise<void>[] = [];
    const result = planMrp(built.model, {
      records: true,
      onProgress: (fraction) => {
        const pct = 10 + Math.floor(fraction * 70);
        if (pct > shown) {
          shown = pct;
          updates.push(job.updateProgress(pct).catch(() => undefined));
        }
      },
    });
    lap('engine');
    await Promise.all(updates);
    await job.updateProgress(80);

    let locked = { lines: 0, qty: '0' };
    if (run.lock_stock) {
      locked = await this.locker.lock(ctx.tenantId, ctx.userId, built.model, result, built.salesLines);
      lap('lock');
    }
    await job.updateProgress(85);
    const previous = await currentRunId(ctx.manager);
    const stored = await this.store.replace(ctx.tenantId, runId, previous, result, built.demands);
    lap('store');
    for (const [step, ms] of Object.entries(stored.timings)) timings[`store.${step}`] = ms;
    const pause = testPauseMs();
    if (pause) {
      await job.updateProgress(95);
      await new Promise((r) => setTimeout(r, pause));
    }
    const counts: MrpRunCounts = {
      items: built.model.items.length,
      bomLines: built.model.bom?.length ?? 0,
      demands: built.model.demands?.length ?? 0,
      scheduledReceipts: built.model.scheduledReceipts?.length ?? 0,
      plannedOrders: stored.plannedOrders,
      pegs: stored.pegs,
      exceptions: stored.exceptions,
      lockedLines: locked.lines,
      lockedQty: locked.qty,
    };
    await this.usage.record(ctx.tenantId, MrpMeter.RUNS, '1', `mrp-run:${runId}`);
    // Last statement of the job's transaction: the run and its plan commit together.
    await ctx.manager.query(
      `UPDATE mrp_runs SET status = 'succeeded', finished_at = clock_timestamp(), counts = $2, timings = $3, error = NULL
        WHERE id = $1`,
      [runId, JSON.stringify(counts), JSON.stringify(timings)],
    );
    await job.updateProgress(100).catch(() => undefined);
    return { runId, status: 'succeeded', counts, timings };
  }

  private async fail(
    tenantId: string,
    runId: string,
    message: string,
    details: { field: string; message: string }[],
  ): Promise<void> {
    await this.db.ownTransaction(tenantId, (m) =>
      m.query(`UPDATE mrp_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [
        runId,
        JSON.stringify({ message, details }),
      ]),
    );
  }
}
